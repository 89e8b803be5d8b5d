-- gen-pack-cases.lua — records string.pack/unpack/packsize results from the reference
-- interpreter as test fixtures for src/stdlib/string-pack.ts.
--
--   lua5.4 scripts/gen-pack-cases.lua [seed [rounds]]
--
-- writes test/stdlib/fixtures/pack-cases.json. Each case is
--   {"fn": "pack"|"unpack"|"packsize", "args": [...], "ok": [...]}
-- or, when the call fails, "err": "msg" (luaL_error) or "argerr": [n, "msg"] (luaL_argerror:
-- `bad argument #n to ... (msg)`). The committed fixture uses the defaults; another seed and
-- more rounds make a one-off differential fuzz run (regenerate afterwards).
--
-- The cases: every check of the official suite's tpack.lua, edge cases of every option and
-- error, and random formats with values that fit them (round trips through pack and unpack).

local dir = arg[0]:match('^(.*/)') or './'
local J = dofile(dir .. 'fixture-json.lua')
local OUT = dir .. '../test/stdlib/fixtures/pack-cases.json'

local cases = {}

local function shifted(r)
  local t = { n = r.n - 1 }
  for i = 2, r.n do t[i - 1] = r[i] end
  return t
end

--- Record string[fn](...) and return its results (nil on error).
local function call(fn, ...)
  local args = table.pack(...)
  local r = table.pack(pcall(string[fn], ...))
  local head = '{"fn":"' .. fn .. '","args":' .. J.list(args, args.n)
  if r[1] then
    cases[#cases + 1] = head .. ',"ok":' .. J.list(shifted(r)) .. '}'
    return table.unpack(r, 2, r.n)
  end
  local msg = r[2]
  local n, m = msg:match("^bad argument #(%d+) to '[^']*' %((.*)%)$")
  if n then
    cases[#cases + 1] = head .. ',"argerr":[' .. n .. ',' .. J.encode(m) .. ']}'
  else
    cases[#cases + 1] = head .. ',"err":' .. J.encode((msg:gsub('^[^:]*:%d+: ', ''))) .. '}'
  end
  return nil
end

local function pack(...) return call('pack', ...) end
local function unpack(...) return call('unpack', ...) end
local function packsize(...) return call('packsize', ...) end

-- ==========================================================================================
-- tpack.lua (official test suite), in order
-- ==========================================================================================

local NB = 16
for _, o in ipairs{'h', 'i', 'l', 'T', 'j', 'f', 'd', 'n', '!xXi16', 'b', 'B', 'H', 'I', 'L',
                   'J', 'x', ''} do
  packsize(o)
end
pack('i2', 1)

unpack('B', pack('B', 0xff)); unpack('b', pack('b', 0x7f)); unpack('b', pack('b', -0x80))
unpack('H', pack('H', 0xffff)); unpack('h', pack('h', 0x7fff)); unpack('h', pack('h', -0x8000))
unpack('L', pack('L', 0xffffffff)); unpack('l', pack('l', 0x7fffffff))
unpack('l', pack('l', -0x80000000))

for i = 1, NB do
  local s = string.rep('\xff', i)
  pack('i' .. i, -1)
  packsize('i' .. i)
  unpack('i' .. i, s)
  s = '\xAA' .. string.rep('\0', i - 1)
  pack('<I' .. i, 0xAA)
  unpack('<I' .. i, s)
  pack('>I' .. i, 0xAA)
  unpack('>I' .. i, s:reverse())
end

do
  local lnum = 0x13121110090807060504030201
  local s = pack('<j', lnum)
  unpack('<j', s)
  unpack('<i9', s .. '\0')
  for i = 9, NB do
    local s = pack('<j', -lnum)
    unpack('<j', s)
    unpack('<i' .. i, s .. ('\xFF'):rep(i - 8))
    unpack('>i' .. i, ('\xFF'):rep(i - 8) .. s:reverse())
    unpack('<I' .. i, s .. ('\0'):rep(i - 8))
    unpack('<I' .. i, ('\x00'):rep(i - 1) .. '\1')
    unpack('>i' .. i, '\1' .. ('\x00'):rep(i - 1))
  end
end

for i = 1, 8 do
  local lstr = '\1\2\3\4\5\6\7\8\9\10\11\12\13'
  local lnum = 0x13121110090807060504030201
  local n = lnum & (~(-1 << (i * 8)))
  local s = string.sub(lstr, 1, i)
  pack('<i' .. i, n)
  pack('>i' .. i, n)
  unpack('>i' .. i, s:reverse())
end

for i = 1, 7 do
  unpack('<i' .. i, '\xf0' .. ('\xff'):rep(i - 1))
  unpack('>I' .. i, '\xf0' .. ('\xff'):rep(i - 1))
end

pack('>i2 <i2', 10, 20)
unpack('<i2 >i2', '\10\0\0\20')
pack('=i4', 2001)
pack('i4', 2001)

pack('i0', 0)
pack('i' .. NB + 1, 0)
pack('!' .. NB + 1, 0)
pack('Xi' .. NB + 1)
pack('i3r', 0)
unpack('i16', string.rep('\3', 16))
pack('!4i3', 0)
pack('c', '')
packsize('s')
packsize('z')
packsize('c1' .. string.rep('0', 40))
packsize(string.rep('c268435456', 2^3))
packsize(string.rep('c268435456', 2^3 - 1) .. 'c268435455')

for i = 1, 7 do
  local umax = (1 << (i * 8)) - 1
  local max = umax >> 1
  local min = ~max
  pack('<I' .. i, -1)
  pack('<I' .. i, min)
  pack('>I' .. i, umax + 1)
  pack('>i' .. i, umax)
  pack('>i' .. i, max + 1)
  pack('<i' .. i, min - 1)
  unpack('>i' .. i, pack('>i' .. i, max))
  unpack('<i' .. i, pack('<i' .. i, min))
  unpack('>I' .. i, pack('>I' .. i, umax))
end

unpack('>j', pack('>j', math.maxinteger))
unpack('<j', pack('<j', math.mininteger))
unpack('<J', pack('<j', -1))
pack('f', 24); pack('<f', 24)

for _, n in ipairs{0, -1.1, 1.9, 1/0, -1/0, 1e20, -1e20, 0.1, 2000.7} do
  unpack('n', pack('n', n))
  unpack('<n', pack('<n', n))
  unpack('>n', pack('>n', n))
  pack('<f', n); pack('>f', n)
  pack('>d', n); pack('<d', n)
end
for _, n in ipairs{0, -1.5, 1/0, -1/0, 1e10, -1e9, 0.5, 2000.25} do
  unpack('<f', pack('<f', n))
  unpack('>f', pack('>f', n))
  unpack('<d', pack('<d', n))
  unpack('>d', pack('>d', n))
end

do
  local s = string.rep('abc', 1000)
  pack('zB', s, 247)
  unpack('zB', s .. '\0\xF9')
  unpack('s', pack('s', s))
  pack('s1', s)
  pack('z', 'alo\0')
  unpack('zc10000000', 'alo')
  for i = 2, NB do
    unpack('s' .. i, pack('s' .. i, s))
  end
end

do
  local x = pack('s', 'alo')
  unpack('s', x:sub(1, -2))
  unpack('c5', 'abcd')
  pack('s100', 'alo')
end

pack('c0', ''); packsize('c0'); unpack('c0', '')
pack('<! c3', 'abc'); packsize('<! c3')
pack('>!4 c6', 'abcdef')
pack('c3', '123')
pack('c8', '123456')
pack('c88', '')
pack('c188', 'ab')
unpack('!4 z c3', 'abcdefghi\0xyz')
pack('c3', '1234')

do
  local x = pack('<b h b f d f n i', 1, 2, 3, 4, 5, 6, 7, 8)
  packsize('<b h b f d f n i')
  unpack('<b h b f d f n i', x)
end

pack(' < i1 i2 ', 2, 3)
do
  local x = pack('>!8 b Xh i4 i8 c1 Xi8', -12, 100, 200, '\xEC')
  packsize('>!8 b Xh i4 i8 c1 Xi8')
  unpack('>!8 c1 Xh i4 i8 b Xi8 XI XH', x)
  x = pack('>!4 c3 c4 c2 z i4 c5 c2 Xi4', 'abc', 'abcd', 'xz', 'hello', 5, 'world', 'xy')
  unpack('>!4 c3 c4 c2 z i4 c5 c2 Xh Xi4', x)
  x = pack(' b b Xd b Xb x', 1, 2, 3)
  packsize(' b b Xd b Xb x')
  unpack('bbXdb', x)
end
packsize('!8 xXi8'); unpack('!8 xXi8', '0123456701234567')
packsize('!8 xXi2'); unpack('!8 xXi2', '0123456701234567')
packsize('!2 xXi2'); unpack('!2 xXi2', '0123456701234567')
packsize('!2 xXi8'); unpack('!2 xXi8', '0123456701234567')
packsize('!16 xXi16'); unpack('!16 xXi16', '0123456701234567')
pack('X')
unpack('XXi', '')
unpack('X i', '')
pack('Xc1')

do
  local x = pack('i4i4i4i4', 1, 2, 3, 4)
  for pos = 1, 16, 4 do unpack('i4', x, pos) end
  for pos = 0, 12 do unpack('!4 i4', x, pos + 1) end
  unpack('!4 i4', x, -4)
  unpack('!4 i4', x, -7)
  unpack('!4 i4', x, -#x)
  for i = 1, #x + 1 do unpack('c0', x, i) end
  unpack('c0', x, #x + 2)
end

-- ==========================================================================================
-- Edge cases of every option and error
-- ==========================================================================================

-- sizes and alignment of every option, with and without '!'
local OPTS = { 'b', 'B', 'h', 'H', 'l', 'L', 'j', 'J', 'T', 'i', 'I', 'f', 'd', 'n', 'x',
               'i1', 'i2', 'i3', 'i5', 'i7', 'i8', 'i9', 'i12', 'i16', 'I3', 'I6', 'I11',
               'c0', 'c1', 'c5', 'c9' }
for _, o in ipairs(OPTS) do
  packsize(o)
  packsize('b' .. o)
  packsize('!b' .. o)
  packsize('!2 b' .. o)
  packsize('!4 b' .. o)
  packsize('!8 bb' .. o)
  packsize('!16 b' .. o)
  packsize('!' .. o .. 'b Xi16')
end
for _, f in ipairs{'!3', '!5', '!0', '!17', '!1 i3', '!4 Xi3', '!8 i6', '!8 i16', 'Xi3', '!2 Xi3',
                   '!4 bXi16', 'X', 'Xz', 'Xs', 'Xc', 'Xc3', 'X<', 'X!', 'X ', 'XX', 'Xy', 'Xx',
                   'XXb', 'bXb', 'bXh', '!bXh', '!bXj', '!bXT', '!bXf', '!bXd', '!bXn', 'Xi0',
                   'c', 'c-1', 'y', '\200', 'i\0i', 'b\0y', 'i04', 'i016', 'i17', 'i99999999999',
                   's0', 's17', 'c2147483647', 'c2147483648', 'c21474836470', 'c99999999999',
                   'c2147483647b', 'c1073741824c1073741824', 'c1073741823c1073741824',
                   string.rep('c1000000000', 3), 'j j j j j j', ' ', '<>=!', '='} do
  packsize(f)
  unpack(f, string.rep('\0', 40))
end
pack('i\0i', 1, 2)
pack('b\0y', 1)
pack('y', 1)
pack('\200', 1)
pack('Xy')
pack('!4 bXi3 b', 1, 2)
pack('!2 i3', 1)
pack('!4 i3', 1)

-- integer ranges and overflow per size
for _, size in ipairs{1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16} do
  local bits = size * 8
  local vals = { 0, 1, -1, 127, 128, -128, -129, 255, 256, 32767, 32768, -32768, -32769,
                 65535, 65536, 0x7fffffff, 0x80000000, -0x80000000, -0x80000001, 0xffffffff,
                 0x100000000, 0xffffffffff, 0x7fffffffffff, -0x800000000000, 0xffffffffffff,
                 2^53 // 1 - 1, 2^53 // 1, 2^53 // 1 + 1, -(2^53 // 1) - 1, 0x7fffffffffffff,
                 0xffffffffffffff, math.maxinteger, math.mininteger, math.mininteger + 1 }
  for _, v in ipairs(vals) do
    for _, e in ipairs{'<', '>'} do
      local s1 = pack(e .. 'i' .. size, v)
      if s1 then unpack(e .. 'i' .. size, s1) end
      local s2 = pack(e .. 'I' .. size, v)
      if s2 then unpack(e .. 'I' .. size, s2) end
    end
  end
  if bits < 64 then
    local lim = 1 << (bits - 1)
    pack('i' .. size, lim - 1); pack('i' .. size, lim); pack('i' .. size, -lim)
    pack('i' .. size, -lim - 1)
    pack('I' .. size, (1 << bits) - 1); pack('I' .. size, 1 << bits)
  end
end
-- unpack of arbitrary bytes, every size, both signs, both endians
for size = 1, 16 do
  for _, fill in ipairs{'\0', '\1', '\x7f', '\x80', '\xff', '\x55'} do
    local s = fill:rep(size)
    unpack('<i' .. size, s); unpack('>i' .. size, s)
    unpack('<I' .. size, s); unpack('>I' .. size, s)
    unpack('<i' .. size, '\x80' .. s:sub(2)); unpack('>i' .. size, '\x80' .. s:sub(2))
    unpack('<I' .. size, s:sub(2) .. '\x80'); unpack('>i' .. size, s:sub(2) .. '\x80')
  end
end
for _, s in ipairs{'\0\0\0\0\0\0\0\x80\xff', '\0\0\0\0\0\0\0\x80\0', '\xff\xff\xff\xff\xff\xff\xff\x7f\0',
                   '\xff\xff\xff\xff\xff\xff\xff\x7f\xff', '\1\0\0\0\0\0\0\0\0\0\0\0\0\0\0\1'} do
  unpack('<i' .. #s, s); unpack('<I' .. #s, s); unpack('>i' .. #s, s:reverse())
end

-- integer arguments: coercions and their errors
for _, v in ipairs{3.0, -0.0, 2^53, 2^63, -2^63, 1.5, 0/0, 1/0, '10', ' 0x10 ', '1e2', '3.5',
                   'abc', '', true, false, {}} do
  pack('j', v)
  pack('i2', v)
  pack('d', v)
  pack('f', v)
  pack('z', v)
  pack('s1', v)
  pack('c3', v)
end
pack('j')
pack('jj', 1)
pack('d')
pack('z')
pack('c2')

-- floats
for _, v in ipairs{0.0, -0.0, 1.0, -1.0, 0.5, 1/3, -1/3, 1e-300, 5e-324, -5e-324, 2.2250738585072014e-308,
                   1.7976931348623157e308, -1.7976931348623157e308, 1e38, 3.4028234663852886e38,
                   3.4028235677973366e38, 3.5e38, 1e-40, 1e-45, 1.401298464324817e-45, 7e-46,
                   1/0, -1/0, 0/0, -(0/0), 16777217.0, 0.1, 1e16, 2^63, math.pi, 3, -7,
                   math.maxinteger, math.mininteger, 9007199254740993} do
  for _, o in ipairs{'<f', '>f', '<d', '>d', '<n', '>n', '=f', 'n'} do
    local s = pack(o, v)
    if s then unpack(o, s) end
  end
end
for _, s in ipairs{'\0\0\xc0\x7f', '\0\0\xc0\xff', '\1\0\x80\x7f', '\0\0\x80\x7f', '\0\0\x80\xff', '\1\0\0\0',
                   '\0\0\0\x80'} do
  unpack('<f', s)
end
for _, s in ipairs{'\0\0\0\0\0\0\xf8\x7f', '\0\0\0\0\0\0\xf8\xff', '\1\0\0\0\0\0\xf0\x7f',
                   '\0\0\0\0\0\0\xf0\x7f', '\1\0\0\0\0\0\0\0', '\0\0\0\0\0\0\0\x80',
                   '\xff\xff\xff\xff\xff\xff\xef\x7f'} do
  unpack('<d', s); unpack('>d', s:reverse())
end

-- strings
for _, f in ipairs{'s1', 's2', 's4', 's8', 's', 's3', 's9', 's16', 'z', 'c5', 'c0', 'c10'} do
  for _, v in ipairs{'', 'a', 'hello', 'a\0b', string.rep('x', 255), string.rep('y', 256)} do
    local s = pack(f, v)
    if s then unpack(f, s) end
  end
end
pack('s2', string.rep('x', 65536))
unpack('s1', '\5abc')
unpack('s1', '\3abc')
unpack('s1', '')
unpack('s2', '\0')
unpack('<s16', '\1' .. string.rep('\0', 15) .. 'x')
unpack('<s16', '\1' .. string.rep('\0', 14) .. '\1x')
unpack('<s9', '\1' .. string.rep('\0', 7) .. '\1x')
unpack('<s8', string.rep('\xff', 8) .. 'x')
unpack('<s8', '\1' .. string.rep('\0', 6) .. '\x80x')
unpack('z', '')
unpack('z', '\0')
unpack('z', 'abc\0def\0', 5)
unpack('zz', 'abc\0def')
unpack('zz', 'abc\0def\0')
unpack('c3', 'ab')
unpack('c3', 'abc')
unpack('c3 c0', 'abc')
unpack('c3 b', 'abc')
unpack('!4 b i4', 'a\0\0\0\1\0\0\0')
unpack('!4 b i4', 'a\0\0\0\1\0\0')
unpack('!4 b Xi4', 'a')
unpack('!4 b Xi4 x', 'a\0\0\0')
unpack('!4 b Xi4 x', 'a\0\0')

-- positions
for _, pos in ipairs{-100, -6, -5, -4, -1, 0, 1, 2, 5, 6, 7, 100, math.maxinteger, math.mininteger} do
  unpack('b', 'abcde', pos)
  unpack('', 'abcde', pos)
  unpack('z', 'ab\0de', pos)
end
unpack('', '')
unpack('', '', 1)
unpack('', '', 2)
unpack('', '', -1)
unpack('!8 b Xj', 'abcdefghij', 3)
unpack('!8 Xj b', 'abcdefghij', 2)
unpack('!8 Xj b', 'abcdefghij', 9)
unpack('!8 Xj b', 'abcdefghij', 10)

-- padding and mixed
pack('!8 b j b h', 1, 2, 3, 4)
pack('!8 b z j', 1, 'abc', 2)
pack('!8 b s2 j', 1, 'abcd', 2)
pack('!8 b x x j', 1, 2)
pack('!4 <b >i4 =h', 1, 2, 3)
pack('x x x')
pack('')
pack('!')
pack('   ')
pack('b', 1, 2, 3)

-- ==========================================================================================
-- Random formats with values that fit (seeded)
-- ==========================================================================================

local SEED = tonumber(arg[1]) or 7310
local ROUNDS = tonumber(arg[2]) or 1
math.randomseed(SEED)
local random = math.random

local INT_OPTS = { 'b', 'B', 'h', 'H', 'l', 'L', 'j', 'J', 'T', 'i', 'I' }
local function pick(t) return t[random(#t)] end

local function randint(signed, size)
  local r = random(6)
  if size >= 8 then
    if r == 1 then return math.mininteger end
    if r == 2 then return math.maxinteger end
    if r == 3 then return random(math.mininteger, math.maxinteger) end
  end
  local bits = math.min(size * 8, 63)
  local lo, hi
  if signed then lo, hi = -(1 << (bits - 1)), (1 << (bits - 1)) - 1
  else lo, hi = 0, (size >= 8) and math.maxinteger or ((1 << bits) - 1) end
  if r == 4 then return lo end
  if r == 5 then return hi end
  return random(lo, hi)
end

local function randstr(max)
  local t = {}
  for i = 1, random(0, max) do t[i] = string.char(random(0, 255)) end
  return table.concat(t)
end

local function randfloat()
  local r = random(8)
  if r == 1 then return 0.0 end
  if r == 2 then return (random() - 0.5) * 1e10 end
  if r == 3 then return random(-1000, 1000) / 8 end
  if r == 4 then return math.ldexp(random(), random(-1070, 1023)) * (random(2) == 1 and 1 or -1) end
  if r == 5 then return random(-100, 100) + 0.0 end
  return random() * 2 - 1
end

for _ = 1, 120 * ROUNDS do
  local fmt, vals = {}, {}
  if random(3) == 1 then fmt[#fmt + 1] = '!' .. pick{ '', '1', '2', '4', '8', '16' } end
  for _ = 1, random(1, 6) do
    local r = random(14)
    if random(5) == 1 then fmt[#fmt + 1] = pick{ '<', '>', '=', ' ' } end
    if r <= 5 then
      local o = pick(INT_OPTS)
      local size = ({ b = 1, B = 1, h = 2, H = 2, l = 8, L = 8, j = 8, J = 8, T = 8, i = 4, I = 4 })[o]
      if (o == 'i' or o == 'I') and random(2) == 1 then
        size = random(1, 16); o = o .. size
      end
      fmt[#fmt + 1] = o
      vals[#vals + 1] = randint(o:find('^%l') ~= nil, size)   -- lower case: signed
    elseif r <= 7 then
      fmt[#fmt + 1] = pick{ 'f', 'd', 'n' }
      vals[#vals + 1] = randfloat()
    elseif r == 8 then
      local n = random(0, 6)
      fmt[#fmt + 1] = 'c' .. n
      vals[#vals + 1] = randstr(n)
    elseif r == 9 then
      fmt[#fmt + 1] = pick{ 's', 's1', 's2', 's4', 's3', 's9' }
      vals[#vals + 1] = randstr(10)
    elseif r == 10 then
      fmt[#fmt + 1] = 'z'
      vals[#vals + 1] = (randstr(6):gsub('%z', 'z'))
    elseif r == 11 then
      fmt[#fmt + 1] = 'x'
    elseif r == 12 then
      fmt[#fmt + 1] = 'X' .. pick{ 'i', 'h', 'j', 'd', 'f', 'i16', 'i3', 'b', 'x' }
    else
      fmt[#fmt + 1] = pick{ 'b', 'i3', 'I5', 'j' }
      vals[#vals + 1] = random(-100, 100)
    end
  end
  local f = table.concat(fmt, random(2) == 1 and ' ' or '')
  local s = pack(f, table.unpack(vals))
  packsize(f)
  if s then
    unpack(f, s)
    if #s > 0 then unpack(f, s:sub(1, random(0, #s - 1))) end  -- data string too short
    unpack(f, randstr(#s + 2))                                   -- arbitrary bytes
  end
end

J.write(OUT, 'scripts/gen-pack-cases.lua (lua5.4: ' .. _VERSION .. ')', cases)
print(#cases .. ' cases written to ' .. OUT)
