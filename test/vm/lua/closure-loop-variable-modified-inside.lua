-- A closure captures the copy of the loop variable of its iteration.
local fs = {}
for i = 1, 3 do
  local function get() return i end
  i = i * 10
  fs[#fs + 1] = get
end
print(fs[1](), fs[2](), fs[3]())  -- expect: 10	20	30
