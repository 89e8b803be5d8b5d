-- select with negative indices counts from the end.
print(select(-1, "a", "b", "c"))  -- expect: c
print(select(-2, "a", "b", "c"))  -- expect: b	c
print(select(2, "a", "b", "c"))  -- expect: b	c
print(select(4, "a", "b", "c"))  -- expect: 
print(pcall(select, -4, "a", "b", "c"))  -- expect: false	bad argument #1 to 'select' (index out of range)
print(pcall(select, 0, "a"))  -- expect: false	bad argument #1 to 'select' (index out of range)
print(pcall(select, "x"))  -- expect: false	bad argument #1 to 'select' (number expected, got string)
