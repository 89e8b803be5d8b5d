-- A callee that changes its caller's local with debug.setlocal: the caller sees the new
-- value afterwards, also once the loop is hot enough to run compiled, whether the callee is
-- a Lua function or debug.setlocal itself is called directly.
local function bump(level)
  local name, v = debug.getlocal(level + 1, 1)
  debug.setlocal(level + 1, 1, v + 1)
  return name
end
local function run()
  local x = 0
  for i = 1, 1000 do
    bump(1)
    x = x + 1
  end
  return x
end
print(run())
local function direct()
  local y = 0
  for i = 1, 1000 do
    debug.setlocal(1, 1, y + 10)
  end
  return y
end
print(direct())

-- expect: 2000
-- expect: 10000
