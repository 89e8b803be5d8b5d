-- debug.traceback as a message handler.
local ok, tb = xpcall(function() error("with traceback") end, debug.traceback)
print(ok)  -- expect: false
print((tb:gsub("\n.*", "")))  -- expect: error-xpcall-traceback-handler.lua:2: with traceback
print(select(2, tb:gsub("\n", "\n")) > 1)  -- expect: true
