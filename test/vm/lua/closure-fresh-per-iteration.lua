-- Each iteration of a loop gets a fresh local.
local fs = {}
for i = 1, 3 do fs[i] = function() return i end end
print(fs[1](), fs[2](), fs[3]())  -- expect: 1	2	3
local gs = {}
for _, v in ipairs({"a", "b", "c"}) do gs[#gs + 1] = function() return v end end
print(gs[1](), gs[2](), gs[3]())  -- expect: a	b	c
local hs = {}
local j = 0
while j < 3 do
  j = j + 1
  local k = j
  hs[j] = function() return k end
end
print(hs[1](), hs[2](), hs[3]())  -- expect: 1	2	3
