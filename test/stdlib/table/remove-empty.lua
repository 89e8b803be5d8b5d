-- Removing from an empty table: position 0 (the default) and #t + 1 are allowed.
print(table.remove({}))  -- expect: nil
print(table.remove({}, 0))  -- expect: nil
print(table.remove({}, 1))  -- expect: nil
local z = {[0] = "zero"}
print(table.remove(z), z[0])  -- expect: zero	nil
local t = {"a"}
print(table.remove(t, 2), #t)  -- expect: nil	1
print(select("#", table.remove({})))  -- expect: 1
