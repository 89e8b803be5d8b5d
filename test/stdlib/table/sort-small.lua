-- Every permutation of small arrays sorts (the 2- and 3-element shortcuts, duplicates).
local function perm(s, n, out)
  n = n or #s
  if n <= 1 then
    local t = {table.unpack(s)}
    table.sort(t)
    out[#out + 1] = table.concat(t)
  else
    for i = 1, n do
      s[i], s[n] = s[n], s[i]
      perm(s, n - 1, out)
      s[i], s[n] = s[n], s[i]
    end
  end
  return out
end
for _, s in ipairs{{}, {1}, {2, 1}, {3, 1, 2}, {1, 2, 3, 4}, {2, 2, 3, 4}, {1, 2, 3, 3, 5}} do
  local out = perm(s, nil, {})
  local same = true
  for i = 2, #out do if out[i] ~= out[1] then same = false end end
  print(#out, same, out[1])
end  -- expect: 1	true	 -- expect: 1	true	1 -- expect: 2	true	12 -- expect: 6	true	123 -- expect: 24	true	1234 -- expect: 24	true	2234 -- expect: 120	true	12335
