-- error level 3 points two calls up.
local function a() error("deep", 3) end
local function b() a() end
local function c()
  b()
end
print(pcall(c))  -- expect: false	error-level-3.lua:5: deep
