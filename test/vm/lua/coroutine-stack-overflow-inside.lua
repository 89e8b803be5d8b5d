-- A stack overflow inside a coroutine is reported by resume.
local function rec(n) return 1 + rec(n + 1) end
local co = coroutine.create(function() return rec(1) end)
local ok, err = coroutine.resume(co)
print(ok, (string.gsub(err, "^.-:%d+: ", "")))  -- expect: false	stack overflow
