-- utf8.codes: invalid sequences (5.4.4: continuation bytes are skipped, bad leads fail)
local function list(s, lax)
  local t = {}
  local ok, err = pcall(function()
    for p, c in utf8.codes(s, lax) do t[#t + 1] = p .. ":" .. c end
  end)
  print(table.concat(t, " "), ok, err)
end
list("ab\xff")  -- expect: 1:97 2:98	false	codes-errors.lua:5: invalid UTF-8 code
list("in\x80valid")  -- expect: 1:105 2:110 4:118 5:97 6:108 7:105 8:100	true	nil
list("\xbfab")  -- expect: 2:97 3:98	true	nil
list("a\xe4\x80")  -- expect: 1:97	false	codes-errors.lua:5: invalid UTF-8 code
list("a\xc0\x80")  -- expect: 1:97	false	codes-errors.lua:5: invalid UTF-8 code
list("\xed\xa0\x80")  -- expect: 	false	codes-errors.lua:5: invalid UTF-8 code
list("\xed\xa0\x80", true)  -- expect: 1:55296	true	nil
print(pcall(utf8.codes))  -- expect: false	bad argument #1 to 'utf8.codes' (string expected, got no value)
for p, c in utf8.codes("ok\xfe") do end
-- expect error: codes-errors.lua:17: invalid UTF-8 code
