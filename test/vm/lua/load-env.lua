-- load with a custom environment.
local env = {print = print, x = "from env"}
local f = load("x = x .. '!'; return x", "chunk", "t", env)
print(f(), env.x, x)  -- expect: from env!	from env!	nil
local g = load("return y", "c", "t", setmetatable({}, {__index = function(_, k) return k .. "?" end}))
print(g())  -- expect: y?
local h = load("return print", "c", "t", {})
print(h())  -- expect: nil
