-- Results flow into string.format and concatenation.
local function two() return "a", "b" end
print(string.format("%s-%s", two()))  -- expect: a-b
print(two() .. "!")  -- expect: a!
print(#{two(), two()})  -- expect: 3
