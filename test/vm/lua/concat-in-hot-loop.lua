-- Concatenation inside a loop hot enough to be compiled: strings, integers, floats
-- (as tostring writes them), several operands at once, and the cases that leave the
-- compiled code (__concat, errors) must all behave as in the interpreter.
local mt = { __concat = function(a, b)
  local x = type(a) == 'table' and a.tag or a
  local y = type(b) == 'table' and b.tag or b
  return x .. '+' .. y
end }
local obj = setmetatable({ tag = 'T' }, mt)
local s, last = '', nil
for i = 1, 1000 do
  last = 'k' .. i .. ':' .. i * 0.5 .. '|' .. 2^53 .. '|' .. -0.0
  if i % 250 == 0 then s = s .. last .. ';' end
end
print(s)
print(last)
local m
for i = 1, 500 do m = obj .. i end
print(m)
for i = 1, 500 do m = i .. obj end
print(m)
for i = 1, 300 do m = 1.5 .. math.mininteger .. math.huge .. -math.huge end
print(m)
local ok, err
for i = 1, 300 do
  local t = i < 300 and 'x' or nil
  ok, err = pcall(function() return 'a' .. t end)
end
print(ok, err)
for i = 1, 300 do
  local v = i < 300 and 1 or {}
  ok, err = pcall(function() return v .. 'b' end)
end
print(ok, err)

-- expect: k250:125.0|9.007199254741e+15|-0.0;k500:250.0|9.007199254741e+15|-0.0;k750:375.0|9.007199254741e+15|-0.0;k1000:500.0|9.007199254741e+15|-0.0;
-- expect: k1000:500.0|9.007199254741e+15|-0.0
-- expect: T+500
-- expect: 500+T
-- expect: 1.5-9223372036854775808inf-inf
-- expect: false	concat-in-hot-loop.lua:27: attempt to concatenate a nil value (upvalue 't')
-- expect: false	concat-in-hot-loop.lua:32: attempt to concatenate a table value (upvalue 'v')
