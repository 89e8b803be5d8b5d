-- gen-format-cases.lua — expected outputs of string.format from the reference interpreter.
--
-- Run with Lua 5.4.4:  lua5.4 scripts/gen-format-cases.lua > test/stdlib/fixtures/format-cases.json
-- Optional arguments `seed scale` give another, `scale` times larger, set of random cases (for
-- stress runs; the committed fixture uses the defaults).
--
-- Writes a JSON object:
--   cases:    [{ f = fmt, a = {args...}, o = output } or { f, a, e = error message }]
--   tostring: [[x, "%.14g" of x], ...]     (what formatFloat14 must produce)
-- Arguments are encoded as ["i", "<decimal>"] integer, ["f", "<%.17g>" | "inf" | "-inf" |
-- "nan" | "-nan"] float, ["s", "<bytes>"] string, ["n"] nil, ["b", true|false] boolean,
-- ["t"] a plain table. Strings are JSON strings whose code points 0..255 are the bytes.
-- The random generator is seeded, so the output is reproducible.

local SEED = tonumber(arg and arg[1]) or 20240601
local SCALE = tonumber(arg and arg[2]) or 1
math.randomseed(SEED, 42)
local random = math.random

-- ============================================================================================
-- JSON output
-- ============================================================================================

local function jstr(s)
  return '"' .. s:gsub('[%c"\\\128-\255]', function(c)
    if c == '"' then return '\\"' end
    if c == '\\' then return '\\\\' end
    return string.format('\\u%04x', c:byte())
  end) .. '"'
end

local function fenc(x)
  if x == math.huge then return 'inf' end
  if x == -math.huge then return '-inf' end
  if x ~= x then return string.format('%f', x) end -- "nan" or "-nan"
  return string.format('%.17g', x)
end

local function encarg(v)
  local t = type(v)
  if t == 'number' then
    if math.type(v) == 'integer' then return '["i",' .. jstr(tostring(v)) .. ']' end
    return '["f",' .. jstr(fenc(v)) .. ']'
  elseif t == 'string' then return '["s",' .. jstr(v) .. ']'
  elseif t == 'nil' then return '["n"]'
  elseif t == 'boolean' then return '["b",' .. tostring(v) .. ']'
  elseif t == 'table' then return '["t"]'
  end
  error('cannot encode ' .. t)
end

local cases = {}
local seen = {}

-- Calls string.format from a Lua function (not a tail call), so errors name it 'format'.
local function call(...)
  local r = string.format(...)
  return r
end

local function add(fmt, ...)
  local n = select('#', ...)
  local args = { ... }
  local enc = {}
  for i = 1, n do enc[i] = encarg(args[i]) end
  local key = fmt .. '\0' .. table.concat(enc, ',')
  if seen[key] then return end
  seen[key] = true
  local ok, r = pcall(call, fmt, ...)
  local line = '{"f":' .. jstr(fmt) .. ',"a":[' .. table.concat(enc, ',') .. '],'
  if ok then
    line = line .. '"o":' .. jstr(r) .. '}'
  else
    -- luaL_error prefixes the caller's position; the engine's caller adds that, so drop it.
    line = line .. '"e":' .. jstr((tostring(r):gsub('^.-:%d+: ', '', 1))) .. '}'
  end
  cases[#cases + 1] = line
end

-- ============================================================================================
-- Values
-- ============================================================================================

local function randbits()
  local b = {}
  for i = 1, 8 do b[i] = random(0, 255) end
  return string.unpack('<d', string.char(table.unpack(b)))
end

local function randsubnormal()
  local b = {}
  for i = 1, 6 do b[i] = random(0, 255) end
  b[7] = random(0, 15)
  b[8] = random(0, 1) * 128
  return string.unpack('<d', string.char(table.unpack(b)))
end

local specials = {
  0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 0.25, 0.125, 0.375, 1e15, 1e16, 1e17, 1e21, 1e22,
  1e100, 1e300, 1e308, 1.7976931348623157e308, 2.2250738585072014e-308, 4.9406564584124654e-324,
  2^-1074, 2^-1022, 2^-1023, 2^53, 2^53 + 2, 2^63, -2^63, 2^64, 0.1, 0.2, 0.3, 1/3, 2/3,
  100000000000005.0, 100000000000015.0, 123456789012345.0, 1234567890123456.0, 0.05, 0.15, 0.35,
  1.005, 9.5, 99.5, 999.5, 9995.0, 0.0009995, 0.00009995, 5e-5, 1e-5, 1e-4, 123456.0, 25.0, 35.0,
  math.pi, -math.pi, math.huge, -math.huge, 0/0, -(0/0), 3.0e-310, 1e-320,
}

local function randfloat()
  local r = random(1, 12)
  if r == 1 then return specials[random(#specials)]
  elseif r <= 4 then return randbits()
  elseif r == 5 then return randsubnormal()
  elseif r == 6 then -- exact binary fractions: ties for many precisions
    return (2 * random(0, 100000) + 1) / 2 ^ random(1, 20) * (random(0, 1) * 2 - 1)
  elseif r == 7 then -- odd multiples of 5 times powers of ten: integer ties
    return (2 * random(0, 10 ^ random(1, 15)) + 1) * 5.0 * 10.0 ^ random(0, 8)
  elseif r == 8 then -- short decimals
    return random(0, 10 ^ random(1, 9)) / 10 ^ random(0, 12)
  elseif r == 9 then -- powers of two and ten
    if random(2) == 1 then return 2.0 ^ random(-1074, 1023) end
    return 10.0 ^ random(-323, 308)
  elseif r == 10 then -- integral floats of every size
    return math.floor(randbits() % 2 ^ random(1, 80)) + 0.0
  elseif r == 11 then -- small numbers with few digits
    return random(-99999, 99999) / 100
  else
    return (random() - 0.5) * 10.0 ^ random(-30, 30)
  end
end

local function randint()
  local r = random(1, 8)
  if r == 1 then
    local t = { 0, 1, -1, math.maxinteger, math.mininteger, math.maxinteger - 1,
      math.mininteger + 1, 2^53 // 1, -(2^53 // 1), 255, 256, 65, 9007199254740993 }
    return t[random(#t)]
  elseif r <= 3 then return random(math.mininteger, math.maxinteger)
  elseif r <= 5 then return random(-1000, 1000)
  elseif r == 6 then return random(-2^31, 2^31)
  elseif r == 7 then return random(0, 2^53 // 1) * (random(0, 1) * 2 - 1)
  else return random(0, 10 ^ random(1, 18)) end
end

local function randstring(maxlen, zeros)
  local b = {}
  for i = 1, random(0, maxlen) do
    local r = random(1, 10)
    if r <= 5 then b[i] = random(32, 126)
    elseif r <= 7 then b[i] = random(48, 57)
    elseif r == 8 then b[i] = random(0, 31)
    elseif r == 9 then b[i] = random(127, 255)
    else b[i] = ({ 34, 92, 10, 13, 0, 127 })[random(6)] end
    if b[i] == 0 and not zeros then b[i] = 48 end
  end
  return string.char(table.unpack(b))
end

-- ============================================================================================
-- Specs
-- ============================================================================================

-- Flags drawn from `pool` (mostly valid ones for the conversion), width, precision.
local function randspec(conv, pool, allowprec)
  local s = {}
  for c in pool:gmatch('.') do
    if random(4) == 1 then s[#s + 1] = c end
  end
  if random(3) == 1 and #s > 1 then -- shuffle and repeat flags sometimes
    local i, j = random(#s), random(#s)
    s[i], s[j] = s[j], s[i]
    s[#s + 1] = s[random(#s)]
  end
  local spec = table.concat(s)
  local r = random(1, 10)
  if r <= 4 then spec = spec .. random(1, 30)
  elseif r == 5 then spec = spec .. random(1, 99) end
  if allowprec then
    r = random(1, 10)
    if r <= 4 then spec = spec .. '.' .. random(0, 20)
    elseif r == 5 then spec = spec .. '.' .. random(0, 99)
    elseif r == 6 then spec = spec .. '.' end
  end
  return '%' .. spec .. conv
end

local floatconvs = { 'e', 'E', 'f', 'g', 'G', 'a', 'A' }
local intconvs = { 'd', 'i', 'u', 'o', 'x', 'X' }
local intflags = { d = '-+ 0', i = '-+ 0', u = '-0', o = '-#0', x = '-#0', X = '-#0' }

-- ============================================================================================
-- Cases
-- ============================================================================================

-- Floats with every conversion and random specs.
for _ = 1, 3000 * SCALE do
  local conv = floatconvs[random(#floatconvs)]
  add(randspec(conv, '-+ #0', true), randfloat())
end
-- Exact ties: the precision is chosen so the value lies exactly halfway between two outputs
-- (glibc rounds these to even; JS's toFixed/toExponential round them up).
local function sigdigits(x) -- significant digits of the exact expansion (x has few of them)
  local m = string.format('%.99e', x):match('^-?(%d%.?%d*)e')
  return #(m:gsub('%.', ''):gsub('0+$', ''))
end
for _ = 1, 700 * SCALE do
  local j = random(1, 30)
  local x
  if random(4) == 1 then
    x = (2 * random(0, 10 ^ random(0, 6)) + 1) * 5.0 * 10.0 ^ random(0, 10) -- integer
  else
    x = (2 * random(0, 2 ^ random(0, 22)) + 1) / 2 ^ j
  end
  if random(2) == 1 then x = -x end
  local s = sigdigits(x)
  local r = random(1, 4)
  if r == 1 and math.type(x) == 'float' and x ~= math.floor(x) then
    add('%.' .. (j - 1) .. 'f', x) -- j fraction digits, the last a 5
  elseif r == 2 then
    add('%.' .. (s - 2) .. 'e', x)
  elseif r == 3 then
    add('%.' .. (s - 1) .. 'g', x)
  else
    add('%#.' .. (s - 1) .. 'G', x)
  end
end
-- Floats with plain specs (the common ones).
for _ = 1, 600 * SCALE do
  local conv = floatconvs[random(#floatconvs)]
  local f = ({ '%', '%.0', '%.1', '%.2', '%.3', '%.6', '%.14', '%.15', '%.16', '%.17', '%.20',
    '%.30', '%.50', '%.99', '%5.2', '%10.4', '%-12.3', '%+.5' })[random(18)]
  add(f .. conv, randfloat())
end
-- %.14g (what tostring uses) and %.17g on many values.
for _ = 1, 600 * SCALE do
  add('%.14g', randfloat())
  add('%.17g', randfloat())
end
-- Integers with every integer conversion.
for _ = 1, 1500 * SCALE do
  local conv = intconvs[random(#intconvs)]
  local pool = random(6) == 1 and '-+ #0' or intflags[conv]
  add(randspec(conv, pool, random(8) > 1), randint())
end
-- %d on floats and strings.
for _ = 1, 150 * SCALE do
  local conv = intconvs[random(#intconvs)]
  local r = random(1, 4)
  local v
  if r == 1 then v = randfloat()
  elseif r == 2 then v = math.floor(randfloat() % 2^62) + 0.0
  elseif r == 3 then v = tostring(randint())
  else v = ({ '10', ' 0x10 ', '1e3', '10.5', '-7.0', 'abc', '', '9223372036854775808', '0x7fffffffffffffff', '1e100' })[random(10)] end
  add('%' .. conv, v)
end
-- %c.
for _ = 1, 150 * SCALE do
  add(randspec('c', random(4) == 1 and '-0+' or '-', random(5) == 1), randint())
  add('%c', random(0, 255))
end
-- %s with width/precision.
for _ = 1, 300 * SCALE do
  local s = randstring(random(1, 4) == 1 and 120 or 20, random(10) == 1)
  add(randspec('s', random(5) == 1 and '-0 +' or '-', true), s)
end
add('%s', 'a\0b')
add('%s|%5s|%-5s|%.2s', 'x', 'y', 'z', 'abcdef')
add('%5s', string.rep('x', 99))
add('%5s', string.rep('x', 100))
add('%.100s', 'x')
add('%.99s', string.rep('x', 150))
add('%s %s %s %s', nil, true, false, 12)
add('%s', 1.5)
add('%s', 1e100)
add('%s', -0.0)
add('%s', 2^63)
add('%s', math.mininteger)
add('%10.3s|', 1.5)
-- %q.
for _ = 1, 300 * SCALE do
  add('%q', randstring(30, true))
end
for _ = 1, 200 * SCALE do
  add('%q', random(2) == 1 and randint() or randfloat())
end
add('%q', nil)
add('%q', true)
add('%q', false)
add('%q', {})
add('%q', '\r9\0009\0\n\t\1\127\31\0319')
add('%q', math.mininteger)
add('%q', 1 / 0)
add('%q', -1 / 0)
add('%q', 0 / 0)
add('%q', -(0 / 0))
add('%10q', 'x')
add('%-q', 'x')
add('%.3q', 'x')
-- %p on values without an address (the others are machine-specific).
for _, v in ipairs { 1, 1.5, true, false } do
  add('%p', v)
  add('%10p|', v)
  add('%-10p|', v)
end
add('%p|%5p', nil, nil)
add('%.3p', 1)
add('%05p', 1)
add('%#p', 1)
-- Random specs from the whole span alphabet: validity checks and error messages.
local letters = 'diuoxXcaAeEfgGpqsFnlhLbzj%'
local spanchars = '-+ #0123456789.'
for _ = 1, 1200 * SCALE do
  local s = {}
  local len = random(0, 3) == 0 and random(15, 25) or random(0, 8)
  for i = 1, len do
    local k = random(#spanchars)
    s[i] = spanchars:sub(k, k)
  end
  local k = random(#letters)
  local conv = letters:sub(k, k)
  local fmt = '%' .. table.concat(s) .. conv
  local arg
  if conv == 's' or conv == 'q' then arg = randstring(10, false)
  elseif conv == 'p' then arg = 7
  elseif ('diuoxXc'):find(conv, 1, true) then arg = randint()
  else arg = randfloat() end
  add(fmt, arg)
end
-- The span length limit, exactly.
for n = 18, 23 do
  add('%' .. string.rep('-', n) .. 'd', 1)
  add('%' .. string.rep('0', n) .. '5d', 1)
  add('%' .. string.rep('-', n) .. '%', 1)
end
-- Ends of format strings, %%, embedded zeros, missing arguments.
add('%', 1)
add('abc%', 1)
add('%5', 1)
add('%.', 1)
add('%\0d', 1)
add('%5\0d', 1)
add('a\0b%dc\0', 5)
add('%%')
add('100%% %d%%', 5)
add('%d %s')
add('%d %s', 1)
add('%q')
add('%s')
add('%', nil)
add('%d %d', 1, 2, 3)
add('no specs', 1, 2)
add('')
add('%5.5.5d', 1)
add('%1.99d', 1)
add('%100d', 1)
add('%F', 1.0)
add('%ld', 1)
add('%lld', 1)
add('%hd', 1)
add('%Lf', 1)
add('%n', 1)
add('%z', 1)
add('%\200', 1)
add('%y %d', 1, 'x')
add('%d %y', 'x', 1)
add('%d %y', 1, 1)
-- Argument errors in each conversion, including the order of argument and spec checks.
local badargs = { {}, nil, true, 'abc', '10', '10.5', 3.5, 1 / 0, 0 / 0, 2^63, -2^63, 2^53 + 0.0, '0x10', ' 7 ' }
for _, conv in ipairs { 'd', 'x', 'c', 'f', 'e', 'g', 'a', 'A', 'q', 's' } do
  for i = 1, #badargs + 1 do
    local v = badargs[i]
    -- (a table's %s shows its address, which differs between runs)
    if not (conv == 's' and type(v) == 'table') then add('%' .. conv, v) end
    add('%100' .. conv, v)
    add('%5.1' .. conv, v)
  end
end
-- Several conversions in one format (what programs usually write).
for i = 1, 300 do
  local s = randstring(12, false)
  local n = randint()
  local x = randfloat()
  local fmts = { 'item-%05d:%s', '%d: %s = %.3f', '[%-10s] %8.2f %x', '%s%s%d', '%5.1f%%', '%g %g',
    '%c%c%c', '%q %q', '(%a, %e)', '%3d|%-3d|%03d' }
  local f = fmts[i % #fmts + 1]
  if f == 'item-%05d:%s' then add(f, i, s)
  elseif f == '%d: %s = %.3f' then add(f, n, s, x)
  elseif f == '[%-10s] %8.2f %x' then add(f, s, x, n)
  elseif f == '%s%s%d' then add(f, s, x, n)
  elseif f == '%5.1f%%' then add(f, x)
  elseif f == '%g %g' then add(f, x, n)
  elseif f == '%c%c%c' then add(f, random(0, 255), random(0, 255), random(0, 255))
  elseif f == '%q %q' then add(f, s, x)
  elseif f == '(%a, %e)' then add(f, x, n)
  else add(f, n % 2000 - 1000, n % 2000 - 1000, n % 2000 - 1000) end
end

-- ============================================================================================
-- tostring: "%.14g" (formatFloat14)
-- ============================================================================================

local ts = {}
local tsvals = { 1e15, 1e16, 1e100, 2^53, 2^63, 0.1, 1/3, -0.0, 0.0, 123456789012345.0,
  1234567890123456.0, 100000000000005.0, 100000000000015.0, 1e14, 99999999999999.5, 0.5, -1.5,
  1e-4, 1e-5, 0.00012345678901234567, 5e-324, 1.7976931348623157e308, 2.5, 3.14159265358979,
  math.pi, 1e21, 12345678901234.5, 1234567890123.45, 2^-1022, 1/0, -1/0 }
for _ = 1, 1500 * SCALE do tsvals[#tsvals + 1] = randfloat() end
for _, x in ipairs(tsvals) do
  if x == x then
    ts[#ts + 1] = '[' .. jstr(fenc(x)) .. ',' .. jstr(string.format('%.14g', x)) .. ']'
  end
end

io.write('{"generator":"scripts/gen-format-cases.lua","lua":', jstr(_VERSION .. ' (5.4.4)'), ',\n')
io.write('"cases":[\n', table.concat(cases, ',\n'), '\n],\n')
io.write('"tostring":[\n', table.concat(ts, ',\n'), '\n]}\n')
