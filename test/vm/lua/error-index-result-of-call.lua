-- Indexing the result of a call gives no name.
local function f() return nil end
print(pcall(function() return f().x end))  -- expect: false	error-index-result-of-call.lua:3: attempt to index a nil value
print(pcall(function() return (f()).x end))  -- expect: false	error-index-result-of-call.lua:4: attempt to index a nil value
