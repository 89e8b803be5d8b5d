local function tail(n) if n == 0 then return "done" end return tail(n - 1) end
print(tail(10000000))  -- expect: done
local function deep(n) if n == 0 then return 0 end return 1 + deep(n - 1) end
print(deep(200000))  -- expect: 200000
print(pcall(deep, 1000000))  -- expect: false	deep-recursion.lua:3: stack overflow
local function inf() return inf() + 1 end
print(pcall(inf))  -- expect: false	deep-recursion.lua:6: stack overflow
print(select('#', pcall(string and string.rep or print)))  -- expect: 2
local co = coroutine.wrap(function() return deep(100000) end)
print(co())  -- expect: 100000
