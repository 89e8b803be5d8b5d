-- cosh, sinh, tanh and log10 (LUA_COMPAT_MATHLIB).
print(math.cosh(0), math.cosh(1), math.cosh(-1), math.cosh(1000))  -- expect: 1.0	1.5430806348152	1.5430806348152	inf
print(math.sinh(0), math.sinh(1), math.sinh(-0.0), math.sinh(-1000))  -- expect: 0.0	1.1752011936438	-0.0	-inf
print(math.tanh(0), math.tanh(1), math.tanh(math.huge), math.tanh(-math.huge))  -- expect: 0.0	0.76159415595576	1.0	-1.0
print(math.log10(1000), math.log10(2), math.log10(0), math.log10(-1))  -- expect: 3.0	0.30102999566398	-inf	nan
