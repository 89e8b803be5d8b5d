-- patterns: character classes and their complements, in the C locale
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
all = table.concat(all)
for _, c in ipairs({"a", "c", "d", "g", "l", "p", "s", "u", "w", "x"}) do
  local _, n = string.gsub(all, "%" .. c, "")
  local _, m = string.gsub(all, "%" .. c:upper(), "")
  print(c, n, m)
end  -- expect: a	52	204 -- expect: c	33	223 -- expect: d	10	246 -- expect: g	94	162 -- expect: l	26	230 -- expect: p	32	224 -- expect: s	6	250 -- expect: u	26	230 -- expect: w	62	194 -- expect: x	22	234
print(string.gsub(all, "[%a%d]", "") == string.gsub(all, "%w", ""))  -- expect: true
print(select(2, string.gsub(all, "[^%c%s]", "")))  -- expect: 222
print(select(2, string.gsub(all, "[a-f%d]", "")))  -- expect: 16
print(select(2, string.gsub(all, "[]]", "")), select(2, string.gsub(all, "[^]]", "")))  -- expect: 1	255
print(select(2, string.gsub(all, "[%]-]", "")), select(2, string.gsub(all, "[a-]", "")))  -- expect: 2	2
print(select(2, string.gsub(all, ".", "")))  -- expect: 256
