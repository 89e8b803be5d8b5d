-- string.gsub with a table replacement: looked up by the first capture (or the match)
local t = {name = "Lua", version = 5.4, nope = false}
print(string.gsub("$name $version $nope $missing", "%$(%w+)", t))  -- expect: Lua 5.4 $nope $missing	4
print(string.gsub("hello world", "%w+", {hello = "HELLO"}))  -- expect: HELLO world	2
print(string.gsub("abc", "()", {[1] = "<", [4] = ">"}))  -- expect: <abc>	4
local proxy = setmetatable({}, {__index = function(_, k) return k:upper() end})
print(string.gsub("abc def", "%w+", proxy))  -- expect: ABC DEF	2
local chain = setmetatable({}, {__index = {x = "X"}})
print(string.gsub("xyx", ".", chain))  -- expect: XyX	3
print(string.gsub("one", "(o)(n)", {o = 1, n = 2}))  -- expect: 1e	1
