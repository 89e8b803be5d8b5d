// parser-syntax-cases.mjs — hand-written sources for the syntax-error corpus.
//
// Each entry is a Lua source (a byte string: one JS char per byte) that lua5.4's `load` should
// reject, grouped by the part of the lexer or parser that reports it. Some entries are valid on
// purpose (the edges of a rule: a goto to a label at the end of a block, the last character of a
// numeral); the generator records whatever lua5.4 answers. scripts/parser-gen-syntax-errors.mjs
// turns these into test/parser/syntax-errors.json with lua5.4's messages.

const R = (s, n) => s.repeat(n);
const names = (prefix, n) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`).join(', ');
/** `_ = p1 _ = p2 ...`: uses variables one statement at a time (no register pressure). */
const uses = (prefix, n) => Array.from({ length: n }, (_, i) => `_ = ${prefix}${i + 1}`).join(' ');

/** Lexer: numerals, strings, escapes, long brackets, stray bytes. */
export const lexer = [
  'x = 3x', 'x = 3..2', 'x = 0x', 'x = 1e', 'x = 1e+', 'x = .5e', 'x = 0xg', 'x = 3.4.5',
  'x = 0x1p', 'x = 1ee2', 'x = 12abc', 'x = 0x1.8p3z', 'x = 1__', 'x = 0x.p1', 'x = 5.e',
  'x = 1e-', 'x = 0xep+', 'x = 3 .. 4x', 'x = 08 + 1e2x', 'x = .0x1', 'x = 1.5_',
  'x = 0x1P-2.5', 'x = 9e9999999999999999999z', 'return 1.2.3', 'return 0xx1', 'return 3e3e3',
  'x = "abc', "x = 'abc", 'x = "abc\ndef"', 'x = "a\\', 'x = "abc\\\n', "x = 'a\rb'",
  'x = "tab\there', 'print("x") x = "', 'x = "\\q"', 'x = "\\x"', 'x = "\\xg1"', 'x = "\\x1g"',
  'x = "\\x1"', 'x = "\\256"', 'x = "\\999"', 'x = "\\2560"', 'x = "\\u{}"', 'x = "\\u123"',
  'x = "\\u{110000000}"', 'x = "\\u{80000000}"', 'x = "\\u{7FFFFFFF}" y', 'x = "\\u{12"',
  'x = "\\u{12x}"', 'x = "\\65\\q"', 'x = "\\z   \\q"', 'x = "a\\\n\\q"', 'x = "a\\z\n\n  \\x"',
  'x = "\\u', 'x = "\\u{', 'x = "\\x', 'x = "\\x5', 'x = "\\"', "x = '\\'", 'x = "\\0\\q"',
  'x = "a\\0b" 1', 'x = "\\t\\n" 1', 'x = "\\u{48}\\u{49}" 1', 'x = "\\z', 'x = "\\\r\n\\d"',
  'x = [[abc', 'x = [==[abc]]', '--[[ unfinished', '--[==[ x ]=]', 'x = [=abc', 'x = [==',
  'x = [=[', 'x = [[\nline\n', '--[[\n\n\n', 'x = [[a]] [[b]]', 'x = [==[a\r\nb]==] 1',
  'x = [[\r\nfirst]] 2', 'x = @', 'x = $', 'x = \x01', 'x = 1 \x00 2', 'x = \xC3\xA9',
  'x = \x7F', 'x = !', 'x = ?', 'x = `', 'x = \\', 'x = 1 ; \x1F', '\xFF', 'local \x80 = 1',
  'x = 9223372036854775808 y', 'x = 0xffffffffffffffffff y', 'x = 1e400 y', 'x = 0x1p99999 y',
  '--[==[\ncomment\n]==] x = = 1', '-- comment only\nx = ', 'x = 1 -- c\n--[[ c ]] y',
  'x = "\\x4G"', 'x = "\\xAg"', 'x = "\\u{7FFFFFF}" 1', 'x = "\\u{0000000041}" 1',
  'x = "é\\q"', 'x = [[é]] 1', "x = 'it''s'",
];

/** Statements and expressions: the grammar. */
export const grammar = [
  'x =', 'x = 1 +', 'local', 'local 1', 'local x <', 'local x <foo>', 'local x <const',
  'local x <const> y', 'local x <1>', 'function', 'function f(', 'function f(1)',
  'function f(a,)', 'function f(...,a) end', 'function f() ', 'function f() return 1 1 end',
  'function a.b:c.d() end', 'function a:b:c() end', 'function 1() end', 'function a.() end',
  'f(', 'f(1,', 'f(1', 'f{', 'f{1,,2}', 'f{[1]}', 'f{[1]=}', 'f{a=}', 'x = {a b}', 'x = (1',
  'x = (1 2)', '(f)', 'f.x', 'x.y', 'a, b', 'a, b =', 'a, f() = 1', 'f() = 1', '(a) = 1',
  'a.b:c = 1', '1 = 2', '"x" = 1', 'x = 1 = 2', 'if', 'if x', 'if x then', 'if x then else elseif y then end',
  'if x then end end', 'while', 'while x', 'while x do', 'while x do end end', 'for', 'for 1',
  'for i', 'for i = 1', 'for i = 1,', 'for i = 1, 2', 'for i = 1, 2 do', 'for i, j = 1, 2 do end',
  'for i in', 'for i in x', 'for i in x do', 'for i, 1 in x do end', 'for i = 1, 2, 3, 4 do end',
  'repeat', 'repeat until', 'repeat x = 1', 'do', 'do end end', 'return return', 'return 1,',
  'return 1; x = 2', 'break 1', 'goto', 'goto 1', '::', '::a', '::a:', ':: a ::', '::a:: ::',
  'x = function', 'x = function(', 'x = a:b', 'x = a:b.c()', 'x = a.1', 'x = a[1', 'x = a[]',
  'x = not', 'x = -', 'x = #', 'x = 1 .. ', 'x = 1 < < 2', 'x = 1 ~= ', 'local function',
  'local function 1', 'local function f', 'local function f.a() end', 'x = }', 'x = ]', 'end',
  'else', 'until x', 'elseif', 'then', 'in', 'x = x.y.z:', 'a.b.c', 'x = true.x', 'x = nil()',
  'x = 1()', 'x = "a" "b"', 'x = {1, 2', 'x = {1, 2;;}', 'x = {[1] 2}', 'x = {f = }',
  'x = {...}', 'x = a..b..', 'x = 1 + + 2', 'x = 2 ^ ^ 2', 'x = a.b.c.d.e.f.', 'x = f()()(',
  'x = f"a""b"{', 'return f(', 'local a <const> = 1, 2 + ', 'local a, b, = 1', 'x = a or and b',
  'x = ~', 'x = 1 >> >> 2', 'local t = {} t.x.y.z', 'f:g', 'f:g"x":', 'x = a.b:c',
  'return ...', 'local function f() return ... end', 'function f(a) local t = {...} end',
  'x = function() return ... end', 'function f(...) return function() return ... end end',
  'x = function(a, b, ...) return ... end y', 'local x = 1 return x y',
  'if x then return 1 else return 2 end return', 'return;;', 'return 1;;',
  'do return end x', 'while true do break break end x y', 'for i = 1, 2 do end for',
  'local function f() end f() f(', 'a = b = c', 'a.b = c d', 'a[b] = c[d', 'goto continue',
  'x = 1\n\ny = 2 +\n\n', 'x = (\n1\n+\n', 'f(\n1,\n2\n', 'x = {\n1,\n2\n',
  'function f()\n  return 1\n', 'if x then\n  y = 1\nelse\n', 'while x do\n\n', 'repeat\n\nx = 1\n',
  'for i = 1, 10 do\n  print(i)\n', 'do\n  local x\n', 'local t = {\n  a = 1,\n  b = 2\n',
  'x = [[\nabc\ndef]] + ', 'x = "a\\\nb" +', 'f(\n)(\n', 'local x = function()\nend end',
  'x = a\n.b\n.', 'x = a\n[\n1\n', 'x = a\n:b\n', 'x = 1 +\n\n\n2 3',
  // A name starting a table field makes Lua read one token ahead (and count its line).
  't = {a\n\n=\n}', 't = {a\n\nb}', 't = {\na\n\n, 1\n', 't = {a\n\n= 1, b\n\n2}', 't = {f\n\n(\n}',
  't = {a\n--c\n\n.b', 't = {x = 1,\ny\n\n', 'f{a\n\n"s"', 't = {a\n\n[1]',
  // Strings and long strings named in messages.
  'x = 1 [[abc\ndef]]', 'x = 1 [==[a\r\nb]==]', 'x = 1 "a\\tb"', "x = 1 'it\\'s'", 'x = 1 "\\u{41}\\z  b"',
  'x = 1 [[\n\nlong]]', 'return [[a]] .. [[b]] [[c]]', 'x = 1\n[=[\n\n]=]\n', 'f "a" "b" c',
  // Tokens of every kind after a complete statement.
  'x = 1 2', 'x = 1 2.5', 'x = 1 0x10', 'x = 1 ...', 'x = 1 ..', 'x = 1 ::', 'x = 1 //', 'x = 1 ~=',
  'x = 1 == 2 = 3', 'x = 1 >= >=', 'x = 1 <<', 'x = 1 end', 'x = 1 then', 'x = 1 )', 'x = 1 }', 'x = 1 ]',
  'local x = 1 local', 'local function f() end end', 'return 1 end', 'return 1 else', 'do return 1 x = 2 end',
];

/** Errors Lua's code generator raises while parsing: scopes, attributes, gotos, limits. */
export const semantic = [
  'local x <close>, y <close> = 1, 2', 'local x <const> = 1; x = 2', 'local x <close> = nil; x = 1',
  'local x <const> = 1; function f() x = 2 end', 'local t <const> = {}; t.x = 1; t = 2',
  'local x <const> = 1; local function g() return function() x = 3 end end',
  'local x <const> = 1; function x() end', 'local x <const>; y, x = 1', 'local a; local b <const> = 1; a, b = 1, 2',
  'local x <const> = {}\nlocal function f()\n  local function g()\n    x = 1\n  end\nend',
  'local x <const> = 1\nx\n=\n2', 'local x <close>\n= nil\nx, y\n= 1, 2',
  'local x <const> = 1; x.y = 2', 'local x <const> = 1; x[1], x = 2, 3',
  'local x <const> = 1; do local x = 2; x = 3 end x = 4', 'local x <foo> = 1',
  'local x <CONST> = 1', 'local x <const>, y <foo> = 1', 'local x <close>, y <const>, z <close> = 1',
  'local x < const > = 1; x = 1', 'local _ENV <const> = {}; x = 1', 'local _ENV <const> = {}; _ENV = 1',
  'local f <const> = print\nfunction f() end', 'local a <const> = 1; local function a() end a = 1',
  'return ...', 'function f() return ... end', 'function f(a) return ... end',
  'local function f() local t = {...} end', 'x = function(a, b) return a, ... end',
  'function f(...) return function() return ... end end', 'function t:m() return ... end',
  'function f() local x = ... + 1 end', 'function f()\n  local a,\n  b = ...\nend',
  'break', 'do break end', 'function f() break end', 'if x then break end',
  'for i = 1, 2 do local function f() break end end', 'local x = 1 break', 'if x then break; end',
  'if x then break; x = 1 end', 'while true do end break', 'repeat local x until x break',
  'goto a', 'do goto a end', 'goto a; local x; ::a:: print(x)', 'goto a; local x; ::a::',
  'do goto a; local x; ::a:: end', 'repeat goto a; local x; ::a:: until x', '::a:: ::a::',
  '::a:: do ::a:: end', 'do ::a:: end ::a::', 'while true do goto c; local x = 1; ::c:: end',
  'local function f() goto x end ::x::', '::l:: local function f() goto l end',
  'goto l; local x <const> = 1; ::l:: print(x)', 'goto l; local x; ::l:: ;;',
  'goto l; local x; ::l:: ::m:: print(x)', 'goto l; local x; ::m:: ::l:: ; ; print(x)',
  'do goto l end; local x; ::l:: print(x)', 'goto f; local function f() end ::f:: f()',
  'goto done\nlocal a = 1\nlocal b = 2\n::done::\nprint(a)', 'do\n  goto x\nend\n::y::',
  'goto x\ngoto y\n', 'if x then goto l end local y ::l:: y = 1', 'for i = 1, 2 do goto l end ::l::',
  'for i = 1, 2 do ::l:: end ::l::', 'function f()\n  goto l\nend\n\n\nprint(1)',
  'local x\ngoto a\n::a::\n::a::', 'do local x; goto l; end ::l::',
  'repeat local x; goto l; ::l:: until x', 'repeat goto l; ::l:: local y until y',
  'goto l; do local z ::l:: end', 'goto l; local a <close> = nil ::l:: a = 1',
  'local function f()\n  goto out\n  local x = 1\n  ::out::\n  return x\nend',
  'while x do\n  if y then goto continue end\n  local z = 1\n  ::continue::\nend',
  'while x do\n  if y then goto continue end\n  local z = 1\n  ::continue::\n  z = 2\nend',
  'goto l; local x; ::l:: ; ::m:: ; return', 'goto l; local x ::l:: return x',
  'x = 1 goto l ::l:: ::k:: goto l ::l::', 'do goto l1; ::l2:: end goto l2',
  'goto l\nlocal function f() end\n::l::\nf()', 'local function f()\n  ::l::\n  local function g() goto l end\nend',
  'do\n  goto l\n  local x <const> = 1\n  ::l::\nend', 'goto l; local x; ::l:: ::l2:: ;',
  'while 1 do\n  goto next\n  local a\n  ::next::\n  ;;\nend', 'repeat\n  goto next\n  local a\n  ::next::\nuntil true',
  'for i = 1, 3 do\n  goto next\n  local a\n  ::next::\n  local b\nend', 'if x then goto l end ::l:: local y',
  'goto\nl\nlocal\nz\n::l::\nprint(z)', 'break\n\n\n', 'local function f()\n  if x then break end\nend',
  'while true do\n  local function f() break end\nend', 'local x <const> = 1\nlocal function f()\n  return function()\n    x = 2\n  end\nend',
  'local a <close> = nil\ndo\n  a = 1\nend', 'local t <const> = 1; t, u = 1, 2', 'local t <const> = 1; u, t = 1, 2',
  'local x <const> = 1\nfunction x.y() end', 'local x <const> = 1\nfunction x:y() end', 'local x <close> = nil; function x() end',
  'local a <const>, b <close>, c <const> = 1, nil, 3; c = 4', 'local x <const> = 1 local x = 2 x = 3',
  'local x <const> = 1 do local x <const> = 2 end x = 3', 'local x <const> = ...\nx = 1',
];

/** Local-variable and upvalue limits, and nesting deeper than Lua's C stack. */
export const limits = [
  `local ${names('a', 200)}`, `local ${names('a', 201)}`, `local ${names('a', 201)} = 1`,
  `local function f()\n  local ${names('a', 201)}\nend`,
  `\n\nlocal function f\n(\n)\n  local ${names('a', 250)}\nend`,
  `x = function\n\n(a)\n  local ${names('b', 200)}\nend`,
  `local ${names('a', 197)}\nfor i = 1, 2 do end`, `local ${names('a', 196)}\nfor i = 1, 2 do end`,
  `local ${names('a', 196)}\nfor k, v in pairs(t) do end`, `local ${names('a', 195)}\nfor k, v in pairs(t) do end`,
  `function t:m(${names('a', 199)}) end`, `function t:m(${names('a', 200)}) end`,
  `local ${names('a', 150)}\nlocal function f()\n  local ${names('b', 150)}\n  return function() local _; ${uses('a', 150)} ${uses('b', 150)} end\nend`,
  `local ${names('a', 150)}\nlocal function f()\n  local ${names('b', 105)}\n  return function() local _; ${uses('a', 150)} ${uses('b', 105)} end\nend`,
  `local ${names('a', 150)}\nlocal function f()\n  local ${names('b', 106)}\n  return function() local _; ${uses('a', 150)} ${uses('b', 106)} end\nend`,
  `local ${names('a', 150)}\nlocal function f()\n  local ${names('b', 105)}\n  return function() g = 1; local _; ${uses('a', 150)} ${uses('b', 105)} end\nend`,
  `${Array.from({ length: 40 }, (_, i) => `local c${i + 1} <const> = ${i}`).join('\n')}\nlocal ${names('a', 150)}\nlocal function f()\n  local ${names('b', 100)}\n  return function() local _; ${uses('c', 40)} ${uses('a', 150)} ${uses('b', 100)} end\nend`,
  `${Array.from({ length: 40 }, (_, i) => `local c${i + 1} <const> = ${i}`).join('\n')}\nlocal ${names('a', 150)}\nlocal function f()\n  local ${names('b', 106)}\n  return function() local _; ${uses('c', 40)} ${uses('a', 150)} ${uses('b', 106)} end\nend`,
  `${Array.from({ length: 40 }, (_, i) => `local c${i + 1} <const> = -${i}.5`).join('\n')}\nlocal ${names('a', 150)}\nlocal function f()\n  local ${names('b', 100)}\n  return function() local _; ${uses('c', 40)} ${uses('a', 150)} ${uses('b', 100)} end\nend`,
  `${Array.from({ length: 40 }, (_, i) => `local c${i + 1} <const> = "s${i}"`).join('\n')}\nlocal ${names('a', 150)}\nlocal function f()\n  local ${names('b', 100)}\n  return function() local _; ${uses('c', 40)} ${uses('a', 150)} ${uses('b', 100)} end\nend`,
  `${Array.from({ length: 40 }, (_, i) => `local c${i + 1} <const> = {}`).join('\n')}\nlocal ${names('a', 150)}\nlocal function f()\n  local ${names('b', 100)}\n  return function() local _; ${uses('c', 40)} ${uses('a', 150)} ${uses('b', 100)} end\nend`,
  // Upvalues through three levels: the middle function overflows first (Lua creates them
  // outermost first); siblings capture the same variables again; a repeated use counts once.
  `local ${names('a', 150)}\nlocal function f()\n  local ${names('b', 150)}\n  local function g()\n    local function h()\n      local _; ${uses('a', 150)} ${uses('b', 106)}\n    end\n  end\nend`,
  `local ${names('a', 150)}\nlocal function f()\n  local ${names('b', 150)}\n  local function g()\n    local function h()\n      local _; ${uses('a', 150)} ${uses('b', 105)}\n    end\n  end\nend`,
  `local ${names('a', 150)}\nlocal function f1() return function() local _; ${uses('a', 150)} end end\nlocal function f2()\n  local ${names('b', 106)}\n  return function() local _; ${uses('a', 150)} ${uses('b', 106)} end\nend`,
  `local ${names('a', 150)}\nlocal function f1() return function() local _; ${uses('a', 150)} end end\nlocal function f2()\n  local ${names('b', 105)}\n  return function() local _; ${uses('a', 150)} ${uses('a', 150)} ${uses('b', 105)} end\nend`,
  `local ${names('a', 150)}\nlocal function f()\n  local function g() local _; ${uses('a', 150)} end\n  local ${names('b', 106)}\n  return function() local _; ${uses('a', 150)} ${uses('b', 106)} end\nend`,
  `local ${names('a', 150)}\nlocal function f()\n  local ${names('b', 106)}\n  return function() local _ENV = {}; local _; ${uses('a', 150)} ${uses('b', 106)} x = 1 end\nend`,
  `local ${names('a', 150)}\nlocal function f()\n  local ${names('b', 104)}\n  return function() local _; ${uses('a', 150)} ${uses('b', 104)} x = 1 end\nend`,
  `local ${names('a', 150)}\nlocal function f()\n  local ${names('b', 103)}\n  return function() local _; ${uses('a', 150)} ${uses('b', 103)} x = 1 y = 2 end\nend`,
  `local _ENV = {}\nlocal ${names('a', 150)}\nlocal function f()\n  local ${names('b', 104)}\n  return function() local _; ${uses('a', 150)} ${uses('b', 104)} x = 1 end\nend`,
  R('(', 196), R('(', 197), R('(', 300), `x = ${R('(', 195)}1${R(')', 195)}`,
  `x = ${R('(', 196)}1${R(')', 196)}`, `x = ${R('{', 196)}${R('}', 196)}`, `x = ${R('{', 197)}${R('}', 197)}`,
  `${R('do ', 197)}${R('end ', 197)}`, `${R('do ', 198)}${R('end ', 198)}`,
  `${R('while 1 do ', 196)}${R('end ', 196)}`, `${R('while 1 do ', 197)}${R('end ', 197)}`,
  `${R('if x then ', 197)}${R('end ', 197)}`, `x = ${R('not ', 195)}1`, `x = ${R('not ', 196)}1`,
  `x = ${R('- ', 196)}1`, `x = ${R('~ ', 300)}1`, `x = ${R('#', 196)}t`,
  `return ${R('function() return ', 98)}1${R(' end', 98)}`, `return ${R('function() return ', 99)}1${R(' end', 99)}`,
  `${R('function f() ', 197)}${R(' end', 197)}`, `${R('function f() ', 198)}${R(' end', 198)}`,
  `x = ${R('a .. ', 195)}1`, `x = ${R('a .. ', 196)}1`, `x = ${R('a ^ ', 196)}1`, `x = ${R('a + ', 500)}1`,
  `${R('a, ', 195)}b = 1`, `${R('a, ', 196)}b = 1`, `x = a${R('[a', 196)}${R(']', 196)}`,
  `x = f${R('(f', 196)}${R(')', 196)}`, `${R('repeat ', 197)}${R('until 1 ', 197)}`,
  `${R('::a:: ;', 197)}`, `::a:: ${R(';', 500)}`, `${R('if x then break end ', 300)}`,
  `${R('while 1 do ', 196)}if x then break end${R(' end', 196)}`,
  `${R('while 1 do ', 197)}if x then break end${R(' end', 197)}`,
  `${R('while 1 do ', 197)}break${R(' end', 197)}`,
  `${R('do ', 197)}x = 1${R(' end', 197)}`, `${R('do ', 196)}x = 1${R(' end', 196)}`,
  `${R('do ', 150)}\n${R('(', 60)}`, `x = {\n${R('{', 197)}`, `local t = ${R('{a=', 197)}1${R('}', 197)}`,
  `f(${R('function() g(', 98)}${R(') end', 98)})`, `f(${R('function() g(', 99)}${R(') end', 99)})`, `x = ${R('(', 300)}`,
];

/** The chunk names used with every case kind (see the generator). */
export const chunkNames = [
  '=input', '=stdin', '=', '=' + R('n', 58), '=' + R('n', 59), '=' + R('n', 60), '=' + R('long', 30),
  '@file.lua', '@' + R('d/', 29) + 'x.lua', '@' + R('p', 59), '@' + R('p', 60), '@' + R('dir/', 40) + 'main.lua',
  'chunk', '', 'x = 1', R('s', 44), R('s', 45), R('s', 80), 'first line\nsecond line', '\nstarts with newline',
  'has\x00nul', '=name\x00hidden', '@f\xC3\xA9.lua', '[string "x"]',
];
