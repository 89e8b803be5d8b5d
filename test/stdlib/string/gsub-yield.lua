-- string.gsub: a replacement function cannot yield (Lua calls it with lua_call), but it can
-- run coroutines of its own; neither can the operand metamethods the string metamethods call
local function why(ok, err) return ok, (string.match(tostring(err), "attempt to yield across a C%-call boundary")) end
local co = coroutine.wrap(function(s)
  return why(pcall(string.gsub, s, "%w+", function(w) coroutine.yield(w) end))
end)
print(co("one two"))  -- expect: false	attempt to yield across a C-call boundary
print(why(coroutine.resume(coroutine.create(function()
  return string.gsub("abc", ".", function(c) return coroutine.yield(c) end)
end))))  -- expect: false	attempt to yield across a C-call boundary
print(coroutine.wrap(function()
  print(coroutine.isyieldable())
  return string.gsub("ab", ".", function(c)
    print(coroutine.isyieldable())
    local inner = coroutine.wrap(function(x) coroutine.yield(x:upper()) end)
    return inner(c)
  end)
end)())  -- expect: true -- expect: false -- expect: false -- expect: AB	2
local V = setmetatable({}, {__add = function() return coroutine.yield("from __add") end})
print(why(coroutine.resume(coroutine.create(function() return "x" + V end))))  -- expect: false	attempt to yield across a C-call boundary
print(coroutine.wrap(function() return "x" .. coroutine.yield("plain yield") end)())  -- expect: plain yield
