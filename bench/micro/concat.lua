-- concat.lua — micro-benchmark: string concatenation of short strings and numbers.
-- Each iteration builds two short strings with `..` (numbers converted on the way); the
-- checksum is the total length and the last strings.
local n = tonumber(arg and arg[1]) or 1000000
local total = 0
local a, b = "", ""
for i = 1, n do
  a = "key" .. i .. ":" .. (i % 7)
  b = a .. "/" .. "suffix"
  total = total + #b
end
print("concat", n, total, a, b)
