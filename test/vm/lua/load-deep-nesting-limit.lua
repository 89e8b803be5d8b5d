-- Deeply nested syntax hits the C stack limit (checked under pcall: see the report on lua.c's handler).
local src = "return " .. string.rep("(", 300) .. "1" .. string.rep(")", 300)
print(pcall(load, src, "=deep"))  -- expect: true	nil	C stack overflow
print(pcall(load, string.rep("do ", 300) .. string.rep("end ", 300), "=x"))  -- expect: true	nil	C stack overflow
print(load("return " .. string.rep("(", 100) .. "1" .. string.rep(")", 100))())  -- expect: 1
