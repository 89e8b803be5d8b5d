-- An error inside the message handler.
print(xpcall(function() error("first") end, function(m) error("second") end))  -- expect: false	error in error handling
print(xpcall(function() error("first") end, function(m) local x = nil; return x.y end))  -- expect: false	error in error handling
