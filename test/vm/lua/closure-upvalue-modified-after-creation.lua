-- A closure sees later assignments to its upvalue.
local x = 1
local function f() return x end
x = 2
print(f())  -- expect: 2
x = nil
print(f())  -- expect: nil
