-- Metamethods are looked up at each operation.
local mt = {}
local o = setmetatable({}, mt)
print(pcall(function() return o + 1 end))  -- expect: false	metamethod-mm-changes-after-setmetatable.lua:4: attempt to perform arithmetic on a table value (upvalue 'o')
mt.__add = function() return "now" end
print(o + 1)  -- expect: now
mt.__add = nil
print(pcall(function() return o + 1 end))  -- expect: false	metamethod-mm-changes-after-setmetatable.lua:8: attempt to perform arithmetic on a table value (upvalue 'o')
