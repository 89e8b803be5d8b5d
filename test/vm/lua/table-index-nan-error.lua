-- Assigning to a NaN key is an error; reading is allowed.
local t = {}
print(pcall(function() t[0/0] = 1 end))  -- expect: false	table-index-nan-error.lua:3: table index is NaN
print(t[0/0])  -- expect: nil
print(pcall(rawset, t, 0/0, 1))  -- expect: false	table index is NaN
local nan = 0/0
t[nan] = 3
-- expect error: table-index-nan-error.lua:7: table index is NaN
