-- string.gsub: a replacement function may yield when gsub runs inside a coroutine.
-- moonlet extension: lua5.4 raises "attempt to yield across a C-call boundary" here, so the
-- expectations below are written by hand (do not regenerate this file with lua5.4).
local co = coroutine.wrap(function(s)
  local r, n = string.gsub(s, "%w+", function(w)
    local got = coroutine.yield(w)
    return got
  end)
  return "done", r, n
end)
print(co("one two three"))  -- expect: one
print(co("1"))  -- expect: two
print(co("2"))  -- expect: three
print(co("3"))  -- expect: done	1 2 3	3
local co2 = coroutine.create(function()
  return string.gsub("abc", ".", function(c)
    coroutine.yield(c)
    return c:upper()
  end)
end)
while true do
  local t = {coroutine.resume(co2)}
  print(table.unpack(t))  -- expect: true	a -- expect: true	b -- expect: true	c -- expect: true	ABC	3
  if coroutine.status(co2) == "dead" then break end
end
local co3 = coroutine.wrap(function()
  return pcall(string.gsub, "ab", ".", function(c)
    coroutine.yield(c)
    if c == "b" then error("stop at " .. c) end
  end)
end)
print(co3())  -- expect: a
print(co3())  -- expect: b
print(co3())  -- expect: false	gsub-yield.lua:29: stop at b
