-- expect error: unknown-attribute.lua:2: unknown attribute 'constant'
local x <constant> = 1
print(x)
