-- atan(y, x) is atan2: the quadrant comes from both signs.
print(math.atan(1, 1), math.atan(1, -1), math.atan(-1, -1), math.atan(-1, 1))  -- expect: 0.78539816339745	2.3561944901923	-2.3561944901923	-0.78539816339745
print(math.atan(0.0, -0.0), math.atan(-0.0, 0.0), math.atan(0.0, -1), math.atan(-0.0, -1))  -- expect: 3.1415926535898	-0.0	3.1415926535898	-3.1415926535898
print(math.atan(1, 0), math.atan(-1, 0), math.atan(1, 2), math.atan(1, nil))  -- expect: 1.5707963267949	-1.5707963267949	0.46364760900081	0.78539816339745
print(math.atan(math.huge, math.huge), math.atan(0/0, 1), math.atan(1, -(0/0)))  -- expect: 0.78539816339745	-nan	nan
print(pcall(function() return math.atan(1, "x") end))  -- expect: false	atan-two-args.lua:6: bad argument #2 to 'atan' (number expected, got string)
