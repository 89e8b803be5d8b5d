-- utf8.codes: positions and code points
for p, c in utf8.codes("añ€😀") do print(p, c) end  -- expect: 1	97 -- expect: 2	241 -- expect: 4	8364 -- expect: 7	128512
for p, c in utf8.codes("") do print("never", p, c) end
local t = {}
for p, c in utf8.codes("héllo") do t[#t + 1] = p .. ":" .. c end
print(table.concat(t, " "))  -- expect: 1:104 2:233 4:108 5:108 6:111
local f, s, i = utf8.codes("ab")
print(type(f), s, i)  -- expect: function	ab	0
print(f(s, 0))  -- expect: 1	97
print(f(s, 1))  -- expect: 2	98
print(f(s, 2))  -- expect: 
print(f(s, -1))  -- expect: 
