-- Numeric string keys are not converted.
local t = {}
t["10"] = "s"
t[10] = "i"
print(t["10"], t[10], t[10.0], t["10.0"])  -- expect: s	i	i	nil
