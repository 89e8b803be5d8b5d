-- next with a key that is not in the table.
local t = {a = 1}
print(pcall(next, t, "b"))  -- expect: false	invalid key to 'next'
print(pcall(next, t, 1))  -- expect: false	invalid key to 'next'
