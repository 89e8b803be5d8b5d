-- deg and rad convert with Lua's constants.
print(math.deg(math.pi), math.deg(1), math.deg(0), math.deg(-math.pi / 2))  -- expect: 180.0	57.295779513082	0.0	-90.0
print(math.rad(180), math.rad(1), math.rad(90), math.rad(-0.0))  -- expect: 3.1415926535898	0.017453292519943	1.5707963267949	-0.0
print(math.type(math.deg(180)), math.deg(3))  -- expect: float	171.88733853925
