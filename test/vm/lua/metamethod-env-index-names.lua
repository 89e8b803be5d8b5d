-- Global lookups through an _ENV with __index.
setmetatable(_G, {__index = function(_, k) return nil end})
print(pcall(function() undefinedfn() end))  -- expect: false	metamethod-env-index-names.lua:3: attempt to call a nil value (global 'undefinedfn')
print(pcall(function() return undefinedvar.x end))  -- expect: false	metamethod-env-index-names.lua:4: attempt to index a nil value (global 'undefinedvar')
setmetatable(_G, nil)
