-- string.pack: Lua's errors
print(pcall(string.pack, "i", 1.5))  -- expect: false	bad argument #2 to 'string.pack' (number has no integer representation)
print(pcall(string.pack, "i"))  -- expect: false	bad argument #2 to 'string.pack' (number expected, got nil)
print(pcall(string.pack, "z"))  -- expect: false	bad argument #2 to 'string.pack' (string expected, got nil)
print(pcall(string.pack, "i1", 200))  -- expect: false	bad argument #2 to 'string.pack' (integer overflow)
print(pcall(string.pack, "I1", -1))  -- expect: false	bad argument #2 to 'string.pack' (unsigned overflow)
print(pcall(string.pack, "i17", 1))  -- expect: false	integral size (17) out of limits [1,16]
print(pcall(string.pack, "i0", 1))  -- expect: false	integral size (0) out of limits [1,16]
print(pcall(string.pack, "c", "x"))  -- expect: false	missing size for format option 'c'
print(pcall(string.pack, "c2", "abc"))  -- expect: false	bad argument #2 to 'string.pack' (string longer than given size)
print(pcall(string.pack, "z", "a\0b"))  -- expect: false	bad argument #2 to 'string.pack' (string contains zeros)
print(pcall(string.pack, "s1", string.rep("x", 256)))  -- expect: false	bad argument #2 to 'string.pack' (string length does not fit in given size)
print(pcall(string.pack, "y", 1))  -- expect: false	invalid format option 'y'
print(pcall(string.pack, "!17", 1))  -- expect: false	integral size (17) out of limits [1,16]
print(pcall(string.pack, "Xi"))  -- expect: true	
print(pcall(string.pack, "i", "x"))  -- expect: false	bad argument #2 to 'string.pack' (number expected, got string)
print(pcall(string.pack, "d", {}))  -- expect: false	bad argument #2 to 'string.pack' (number expected, got table)
print(pcall(string.pack))  -- expect: false	bad argument #1 to 'string.pack' (string expected, got no value)
string.pack("i2", 70000)
-- expect error: pack-errors.lua:19: bad argument #2 to 'pack' (integer overflow)
