-- The generic for takes its three values from an expression list.
local function iter(s, c) if c < s then return c + 1 end end
local function gen() return iter, 3, 0 end
for i in gen() do io.write(i, " ") end  -- expect: 1 2 3 
print()
for i in iter, 2, 0 do io.write(i, " ") end  -- expect: 1 2 
print()
