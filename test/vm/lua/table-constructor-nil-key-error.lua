-- Constructors check their keys too.
print(pcall(function() return {[nil] = 1} end))  -- expect: false	table-constructor-nil-key-error.lua:2: table index is nil
print(pcall(function() local k = 0/0 return {[k] = 1} end))  -- expect: false	table-constructor-nil-key-error.lua:3: table index is NaN
