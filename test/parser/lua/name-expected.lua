-- expect error: name-expected.lua:2: <name> expected near '('
local function (x)
  return x
end
