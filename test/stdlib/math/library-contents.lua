-- The math library has exactly 5.4's functions and constants plus the compat ones.
local names = {}
for k in pairs(math) do names[#names + 1] = k end
table.sort(names)
print(#names)  -- expect: 35
print(table.concat(names, " "))  -- expect: abs acos asin atan atan2 ceil cos cosh deg exp floor fmod frexp huge ldexp log log10 max maxinteger min mininteger modf pi pow rad random randomseed sin sinh sqrt tan tanh tointeger type ult
