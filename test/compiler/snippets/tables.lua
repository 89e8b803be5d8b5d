local a, b, k = ...
local t = {}
t = {1, 2, 3}
t = {x = 1, y = 2, [3] = 3, ["z"] = 4, [a] = b, [1.5] = 2, [true] = 1}
t = {1, x = 2, 3, y = 4, 5}
t = {f(), g()}
t = {f(), (g())}
t = {...}
t = {a, ...}
t = {..., a}
t = {{}, {{}}, {1, {2}}}
t = {[a] = {x = 1}, {y = 2}}
t = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
     21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40,
     41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, f()}
t = {a = 1, b = 2, c = 3, d = 4, e = 5, f = 6, g = 7, h = 8, i = 9}
-- indexing
local r
r = t.x; r = t[1]; r = t[255]; r = t[256]; r = t[-1]; r = t[k]; r = t[1.5]; r = t["x"]
r = t[true]; r = t.a.b.c; r = t[k][k]; r = t[k + 1]
r = t.a_very_long_field_name_that_is_longer_than_forty_chars
t.x = 1; t[1] = 2; t[256] = 3; t[k] = 4; t.y = k; t[k] = k; t.z = nil; t.w = true
t[1.5] = 1; t.a.b = 1; t[k].x = t[k].y
t.a_very_long_field_name_that_is_longer_than_forty_chars = 1
r = #t
gx = 1; r = gx; gx.y = 2; r = gx.y.z
_ENV.q = 1
