-- table.insert(t, pos, v) shifts t[pos..] up.
local t = {"b", "c", "e"}
table.insert(t, 1, "a")
print(table.concat(t, ","))  -- expect: a,b,c,e
table.insert(t, 4, "d")
print(table.concat(t, ","))  -- expect: a,b,c,d,e
table.insert(t, #t + 1, "f")
print(table.concat(t, ","))  -- expect: a,b,c,d,e,f
table.insert(t, 2, nil)
print(#t, t[1], t[2], t[3])  -- expect: 7	a	nil	b
local big = {}
for i = 1, 100 do big[i] = i end
table.insert(big, 50, "mid")
print(#big, big[49], big[50], big[51], big[101])  -- expect: 101	49	mid	50	100
