-- floor and ceil return integers when the result fits, floats otherwise.
print(math.floor(3.7), math.ceil(3.2), math.floor(-3.7), math.ceil(-3.2))  -- expect: 3	4	-4	-3
print(math.floor(3), math.ceil(-3), math.floor(3.0), math.ceil(-3.0))  -- expect: 3	-3	3	-3
print(math.floor(-0.0), math.ceil(-0.5), math.ceil(0.5))  -- expect: 0	0	1
print(math.type(math.floor(3.5)), math.type(math.floor(1e100)))  -- expect: integer	float
print(math.floor("3.5"), math.floor("3"), math.ceil("-2.1"))  -- expect: 3	3	-2
print(math.floor(math.huge), math.ceil(-math.huge), math.floor(0/0), math.ceil(-(0/0)))  -- expect: inf	-inf	-nan	nan
