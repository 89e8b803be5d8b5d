-- load with a reader function concatenates its pieces.
local parts = {"return ", "1 ", "+ ", "41"}
local i = 0
local f = load(function() i = i + 1 return parts[i] end)
print(f())  -- expect: 42
local j = 0
print(load(function() j = j + 1 if j == 1 then return "return 'x'" end return "" end)())  -- expect: x
print(load(function() return nil end) ~= nil)  -- expect: true
print(pcall(load, function() return {} end))  -- expect: true	nil	reader function must return a string
print(pcall(load, function() error("reader failed") end))  -- expect: true	nil	load-reader-function.lua:10: reader failed
