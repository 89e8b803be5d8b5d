-- Every arithmetic metamethod.
local mt = {}
for _, e in ipairs({"add", "sub", "mul", "div", "mod", "pow", "unm", "idiv"}) do
  mt["__" .. e] = function(a, b) return e end
end
local o = setmetatable({}, mt)
print(o + 1, o - 1, o * 1, o / 1, o % 1, o ^ 1, -o, o // 1)  -- expect: add	sub	mul	div	mod	pow	unm	idiv
print(1 + o, 1 - o, 1 * o, 1 / o, 1 % o, 1 ^ o, 1 // o)  -- expect: add	sub	mul	div	mod	pow	idiv
