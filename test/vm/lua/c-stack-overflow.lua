-- Calls Lua makes through C (pcall's function, metamethods, message handlers, coroutines,
-- iterators) nest at most 200 deep, as in Lua: "C stack overflow", never a hang.
-- The counts depend on how deep the chunk itself runs, so the expectations are copied from a
-- plain `lua5.4 c-stack-overflow.lua` (scripts/gen-expectations.mjs wraps the chunk in calls of
-- its own); never regenerate them with that script.

-- pcall calling itself: as deep as Lua lets it, then the error climbs back.
local depth = 0
local function viaPcall() depth = depth + 1; pcall(viaPcall) end
viaPcall()
print(depth)  -- expect: 198

-- A tail call to pcall: each level returns one more `true`.
local function tailPcall() return pcall(tailPcall) end
local results = table.pack(tailPcall())
print(results.n, results[1], results[results.n])  -- expect: 199	true	C stack overflow

-- assert in each level adds its position to the message.
local function asserting() assert(pcall(asserting)) end
local ok, msg = pcall(asserting)
local _, prefixes = string.gsub(msg, "c%-stack%-overflow%.lua:%d+: ", "")
print(ok, prefixes, (msg:gsub("^.*: ", "")))  -- expect: false	197	C stack overflow

-- __index functions, __add and __tostring recursing through themselves.
local t = setmetatable({}, {__index = function(t, k) return t[k] end})
print(pcall(function() return t.x end))  -- expect: false	c-stack-overflow.lua:25: C stack overflow
local mt = {}
mt.__add = function(a, b) return a + b end
local x = setmetatable({}, mt)
print(pcall(function() return x + 1 end))  -- expect: false	c-stack-overflow.lua:28: C stack overflow
local u = setmetatable({}, {__tostring = function(s) return tostring(s) end})
print(pcall(tostring, u))  -- expect: false	C stack overflow

-- Coroutines resuming coroutines.
local n = 0
local function nest() n = n + 1; coroutine.wrap(nest)() end
ok, msg = pcall(nest)
print(ok, n, (msg:gsub("^.*: ", "")))  -- expect: false	197	C stack overflow
n = 0
local function nestResume()
  n = n + 1
  local ok2, err = coroutine.resume(coroutine.create(nestResume))
  if not ok2 then error(err, 0) end
end
print(pcall(nestResume))  -- expect: false	C stack overflow
print(n)  -- expect: 197

-- A generic for whose iterator runs a generic for over itself.
local iterations = 0
local function iter() iterations = iterations + 1; for _ in iter do end end
ok, msg = pcall(function() for _ in iter do end end)
print(ok, iterations, msg)  -- expect: false	196	c-stack-overflow.lua:50: C stack overflow

-- A message handler that fails calls itself again until Lua gives up.
local calls, seen = 0, {}
local function handler(m) calls = calls + 1; seen[calls] = m; error(m) end
print(xpcall(error, handler, "first"))  -- expect: false	error in error handling
local function last(m) return (m:gsub("^.*: ", "")) end
print(calls, seen[1], last(seen[196]), seen[197], last(seen[198]), #seen[215] > #seen[214])  -- expect: 215	first	first	C stack overflow	C stack overflow	true

-- A handler recursing through pcall gives up too, instead of running for ever.
local function loop() assert(pcall(loop)) end
print(xpcall(loop, loop))  -- expect: false	error in error handling

-- Room left: a fresh level after all that is as deep as the first.
depth = 0
viaPcall()
print(depth)  -- expect: 198
