-- randomseed returns the two seed parts; reseeding with them repeats the sequence.
print(math.randomseed(5))  -- expect: 5	0
print(math.randomseed(5, 6))  -- expect: 5	6
print(math.randomseed(-1, math.maxinteger))  -- expect: -1	9223372036854775807
print(math.randomseed("7", 8.0))  -- expect: 7	8
local x, y = math.randomseed()
print(math.type(x), math.type(y))  -- expect: integer	integer
local r = math.random(0)
math.randomseed(x, y)
print(math.random(0) == r)  -- expect: true
print(pcall(math.randomseed, 1.5))  -- expect: false	bad argument #1 to 'math.randomseed' (number has no integer representation)
print(pcall(math.randomseed, {}))  -- expect: false	bad argument #1 to 'math.randomseed' (number expected, got table)
