-- Method calls on strings (s:m(...)) in compiled loops: the method comes from the table the
-- string metatable's __index names, which a program may change at any time.
local s = "Hello"
local n = 0
for i = 1, 300 do n = n + s:byte(i % 5 + 1) + #s:rep(2) end
print(n)  -- expect: 33000
print(("%d-%s"):format(7, "x"), s:upper():lower():len())  -- expect: 7-x	5

-- A missing method is nil: the call fails naming it.
local ok, err = pcall(function()
  for i = 1, 300 do if i == 250 then return s:nosuch() end local _ = s:len() end
end)
print(ok, err)  -- expect: false	jit-string-methods.lua:11: attempt to call a nil value (method 'nosuch')

-- A method added to the string library is found; then removed again.
string.twice = function(x) return x .. x end
local out = {}
for i = 1, 300 do out[#out + 1] = ("ab"):twice() end
print(#table.concat(out), out[300])  -- expect: 1200	abab
string.twice = nil
print(pcall(function() return ("ab"):twice() end))  -- expect: false	jit-string-methods.lua:21: attempt to call a nil value (method 'twice')

-- __index replaced by a function, then by another table, then by a table with a metatable of
-- its own (missing keys go through it); restored before printing.
local mt = getmetatable("")
local lib = mt.__index
local calls = 0
mt.__index = function(str, key) calls = calls + 1 return lib[key] end
local t1 = 0
for i = 1, 300 do t1 = t1 + ("abc"):len() end
mt.__index = { len = function() return 100 end }
local t2 = 0
for i = 1, 300 do t2 = t2 + ("abc"):len() end
mt.__index = setmetatable({}, { __index = lib })
local t3 = 0
for i = 1, 300 do t3 = t3 + ("abcd"):len() end
mt.__index = lib
print(t1, calls, t2, t3)  -- expect: 900	300	30000	1200

-- Without a string metatable, indexing a string is an error.
debug.setmetatable("", nil)
local r1, r2 = pcall(function() for i = 1, 300 do local _ = s:len() end end)
debug.setmetatable("", mt)
print(r1, r2)  -- expect: false	jit-string-methods.lua:42: attempt to index a string value (upvalue 's')
print(s:len())  -- expect: 5

-- Other values than strings and tables still fail with Lua's messages.
local values = { 1, 2.5, true }
for _, v in ipairs(values) do
  print(pcall(function() for i = 1, 300 do local _ = v:len() end end))
end  -- expect: false	jit-string-methods.lua:50: attempt to index a number value (upvalue 'v') -- expect: false	jit-string-methods.lua:50: attempt to index a number value (upvalue 'v') -- expect: false	jit-string-methods.lua:50: attempt to index a boolean value (upvalue 'v')

-- A method removed from the library (its slot stays, holding nil) and then found through a
-- metatable given to the library table.
string.shout = function(x) return x:upper() .. "!" end
local got = {}
for i = 1, 300 do got[1] = ("hey"):shout() end
string.shout = nil
setmetatable(string, { __index = { shout = function(x) return "<" .. x .. ">" end } })
for i = 1, 300 do got[2] = ("hey"):shout() end
setmetatable(string, nil)
print(got[1], got[2])  -- expect: HEY!	<hey>
