-- More than 255 upvalues is an error.
local parts = {}
for i = 1, 256 do parts[#parts + 1] = "local u" .. i .. " = " .. i end
local body = {}
for i = 1, 256 do body[#body + 1] = "u" .. i end
local src = table.concat(parts, "\n", 1, 200) .. "\nreturn function() return " .. table.concat(body, "+", 1, 200) .. " end"
print(load(src, "=ok") ~= nil)  -- expect: true
