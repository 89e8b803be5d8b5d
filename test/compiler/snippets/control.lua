local a, b, n = ...
local r
if a then r = 1 end
if a then r = 1 else r = 2 end
if a then r = 1 elseif b then r = 2 elseif n then r = 3 else r = 4 end
if a then elseif b then end
if a then else r = 0 end
while a do a = a - 1 end
while true do if a then break end end
while true do if a then break; end r = 1 end
while a do if b then break else r = 2 end end
repeat a = a + 1 until a > 10
repeat local x = a; a = x until x
repeat local x = a; local f = function() return x end until f()
for i = 1, 10 do r = i end
for i = 10, 1, -1 do r = i end
for i = 1.0, 2.5, 0.5 do r = i end
for i = a, b, n do r = i end
for i = 1, 3 do local j = i; r = function() return j end end
for k, v in pairs(a) do r = k end
for k in next, a do r = k end
for _, v in ipairs(a) do local w = v; r = function() return w end end
for a1, a2, a3, a4, a5 in f() do r = a5 end
for i = 1, 10 do
  for j = 1, 10 do
    if i == j then break end
    if i > j then goto continue end
    r = i * j
    ::continue::
  end
end
do
  goto fwd
  r = 1
  ::fwd::
end
do
  ::top::
  local x = a
  if x then goto top end
end
do
  local y = 1
  ::back::
  local z = function() return y end
  if a then goto back end
end
do
  goto l1
  local q = 1
  ::l1::
end
while a do
  local c = 1
  local f = function() return c end
  if b then goto out end
end
::out::
r = 2
do ::l2:: ::l3:: ; ::l4:: end
repeat local z = 1; goto cont; ::cont:: until z
