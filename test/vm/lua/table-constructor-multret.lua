-- Only the last expression of a constructor is expanded.
local function three() return 1, 2, 3 end
local a = {three()}
local b = {three(), three()}
local c = {three(), 10}
local d = {(three())}
local e = {three(), x = 1}
print(#a, #b, #c, #d, #e)  -- expect: 3	4	2	1	1
print(table.concat(b, ","), table.concat(c, ","))  -- expect: 1,1,2,3	1,10
local f = {...}
print(#f)  -- expect: 0
