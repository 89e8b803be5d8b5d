-- select accepts integral floats only.
print(select(2.0, "a", "b"))  -- expect: b
print(pcall(select, 1.5, "a"))  -- expect: false	bad argument #1 to 'select' (number has no integer representation)
print(pcall(select, "2", "a", "b"))  -- expect: true	b
print(pcall(select, {}, "a"))  -- expect: false	bad argument #1 to 'select' (number expected, got table)
