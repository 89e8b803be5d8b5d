-- Strings sort bytewise (strcoll in the C locale), embedded zeros included.
local t = {"banana", "apple", "Cherry", "apple pie", "", "\0first", "z", "\255high", "10", "9", "a\0b", "a"}
table.sort(t)
for i = 1, #t do print(i, (t[i]:gsub("%z", "\\0"):gsub("\255", "\\255"))) end  -- expect: 1	 -- expect: 2	\0first -- expect: 3	10 -- expect: 4	9 -- expect: 5	Cherry -- expect: 6	a -- expect: 7	a\0b -- expect: 8	apple -- expect: 9	apple pie -- expect: 10	banana -- expect: 11	z -- expect: 12	\255high
local months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
table.sort(months)
print(table.concat(months, " "))  -- expect: Apr Aug Dec Feb Jan Jul Jun Mar May Nov Oct Sep
