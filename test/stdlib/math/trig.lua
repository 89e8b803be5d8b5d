-- Trigonometric functions (floats, radians).
print(math.sin(0), math.sin(1), math.sin(-0.0), math.sin(math.pi / 2))  -- expect: 0.0	0.8414709848079	-0.0	1.0
print(math.cos(0), math.cos(1), math.cos(math.pi))  -- expect: 1.0	0.54030230586814	-1.0
print(math.tan(0), math.tan(1), math.tan(-1))  -- expect: 0.0	1.5574077246549	-1.5574077246549
print(math.asin(0.5), math.asin(1), math.asin(2), math.asin(-0.0))  -- expect: 0.5235987755983	1.5707963267949	nan	-0.0
print(math.acos(0.5), math.acos(1), math.acos(-1), math.acos(2))  -- expect: 1.0471975511966	0.0	3.1415926535898	nan
print(math.atan(1), math.atan(-1), math.atan(math.huge), math.atan(0))  -- expect: 0.78539816339745	-0.78539816339745	1.5707963267949	0.0
print(math.sin(math.huge), math.cos(-math.huge), math.tan(0/0))  -- expect: -nan	-nan	-nan
