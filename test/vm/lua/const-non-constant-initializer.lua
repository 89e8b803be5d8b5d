-- A <const> with a runtime value still cannot change.
local t <const> = {}
t.x = 1
print(t.x)  -- expect: 1
local r <const> = math.random(1, 1)
print(r)  -- expect: 1
