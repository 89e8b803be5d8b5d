-- expect error: unfinished-string.lua:2: unfinished string near '"hello'
local greeting = "hello
print(greeting)
