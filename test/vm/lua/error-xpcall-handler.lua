-- xpcall calls the handler with the error and returns its result.
print(xpcall(function() error("bad") end, function(m) return "handled: " .. m end))  -- expect: false	handled: error-xpcall-handler.lua:2: bad
print(xpcall(function() return 1, 2 end, print))  -- expect: true	1	2
print(xpcall(function(...) return select("#", ...) end, print, 1, 2, 3))  -- expect: true	3
print(xpcall(function() error({}) end, function(e) return type(e) end))  -- expect: false	table
