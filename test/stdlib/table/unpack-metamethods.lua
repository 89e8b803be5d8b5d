-- unpack reads through __index and takes the length from __len; any indexable value works.
local proxy = setmetatable({}, {
  __index = function(_, k) return k * k end,
  __len = function() return 4 end,
})
print(table.unpack(proxy))  -- expect: 1	4	9	16
print(table.unpack(proxy, 3, 6))  -- expect: 9	16	25	36
print(table.unpack("abc", 1, 2))  -- expect: nil	nil
