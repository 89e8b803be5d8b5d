-- math.floor and math.ceil give integers when they fit.
print(math.floor(3.7), math.floor(-3.7), math.ceil(3.2), math.ceil(-3.2))  -- expect: 3	-4	4	-3
print(math.type(math.floor(3.7)), math.floor(2^70), math.type(math.floor(2^70)))  -- expect: integer	1.1805916207174e+21	float
print(math.floor(-0.0), math.ceil(-0.5), math.floor(5), math.ceil(math.mininteger))  -- expect: 0	0	5	-9223372036854775808
print(math.floor(1e308), math.ceil(-1e308))  -- expect: 1e+308	-1e+308
