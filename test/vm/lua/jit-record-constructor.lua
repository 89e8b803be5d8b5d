-- Record constructors `{ x = a, y = b }` in compiled code build the table and its fields in
-- one step; what they build must be the table the SETFIELDs would build.

local function keys(t)
  local ks = {}
  for k in pairs(t) do ks[#ks + 1] = tostring(k) end
  table.sort(ks)
  return table.concat(ks, ',')
end

local last
for i = 1, 500 do
  local maybe = (i % 2 == 0) and i or nil
  local t = { x = i, y = maybe, z = 'k', w = 1.5 }
  last = t
  assert(t.x == i and t.y == maybe and t.z == 'k' and t.w == 1.5)
  assert(keys(t) == (maybe and 'w,x,y,z' or 'w,x,z'))
end
print(keys(last), last.x, last.y, math.type(last.w))  -- expect: w,x,y,z	500	500	float

-- a repeated key keeps the last value; all-nil fields leave an empty table
for _ = 1, 300 do
  local d = { x = 1, x = 2 }
  assert(d.x == 2 and keys(d) == 'x')
  local e = { x = nil, y = nil }
  assert(next(e) == nil)
end
print(({ x = 1, x = 2 }).x, next({ x = nil }))  -- expect: 2	nil

-- more fields than a table scans without a map: every field still found
local big
for i = 1, 300 do
  big = { a = i, b = i + 1, c = 3, d = 4, e = 5, f = 6, g = 7, h = 8, i = 9, j = 10, k = 11 }
  assert(big.a == i and big.k == 11 and big.h == 8)
end
big.l = 12; big.a = nil
print(keys(big), big.b, big.l, big.a)  -- expect: b,c,d,e,f,g,h,i,j,k,l	301	12	nil

-- fields added, cleared and re-added later, with a traversal clearing them
local r
for i = 1, 300 do
  r = { x = i, y = i }
  r.z = 3; r.x = nil; r.x = 4
  for k in pairs(r) do r[k] = nil end
  assert(next(r) == nil)
  r.q = i
end
print(keys(r), r.q)  -- expect: q	300

-- instances of a class, and a metatable's fields made by a constructor
local mt = { __index = function (_, k) return 'missing ' .. k end, __tostring = function (s) return 'P(' .. s.x .. ')' end }
local p
for i = 1, 300 do p = setmetatable({ x = i, y = -i }, mt) end
print(tostring(p), p.y, p.nothing)  -- expect: P(300)	-300	missing nothing
local meta = { __add = function (a, b) return a.v + b.v end }
local sum = 0
for i = 1, 300 do sum = sum + (setmetatable({ v = i }, meta) + setmetatable({ v = 1 }, meta)) end
print(sum)  -- expect: 45450

-- mixed with positional items
local m
for i = 1, 300 do m = { i, x = i, i + 1, y = 2 } end
print(#m, m[1], m[2], m.x, m.y, keys(m))  -- expect: 2	300	301	300	2	1,2,x,y

-- tables from one constructor share their keys until one of them adds a key; a method
-- lookup that missed on one of them must still find a field another one gained
local C = {}; C.__index = C
function C.m() return 'class' end
local objs = {}
for i = 1, 300 do objs[i] = setmetatable({ a = i, b = i }, C) end
local classHits = 0
for i = 1, 300 do if objs[i]:m() == 'class' then classHits = classHits + 1 end end
objs[5].m = function () return 'own' end
objs[6].a = nil
objs[7].c = 7
local own, cls = 0, 0
for i = 1, 300 do if objs[i]:m() == 'own' then own = own + 1 else cls = cls + 1 end end
print(classHits, own, cls, objs[4].c, objs[7].c, rawget(objs[4], 'm'), objs[6].a, objs[6].b)  -- expect: 300	1	299	nil	7	nil	nil	6
print(keys(objs[4]), keys(objs[5]), keys(objs[6]), keys(objs[7]))  -- expect: a,b	a,b,m	b	a,b,c
