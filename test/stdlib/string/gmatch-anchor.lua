-- string.gmatch: '^' is not an anchor in gmatch, it matches a literal '^'
for m in string.gmatch("^a^b", "^.") do print(m) end  -- expect: ^a -- expect: ^b
local n = 0
for m in string.gmatch("aaa", "^a") do n = n + 1 end
print(n)  -- expect: 0
for a in string.gmatch("abc", "") do print("[" .. a .. "]") end  -- expect: [] -- expect: [] -- expect: [] -- expect: []
for a in string.gmatch("abc", "b*") do print("[" .. a .. "]") end  -- expect: [] -- expect: [b] -- expect: []
