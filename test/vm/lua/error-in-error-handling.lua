-- Errors in the message handler repeatedly give "error in error handling".
local function handler(m) error(m) end
print(xpcall(function() error("x") end, handler))  -- expect: false	error in error handling
