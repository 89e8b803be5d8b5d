-- "return f()" returns all results; "return (f())" one.
local function f() return 1, 2, 3 end
local function all() return f() end
local function one() return (f()) end
local function plus() return 0, f() end
print(all())  -- expect: 1	2	3
print(one())  -- expect: 1
print(plus())  -- expect: 0	1	2	3
print(select("#", all()), select("#", one()), select("#", plus()))  -- expect: 3	1	4
