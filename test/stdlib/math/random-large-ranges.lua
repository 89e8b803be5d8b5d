-- Intervals beyond 32 bits, the full integer range, and single-value intervals.
math.randomseed(77)
local t = {}
for i = 1, 4 do t[#t + 1] = math.random(math.mininteger, math.maxinteger) end
for i = 1, 4 do t[#t + 1] = math.random(0, 2^40) end
for i = 1, 4 do t[#t + 1] = math.random(-2^60, 2^60 + 12345) end
for i = 1, 4 do t[#t + 1] = math.random(1 << 33, (1 << 33) + 6) end
for i = 1, 4 do t[#t + 1] = math.random(3, 2^32 + 2) end
for i = 1, 4 do t[#t + 1] = math.random(math.maxinteger) end
for i = 1, 2 do t[#t + 1] = math.random(7, 7) end
for i = 1, 2 do t[#t + 1] = math.random(math.mininteger, math.mininteger) end
for _, v in ipairs(t) do print(v) end  -- expect: 7976801252387523757 -- expect: -2098653337200497872 -- expect: 1369689227747634413 -- expect: -4080785555621523831 -- expect: 935812977211 -- expect: 955658352863 -- expect: 811422535661 -- expect: 105379105929 -- expect: -1079557608162762885 -- expect: 640761226330920395 -- expect: 298095302142411332 -- expect: 1063975744383958758 -- expect: 8589934593 -- expect: 8589934595 -- expect: 8589934596 -- expect: 8589934595 -- expect: 3516534851 -- expect: 3025307514 -- expect: 2234933679 -- expect: 2545455603 -- expect: 619412009791387511 -- expect: 6703490022329141904 -- expect: 237870860793832939 -- expect: 4104174786436358148 -- expect: 7 -- expect: 7 -- expect: -9223372036854775808 -- expect: -9223372036854775808
