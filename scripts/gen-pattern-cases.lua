-- gen-pattern-cases.lua — records string.find/match/gmatch/gsub results from the reference
-- interpreter as test fixtures for src/stdlib/string-pattern.ts.
--
--   lua5.4 scripts/gen-pattern-cases.lua [seed [rounds]]
--
-- writes test/stdlib/fixtures/pattern-cases.json. The committed fixture uses the defaults;
-- another seed and more rounds make a one-off differential fuzz run (regenerate afterwards). Each case is
--   {"fn": "find"|"match"|"gmatch"|"gsub", "args": [...], "ok": [...]}   or  ..., "err": "msg"}
-- gmatch cases list every iteration's results in "ok" (and "err" if an iteration failed).
-- gsub replacements that are functions are canned, named {"fn": name}; see CANNED below and
-- its twin in test/stdlib/string-pattern.test.ts.
--
-- The cases: the checks of the official suite's pm.lua (and the pattern checks of
-- strings.lua), examples from the reference manual, edge cases of every error, and random
-- patterns over small alphabets from a seeded generator.

local dir = arg[0]:match('^(.*/)') or './'
local J = dofile(dir .. 'fixture-json.lua')
local OUT = dir .. '../test/stdlib/fixtures/pattern-cases.json'

local cases = {}

-- Canned replacement functions for gsub (mirrored in the TypeScript test).
local CANNED = {
  upper = function (s) return string.upper(s) end,
  concat = function (...)
    local t = table.pack(...)
    for i = 1, t.n do t[i] = tostring(t[i]) end
    return '[' .. table.concat(t, ',', 1, t.n) .. ']'
  end,
  ['nil'] = function () return nil end,
  ['false'] = function () return false end,
  table = function () return {} end,
  int = function () return 42 end,
  float = function () return 2.0 end,
  len = function (s) return #s end,
  rev = function (a, b) return tostring(b) .. tostring(a) end,
}

local function resolve(v)
  if type(v) == 'table' and v.fn then return assert(CANNED[v.fn], v.fn) end
  return v
end

local function stripWhere(msg)
  if type(msg) ~= 'string' then return msg end
  return (msg:gsub('^[^:]*:%d+: ', ''))
end

local function shifted(r)  -- results of pcall without the status
  local t = { n = r.n - 1 }
  for i = 2, r.n do t[i - 1] = r[i] end
  return t
end

--- Record string[fn](...) (find, match, gsub).
local function call(fn, ...)
  local args = table.pack(...)
  local real = {}
  for i = 1, args.n do real[i] = resolve(args[i]) end
  local r = table.pack(pcall(string[fn], table.unpack(real, 1, args.n)))
  local head = '{"fn":"' .. fn .. '","args":' .. J.list(args, args.n)
  if r[1] then
    cases[#cases + 1] = head .. ',"ok":' .. J.list(shifted(r)) .. '}'
  else
    cases[#cases + 1] = head .. ',"err":' .. J.encode(stripWhere(r[2])) .. '}'
  end
end

local function find(...) call('find', ...) end
local function match(...) call('match', ...) end
local function gsub(...) call('gsub', ...) end

--- Record every iteration of string.gmatch(...).
local function gmatch(...)
  local args = table.pack(...)
  local it = string.gmatch(table.unpack(args, 1, args.n))
  local iters = {}
  local err
  for _ = 1, 100000 do
    local r = table.pack(pcall(it))
    if not r[1] then err = stripWhere(r[2]); break end
    if r.n == 1 then break end
    iters[#iters + 1] = J.list(shifted(r))
  end
  local s = '{"fn":"gmatch","args":' .. J.list(args, args.n) .. ',"ok":[' .. table.concat(iters, ',') .. ']'
  if err then s = s .. ',"err":' .. J.encode(err) end
  cases[#cases + 1] = s .. '}'
end

local function fn(name) return { fn = name } end

-- ==========================================================================================
-- pm.lua (official test suite), in order
-- ==========================================================================================

find('', '')
find('alo', '')
find('a\0o a\0o a\0o', 'a', 1)
find('a\0o a\0o a\0o', 'a\0o', 2)
find('a\0o a\0o a\0o', 'a\0o', 9)
find('a\0a\0a\0a\0\0ab', '\0ab', 2)
find('a\0a\0a\0a\0\0ab', 'b')
find('a\0a\0a\0a\0\0ab', 'b\0')
find('', '\0')
find('alo123alo', '12')
find('alo123alo', '^12')

match('aaab', '.*b'); match('aaa', '.*a'); match('b', '.*b')
match('aaab', '.+b'); match('aaa', '.+a'); match('b', '.+b')
match('aaab', '.?b'); match('aaa', '.?a'); match('b', '.?b')

local F = {
  {'aloALO', '%l*'}, {'aLo_ALO', '%a*'}, {'  \n\r*&\n\r   xuxu  \n\n', '%g%g%g+'},
  {'aaab', 'a*'}, {'aaa', '^.*$'}, {'aaa', 'b*'}, {'aaa', 'ab*a'}, {'aba', 'ab*a'},
  {'aaab', 'a+'}, {'aaa', '^.+$'}, {'aaa', 'b+'}, {'aaa', 'ab+a'}, {'aba', 'ab+a'},
  {'a$a', '.$'}, {'a$a', '.%$'}, {'a$a', '.$.'}, {'a$a', '$$'}, {'a$b', 'a$'}, {'a$a', '$'},
  {'', 'b*'}, {'aaa', 'bb*'}, {'aaab', 'a-'}, {'aaa', '^.-$'},
  {'aabaaabaaabaaaba', 'b.*b'}, {'aabaaabaaabaaaba', 'b.-b'}, {'alo xo', '.o$'},
  {' \n isto \233 assim', '%S%S*'}, {' \n isto \233 assim', '%S*$'},
  {' \n isto \233 assim', '[a-z]*$'}, {'um caracter ? extra', '[^%sa-z]'}, {'', 'a?'},
  {'\225', '\225?'}, {'\225bl', '\225?b?l?'}, {'  \225bl', '\225?b?l?'}, {'aa', '^aa?a?a'},
  {']]]\225b', '[^]]'}, {']]]\195\161b', '[^]]+'}, {'0alo alo', '%x*'}, {'alo alo', '%C+'},
  {'\195\161', '\195?\161?'}, {'\195\161bl', '\195?\161?b?l?'}, {'  \195\161bl', '\195?\161?b?l?'},
}
for _, c in ipairs(F) do find(c[1], c[2]) end

-- f1: back references, with the pattern rewritten as pm.lua does
local function f1pat(p)
  p = string.gsub(p, '%%([0-9])', function (s) return '%' .. (tonumber(s) + 1) end)
  p = string.gsub(p, '^(^?)', '%1()', 1)
  p = string.gsub(p, '($?)$', '()%1', 1)
  return p
end
match('alo alx 123 b\0o b\0o', f1pat('(..*) %1'))
match('axz123= 4= 4 34', f1pat('(.+)=(.*)=%2 %1'))
match('=======', f1pat('^(=*)=%1$'))
match('==========', '^([=]*)=%1$')

-- strset: every byte a set matches, in order
local abc = {}
for i = 0, 255 do abc[#abc + 1] = string.char(i) end
abc = table.concat(abc)
for _, p in ipairs{'[\200-\210]', '[a-z]', '[a-z%d]', '[%da-uu-z]', '[a-]', '[^%W]', '[%w]',
                   '[]%%]', '[a%-z]', '[%^%[%-a%]%-b]', '%Z', '[\1-\255]', '.', '[\1-\255%z]',
                   '%a', '%c', '%d', '%g', '%l', '%p', '%s', '%u', '%w', '%x',
                   '%A', '%C', '%D', '%G', '%L', '%P', '%S', '%U', '%W', '%X', '%z',
                   '[%a%d]', '[^%a%d]', '[%p%s]', '[\0-\31]', '[^\128-\255]', '[%]]', '[%-]',
                   '[!-/]', '[--/]', '[a-c-e]', '[%a-z]', '[a-%%]', '[z-a]', '[\255]', '%q', '%Q'} do
  gmatch(abc, p)
end

match('alo xyzK', '(%w+)K')
match('254 K', '(%d*)K')
match('alo ', '(%w*)$')
match('alo ', '(%w+)$')
find('(\225lo)', '%(\225')
match('\225lo alo', '^(((.).).* (%w*))$')
match('\195\162lo alo', '^(((\195?\162?).).* (%w*))$')
match('0123456789', '(.+(.?)())')

gsub('\252lo \252lo', '\252', 'x')
gsub('alo \250lo  ', ' +$', '')
gsub('  alo alo  ', '^%s*(.-)%s*$', '%1')
gsub('alo  alo  \n 123\n ', '%s+', ' ')
gsub('ab\231 d', '(.)', '%1@')
gsub('ab\231 d', '', '@')
gsub('ab\231d', '(.)', '%0@', 2)
gsub('alo alo', '()[al]', '%1')
gsub('abc=xyz', '(%w*)(%p)(%w+)', '%3%2%1-%0')
gsub('abc', '%w', '%1%0')
gsub('abc', '%w+', '%0%1')
gsub('\225\233\237', '$', '\0\243\250')
gsub('', '^', 'r')
gsub('', '$', 'r')
gsub('a b cd', ' *', '-')
gmatch('a  \nbc\t\td', '()%s*()')
gsub('um (dois) tres (quatro)', '(%(%w+%))', fn'upper')
gsub('a=roberto,roberto=a', '(%w+)=(%w%w*)', fn'concat')
gsub('trocar tudo em |teste|b| \233 |beleza|al|', '|([^|]*)|([^|]*)|', fn'rev')
gsub('alo $a=\'x\'$ novamente $return a$', '$([^$]*)%$', fn'concat')
gsub('a alo jose  joao', '()(%w+)()', fn'concat')
gsub('a alo jose  joao', '()(%w+)()', fn'nil')
gsub('(9 ((8))(\0) 7) \0\0 a b ()(c)() a', '%b()', '')
gsub('(9 ((8) 7) a b (\0 c) a', '%b()', '')
find(' \0\0 a b  a', '[()]')
find('(9  a b (\0 c) a', '[()]')
gsub("alo 'oi' alo", "%b''", '"')
gsub('x and x and x', 'x', fn'concat')
gsub('first second word', '%w%w*', fn'nil')
gsub('first second word', '%w+', fn'concat', 2)
gsub('alo', '.', { a = {} })
gsub('alo', '.', '%2')
gsub('alo', '(%0)', 'a')
gsub('alo', '(%1)', 'a')
gsub('alo', '.', '%x')
gsub(string.rep('a', 100) .. string.rep('b', 100), 'b', '')   -- (pm.lua: a missing argument)
gsub('abcdef', '(.)(.+)', fn'rev')
gsub('alo alo', '.', {})
gsub('alo alo', '(.)', { a = 'AA', l = '' })
gsub('alo alo', '(.).', { a = 'AA', l = 'K' })
gsub('alo alo', '((.)(.?))', { al = 'AA', o = false })
gsub('alo alo', '().', { 'x', 'yy', 'zzz' })
gsub('a alo b hi', '%w%w+', fn'upper')
gmatch('abcde', '()')
gmatch('first second word', '%w+')
gmatch('xuxx uu ppar r', '()(.)%2')
gmatch('13 14 10 = 11, 15= 16, 22=23', '(%d+)%s*=%s*(%d+)')
gmatch('10 20 30', '%d+', 3)
gmatch('11 21 31', '%d+', -4)
gmatch('11 21 31', '%w*', 9)
gmatch('11 21 31', '%w*', 10)
gsub('aaa aa a aaa a', '%f[%w]a', 'x')
gsub('[[]] [][] [[[[', '%f[[].', 'x')
gsub('01abc45de3', '%f[%d]', '.')
gsub('01abc45 de3x', '%f[%D]%w', '.')
gsub('function', '%f[\1-\255]%w', '.')
gsub('function', '%f[^\1-\255]', '.')
find('a', '%f[a]')
find('a', '%f[^%z]')
find('a', '%f[^%l]')
find('aba', '%f[a%z]')
find('aba', '%f[%z]')
find('aba', '%f[%l%z]')
find('aba', '%f[^%l%z]')
find(' alo aalo allo', '%f[%S].-%f[%s].-%f[%S]')
match(' alo aalo allo', '%f[%S](.-%f[%s].-%f[%S])')
gmatch('alo alo th02 is 1hat', '()%f[%w%d]')
for _, p in ipairs{'(.', '.)', '[a', '[]', '[^]', '[a%]', '[a%', '%b', '%ba', '%', '%f'} do
  find('a', p)
end
match('ab\0\1\2c', '[\0-\2]+')
match('ab\0\1\2c', '[\0-\0]+')
find('b$a', '$\0?')
find('abc\0efg', '%\0')
match('abc\0efg\0\1e\1g', '%b\0\1')
match('abc\0\0\0', '%\0+')
match('abc\0\0\0', '%\0%\0?')
find('abc\0\0', '\0.')
find('abcx\0\0abc\0abc', 'x\0\0abc\0a.')
gsub(string.rep('a', 100), 'b', 'c')
gsub(string.rep('a', 100), '.', { x = 'y' })
gsub(string.rep('a', 100), '.', fn'nil')
gsub(string.rep('a', 100), '.', { b = 'x' })

-- strings.lua
find('123456789', '345')
find('1234567890123456789', '345', 3)
find('1234567890123456789', '345', 4)
find('1234567890123456789', '346', 4)
find('1234567890123456789', '.45', -9)
find('abcdefg', '\0', 5, 1)
find('', '')
find('', '', 1)
find('', '', 2)
find('', 'aaa', 1)
find('alo(.)alo', '(.)', 1, 1)
for _, s in ipairs{'0x1p+0', '-0x1.8p+1', '0x1.999999999999ap-4', '0x0p+0', '-0x1.fp-1022'} do
  find(s, '^%-?0x[1-9a-f]%.?[0-9a-f]*p[-+]?%d+$')
  find(s:upper(), '^%-?0X[1-9A-F]%.?[0-9A-F]*P[-+]?%d+$')
end
find('0X0P+0', '^0X0%.?0*P%+?0$')
find('-0x0p+0', '^%-0x0%.?0*p%+?0$')
find('-nan', '^%-?nan')
find('inf', '^inf')
find('+0X1.8P+3', '^%+0X%x%.%x0P%+?%d$')
gmatch('1 2 3 4 5', '%d+')

-- ==========================================================================================
-- The reference manual (§6.4, §6.4.1)
-- ==========================================================================================

gsub('hello world', '(%w+)', '%1 %1')
gsub('hello world', '%w+', '%0 %0', 1)
gsub('hello world from Lua', '(%w+)%s*(%w+)', '%2 %1')
gsub('home = $HOME, user = $USER', '%$(%w+)', { HOME = '/home/roberto', USER = 'roberto' })
gsub('4+5 = $return 4+5$', '%$(.-)%$', fn'concat')
gsub('$name-$version.tar.gz', '%$(%w+)', { name = 'lua', version = '5.4' })
gmatch('hello world from Lua', '%a+')
gmatch('from=world, to=Lua', '(%w+)=(%w+)')
find('hello Lua user', 'Lua')
find('hello Lua user', 'banana')
find('hello Lua user', 'l')
find('hello Lua user', 'Lua', 1, true)
find('hello Lua user', 'Lua', 8)
find('hello Lua user', 'e', -5)
find('hello Lua user', 'l+')
match('hello Lua user', 'Lua')
match('Today is 17/7/1990', '%d+/%d+/%d+')
match('  hello  ', '^%s*(.-)%s*$')
match('key = value', '(%w+)%s*=%s*(%w+)')
match('hello', '()ll()')
match('THE (quick) fox', '%f[%a]%a+')
gsub('THE (quick) fox', '%f[%a]%u+%f[%A]', '-')
gsub('hello world', 'o', '0', 1)
gsub('abc', '', '-')
gsub('abc', 'b*', '-')
gsub('abc', '.-', '-')
gsub('hello', 'l', 5)
gsub('hello', 'l', 1.5)
gsub('hello', 'l+', fn'len')
gsub('hello', 'l', fn'int')
gsub('hello', 'l', fn'float')
gsub('hello', 'l', fn'false')
gsub('hello', 'l', fn'table')
gsub('hello', '(l)(l)', fn'concat')
gsub('hello', '()l', { [3] = 'L', [4] = 7 })
gsub('hello', 'l', { l = {} })
gmatch('^a^a', '^a')
gmatch('aaa', '^a')
gmatch('abc', '')
gmatch('abc', '.-')
gmatch('', '')
gmatch('abc', 'x*', 4)
gmatch('abc', 'x*', 5)
gmatch('abc', '.', -1)
gmatch('abc', '.', -10)
gmatch('abc', '.', 0)
gmatch('abc', '(')
gmatch('abc', '%')
gmatch('abc', 'b()')

-- ==========================================================================================
-- Edge cases: init, plain, anchors, errors, limits
-- ==========================================================================================

for _, init in ipairs{-100, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 100,
                      math.maxinteger, math.mininteger, 9007199254740993} do
  find('abc', 'c', init)
  find('abc', '', init)
  find('abc', '.', init)
  find('abc', 'b', init, true)
  match('abc', '()', init)
  match('abc', '^(.)', init)
end
find('a.b', '.', 1, true)
find('a.b', '.', 1, false)
find('a.b', '.', 1, nil)
find('a+b', '+')
find('a+b', '+', 1, true)
find('a)b', ')')
find('a]b', ']')
find('a)b', 'a)')
find('a^b', '^b')
find('a^b', 'a^b')
find('^b', '^^b')
find('a$b', '$b')
find('a$', 'a$')
find('a$', 'a%$')
find('ab', 'a$b')
find('a', '$')
find('', '$')
find('', '^$')
find('abc', '^')
find('abc', 'c$')
match('abc', '^(a)(b)(c)$')
match('x', '()')
match('x', '(()())')
find('x', '()')
find('x', '(x)')
match('abc', '(a)(.)()')
match('aaa', '(a*(.))%2')
match('abab', '(ab)%1')
match('abab', '()%1')
match('abab', '(a()%2)')
match('abab', '(a%1)')
match('abab', '(a)%0')
match('abab', '%1(a)')
match('abab', '(a)%3')
find('abc', '(a)(b', 1)
find('abc', 'a)')
match('abc', '(a')
match('abc', '()(')
gsub('abc', '(', 'x')
gsub('abc', '(', '%1')
gsub('abc', '(b', 'x')
gsub('abc', 'b', '%')
gsub('abc', 'x', '%')
gsub('abc', 'b', '%%')
gsub('abc', 'b', '%%%')
gsub('abc', 'b', '%a')
gsub('abc', '(b)', '%2')
gsub('abc', '()b', '%1')
gsub('abc', '(b)()', '%2%1%0')
gsub('abc', '.', '%9')
gsub('abc', '(a)(b)(c)', '%3%2%1%0')
gsub('abc', '.', 'x', 0)
gsub('abc', '.', 'x', -1)
gsub('abc', '.', 'x', 2)
gsub('abc', '.', 'x', 2.0)
gsub('abc', '.', 'x', math.maxinteger)
gsub('abc', '^.', 'x')
gsub('abc', '^', 'x')
gsub('abc', '^x', 'y')
gsub('abc', '^x*', 'y')
gsub('abc', '$', 'x')
gsub('abc', 'c$', 'x')
gsub('a.b.c', '%.', '%%')
gsub('hello world', '%w+', '<%0>')
gsub('abc', '%w', fn'upper', 1)
for _, p in ipairs{'%', 'a%', '[', '[a', '[^', '[]', '[^]', '[]]', '[^]]', '[a-', '[%', '[%]',
                   '%b', '%ba', '%bab', '%f', '%fa', '%f[', '%f[a', '%f[a]', '(', ')', '(()', '())',
                   '%1', '(%1)', '(a)%2', '%0', '%9', 'a**', 'a++', 'a*?', '*', '+a', '-', '?',
                   '[%a-z]', '[a-%a]', '[a-]', '[-a]', '[]a]', '[^]a]', '%[', '%]', '[[]', '[]-a]'} do
  find('a-b]c[d*e%f', p)
  match('', p)
end
-- errors only raised when the matcher reaches them
find('xyz', 'a%')
find('abc', 'a%')
find('xyz', 'a(')
find('xyz', 'a[')
find('abc', 'a[')
find('xyz', 'a%b')
find('abc', 'a%1')
find('xyz', 'a%1')
gsub('xyz', 'a', '%2')
gsub('xyz', 'a)', 'b')
gsub('xyz', 'x)', 'b')

-- limits: captures and recursion depth
local caps = string.rep('()', 32)
match('abc', caps)
match('abc', caps .. '()')
match('abc', string.rep('(', 32) .. string.rep(')', 32))
match('abc', string.rep('(', 33) .. string.rep(')', 33))
match('abc', string.rep('(', 32) .. 'a' .. string.rep(')', 32))
find(string.rep('a', 40), string.rep('(a)', 32))
find(string.rep('a', 40), string.rep('(a)', 33))
gsub('abc', caps, '%9')
gsub('abc', string.rep('()', 10), '%9%1')
for _, n in ipairs{100, 190, 197, 198, 199, 200, 201, 250, 300} do
  find(string.rep('a', n), string.rep('a?', n))
  if n > 200 then  -- (below the limit this backtracks 2^n times)
    find(string.rep('a', n), string.rep('a?', n) .. 'b')
  end
  find(string.rep('a', n), string.rep('(a)?', 0) .. string.rep('a-', n) .. '$')
  find('', string.rep('a?', n))
  match(string.rep('a', 20), string.rep('%w*', n))
end
for _, n in ipairs{4, 10, 16} do
  find(string.rep('a', n), string.rep('a?', n) .. 'b')
end
for _, n in ipairs{30, 31, 32} do
  match(string.rep('a', n), string.rep('(', n) .. string.rep(')', n))
end
match(string.rep('a', 198), string.rep('(a)', 31) .. string.rep('a?', 167))
match(string.rep('a', 198), string.rep('(a)', 31) .. string.rep('a?', 170))
find(string.rep('ab', 150), string.rep('.-b', 150))
find(string.rep('ab', 250), string.rep('.-b', 250))
find(string.rep('x', 500), '.-.-.-$')
find(string.rep('x', 100) .. 'y', 'x*x*x*z')
find(string.rep('(', 300) .. string.rep(')', 300), '%b()')
find(string.rep('(', 300) .. string.rep(')', 299), '%b()')
match(string.rep('a', 300), '^(a*)%1$')
match(string.rep('a', 300), '^(a-)%1$')

-- bytes >= 128 and classes
for _, p in ipairs{'%a+', '%w+', '%g+', '%p+', '%c+', '[\128-\255]+', '[^\1-\127]+', '%W+',
                   '.\255', '\255+', '[\255\254]+', '%f[\128-\255]', '%f[^\128-\255]'} do
  gmatch('abc\128\200\255 \0\1 xy\127~', p)
end

-- ==========================================================================================
-- Random patterns over small alphabets (seeded, so the fixture is reproducible)
-- ==========================================================================================

local SEED = tonumber(arg[1]) or 20240607
local ROUNDS = tonumber(arg[2]) or 1
math.randomseed(SEED)
local random = math.random

local SUBJECT_CHARS = { 'a', 'a', 'a', 'b', 'b', 'c', ' ', '1', '2', '(', ')', '.', '-', '%',
                        '[', ']', '\0', '\200', 'A', '_', '\n', 'x', '$', '^' }
local ATOMS = { 'a', 'b', 'c', '.', '%a', '%d', '%s', '%w', '%p', '%l', '%u', '%x', '%c', '%g',
                '%A', '%S', '%D', '%W', '%%', '%(', '%)', '%.', '%-', '%[', '%]', '[ab]', '[^a]',
                '[a-c]', '[%d.]', '[^%s]', '[]]', '[a-]', '[%a_]', '[^]a]', '[%]%[]', ' ', '1',
                '%z', '\0', '\200', '%$', '%^', '^', '-', '[^%w%s]', '[b-a]', '[%l1]', '_', 'x' }
local QUANT = { '', '', '', '*', '+', '-', '?' }
local BAD = { '%', '[a', '(', ')', '%b', '%f', '%fa', '[^', '%b(', '[', '(()' }
local BALANCE = { '%b()', '%b[]', '%bab', '%baa', '%b%%' }
local FRONTIER = { '%f[%w]', '%f[^a]', '%f[%s]', '%f[%W]', '%f[a-c]', '%f[%z]', '%f[^%z]' }
local REPL = { '<%0>', '%1', '-', '%%', '[%1|%2]', '%2', '', 'x%0x', '%1%1', '%x', '%', '%3' }

local function pick(t) return t[random(#t)] end

local function subject()
  local n = random(0, 14)
  local t = {}
  for i = 1, n do t[i] = pick(SUBJECT_CHARS) end
  return table.concat(t)
end

local items
local function pattern(depth)
  local t = {}
  for _ = 1, random(0, 5) do
    local r = random(100)
    if r <= 58 then
      t[#t + 1] = pick(ATOMS) .. pick(QUANT)
    elseif r <= 70 and depth < 3 then
      t[#t + 1] = '(' .. pattern(depth + 1) .. ')'
    elseif r <= 75 then
      t[#t + 1] = '()'
    elseif r <= 80 then
      t[#t + 1] = pick(BALANCE)
    elseif r <= 85 then
      t[#t + 1] = pick(FRONTIER)
    elseif r <= 92 then
      t[#t + 1] = '%' .. random(0, 3)
    elseif r <= 95 then
      t[#t + 1] = pick(BAD)
    else
      t[#t + 1] = '.-'
    end
  end
  return table.concat(t)
end

for _ = 1, 300 * ROUNDS do
  local p = pattern(0)
  if random(5) == 1 then p = '^' .. p end
  if random(5) == 1 then p = p .. '$' end
  local s = subject()
  local k = random(8)
  if k <= 2 then find(s, p)
  elseif k == 3 then find(s, p, random(-6, 10))
  elseif k == 4 then match(s, p)
  elseif k == 5 then gmatch(s, p)
  elseif k == 6 then gsub(s, p, pick(REPL))
  elseif k == 7 then gsub(s, p, pick(REPL), random(0, 3))
  else gsub(s, p, fn(pick{ 'concat', 'nil', 'upper' })) end
end

-- backtracking over a two-letter alphabet
local AB_ATOMS = { 'a', 'b', '.', '[ab]', '[^a]', '%1', '()' }
for _ = 1, 200 * ROUNDS do
  local t = {}
  for _ = 1, random(1, 6) do
    local r = random(10)
    if r <= 2 then
      t[#t + 1] = '(' .. pick(AB_ATOMS) .. pick(QUANT) .. pick{ 'a', 'b', '.' } .. pick(QUANT) .. ')'
    else
      t[#t + 1] = pick(AB_ATOMS) .. pick(QUANT)
    end
  end
  local p = table.concat(t)
  local s = {}
  for i = 1, random(0, 12) do s[i] = pick{ 'a', 'b' } end
  s = table.concat(s)
  local k = random(4)
  if k == 1 then find(s, p)
  elseif k == 2 then match(s, p)
  elseif k == 3 then gmatch(s, p)
  else gsub(s, p, pick(REPL)) end
end

J.write(OUT, 'scripts/gen-pattern-cases.lua (lua5.4: ' .. _VERSION .. ')', cases)
print(#cases .. ' cases written to ' .. OUT)
