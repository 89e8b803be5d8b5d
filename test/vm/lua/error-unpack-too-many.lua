-- table.unpack refuses too many results.
print(pcall(table.unpack, {}, 1, math.maxinteger))  -- expect: false	too many results to unpack
print(pcall(table.unpack, {}, math.mininteger, math.maxinteger))  -- expect: false	too many results to unpack
print(select("#", table.unpack({}, math.maxinteger, math.maxinteger)))  -- expect: 1
