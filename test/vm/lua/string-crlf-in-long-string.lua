-- Line breaks \r\n, \n\r, \r and \n each count as one newline in long strings.
local f = load("return [[a\r\nb\n\rc\rd\ne]]")
local s = f()
print(#s, (s:gsub("\n", "|")))  -- expect: 9	a|b|c|d|e
local g = load("return 'x\\\r\ny'")
print(#g(), (g():gsub("\n", "|")))  -- expect: 3	x|y
