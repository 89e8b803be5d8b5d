-- Nested constructors and chained indexing.
local t = {a = {b = {c = {1, 2, {d = "deep"}}}}}
print(t.a.b.c[3].d, #t.a.b.c, t["a"]["b"].c[1])  -- expect: deep	3	1
