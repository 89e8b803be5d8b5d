local k1 <const> = 10
local k2 <const> = 2.5
local k3 <const> = "str"
local k4 <const> = nil
local k5 <const> = true
local k6 <const> = k1 * 2 + 1
local k7 <const> = k3 .. "x"
local k8 <const> = {}
local k9 <const> = -k1
local k10 <const>, k11 <const> = 1, 2
local k12 <const> = f()
local r = k1 + k2 + k6 + k9
r = k3; r = k4; r = k5; r = k7; r = k8; r = k10 + k11; r = k12
local function uses() return k1, k3, k8 end
do
  local c <close> = f()
  local d <close>, e = g(), 1
  r = c
end
local function withclose()
  local h <close> = f()
  return h
end
-- multiple assignment conflicts
local t, i = {}, 1
t[i], i = i, 2
i, t[i] = 3, 4
t.x, t = 1, 2
local u = {}
local function up() u.x, u = 1, 2 end
a, b, c = f()
a, b = 1
a, b, c = 1, 2, 3, 4
a, b = b, a
t.a, t.b = t.b, t.a
local _ENV = {print = print}
print(1)
x = 1
local function envf() return y end
