-- ipairs stops at the first nil.
local t = {1, 2, nil, 4}
for i, v in ipairs(t) do print(i, v) end  -- expect: 1	1 -- expect: 2	2
local u = {n = 3, [1] = "a", [2] = "b"}
for i, v in ipairs(u) do print(i, v) end  -- expect: 1	a -- expect: 2	b
print(pcall(ipairs))  -- expect: false	bad argument #1 to 'ipairs' (value expected)
