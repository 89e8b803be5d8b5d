-- string.format with float conversions.
print(string.format("%f %.2f %10.3f|%-10.1f|", 1.5, 2.345, 3.14159, 2.5))  -- expect: 1.500000 2.35      3.142|2.5       |
print(string.format("%e %.3E", 12345.678, 0.00012))  -- expect: 1.234568e+04 1.200E-04
print(string.format("%g %g %g %g", 1e20, 1e-5, 100000, 1234567))  -- expect: 1e+20 1e-05 100000 1.23457e+06
print(string.format("%a", 1.0))  -- expect: 0x1p+0
print(string.format("%.3f", 2/3), string.format("%5.1f|", -0.05))  -- expect: 0.667	 -0.1|
print(string.format("%f %f %f", 1/0, -1/0, 3))  -- expect: inf -inf 3.000000
