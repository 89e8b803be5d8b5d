local up1, up2 = 1, 2
local function f0() end
local function f1(a) return a end
local function f2(a, b, ...) return a + b + select('#', ...) end
local function f3(...) local a, b = ... return {...} end
local function outer()
  local x = 0
  local function mid()
    local y = x
    return function() x = x + 1; y = y + up1; return x + y + up2 end
  end
  return mid
end
local t = {a = {b = {}}}
function t.a.b.m(self, x) return self, x end
function t.a.b:n(x) return self, x end
function t:o(...) return self, ... end
function globalfn(a) return a end
function t.a.x() end
local function rec(n) if n > 0 then return rec(n - 1) end return 0 end
local anon = function(...) return select(2, ...) end
local v = function() return up1 end
local setup = function() up1 = 10; up2 = up1 end
local function many(a1, a2, a3, a4, a5, a6, a7, a8)
  return function() return a1, a2, a3, a4, a5, a6, a7, a8 end
end
do
  local c = 1
  local function g() return c end
  c = 2
end
local function shadow(x)
  local x = x or 1
  local function h() return x end
  local x = 2
  return h, function() return x end
end
