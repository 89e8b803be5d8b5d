-- Functions share one metatable set with debug.setmetatable.
debug.setmetatable(print, {__index = {kind = "function"}, __concat = function(a, b) return "f" end})
print(print.kind, (function() end).kind, print .. "x")  -- expect: function	function	f
debug.setmetatable(print, nil)
