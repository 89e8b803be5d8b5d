-- Every bitwise metamethod.
local mt = {}
for _, e in ipairs({"band", "bor", "bxor", "shl", "shr", "bnot"}) do
  mt["__" .. e] = function(a, b) return e end
end
local o = setmetatable({}, mt)
print(o & 1, o | 1, o ~ 1, o << 1, o >> 1, ~o)  -- expect: band	bor	bxor	shl	shr	bnot
print(1 & o, 1 | o, 1 ~ o, 1 << o, 1 >> o)  -- expect: band	bor	bxor	shl	shr
print(1.5 & o, "x" | o)  -- expect: band	bor
