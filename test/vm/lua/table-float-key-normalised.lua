-- 2.0 and 2 are the same key, 2.5 is another.
local t = {}
t[2.0] = "a"
print(t[2], rawget(t, 2), rawget(t, 2.0))  -- expect: a	a	a
t[2.5] = "b"
t[2] = "c"
print(t[2.0], t[2.5])  -- expect: c	b
local n = 0
for k in pairs(t) do n = n + 1 end
print(n)  -- expect: 2
