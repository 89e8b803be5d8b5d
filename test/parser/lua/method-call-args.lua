-- expect error: method-call-args.lua:4: function arguments expected near 'print'
local s = "abc"
local n = s:len
print(n)
