-- function a.b.c:m() definitions.
local a = {b = {c = {}}}
function a.b.c:m(x) return self == a.b.c, x end
function a.b.f(x) return x * 2 end
print(a.b.c:m(1))  -- expect: true	1
print(a.b.f(21))  -- expect: 42
