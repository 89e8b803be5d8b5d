-- A level past the stack adds no position.
print(pcall(error, "far", 50))  -- expect: false	far
print(pcall(function() error("far2", 10) end))  -- expect: false	far2
