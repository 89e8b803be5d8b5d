-- Large and small floats switch to exponent form past 14 significant digits.
print(1e14, 1e15, 1e16, 123456789012345678.0)  -- expect: 1e+14	1e+15	1e+16	1.2345678901235e+17
print(0.0001, 0.00001, 1.5e-7)  -- expect: 0.0001	1e-05	1.5e-07
print(2^24, 2^31, 2^32, 2^52, 2^62)  -- expect: 16777216.0	2147483648.0	4294967296.0	4.5035996273705e+15	4.6116860184274e+18
print(-1e15, -1e16, 9.999999999999999e14)  -- expect: -1e+15	-1e+16	1e+15
