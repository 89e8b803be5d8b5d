-- a function with more than 32 registers and loops (compiled code tracks registers in 32-bit
-- words: register 31 and beyond must work)
local function many()
  local a1, a2, a3, a4, a5, a6, a7, a8, a9, a10 = 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
  local b1, b2, b3, b4, b5, b6, b7, b8, b9, b10 = 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
  local c1, c2, c3, c4, c5, c6, c7, c8, c9, c10 = 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
  local d1, d2, d3, d4, d5, d6, d7, d8, d9, d10 = 1.5, 2, 3, 4, 5, 6, 7, 8, 9, 10
  local s = 0
  for i = 1, 300 do
    s = s + a1 + b2 + c3 + d4 + d10 * i + d1
    d10 = d10 + 0.25
    if i % 100 == 0 then s = s // 1 end
  end
  return s, d10
end
for _ = 1, 3 do print(many()) end  -- expect: 2704925.0	85.0 -- expect: 2704925.0	85.0 -- expect: 2704925.0	85.0
local t = {}
for i = 1, 500 do t[#t + 1] = "x" .. i end
print(#t, t[500])  -- expect: 500	x500
