-- Strings with embedded zeros compare and hash correctly.
local a, b = "a\0b", "a\0c"
print(a < b, a == "a\0b", #a)  -- expect: true	true	3
local t = {[a] = 1, [b] = 2}
print(t["a\0b"], t["a\0c"], t["a"])  -- expect: 1	2	nil
