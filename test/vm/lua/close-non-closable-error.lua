-- A value without __close cannot be a to-be-closed variable.
print(pcall(function() local x <close> = {} end))  -- expect: false	close-non-closable-error.lua:2: variable 'x' got a non-closable value
print(pcall(function() local y <close> = 42 end))  -- expect: false	close-non-closable-error.lua:3: variable 'y' got a non-closable value
print(pcall(function() local z <close> = "s" end))  -- expect: false	close-non-closable-error.lua:4: variable 'z' got a non-closable value
