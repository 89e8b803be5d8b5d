-- searchpath replaces '?' by the name, whose separator becomes the directory separator
print(package.searchpath("plain", "./modules/?.lua"))  -- expect: ./modules/plain.lua
print(package.searchpath("nested.leaf", "./modules/?.lua"))  -- expect: ./modules/nested/leaf.lua
print(package.searchpath("nested_leaf", "./modules/?.lua", "_"))  -- expect: ./modules/nested/leaf.lua
print(package.searchpath("nested-leaf", "./modules/?.lua", "-", "/"))  -- expect: ./modules/nested/leaf.lua
print(package.searchpath("x.y", "a/?.lua;b/?/init.lua;;c"))  -- expect: nil	no file 'a/x/y.lua' -- expect: 	no file 'b/x/y/init.lua' -- expect: 	no file '' -- expect: 	no file 'c'
print(package.searchpath("x.y", "?", ".", "::"))  -- expect: nil	no file 'x::y'
print(package.searchpath("x", ""))  -- expect: nil	no file ''
print(package.searchpath("x", "??\0?"))  -- expect: nil	no file 'xx'
print(pcall(package.searchpath, "x"))  -- expect: false	bad argument #2 to 'package.searchpath' (string expected, got no value)
