local a, b = ...
local r
-- register/register
r = a + b; r = a - b; r = a * b; r = a / b; r = a // b; r = a % b; r = a ^ b
r = a & b; r = a | b; r = a ~ b; r = a << b; r = a >> b
-- immediates and constants on the right
r = a + 1; r = a - 1; r = a + 127; r = a + 128; r = a - 128; r = a - 127; r = a + -1
r = a * 2; r = a / 2; r = a // 2; r = a % 2; r = a ^ 2; r = a + 2.5; r = a - 2.5
r = a & 1; r = a | 0xff; r = a ~ 3; r = a >> 1; r = a << 1; r = a >> -1; r = a << -3
r = a >> 200; r = a << 200; r = a & 1.0; r = a + "1"; r = a .. 1
-- constants on the left (commutative flips)
r = 1 + a; r = 2 * a; r = 2.5 + a; r = 1 - a; r = 2 / a; r = 3 & a; r = 1 << a; r = 1 >> a
r = 300 + a; r = -300 + a; r = 1.5 * a
-- folding
r = 1 + 2; r = 10 - 20; r = 3 * 4; r = 7 / 2; r = 7 // 2; r = -7 // 2; r = 7 % -3; r = -7 % 3
r = 2 ^ 10; r = 7.5 // 2; r = -7.5 % 2; r = 5.0 % -3; r = 0x7fffffffffffffff + 1
r = 1 << 62; r = 1 << 63; r = 1 << 64; r = -1 >> 1; r = 3 & 5; r = 3 | 5; r = 3 ~ 5; r = ~0
r = -(-9223372036854775807 - 1); r = - 3; r = - 3.5; r = ~5
r = 1 // 0; r = 1 % 0; r = 1.0 // 0; r = 1 / 0; r = 0.0 / 0; r = 1 & 1.5; r = 2.0 & 3
r = 1 - 1.0; r = 0.5 - 0.5; r = -0.0; r = 3 // 0.0
r = 2^53 + 1; r = 1e15 * 10
-- unary
r = -a; r = ~a; r = #a; r = not a; r = not not a; r = - -a; r = not 1; r = not nil
-- concat
r = a .. b; r = a .. b .. "c" .. 1; r = (a .. b) .. "c"; r = "x" .. a .. (b .. "y")
-- mixed
r = a + b * 2 - (a - b) / 3
r = (a + 1) * (b - 1) % 5 // 2 ^ 3
