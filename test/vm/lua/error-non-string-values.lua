-- Any value can be an error.
print(pcall(error, 42))  -- expect: false	42
print(pcall(error, nil))  -- expect: false	nil
print(pcall(error))  -- expect: false	nil
print(pcall(error, true))  -- expect: false	true
local t = {}
local ok, e = pcall(error, t)
print(ok, e == t)  -- expect: false	true
print(pcall(error, 3.5, 2))  -- expect: false	3.5
