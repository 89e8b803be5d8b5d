-- type names every type.
print(type(nil), type(true), type(1), type(1.5), type("s"), type({}), type(print), type(function() end), type(coroutine.create(print)))  -- expect: nil	boolean	number	number	string	table	function	function	thread
print(pcall(type))  -- expect: false	bad argument #1 to 'type' (value expected)
print(type(io.stdout))  -- expect: userdata
