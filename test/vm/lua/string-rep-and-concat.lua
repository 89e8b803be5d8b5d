-- string.rep with separators, and long concatenation chains.
print(string.rep("ab", 3), string.rep("ab", 3, ","), string.rep("x", 0), string.rep("x", -1), string.rep("", 5))  -- expect: ababab	ab,ab,ab			
local parts = {}
for i = 1, 10 do parts[i] = i end
print(table.concat(parts))  -- expect: 12345678910
print(1 .. 2 .. 3 .. "x" .. 4.5 .. "y")  -- expect: 123x4.5y
