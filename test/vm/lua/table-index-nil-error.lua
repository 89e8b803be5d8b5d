-- Assigning to a nil key is an error.
local t = {}
print(pcall(function() t[nil] = 1 end))  -- expect: false	table-index-nil-error.lua:3: table index is nil
print(pcall(rawset, t, nil, 1))  -- expect: false	table index is nil
print(t[nil])  -- expect: nil
local k
t[k] = 2
-- expect error: table-index-nil-error.lua:7: table index is nil
