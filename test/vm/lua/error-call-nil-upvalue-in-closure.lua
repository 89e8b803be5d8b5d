-- Calling a nil upvalue.
local cb
local function run() cb() end
print(pcall(run))  -- expect: false	error-call-nil-upvalue-in-closure.lua:3: attempt to call a nil value (upvalue 'cb')
