-- remove honours __len, __index and __newindex.
local store = {"a", "b", "c"}
local log = {}
local proxy = setmetatable({}, {
  __len = function() return #store end,
  __index = function(_, k) log[#log + 1] = "get" .. k; return store[k] end,
  __newindex = function(_, k, v) log[#log + 1] = "set" .. k .. "=" .. tostring(v); rawset(store, k, v) end,
})
print(table.remove(proxy, 1))  -- expect: a
print(table.concat(log, " "))  -- expect: get1 get2 set1=b get3 set2=c set3=nil
print(#store, table.concat(store, ","))  -- expect: 2	b,c
