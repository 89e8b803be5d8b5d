-- error adds "chunk:line:" only to string messages.
local function f() error("msg") end
local function g() error(12) end
print(pcall(f))  -- expect: false	error-string-with-position-prefix.lua:2: msg
print(pcall(g))  -- expect: false	12
local function h() error("msg", 2) end
print(pcall(h))  -- expect: false	msg
