-- Float literal forms.
print(1., .5, 1e1, 1E-1, 3.e2, .0e0, 5e+2)  -- expect: 1.0	0.5	10.0	0.1	300.0	0.0	500.0
print(math.type(1.), math.type(1e1), 0.1 + 0.2, 0.1 + 0.2 == 0.3)  -- expect: float	float	0.3	false
print(1e400, -1e400, 2.5e-400)  -- expect: inf	-inf	0.0
