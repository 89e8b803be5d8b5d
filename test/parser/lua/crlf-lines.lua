-- expect error: crlf-lines.lua:8: 'end' expected (to close 'if' at line 4) near <eof>
local a = 1
local b = 2
if a < b then
  print(a)
else
  print(b)
