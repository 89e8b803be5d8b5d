-- insert honours __len, __index and __newindex (in Lua's order of accesses).
local store = {10, 20, 30}
local log = {}
local proxy = setmetatable({}, {
  __len = function() log[#log + 1] = "len"; return #store end,
  __index = function(_, k) log[#log + 1] = "get" .. k; return store[k] end,
  __newindex = function(_, k, v) log[#log + 1] = "set" .. k .. "=" .. tostring(v); store[k] = v end,
})
table.insert(proxy, 1, 5)
print(table.concat(log, " "))  -- expect: len get3 set4=30 get2 set3=20 get1 set2=10 set1=5
print(table.concat(store, ","))  -- expect: 5,10,20,30
log = {}
table.insert(proxy, 99)
print(table.concat(log, " "))  -- expect: len set5=99
print(table.concat(store, ","))  -- expect: 5,10,20,30,99
