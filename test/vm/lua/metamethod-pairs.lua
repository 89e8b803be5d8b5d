-- __pairs replaces the traversal of pairs.
local t = setmetatable({}, {__pairs = function(self)
  local i = 0
  return function(_, k)
    i = i + 1
    if i <= 3 then return i, i * i end
  end, self, nil
end})
for k, v in pairs(t) do print(k, v) end  -- expect: 1	1 -- expect: 2	4 -- expect: 3	9
local u = setmetatable({a = 1}, {__pairs = function(self) return next, {b = 2}, nil end})
for k, v in pairs(u) do print(k, v) end  -- expect: b	2
