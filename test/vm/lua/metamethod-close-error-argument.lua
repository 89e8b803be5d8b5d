-- __close receives the error object when the block exits by error.
local function closer(name)
  return setmetatable({}, {__close = function(_, err) print("closing", name, type(err) == "table" and "table" or err) end})
end
print(pcall(function()
  local c <close> = closer("c")
  error("boom")
end))  -- expect: closing	c	metamethod-close-error-argument.lua:7: boom -- expect: false	metamethod-close-error-argument.lua:7: boom
print(pcall(function()
  local c <close> = closer("d")
  error({code = 1})
end) == false)  -- expect: closing	d	table -- expect: true
