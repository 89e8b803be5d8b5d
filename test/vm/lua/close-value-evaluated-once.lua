-- __close is looked up when the variable is declared.
local mt = {__close = function() print("original close") end}
local o = setmetatable({}, mt)
print(pcall(function()
  local x <close> = o
  mt.__close = function() print("replaced close") end
end))  -- expect: replaced close -- expect: true
