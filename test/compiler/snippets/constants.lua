-- loading constants: LOADI/LOADF ranges, LOADK, booleans, nil merging
local a, b, c = nil, nil, nil
local d
local e, f = true, false
local i1, i2, i3, i4 = 0, -1, 65535, 65536
local i5, i6, i7 = -65535, -65536, 65537
local f1, f2, f3, f4 = 0.0, 1.0, -65535.0, 65536.0
local f5, f6, f7 = 65537.0, 0.5, -2.5
local f8 = -0.0
local big = 9007199254740993
local huge = 0x7fffffffffffffff
local wrap = 0xffffffffffffffff
local minint = -9223372036854775808
local flt = 9223372036854775808
local e1, e2 = 1e308, 1e-300
local inf, nan = 1/0, 0/0
local s1, s2 = "hello", 'with "quotes" and \\ and \n\t\a\b\f\v\r'
local s3 = "bytes \0\1\127\128\255"
local s4 = [[long
string]]
local s5 = "hello"
x = 1
y = 1.0
z = "1"
w = 1
v = 1.0
g = 1 == 1.0
local t = {1, 1.0, "1", 2^53, 2^63, -2^63, true, false}
