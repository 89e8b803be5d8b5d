-- load converts a number chunk to a string (lua_tolstring), as it does for reader pieces.
print(load(5))  -- expect: nil	[string "5"]:1: unexpected symbol near '5'
print(load(12)  == nil)  -- expect: true
