-- Unfinished long strings and comments.
print(load("return [[abc"))  -- expect: nil	[string "return [[abc"]:1: unfinished long string (starting at line 1) near <eof>
print(load("--[[ never closed"))  -- expect: nil	[string "--[[ never closed"]:1: unfinished long comment (starting at line 1) near <eof>
print(load("return [==[ x ]=]"))  -- expect: nil	[string "return [==[ x ]=]"]:1: unfinished long string (starting at line 1) near <eof>
