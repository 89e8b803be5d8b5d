-- load modes: "t", "b", "bt".
print(load("return 1", "c", "b"))  -- expect: nil	attempt to load a text chunk (mode is 'b')
print(load("return 1", "c", "t")())  -- expect: 1
print(load("return 1", "c", "bt")())  -- expect: 1
local dumped = string.dump(function() return "dumped" end)
print(load(dumped, "d", "t"))  -- expect: nil	attempt to load a binary chunk (mode is 't')
print(load(dumped, "d", "b")())  -- expect: dumped
print(load(dumped)())  -- expect: dumped
