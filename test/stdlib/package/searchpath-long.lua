-- long paths: many templates, many marks
local t = {}
for i = 1, 100 do t[i] = string.rep("?", i % 10 + 1) end
t[#t + 1] = ";"
local s, err = package.searchpath("xuxu", table.concat(t, ";"))
print(s, #err, select(2, err:gsub("\n", "")), err:find(string.rep("xuxu", 10), 1, true) ~= nil)  -- expect: nil	3422	101	true
s, err = package.searchpath("ab", string.rep("?", 300))
print(s, #err)  -- expect: nil	610
