-- Operator precedence and associativity.
print(2 ^ 3 ^ 2, -2 ^ 2, 2 ^ -1, not nil == true, not (1 == 2))  -- expect: 512.0	-4.0	0.5	true	true
print("1" .. 2 + 3, 1 + 2 .. "", 2 * 3 % 4, 1 << 2 + 1, 1 | 2 ~ 3 & 4)  -- expect: 15	3	2	8	3
print(5 - 3 - 1, 2 ^ 2 ^ 0, 7 // 2 * 2, -3 % 5, -(3 % 5))  -- expect: 1	2.0	6	2	-3
print(1 < 2 == true, "a" .. "b" == "ab", 1 + -2, - - 2)  -- expect: true	true	-1	2
