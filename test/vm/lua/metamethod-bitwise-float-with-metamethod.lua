-- A float without integer representation falls back to __band.
local o = setmetatable({}, {__band = function(a, b) return "band" end})
print(pcall(function() return 1.5 & 1 end))  -- expect: false	metamethod-bitwise-float-with-metamethod.lua:3: number has no integer representation
print(1.5 & o, o & 1.5)  -- expect: band	band
