-- Errors on upvalues in nested closures.
local cfg
local function make()
  return function()
    return function() return cfg.value end
  end
end
print(pcall(make()()))  -- expect: false	error-message-upvalue-nested.lua:5: attempt to index a nil value (upvalue 'cfg')
local num = 3
print(pcall((function() return function() return num() end end)()))  -- expect: false	error-message-upvalue-nested.lua:10: attempt to call a number value (upvalue 'num')
