-- Each evaluation of a function expression creates a new closure.
local function make() return function() end end
print(make() == make())  -- expect: false
local g = make()
print(g == g)  -- expect: true
