-- Names through _ENV: globals, and fields of a local _ENV.
print(pcall(function() nofunc() end))  -- expect: false	error-message-env-global-names.lua:2: attempt to call a nil value (global 'nofunc')
print(pcall(function() local _ENV = {print = print} print(pcall(function() nofunc() end)) end))  -- expect: false	error-message-env-global-names.lua:3: attempt to call a nil value (global 'pcall')
print(pcall(function() local _ENV = {} return x.y end))  -- expect: false	error-message-env-global-names.lua:4: attempt to index a nil value (global 'x')
local function outer()
  return function() return undefinedvar.z end
end
print(pcall(outer()))  -- expect: false	error-message-env-global-names.lua:6: attempt to index a nil value (global 'undefinedvar')
