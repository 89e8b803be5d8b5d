-- An empty interval gives the empty string without touching the table.
print("[" .. table.concat({}) .. "]")  -- expect: []
print("[" .. table.concat({1, 2, 3}, ",", 3, 2) .. "]")  -- expect: []
print("[" .. table.concat({1, 2, 3}, ",", 10, 1) .. "]")  -- expect: []
print("[" .. table.concat({1, 2, 3}, ",", 2, 2) .. "]")  -- expect: [2]
print("[" .. table.concat(setmetatable({}, {__index = function() error("read") end}), ",", 5, 4) .. "]")  -- expect: []
