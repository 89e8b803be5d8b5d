-- A loaded chunk's first upvalue is _ENV.
local f = load("x = 5")
local env = {}
debug.setupvalue(f, 1, env)
f()
print(env.x, x, debug.getupvalue(f, 1) , select(2, debug.getupvalue(f, 1)) == env)  -- expect: 5	nil	_ENV	true
