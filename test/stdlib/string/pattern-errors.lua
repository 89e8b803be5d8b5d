-- patterns: malformed patterns and Lua's messages
print(pcall(string.find, "a", "[a"))  -- expect: false	malformed pattern (missing ']')
print(pcall(string.find, "a", "[a-"))  -- expect: false	malformed pattern (missing ']')
print(pcall(string.find, "a", "%"))  -- expect: false	malformed pattern (ends with '%')
print(pcall(string.find, "a", "("))  -- expect: false	unfinished capture
print(pcall(string.find, "a", ")"))  -- expect: true	nil
print(pcall(string.find, "a", "%1"))  -- expect: false	invalid capture index %1
print(pcall(string.find, "a", "(a)%2"))  -- expect: false	invalid capture index %2
print(pcall(string.find, "a", "%b"))  -- expect: false	malformed pattern (missing arguments to '%b')
print(pcall(string.find, "a", "%ba"))  -- expect: false	malformed pattern (missing arguments to '%b')
print(pcall(string.find, "a", "%f"))  -- expect: false	missing '[' after '%f' in pattern
print(pcall(string.find, "a", "%fa"))  -- expect: false	missing '[' after '%f' in pattern
print(pcall(string.find, "a", "(()"))  -- expect: false	unfinished capture
print(pcall(string.match, string.rep("a", 300), string.rep("(a)", 33)))  -- expect: false	too many captures
print(pcall(string.gsub, "alo", ".", {}, "x"))  -- expect: false	bad argument #4 to 'string.gsub' (number expected, got string)
print(pcall(string.rep("x", 300000).find, string.rep("x", 300000), string.rep(".?", 300000)))  -- expect: false	pattern too complex
string.find("abc", "[")
-- expect error: pattern-errors.lua:17: malformed pattern (missing ']')
