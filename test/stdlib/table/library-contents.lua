-- The table library has exactly 5.4's functions.
local names = {}
for k, v in pairs(table) do names[#names + 1] = k .. ":" .. type(v) end
table.sort(names)
print(table.concat(names, " "))  -- expect: concat:function insert:function move:function pack:function remove:function sort:function unpack:function
