-- __index receives float keys normalised? No: it receives the key as written.
local got
local t = setmetatable({}, {__index = function(_, k) got = k return nil end})
local _ = t[2.0]
print(got, math.type(got))  -- expect: 2.0	float
_ = t[2]
print(got, math.type(got))  -- expect: 2	integer
