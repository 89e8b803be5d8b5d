-- _G and _ENV refer to the global table.
print(_G == _ENV, _G._G == _G, _VERSION)  -- expect: true	true	Lua 5.4
x_global = 1
print(_G.x_global, _ENV.x_global, rawget(_G, "x_global"))  -- expect: 1	1	1
local function f() local _ENV = {y = 2} return y end
print(f(), y)  -- expect: 2	nil
