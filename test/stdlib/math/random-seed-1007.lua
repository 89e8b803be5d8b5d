-- xoshiro256** as in lua5.4: the same seed gives the same numbers.
math.randomseed(1007)
print(math.random(0))  -- expect: 8822622750169614806
print(string.format("0x%x", math.random(0)))  -- expect: 0xbc8d7274c5b8635f
math.randomseed(1007)
print(math.random(1, 100), math.random())  -- expect: 87	0.7365333113755
math.randomseed(1007, 0)
print(math.random())  -- expect: 0.4782753376377
print(math.random() * 2^53 % 1 == 0)  -- expect: true
