-- error levels choose the position added to the message.
local function lvl1() error("one", 1) end
local function lvl2() error("two", 2) end
local function lvl0() error("zero", 0) end
print(pcall(lvl1))  -- expect: false	error-level-1-2.lua:2: one
print(pcall(function()
  lvl2()
end))  -- expect: false	error-level-1-2.lua:7: two
print(pcall(lvl0))  -- expect: false	zero
print(pcall(error, "direct"))  -- expect: false	direct
print(pcall(error, "direct2", 2))  -- expect: false	error-level-1-2.lua:11: direct2
