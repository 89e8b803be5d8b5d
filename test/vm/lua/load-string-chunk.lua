-- load compiles a string into a function.
local f = load("return 1 + 2")
print(f())  -- expect: 3
local g = load("local a, b = ... return a * b")
print(g(6, 7))  -- expect: 42
print(load("syntax error here"))  -- expect: nil	[string "syntax error here"]:1: syntax error near 'error'
