-- Long strings with levels; the first newline is skipped.
local a = [[
first line
second]]
print(a)  -- expect: first line -- expect: second
print([==[contains ]] and ]=] inside]==])  -- expect: contains ]] and ]=] inside
print(#[[
]], [[no escapes \n here]])  -- expect: 0	no escapes \n here
local b = [=[
]=]
print(#b)  -- expect: 0
