-- utf8 decoding: overlong encodings are always invalid, long forms only in lax mode
local cases = {"\xc0\x80", "\xc1\xbf", "\xe0\x80\x80", "\xf0\x80\x80\x80", "\xc2\x80",
               "\xf8\x88\x80\x80\x80", "\xf8\x80\x80\x80\x80", "\xfc\x84\x80\x80\x80\x80",
               "\xfc\x80\x80\x80\x80\x80", "\xfd\xbf\xbf\xbf\xbf\xbf", "\xfe\x80", "\xff"}
for _, s in ipairs(cases) do
  print(s:byte(1), utf8.len(s), utf8.len(s, 1, -1, true), pcall(utf8.codepoint, s, 1, 1, true))
end  -- expect: 192	nil	nil	false	invalid UTF-8 code -- expect: 193	nil	nil	false	invalid UTF-8 code -- expect: 224	nil	nil	false	invalid UTF-8 code -- expect: 240	nil	nil	false	invalid UTF-8 code -- expect: 194	1	1	true	128 -- expect: 248	nil	1	true	2097152 -- expect: 248	nil	nil	false	invalid UTF-8 code -- expect: 252	nil	1	true	67108864 -- expect: 252	nil	nil	false	invalid UTF-8 code -- expect: 253	nil	1	true	2147483647 -- expect: 254	nil	nil	false	invalid UTF-8 code -- expect: 255	nil	nil	false	invalid UTF-8 code
