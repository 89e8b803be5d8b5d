-- NaN prints as "-nan" or "nan" depending on its sign bit, as the C library does.
print(0/0, -(0/0))  -- expect: -nan	nan
print(math.huge - math.huge)  -- expect: -nan
print(string.format("%.1f", 0/0))  -- expect: -nan
print(tostring(0/0) == tostring(0/0))  -- expect: true
