-- concat reads through __index and takes its length from __len.
local log = {}
local proxy = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = k; return "v" .. k end,
  __len = function() return 4 end,
})
print(table.concat(proxy, "+"))  -- expect: v1+v2+v3+v4
print(table.concat(log, " "))  -- expect: 1 2 3 4
-- a table whose metatable has __index as a table
local base = {"p", "q", "r"}
local t = setmetatable({[2] = "Q"}, {__index = base, __len = function() return 3 end})
print(table.concat(t))  -- expect: pQr
