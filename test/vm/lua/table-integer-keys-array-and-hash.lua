-- Integer keys in any order end up reachable.
local t = {}
t[3] = "c"; t[1] = "a"; t[2] = "b"; t[100] = "z"; t[-1] = "m"; t[0] = "o"
print(t[1], t[2], t[3], t[100], t[-1], t[0])  -- expect: a	b	c	z	m	o
print(#t == 3 or #t == 100)  -- expect: true
local s = 0
for i, v in ipairs(t) do s = s + i end
print(s)  -- expect: 6
