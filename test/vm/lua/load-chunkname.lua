-- The chunk name appears in messages.
print(load("x =", "=mychunk"))  -- expect: nil	mychunk:1: unexpected symbol near <eof>
print(load("x =", "@file.lua"))  -- expect: nil	file.lua:1: unexpected symbol near <eof>
print(load("x ="))  -- expect: nil	[string "x ="]:1: unexpected symbol near <eof>
print(load("x =", "plain"))  -- expect: nil	[string "plain"]:1: unexpected symbol near <eof>
print(pcall(load("error('e')", "=named")))  -- expect: false	named:1: e
print(pcall(load("error('e')", "@some/path.lua")))  -- expect: false	some/path.lua:1: e
