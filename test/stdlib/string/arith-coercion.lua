-- arithmetic on numeric strings: converted through the string metamethods
print("10" + 1, "3" - "1", "2" * "3", "7" / "2", "7" // "2", "7" % "3", "2" ^ "3")  -- expect: 11	2	6	3.5	3	1	8.0
print(-"2", -"2.5", - -"3")  -- expect: -2	-2.5	3
print(math.type("10" + 1), math.type("10.0" + 1), math.type("1e2" * 1))  -- expect: integer	float	float
print("0x10" + 0, " 5 " + 0, "5." + 0, ".5" + 0)  -- expect: 16	5	5.0	0.5
print("9007199254740993" + 0, "9223372036854775807" + 1)  -- expect: 9007199254740993	-9223372036854775808
print(1 + "2", 1.5 + "2", "10" // 0.0, "-7" % "2")  -- expect: 3	3.5	inf	1
local s = "3"
s = s + 1
print(s, math.type(s))  -- expect: 4	integer
print(10 .. "", "1" + "1" == 2)  -- expect: 10	true
