-- Deep recursion gives a catchable stack overflow.
local function rec() return 1 + rec() end
local ok, e = pcall(rec)
print(ok, (e:gsub("^.-:%d+: ", "")))  -- expect: false	stack overflow
local depth = 0
local function rec2() depth = depth + 1; rec2() end
print(pcall(rec2) == false, depth > 1000)  -- expect: true	true
