-- The fourth value of a generic for is closed when the loop ends.
local function iter(t, i)
  i = i + 1
  if t[i] then return i, t[i] end
end
local closer = setmetatable({}, {__close = function() print("loop closed") end})
for i, v in iter, {"a", "b"}, 0, closer do print(i, v) end  -- expect: 1	a -- expect: 2	b -- expect: loop closed
for i, v in iter, {"a", "b", "c"}, 0, closer do
  if i == 2 then break end
  print(i, v)
end  -- expect: 1	a -- expect: loop closed
print("end")  -- expect: end
