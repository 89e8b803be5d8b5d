-- string.gmatch: iterating over matches and captures
for w in string.gmatch("one two  three", "%a+") do print(w) end  -- expect: one -- expect: two -- expect: three
for k, v in string.gmatch("a=1, b=2, c=3", "(%w+)=(%w+)") do print(k, v) end  -- expect: a	1 -- expect: b	2 -- expect: c	3
for p in string.gmatch("abc", "()") do print(p) end  -- expect: 1 -- expect: 2 -- expect: 3 -- expect: 4
local n = 0
for _ in ("x"):rep(1000):gmatch("x") do n = n + 1 end
print(n)  -- expect: 1000
local it = string.gmatch("ab", ".")
print(it(), it(), it(), it())  -- expect: a	b	nil
for a, b in string.gmatch("k1v1 k2v2", "(k%d)(v%d)") do print(a .. b) end  -- expect: k1v1 -- expect: k2v2
