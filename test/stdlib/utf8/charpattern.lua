-- utf8.charpattern: one UTF-8 sequence
print(utf8.charpattern == "[\0-\x7F\xC2-\xFD][\x80-\xBF]*")  -- expect: true
local n = 0
for c in string.gmatch("añ€😀", utf8.charpattern) do n = n + 1; print(#c) end  -- expect: 1 -- expect: 2 -- expect: 3 -- expect: 4
print(n)  -- expect: 4
print(string.match("\xff", utf8.charpattern))  -- expect: nil
