-- A strict mode made with __index and __newindex on _G.
setmetatable(_G, {
  __newindex = function(t, k, v) error("assign to undeclared global '" .. k .. "'", 2) end,
  __index = function(t, k) error("undeclared global '" .. k .. "'", 2) end,
})
print(pcall(function() return undeclared end))  -- expect: false	error-strict-globals.lua:6: undeclared global 'undeclared'
print(pcall(function() undeclared = 1 end))  -- expect: false	error-strict-globals.lua:7: assign to undeclared global 'undeclared'
rawset(_G, "declared", 1)
print(declared)  -- expect: 1
setmetatable(_G, nil)
