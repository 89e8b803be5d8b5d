-- Constructors with explicit trailing nils have a defined length.
local t = {1, 2, 3, nil}
print(#t)  -- expect: 3
local u = {nil}
print(#u)  -- expect: 0
local v = {n = 1, nil, nil}
print(#v)  -- expect: 0
