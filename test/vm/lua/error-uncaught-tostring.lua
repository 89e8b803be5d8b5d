-- An uncaught error object with __tostring is printed through it.
error(setmetatable({}, {__tostring = function() return "custom error object" end}))
-- expect error: custom error object
