-- expect error: syntaxerror.lua:3: unexpected symbol near <eof>
local x =
