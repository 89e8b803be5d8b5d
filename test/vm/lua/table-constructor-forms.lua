-- Table constructors: positional, named, bracketed keys and separators.
local t = {1, 2; 3, x = "a", ["y"] = "b", [10] = "c", [1 + 1] = "override?"}
print(t[1], t[2], t[3], t.x, t.y, t[10])  -- expect: 1	2	3	a	b	c
local u = {[1] = "a", "b"}
print(u[1])  -- expect: b
local v = {"a", [2] = "b", "c"}
print(v[2])  -- expect: c
local w = {f = function() return 1 end, 1, 2,}
print(#w, w.f())  -- expect: 2	1
