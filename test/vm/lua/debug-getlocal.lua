-- debug.getlocal lists parameters and locals.
local function f(a, b)
  local c = a + b
  local names = {}
  for i = 1, 10 do
    local n, v = debug.getlocal(1, i)
    if not n then break end
    names[#names + 1] = n .. "=" .. (type(v) == "table" and "table" or tostring(v))
  end
  return table.concat(names, " ")
end
print(f(1, 2))  -- expect: a=1 b=2 c=3 names=table (for state)=5 (for state)=4 (for state)=1 i=8
print(debug.getlocal(f, 1), debug.getlocal(f, 2), debug.getlocal(f, 3))  -- expect: a	b	nil
