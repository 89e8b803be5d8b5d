-- Ordering between integers and floats.
print(1 < 1.5, 2 > 1.5, 1 <= 1.0, 1 >= 1.0, -1 < -0.5)  -- expect: true	true	true	true	true
print(math.maxinteger < 1/0, math.mininteger > -1/0)  -- expect: true	true
print(3 < 0/0, 3 > 0/0, 0/0 < 3)  -- expect: false	false	false
print(2^63 > math.maxinteger, -2^63 >= math.mininteger, -2^63 > math.mininteger)  -- expect: true	true	false
