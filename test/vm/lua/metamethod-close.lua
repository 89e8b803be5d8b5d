-- __close runs when a to-be-closed variable goes out of scope.
local function closer(name)
  return setmetatable({}, {__close = function(self, err) print("close", name, err) end})
end
do
  local a <close> = closer("a")
  local b <close> = closer("b")
  print("in block")
end  -- expect: in block -- expect: close	b	nil -- expect: close	a	nil
print("after")  -- expect: after
