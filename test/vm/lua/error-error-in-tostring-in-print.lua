-- An error raised inside __tostring propagates out of print.
local t = setmetatable({}, {__tostring = function() error("no tostring") end})
print(pcall(print, t))  -- expect: false	error-error-in-tostring-in-print.lua:2: no tostring
