-- The string "1" and the number 1 are different keys.
local t = {}
t[1] = "int"
t["1"] = "str"
t[1.5] = "float"
print(t[1], t["1"], t[1.5], t[1.0])  -- expect: int	str	float	int
print(rawlen(t))  -- expect: 1
