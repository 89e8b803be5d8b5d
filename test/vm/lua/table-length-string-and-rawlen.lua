-- '#' on strings counts bytes; rawlen works on tables and strings.
print(#"", #"abc", #"\0\0", #"é")  -- expect: 0	3	2	2
print(rawlen({1, 2}), rawlen("xyz"))  -- expect: 2	3
print(pcall(function() return #5 end))  -- expect: false	table-length-string-and-rawlen.lua:4: attempt to get length of a number value
local n = nil
print(pcall(function() return #n end))  -- expect: false	table-length-string-and-rawlen.lua:6: attempt to get length of a nil value (upvalue 'n')
