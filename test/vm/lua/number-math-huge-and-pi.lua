-- math.huge, math.pi, math.maxinteger, math.mininteger.
print(math.huge, -math.huge, math.pi)  -- expect: inf	-inf	3.1415926535898
print(math.maxinteger, math.mininteger, math.maxinteger + math.mininteger)  -- expect: 9223372036854775807	-9223372036854775808	-1
print(math.huge == 1/0, math.huge > math.maxinteger)  -- expect: true	true
