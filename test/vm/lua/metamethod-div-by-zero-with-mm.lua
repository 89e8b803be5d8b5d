-- An integer division by zero does not consult metamethods.
local o = setmetatable({}, {__idiv = function() return "mm" end, __mod = function() return "mod" end})
print(o // 0, 0 // o, o % 0)  -- expect: mm	mm	mod
print(pcall(function() return 1 // 0 end))  -- expect: false	metamethod-div-by-zero-with-mm.lua:4: attempt to divide by zero
