-- Variables close when a function returns, after the return values are computed.
local log = {}
local function f()
  local a <close> = setmetatable({}, {__close = function() log[#log + 1] = "closed" end})
  log[#log + 1] = "returning"
  return "value"
end
print(f(), table.concat(log, " "))  -- expect: value	returning closed
