-- A dumped function gets fresh nil upvalues when loaded.
local up = "captured"
local function f() return up end
local g = load(string.dump(f))
print(f(), g() == _G)  -- expect: captured	true
local function two() return up, f end
local h = load(string.dump(two))
print(h() == _G, select(2, h()))  -- expect: true	nil
