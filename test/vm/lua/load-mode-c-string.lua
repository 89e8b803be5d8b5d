-- load's mode is a C string to Lua: it ends at an embedded zero.
print(load("return 1", "x", "\0t"))  -- expect: nil	attempt to load a text chunk (mode is '')
print(load("return 1", "x", "t\0")())  -- expect: 1
print(load(string.dump(function() return 2 end), "x", "t\0b"))  -- expect: nil	attempt to load a binary chunk (mode is 't')
