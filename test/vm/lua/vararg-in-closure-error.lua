-- "..." cannot be used outside a vararg function.
print(load("function f() return ... end"))  -- expect: nil	[string "function f() return ... end"]:1: cannot use '...' outside a vararg function near '...'
print(load("local function f(a) return function() return ... end end"))  -- expect: nil	[string "local function f(a) return function() return ..."]:1: cannot use '...' outside a vararg function near '...'
print(load("return ...") ~= nil)  -- expect: true
