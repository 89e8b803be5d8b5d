-- expect error: const-assign-upvalue.lua:5: attempt to assign to const variable 'config'
local config <const> = { debug = true }
local function reset()
  config.debug = false
  config = {}
end
