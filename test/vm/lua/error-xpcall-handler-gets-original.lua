-- The handler receives the raw error value, non-strings included.
print(xpcall(function() error({msg = "tbl"}) end, function(e) return e.msg end))  -- expect: false	tbl
print(xpcall(function() error(nil) end, function(e) return type(e) end))  -- expect: false	nil
print(xpcall(function() local x = nil; return x.y end, function(e) return "H:" .. e end))  -- expect: false	H:error-xpcall-handler-gets-original.lua:4: attempt to index a nil value (local 'x')
