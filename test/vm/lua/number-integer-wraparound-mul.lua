-- Integer multiplication wraps around on 64 bits.
print(math.maxinteger * 2)  -- expect: -2
print(math.mininteger * -1)  -- expect: -9223372036854775808
print(math.mininteger * 2)  -- expect: 0
print(0x100000000 * 0x100000000)  -- expect: 0
print(0x7fffffff * 0x7fffffff)  -- expect: 4611686014132420609
print(3037000500 * 3037000500)  -- expect: -9223372036709301616
print(-3037000500 * 3037000500)  -- expect: 9223372036709301616
local big = 0x123456789
print(big * big)  -- expect: 5433272109649987409
