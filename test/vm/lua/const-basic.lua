-- <const> locals can be read but not assigned.
local x <const> = 10
local s <const> = "str"
print(x * 2, s .. "!")  -- expect: 20	str!
print(load("local c <const> = 1; c = 2"))  -- expect: nil	[string "local c <const> = 1; c = 2"]:1: attempt to assign to const variable 'c'
print(load("local c <const> = 1; local function f() c = 3 end"))  -- expect: nil	[string "local c <const> = 1; local function f() c = 3..."]:1: attempt to assign to const variable 'c'
