-- Floats become strings with %.14g in concatenation.
print(0.1 .. "", 1e15 .. "", 1e100 .. "", -0.0 .. "", (2^53) .. "", 3.0 .. "")  -- expect: 0.1	1e+15	1e+100	-0.0	9.007199254741e+15	3.0
print(1/3 .. "", 100 / 2 .. "")  -- expect: 0.33333333333333	50.0
