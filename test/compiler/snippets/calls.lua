local a, b = ...
print()
print(a)
print(a, b, 1, "x")
print(f())
print(a, f())
print(f(), a)
print(...)
print(a, ...)
local x = f()
local y, z = f()
local p, q, r = f(), g()
local s, t = ..., 1
local u, v, w = ...
x = f(a)(b)
a.b.c(1)
a:m()
a:m(1, 2)
a.b:m(f())
a:m(...)
a:m"str"
a:m{1, 2}
f"str"
f{1, 2}
f{}
local obj = {}
obj:method():other()
x = (f())
x, y = (f())
print((...))
local function tail(n) return tail(n - 1) end
local function notail(n) return (notail(n - 1)) end
local function multi() return 1, 2, f() end
local function varret(...) return ... end
local function mret() return a, b end
local function none() return end
local function tbc()
  local c <close> = nil
  return tail(1)
end
return f(a, b)
