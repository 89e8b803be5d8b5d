-- frexp and ldexp (LUA_COMPAT_MATHLIB).
print(math.frexp(8))  -- expect: 0.5	4
print(math.frexp(-3))  -- expect: -0.75	2
print(math.frexp(0))  -- expect: 0.0	0
print(math.frexp(-0.0))  -- expect: -0.0	0
print(math.frexp(0.1))  -- expect: 0.8	-3
print(math.frexp(2^-1074))  -- expect: 0.5	-1073
print(math.frexp(math.huge))  -- expect: inf	0
print(math.frexp(0/0))  -- expect: -nan	0
print(math.ldexp(3, 2), math.ldexp(1, 1024), math.ldexp(1, -1074), math.ldexp(3, -1075))  -- expect: 12.0	inf	4.9406564584125e-324	9.8813129168249e-324
print(math.ldexp(2^-1000, -74), math.ldexp(2^-1074, 2000), math.ldexp(-0.0, 3))  -- expect: 4.9406564584125e-324	5.6725193347083e+278	-0.0
print(math.ldexp(1, math.mininteger), math.ldexp(1, -2^32 + 3), math.ldexp(5, "2"))  -- expect: 1.0	8.0	20.0
print(pcall(math.ldexp, 1, 1.5))  -- expect: false	bad argument #2 to 'math.ldexp' (number has no integer representation)
for _, x in ipairs{1, 0.5, 123.456, -7e-300, 1e300} do
  local m, e = math.frexp(x)
  io.write(tostring(math.ldexp(m, e) == x), " ")
end  -- expect: true true true true true 
print()
