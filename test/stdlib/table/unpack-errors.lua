-- unpack's errors: no length, too many results, bad bounds.
print(pcall(table.unpack))  -- expect: false	attempt to get length of a nil value
print(pcall(table.unpack, nil))  -- expect: false	attempt to get length of a nil value
print(pcall(table.unpack, 1))  -- expect: false	attempt to get length of a number value
print(pcall(table.unpack, {}, 1, 1e6))  -- expect: false	too many results to unpack
print(pcall(table.unpack, {}, 0, math.maxinteger))  -- expect: false	too many results to unpack
print(pcall(table.unpack, {}, math.mininteger, math.maxinteger))  -- expect: false	too many results to unpack
print(pcall(table.unpack, {}, 1, 2.5))  -- expect: false	bad argument #3 to 'table.unpack' (number has no integer representation)
print(pcall(table.unpack, {}, "a"))  -- expect: false	bad argument #2 to 'table.unpack' (number expected, got string)
table.unpack({}, 1, (1 << 31) - 1)
-- expect error: unpack-errors.lua:10: too many results to unpack
