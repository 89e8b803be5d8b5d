-- expect error: unexpected-symbol.lua:3: unexpected symbol near '*'
local x = 1 +
  * 2
