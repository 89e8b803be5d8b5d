-- A load reader may return numbers: they are string pieces (lua_isstring, lua_tolstring).
local n = 0
print(load(function() n = n + 1 if n == 1 then return 12 elseif n == 2 then return 3.5 end end))  -- expect: nil	(load):1: unexpected symbol near '123.5'
n = 0
local f = load(function() n = n + 1 if n == 1 then return "return " elseif n == 2 then return 7 end end)
print(f())  -- expect: 7
print(pcall(load, function() return true end))  -- expect: true	nil	reader function must return a string
