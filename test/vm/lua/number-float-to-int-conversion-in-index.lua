-- Float keys with integral values index the same slot as integers.
local t = {}
t[1.0] = "one"
t[2] = "two"
print(t[1], t[2.0], #t)  -- expect: one	two	2
t[2^53] = "big"
print(t[2^53 // 1], math.type(next({[3.0] = true})))  -- expect: big	integer
t[-0.0] = "zero"
print(t[0])  -- expect: zero
