-- Compiled code writes a register back to the stack before a call only if it changed since
-- the stack last held it; whatever a callee or a resumed frame reads must be current.

local function peek(level, n)
  local _, v = debug.getlocal(level + 1, n)
  return v
end

local function body()
  local a, b, s = 1, 2, ''
  local seen = {}
  for i = 1, 5 do
    a = a + i
    seen[#seen + 1] = peek(1, 1)         -- the callee reads `a` from this frame
    b = b * 2
    s = s .. i
    local got = coroutine.yield(peek(1, 2) .. '/' .. peek(1, 3))
    a = a + got                          -- the frame resumed: its registers came from the stack
  end
  return a, b, s, table.concat(seen, ',')
end

local last
for round = 1, 300 do
  local co = coroutine.wrap(body)
  local ys = { co() }
  for k = 1, 4 do ys[#ys + 1] = co(k * 100) end
  for _, v in ipairs({ co(500) }) do ys[#ys + 1] = v end
  if round == 1 or round == 300 then last = table.concat(ys, ' ') print(last) end
end  -- expect: 4/1 8/12 16/123 32/1234 64/12345 1516 64 12345 2,104,307,611,1016 -- expect: 4/1 8/12 16/123 32/1234 64/12345 1516 64 12345 2,104,307,611,1016

-- a register changed only on one branch before a call in a loop
local function branchy(n)
  local x, y = 0, 0
  local out = {}
  for i = 1, n do
    if i % 3 == 0 then x = x + 1 else y = y + 1 end
    out[#out + 1] = peek(1, 2) + peek(1, 3)   -- x + y through debug.getlocal
  end
  return table.concat(out, ',', n - 4)
end
for _ = 1, 3 do print(branchy(200)) end  -- expect: 196,197,198,199,200 -- expect: 196,197,198,199,200 -- expect: 196,197,198,199,200
