-- sort reads and writes through __index/__newindex, in Lua's order of accesses.
local store = {5, 1, 4, 2, 3}
local log = {}
local proxy = setmetatable({}, {
  __len = function() return #store end,
  __index = function(_, k) log[#log + 1] = "r" .. k; return store[k] end,
  __newindex = function(_, k, v) log[#log + 1] = "w" .. k; store[k] = v end,
})
table.sort(proxy)
print(table.concat(store, " "))  -- expect: 1 2 3 4 5
print(table.concat(log, " "))  -- expect: r1 r5 w1 w5 r3 r1 r5 r3 r4 w3 w4 r2 r3 r4 r3 w4 w4 r1 r3 w1 w3 r2 r1 w2 w1
