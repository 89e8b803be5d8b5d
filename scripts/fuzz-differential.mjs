#!/usr/bin/env node
// fuzz-differential.mjs — differential fuzzing of moonlet against the reference interpreter.
//
//   npm run build && node scripts/fuzz-differential.mjs [--count N] [--seed S] [--start K]
//       [--jobs J] [--out DIR] [--no-shrink] [--print K] [--cli PATH] [--nan-sign] [--jit MODE]
//       [--timeout SECONDS]
//
// Generates N random, valid Lua programs (default 1000) that print what they compute: mixed
// integer/float/string arithmetic with edge values (math.maxinteger, -0.0, 2^53, NaN-producing
// operations), string concatenation and comparison, tables with array and hash parts, closures
// and upvalues, metatables (arithmetic, __index, __eq, __lt, __le, __concat, __call, __len ...),
// pcall/error/xpcall with non-string values, coroutines yielding in loops, string.format of
// numbers and numeric for loops with various steps. Each program runs under `lua5.4` and under
// `node dist/cli.js`, from the same folder and with the same file name, and the two runs are
// compared on stdout, the first line of stderr (the interpreter's own name removed) and the
// exit status. A program that differs is saved with both outputs under DIR (default
// /tmp/fuzz-failures/<seed>-<k>/) and shrunk (top-level statements, then single lines, deleted
// while the difference persists); `min.lua` is the shrunk program.
//
// --timeout is how long each interpreter may run one program (default 20 s): on a loaded machine
// a process start alone can take seconds, and a program that times out counts as a difference.
// --cli runs another build of the command (default dist/cli.js); --jit sets MOONLET_JIT for it
// (`eager` compiles every function to JS before its first call, `off` never does).
// Program k of a run with seed S depends only on (S, k): `--seed S --start k --count 1`
// regenerates it, and `--print k` writes its source to stdout without running anything.
// --nan-sign also compares the sign of NaNs ("-nan" / "nan"), which depends on how the C compiler
// ordered the operands of an operation on two NaNs; by default both spellings count as equal.
// What the programs never print, because lua5.4 leaves it unspecified or machine-dependent:
// addresses (no tostring of tables, functions or threads), the order of `pairs` (keys are
// sorted first), `#` of tables with holes, time, random numbers, memory counts.
// Exit status: 0 when every program agreed, 1 otherwise. Requires lua5.4 on PATH.

import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let cli = join(root, 'dist', 'cli.js');
let nanSign = false;
let moonletEnv = process.env;
const REFERENCE = 'lua5.4';
const FILE = 'fuzz.lua';
let timeoutMs = 20_000;

// ---------------------------------------------------------------------------------------------
// Random numbers: splitmix32, seeded from (seed, program index)
// ---------------------------------------------------------------------------------------------

function makeRandom(seed, index) {
  let s = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return ((z ^ (z >>> 15)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------
// The generator
// ---------------------------------------------------------------------------------------------

// Helpers every program starts with. `show` prints a label and values in a form that has no
// addresses: numbers with their subtype, strings with %q, tables by their `v`/`tag` fields.
const PRELUDE = String.raw`local function fmt(v, depth)
  local t = type(v)
  if t == "number" then return (math.type(v) == "integer" and "i:" or "f:") .. tostring(v) end
  if t == "string" then return string.format("%q", v) end
  if t == "table" then
    if (depth or 0) > 2 then return "table" end
    local tag = rawget(v, "tag")
    if tag ~= nil then return "table<" .. fmt(tag, (depth or 0) + 1) .. ">" end
    local inner = rawget(v, "v")
    if inner ~= nil then return "table(v=" .. fmt(inner, (depth or 0) + 1) .. ")" end
    return "table"
  end
  if t == "boolean" or t == "nil" then return tostring(v) end
  return t
end
local function show(label, ...)
  local parts = {label}
  for i = 1, select("#", ...) do parts[#parts + 1] = fmt((select(i, ...))) end
  print(table.concat(parts, " "))
end
local function try(label, f, ...)
  show(label, pcall(f, ...))
end
local function safe(f)
  local ok, v = pcall(f)
  if ok then return v end
  return "error: " .. fmt(v)
end
local function num(f, default)
  local ok, v = pcall(f)
  if ok and math.type(v) then return v end
  return default
end
local function str(f, default)
  local ok, v = pcall(f)
  if ok and type(v) == "string" then return v end
  return default
end
local function keys(t)
  local ks = {}
  for k in pairs(t) do ks[#ks + 1] = k end
  table.sort(ks, function(a, b)
    local ta, tb = type(a), type(b)
    if ta ~= tb then return ta < tb end
    if ta == "number" or ta == "string" then return a < b end
    return false
  end)
  return ks
end
local function dump(label, t)
  local parts = {}
  for _, k in ipairs(keys(t)) do parts[#parts + 1] = fmt(k) .. "=" .. fmt(rawget(t, k)) end
  print(label .. " {" .. table.concat(parts, ", ") .. "}")
end
`;

const INT_LITERALS = [
  '0', '1', '-1', '2', '3', '7', '10', '-13', '255', '256', '1000', '65536', '2147483647', '2147483648',
  '4294967296', '9007199254740992', '9007199254740993', '-9007199254740993', '4611686018427387904',
  'math.maxinteger', 'math.mininteger', '(math.maxinteger - 1)', '(math.mininteger + 1)', '0x7fffffff',
  '0xffffffffffffffff', '0x10', '(1 << 62)', '(1 << 63)',
];
const FLOAT_LITERALS = [
  '0.0', '-0.0', '0.5', '1.5', '-2.25', '3.0', '-7.0', '0.1', '1e15', '1e16', '1e100', '-1e300', '2^53',
  '2^63', '-2^63', '2^64', '(2^53 + 1)', 'math.huge', '-math.huge', '(1/3)', 'math.pi', '1e-10', '123.456',
  '(0/0)', '(-(0/0))', '5e-324', '9007199254740993.0', '0x1p-2', '1e308',
];
const NUMERIC_STRINGS = [
  '"10"', '"0x10"', '" 3 "', '"1e2"', '"2.5"', '"-7"', '"9223372036854775807"', '"9223372036854775808"',
  '"0x7fffffffffffffff"', '"-0"', '"1e400"', '" 0x1p4 "', '"5."', '".5"',
];
const BAD_STRINGS = ['"abc"', '""', '"1x"', '"0x"', '"1e"', '"inf"', '"nan"'];
const STRING_LITERALS = [
  '"abc"', '""', '"a"', '"b"', '"ab"', '"abc\\0d"', '"\\255"', '"Z"', '"hello world"', '"x\\ny"', '"10"',
  '"9"', '"a\\0"', '"\\u{48}\\u{E9}"', '"tab\\there"', "'quote\"s'", '[[long]]', '"%d"', '"-0.0"',
];
const ARITH_OPS = ['+', '-', '*', '/', '//', '%', '^'];
const BIT_OPS = ['&', '|', '~', '<<', '>>'];
const CMP_OPS = ['<', '<=', '>', '>=', '==', '~='];
const FORMATS = [
  '%d', '%5d', '%-5d|', '%+d', '%i', '%x', '%X', '%o', '%g', '%.3g', '%10.4f', '%e', '%.0f', '%.14g', '%s',
  '%q', '%05.1f', '%-8.2e|', '%.20f', '%5.2s|', '%c', '%G', '%#x', '%.3E', '% d',
];
const ARITH_EVENTS = ['__add', '__sub', '__mul', '__div', '__mod', '__pow', '__idiv', '__band', '__bor', '__bxor', '__shl', '__shr'];
const EVENT_OPS = {
  __add: '+', __sub: '-', __mul: '*', __div: '/', __mod: '%', __pow: '^', __idiv: '//',
  __band: '&', __bor: '|', __bxor: '~', __shl: '<<', __shr: '>>',
};

class Generator {
  constructor(random) {
    this.random = random;
    this.counter = 0;
    this.nums = []; // locals holding numbers
    this.strs = []; // locals holding strings
    this.seqs = []; // locals holding sequences (no holes: '#' is defined)
    this.objs = []; // locals holding tables with a metatable (field v)
    this.funs = []; // locals holding functions number -> number
  }

  int(n) {
    return Math.floor(this.random() * n);
  }

  chance(p) {
    return this.random() < p;
  }

  pick(xs) {
    return xs[this.int(xs.length)];
  }

  fresh(prefix) {
    this.counter += 1;
    return `${prefix}${this.counter}`;
  }

  smallInt() {
    return String(this.int(21) - 10);
  }

  // --- expressions ---------------------------------------------------------------------------

  /** A number literal or numeric string: the edge values the VM must get right. */
  numLiteral() {
    const r = this.random();
    if (r < 0.4) return this.pick(INT_LITERALS);
    if (r < 0.75) return this.pick(FLOAT_LITERALS);
    if (r < 0.92) return this.pick(NUMERIC_STRINGS);
    return this.smallInt();
  }

  /** An expression that is usually a number (it may raise, so statements protect it). */
  numExpr(depth = 0) {
    const r = this.random();
    if (depth > 2 || r < 0.22) return this.numLiteral();
    if (r < 0.36 && this.nums.length > 0) return this.pick(this.nums);
    if (r < 0.56) return `(${this.numExpr(depth + 1)} ${this.pick(ARITH_OPS)} ${this.numExpr(depth + 1)})`;
    if (r < 0.64) return `(${this.numExpr(depth + 1)} ${this.pick(BIT_OPS)} ${this.numExpr(depth + 1)})`;
    if (r < 0.68) return `(${this.pick(['-', '~', 'not not', '- -'])} ${this.numExpr(depth + 1)})`;
    if (r < 0.78) return this.mathCall(depth);
    if (r < 0.82) return `#${this.strExpr(depth + 1)}`;
    if (r < 0.86 && this.funs.length > 0) return `${this.pick(this.funs)}(${this.numExpr(depth + 1)})`;
    if (r < 0.9) return `(${this.boolExpr(depth + 1)} and ${this.numExpr(depth + 1)} or ${this.numExpr(depth + 1)})`;
    if (r < 0.93 && this.seqs.length > 0) return `#${this.pick(this.seqs)}`;
    if (r < 0.96) return `tonumber(${this.pick([...NUMERIC_STRINGS, ...BAD_STRINGS])})`;
    return `tonumber(${this.pick(['"ff"', '"777"', '"z"', '"-101"', '"7fffffffffffffff"', '"10"'])}, ${this.pick(['2', '8', '10', '16', '36'])})`;
  }

  mathCall(depth) {
    const a = () => this.numExpr(depth + 1);
    switch (this.int(11)) {
      case 0: return `math.floor(${a()})`;
      case 1: return `math.ceil(${a()})`;
      case 2: return `math.abs(${a()})`;
      case 3: return `math.max(${a()}, ${a()})`;
      case 4: return `math.min(${a()}, ${a()}, ${a()})`;
      case 5: return `math.fmod(${a()}, ${a()})`;
      case 6: return `math.tointeger(${a()})`;
      case 7: return `math.sqrt(${a()})`;
      case 8: return `(math.ult(${a()}, ${a()}) and 1 or 0)`;
      case 9: return `select("#", ${a()}, nil, ${a()})`;
      default: return `(${a()} + 0.0)`;
    }
  }

  strExpr(depth = 0) {
    const r = this.random();
    if (depth > 2 || r < 0.3) return this.pick(STRING_LITERALS);
    if (r < 0.42 && this.strs.length > 0) return this.pick(this.strs);
    if (r < 0.56) return `(${this.strOrNum(depth + 1)} .. ${this.strOrNum(depth + 1)})`;
    if (r < 0.64) return `tostring(${this.numExpr(depth + 1)})`;
    if (r < 0.72) return `string.format(${JSON.stringify(this.pick(FORMATS))}, ${this.numExpr(depth + 1)})`;
    if (r < 0.78) return `string.rep(${this.pick(STRING_LITERALS)}, ${this.int(4)}${this.chance(0.3) ? ', "-"' : ''})`;
    if (r < 0.86) return `(${this.strExpr(depth + 1)}):sub(${this.smallInt()}, ${this.smallInt()})`;
    if (r < 0.9) return `(${this.strExpr(depth + 1)}):${this.pick(['upper', 'lower', 'reverse'])}()`;
    if (r < 0.95) return `string.char(${this.int(128) + 32}, ${this.int(256)})`;
    return `(${this.strExpr(depth + 1)}):rep(2, ${this.strExpr(depth + 1)})`;
  }

  strOrNum(depth) {
    return this.chance(0.6) ? this.strExpr(depth) : this.numExpr(depth);
  }

  boolExpr(depth = 0) {
    const r = this.random();
    if (depth > 2 || r < 0.45) return `(${this.numExpr(depth + 1)} ${this.pick(CMP_OPS)} ${this.numExpr(depth + 1)})`;
    if (r < 0.7) return `(${this.strExpr(depth + 1)} ${this.pick(CMP_OPS)} ${this.strExpr(depth + 1)})`;
    if (r < 0.78) return `(${this.strExpr(depth + 1)} ${this.pick(CMP_OPS)} ${this.numExpr(depth + 1)})`;
    if (r < 0.86) return `(not ${this.boolExpr(depth + 1)})`;
    if (r < 0.93) return `(${this.boolExpr(depth + 1)} ${this.pick(['and', 'or'])} ${this.boolExpr(depth + 1)})`;
    return `(math.type(${this.numExpr(depth + 1)}) == "integer")`;
  }

  /** Any value: what error() throws and what tables hold. */
  anyExpr(depth = 0) {
    const r = this.random();
    if (r < 0.35) return this.numExpr(depth);
    if (r < 0.6) return this.strExpr(depth);
    if (r < 0.7) return this.boolExpr(depth);
    if (r < 0.78) return 'nil';
    if (r < 0.86) return `{tag = ${this.strExpr(depth + 1)}}`;
    if (r < 0.93 && this.objs.length > 0) return this.pick(this.objs);
    return this.pick(['true', 'false']);
  }

  // --- statements ----------------------------------------------------------------------------
  // Each returns Lua source (one or more lines) that cannot raise an uncaught error: risky code
  // runs under pcall and the outcome is printed.

  statement(label) {
    const kinds = [
      [10, () => this.numLocal(label)],
      [6, () => this.strLocal(label)],
      [12, () => `try(${q(label)}, function() return ${this.numExpr()} end)`],
      [5, () => `try(${q(label)}, function() return ${this.numExpr()}, ${this.numExpr()} end)`],
      [5, () => `try(${q(label)}, function() return ${this.strExpr()} end)`],
      [7, () => `try(${q(label)}, function() return ${this.boolExpr()} end)`],
      [4, () => this.directPrint(label)],
      [4, () => this.comparisons(label)],
      [4, () => this.formatStmt(label)],
      [6, () => this.forLoop(label)],
      [5, () => this.tableStmt(label)],
      [3, () => this.seqOps(label)],
      [5, () => this.closureStmt(label)],
      [6, () => this.metaObject(label)],
      [6, () => this.metaOps(label)],
      [5, () => this.errorStmt(label)],
      [5, () => this.coroutineStmt(label)],
      [2, () => this.whileStmt(label)],
      [2, () => this.varargStmt(label)],
      [2, () => this.gotoStmt(label)],
      [3, () => this.multiAssign(label)],
      [3, () => this.bytesStmt(label)],
      [3, () => this.patternStmt(label)],
      [2, () => this.recursionStmt(label)],
    ];
    let total = 0;
    for (const [w] of kinds) total += w;
    let r = this.random() * total;
    for (const [w, make] of kinds) {
      r -= w;
      if (r < 0) return make();
    }
    return kinds[0][1]();
  }

  numLocal(label) {
    const name = this.fresh('n');
    const src = `local ${name} = num(function() return ${this.numExpr()} end, ${this.numLiteral()})\nshow(${q(label)}, ${name})`;
    this.nums.push(name);
    return src;
  }

  strLocal(label) {
    const name = this.fresh('s');
    const src = `local ${name} = str(function() return ${this.strExpr()} end, ${this.pick(STRING_LITERALS)})\nshow(${q(label)}, ${name})`;
    this.strs.push(name);
    return src;
  }

  directPrint(label) {
    const e = this.chance(0.5) ? this.numExpr() : this.strOrNum(0);
    return `do local ok, e = pcall(function() print(${q(label)}, ${e}) end) if not ok then show(${q(label)}, e) end end`;
  }

  comparisons(label) {
    const a = this.numExpr(1);
    const b = this.numExpr(1);
    return `try(${q(label)}, function() local a, b = ${a}, ${b} return a < b, a <= b, a == b, a > b, a >= b, a ~= b end)`;
  }

  formatStmt(label) {
    const n = 1 + this.int(3);
    const fs = [];
    const args = [];
    for (let i = 0; i < n; i++) {
      fs.push(this.pick(FORMATS));
      args.push(this.numExpr(1));
    }
    return `try(${q(label)}, function() return string.format(${JSON.stringify(fs.join(' '))}, ${args.join(', ')}) end)`;
  }

  forLoop(label) {
    const r = this.random();
    let head;
    if (r < 0.3) {
      head = `i = ${this.smallInt()}, ${this.smallInt()}, ${this.pick(['1', '2', '-1', '-3', '3'])}`;
    } else if (r < 0.5) {
      const start = this.pick(['0', '1', '-1', '0.5', '1.0', '-2.5', '10']);
      const step = this.pick(['0.5', '0.25', '-0.5', '0.1', '1.5', '-0.75', '1']);
      const count = this.int(12);
      head = `i = ${start}, ${start} + ${step} * ${count}, ${step}`;
    } else if (r < 0.65) {
      const k = this.int(4);
      head = this.pick([
        `i = math.maxinteger - ${k}, math.maxinteger`,
        `i = math.mininteger + ${k}, math.mininteger, -1`,
        `i = math.maxinteger - ${k * 3}, math.maxinteger, ${1 + k}`,
        `i = math.mininteger, math.mininteger + ${k}`,
        `i = 1, ${k}.5`,
        `i = ${k}, 2^53, 2^52`,
        `i = -${k}, -2^63, math.mininteger // 3`,
        `i = 1, math.huge, math.maxinteger // 2`,
      ]);
    } else if (r < 0.8) {
      // bad operands: the error message is what is compared
      head = `i = ${this.pick(['"1"', '1', 'nil', '{}', '1.0'])}, ${this.pick(['"2"', '3', '3.5', 'nil', '0/0'])}, ${this.pick(['1', '0', '0.0', '"1"', '-1'])}`;
    } else {
      head = `i = ${this.numExpr(2)}, ${this.numExpr(2)}, ${this.numExpr(2)}`;
    }
    return [
      `try(${q(label)}, function()`,
      `  local s, c, last = 0, 0, nil`,
      `  for ${head} do`,
      `    c = c + 1 s = s + i last = i`,
      `    if c > 50 then break end`,
      `  end`,
      `  return c, s, last`,
      `end)`,
    ].join('\n');
  }

  whileStmt(label) {
    const n = this.int(8);
    return [
      `do`,
      `  local i, acc = 0, ${this.numLiteral()}`,
      `  while i < ${n} do i = i + 1 acc = num(function() return acc ${this.pick(ARITH_OPS)} i end, acc) end`,
      `  repeat i = i - 1 local stop = i <= 0 until stop`,
      `  show(${q(label)}, i, acc)`,
      `end`,
    ].join('\n');
  }

  tableStmt(label) {
    const name = this.fresh('t');
    const items = [];
    const n = this.int(6);
    for (let i = 0; i < n; i++) items.push(this.numExpr(2));
    const m = this.int(4);
    for (let i = 0; i < m; i++) {
      const kind = this.int(3);
      if (kind === 0) items.push(`${this.pick(['x', 'y', 'name', 'k'])}${i} = ${this.numExpr(2)}`);
      else if (kind === 1) items.push(`[${this.pick(['1.0', '2.0', '3', '-1', '0', '2^53', '0.5', '"1"', 'true'])}] = ${this.strExpr(2)}`);
      else items.push(`[${this.numExpr(2)}] = ${this.anyExpr(2)}`);
    }
    const lines = [
      `local ${name} = (function() local ok, t = pcall(function() return {${items.join(', ')}} end) if ok then return t end show(${q(label)}, t) return {} end)()`,
      `dump(${q(label)}, ${name})`,
    ];
    const ops = this.int(4);
    for (let i = 0; i < ops; i++) {
      switch (this.int(6)) {
        case 0:
          lines.push(`try(${q(label)}, function() ${name}[${this.numExpr(2)}] = ${this.anyExpr(2)} return ${name}[${this.numExpr(2)}] end)`);
          break;
        case 1:
          lines.push(`try(${q(label)}, function() return rawget(${name}, ${this.numExpr(2)}), rawlen(${name}) >= 0 end)`);
          break;
        case 2:
          lines.push(`try(${q(label)}, function() local k = next({[${this.numExpr(2)}] = true}) return k, math.type(k) end)`);
          break;
        case 3:
          lines.push(`try(${q(label)}, function() local s = 0 for i, v in ipairs(${name}) do s = s + i end return s end)`);
          break;
        case 4:
          lines.push(`try(${q(label)}, function() ${name}[${this.pick(['nil', '0/0', '1', '"k"', '-0.0'])}] = 1 return ${name}[1] end)`);
          break;
        default:
          lines.push(`dump(${q(label)}, ${name})`);
      }
    }
    return lines.join('\n');
  }

  seqOps(label) {
    const name = this.fresh('q');
    this.seqs.push(name);
    const n = this.int(8);
    const items = [];
    for (let i = 0; i < n; i++) items.push(this.chance(0.5) ? this.numLiteral() : this.pick(STRING_LITERALS));
    const lines = [`local ${name} = {${items.join(', ')}}`, `show(${q(label)}, #${name})`];
    const ops = 1 + this.int(4);
    for (let i = 0; i < ops; i++) {
      switch (this.int(6)) {
        case 0:
          lines.push(`${name}[#${name} + 1] = ${this.numLiteral()}`);
          break;
        case 1:
          lines.push(`table.insert(${name}, 1, ${this.pick(STRING_LITERALS)})`);
          break;
        case 2:
          lines.push(`show(${q(label)}, table.remove(${name}), #${name})`);
          break;
        case 3:
          lines.push(`try(${q(label)}, table.concat, ${name}, ${this.pick(['","', '""', '" | "'])})`);
          break;
        case 4:
          lines.push(`show(${q(label)}, table.unpack(${name}))`);
          break;
        default:
          lines.push(`try(${q(label)}, function() local c = {table.unpack(${name})} table.sort(c, function(a, b) return tostring(a) < tostring(b) end) return table.concat(c, ",") end)`);
      }
    }
    return lines.join('\n');
  }

  closureStmt(label) {
    const r = this.random();
    if (r < 0.4) {
      const name = this.fresh('f');
      const op = this.pick(ARITH_OPS);
      const lines = [
        `local ${name}`,
        `do`,
        `  local up = ${this.numLiteral()}`,
        `  ${name} = function(x) up = num(function() return up ${op} x end, 0) return up end`,
        `end`,
        `try(${q(label)}, function() return ${name}(${this.numExpr(2)}) end)`,
        `try(${q(label)}, function() return ${name}(${this.numExpr(2)}) end)`,
      ];
      this.funs.push(name);
      return lines.join('\n');
    }
    if (r < 0.7) {
      const n = 2 + this.int(4);
      return [
        `do`,
        `  local fs = {}`,
        `  for i = 1, ${n} do local j = i * ${this.smallInt()} fs[i] = function(d) j = j + (d or 0) return i, j end end`,
        `  show(${q(label)}, fs[1](), fs[${n}](1), fs[1](2))`,
        `end`,
      ].join('\n');
    }
    const name = this.fresh('c');
    return [
      `local ${name} = (function()`,
      `  local count = ${this.numLiteral()}`,
      `  local function inc(d) count = num(function() return count + d end, 0) return count end`,
      `  local function get() return count end`,
      `  return {inc = inc, get = get}`,
      `end)()`,
      `try(${q(label)}, function() ${name}.inc(${this.numExpr(2)}) ${name}.inc(1) return ${name}.get() end)`,
    ].join('\n');
  }

  metaObject(label) {
    const name = this.fresh('o');
    const mms = [];
    const events = ARITH_EVENTS.filter(() => this.chance(0.35));
    for (const e of events) {
      const op = EVENT_OPS[e];
      const result = this.chance(0.8)
        ? `num(function() return va ${op} vb end, ${q(e)})`
        : `setmetatable({v = num(function() return va ${op} vb end, 0)}, getmetatable(type(a) == "table" and a or b))`;
      mms.push(`${e} = function(a, b) local va = type(a) == "table" and rawget(a, "v") or a local vb = type(b) == "table" and rawget(b, "v") or b return ${result} end`);
    }
    if (this.chance(0.4)) mms.push(`__unm = function(a) return -rawget(a, "v") end`);
    if (this.chance(0.3)) mms.push(`__bnot = function(a) return num(function() return ~rawget(a, "v") end, "bnot") end`);
    if (this.chance(0.5)) mms.push(`__eq = function(a, b) return rawget(a, "v") == rawget(b, "v") end`);
    if (this.chance(0.5)) mms.push(`__lt = function(a, b) local va = type(a) == "table" and rawget(a, "v") or a local vb = type(b) == "table" and rawget(b, "v") or b return va < vb end`);
    if (this.chance(0.4)) mms.push(`__le = function(a, b) local va = type(a) == "table" and rawget(a, "v") or a local vb = type(b) == "table" and rawget(b, "v") or b return va <= vb end`);
    if (this.chance(0.5)) mms.push(`__concat = function(a, b) local sa = type(a) == "table" and "<obj>" or a local sb = type(b) == "table" and "<obj>" or b return sa .. sb end`);
    if (this.chance(0.4)) mms.push(`__call = function(self, ...) return select("#", ...), ... end`);
    if (this.chance(0.4)) mms.push(`__len = function(self) return ${this.numLiteral()} end`);
    if (this.chance(0.5)) {
      mms.push(this.chance(0.5)
        ? `__index = function(t, k) return ${q('idx')} .. tostring(k) end`
        : `__index = {shared = ${this.numLiteral()}, v2 = ${this.strExpr(2)}}`);
    }
    if (this.chance(0.3)) mms.push(`__newindex = function(t, k, v) rawset(t, k, num(function() return v * 2 end, v)) end`);
    if (this.chance(0.2)) mms.push(`__name = "Obj${this.counter}"`);
    if (this.chance(0.2)) mms.push(`__metatable = "locked"`);
    this.objs.push(name);
    return [
      `local ${name} = setmetatable({v = ${this.numLiteral()}}, {`,
      ...mms.map((m) => `  ${m},`),
      `})`,
      `show(${q(label)}, ${name}, getmetatable(${name}) == "locked")`,
    ].join('\n');
  }

  metaOps(label) {
    if (this.objs.length === 0) return this.metaObject(label);
    const o = this.pick(this.objs);
    const other = this.chance(0.4) && this.objs.length > 0 ? this.pick(this.objs) : this.numExpr(2);
    const exprs = [
      () => `${o} ${this.pick([...ARITH_OPS, ...BIT_OPS])} ${other}`,
      () => `${other} ${this.pick([...ARITH_OPS, ...BIT_OPS])} ${o}`,
      () => `-${o}`,
      () => `~${o}`,
      () => `${o} == ${other}`,
      () => `${o} ~= ${this.pick(this.objs)}`,
      () => `${o} < ${other}`,
      () => `${other} <= ${o}`,
      () => `${o} > ${other}`,
      () => `${o} .. ${this.strExpr(2)}`,
      () => `${this.strExpr(2)} .. ${o} .. ${this.numExpr(2)}`,
      () => `${o}(${this.numExpr(2)}, nil)`,
      () => `#${o}`,
      () => `${o}.shared, ${o}.v2, ${o}.missing`,
      () => `${o}[${this.numExpr(2)}]`,
    ];
    if (this.chance(0.2)) {
      return `try(${q(label)}, function() ${o}.${this.pick(['w', 'v', 'shared'])} = ${this.numExpr(2)} return rawget(${o}, "w"), rawget(${o}, "v") end)`;
    }
    return `try(${q(label)}, function() return ${this.pick(exprs)()} end)`;
  }

  errorStmt(label) {
    const value = this.pick([
      () => this.strExpr(1),
      () => this.numExpr(1),
      () => `{tag = ${this.strExpr(2)}}`,
      () => 'nil',
      () => 'true',
      () => (this.objs.length > 0 ? this.pick(this.objs) : '{}'),
    ])();
    const level = this.pick(['', ', 0', ', 1', ', 2', ', 3']);
    switch (this.int(6)) {
      case 0:
        return `try(${q(label)}, function() error(${value}${level}) end)`;
      case 1:
        return `try(${q(label)}, function() local ok, e = pcall(error, ${value}${level}) error(e, 0) end)`;
      case 2:
        return `show(${q(label)}, xpcall(function() error(${value}${level}) end, function(m) return type(m) == "string" and "H:" .. m or type(m) end))`;
      case 3:
        return `show(${q(label)}, xpcall(function() return ${this.numExpr(1)} end, function(m) return "handled: " .. m end))`;
      case 4:
        return [
          `try(${q(label)}, function()`,
          `  local function inner() error(${value}${level}) end`,
          `  local function middle() inner() end`,
          `  middle()`,
          `end)`,
        ].join('\n');
      default:
        return `show(${q(label)}, select("#", pcall(error)), pcall(error, safe(function() return ${value} end)${level}))`;
    }
  }

  coroutineStmt(label) {
    const r = this.random();
    const n = 1 + this.int(4);
    if (r < 0.35) {
      return [
        `do`,
        `  local co = coroutine.create(function(a)`,
        `    local s = a`,
        `    for i = 1, ${n} do s = num(function() return s ${this.pick(ARITH_OPS)} coroutine.yield(s, i) end, s) end`,
        `    return "done", s`,
        `  end)`,
        `  for k = 1, ${n + 2} do show(${q(label)}, coroutine.status(co), coroutine.resume(co, safe(function() return ${this.numExpr(2)} end))) end`,
        `end`,
      ].join('\n');
    }
    if (r < 0.55) {
      return [
        `do`,
        `  local gen = coroutine.wrap(function() for i = ${this.smallInt()}, ${this.smallInt()} do coroutine.yield(i, i * ${this.numLiteral()}) end end)`,
        `  local ok, e = pcall(function() for a, b in gen do show(${q(label)}, a, b) end end)`,
        `  show(${q(label)}, ok, e)`,
        `end`,
      ].join('\n');
    }
    if (r < 0.7) {
      return [
        `do`,
        `  local co = coroutine.create(function()`,
        `    local ok, e = pcall(function() local x = coroutine.yield("in pcall") error(x${this.pick(['', ', 0', ', 2'])}) end)`,
        `    coroutine.yield(ok, e)`,
        `    error(${this.anyExpr(2)})`,
        `  end)`,
        `  show(${q(label)}, coroutine.resume(co))`,
        `  show(${q(label)}, coroutine.resume(co, safe(function() return ${this.anyExpr(2)} end)))`,
        `  show(${q(label)}, coroutine.resume(co))`,
        `  show(${q(label)}, coroutine.resume(co), coroutine.status(co))`,
        `end`,
      ].join('\n');
    }
    if (r < 0.85) {
      const o = this.objs.length > 0 ? this.pick(this.objs) : 'nil';
      return [
        `do`,
        `  local f = coroutine.wrap(function(...)`,
        `    show(${q(label)}, coroutine.isyieldable(), select("#", ...))`,
        `    local t = setmetatable({}, {__index = function(_, k) return coroutine.yield(k) end, __add = function(a, b) return coroutine.yield("add") end})`,
        `    local v = t.key`,
        `    local w = t + 1`,
        `    return v, w, ${o} ~= nil`,
        `  end)`,
        `  show(${q(label)}, f(safe(function() return ${this.numExpr(2)} end), nil))`,
        `  show(${q(label)}, f(safe(function() return ${this.numExpr(2)} end)))`,
        `  show(${q(label)}, f(safe(function() return ${this.strExpr(2)} end)))`,
        `  show(${q(label)}, pcall(f))`,
        `end`,
      ].join('\n');
    }
    return [
      `do`,
      `  local co = coroutine.create(function()`,
      `    local x <close> = setmetatable({}, {__close = function(_, e) show(${q(label)}, "closing", e) end})`,
      `    coroutine.yield(1)`,
      `    error(${this.strExpr(2)})`,
      `  end)`,
      `  show(${q(label)}, coroutine.resume(co))`,
      this.chance(0.5) ? `  show(${q(label)}, coroutine.close(co), coroutine.status(co))` : `  show(${q(label)}, coroutine.resume(co))`,
      `  show(${q(label)}, coroutine.resume(co))`,
      `end`,
    ].join('\n');
  }

  varargStmt(label) {
    const args = [];
    const n = this.int(5);
    for (let i = 0; i < n; i++) args.push(this.chance(0.3) ? 'nil' : this.numLiteral());
    return [
      `do`,
      `  local function va(...) local a, b = ... return select("#", ...), a, b, ... end`,
      `  local p = table.pack(va(${args.join(', ')}))`,
      `  show(${q(label)}, p.n, table.unpack(p, 1, p.n))`,
      `  show(${q(label)}, (va(${args.join(', ')})), select(-1, va(${args.join(', ')})))`,
      `end`,
    ].join('\n');
  }

  gotoStmt(label) {
    const n = 2 + this.int(5);
    return [
      `do`,
      `  local out = {}`,
      `  for i = 1, ${n} do`,
      `    if i % ${2 + this.int(2)} == 0 then goto continue end`,
      `    out[#out + 1] = i`,
      `    ::continue::`,
      `  end`,
      `  show(${q(label)}, table.concat(out, ","))`,
      `end`,
    ].join('\n');
  }

  multiAssign(label) {
    const a = this.numExpr(2);
    const b = this.numExpr(2);
    return [
      `try(${q(label)}, function()`,
      `  local t, i = {}, 1`,
      `  local x, y, z = ${a}, ${b}`,
      `  x, y = y, x`,
      `  i, t[i] = i + 1, ${this.numLiteral()}`,
      `  t[i], t[i + 1] = (function() return ${this.numLiteral()}, ${this.numLiteral()} end)()`,
      `  return x, y, z, i, t[1], t[2], t[3]`,
      `end)`,
    ].join('\n');
  }

  /** Random bytes through %q, string.byte, comparisons and tostring(tonumber(...)). */
  bytesStmt(label) {
    const n = this.int(8);
    const bytes = [];
    for (let i = 0; i < n; i++) bytes.push(this.pick([0, 1, 9, 10, 13, 34, 39, 48, 57, 92, 97, 127, 128, 200, 255, this.int(256)]));
    const lit = `string.char(${bytes.join(', ')})`;
    return `try(${q(label)}, function() local s = ${lit} return string.format("%q", s), #s, s:byte(1, -1) end)\n` +
      `try(${q(label)}, function() local s = ${lit} return s < ${this.strExpr(2)}, s == s .. "", s:rep(2, "|"):len() end)`;
  }

  patternStmt(label) {
    const subject = this.pick(['"hello world 123"', '"a,b,,c"', '"  x = 10; y=-2.5 "', '"key=value"', this.strExpr(2)]);
    const pattern = this.pick(['"%d+"', '"%a+"', '"(%w+)=(%w+)"', '"[,;]"', '"^%s*(.-)%s*$"', '"%s"', '"l+"', '"()"', '"%-?%d+%.?%d*"']);
    const op = this.pick([
      `string.find(${subject}, ${pattern})`,
      `string.match(${subject}, ${pattern})`,
      `string.gsub(${subject}, ${pattern}, ${this.pick(['"<%0>"', '"%1"', '""', '{}', 'string.upper'])})`,
      `(function() local r = {} for m in string.gmatch(${subject}, ${pattern}) do r[#r + 1] = m end return table.concat(r, "|") end)()`,
      `string.find(${subject}, ${this.strExpr(2)}, ${this.smallInt()}, true)`,
    ]);
    return `try(${q(label)}, function() return ${op} end)`;
  }

  recursionStmt(label) {
    const n = this.pick(['10', '100', '1000', '5000']);
    return [
      `try(${q(label)}, function()`,
      `  local function sum(k) if k <= 0 then return 0 end return k + sum(k - 1) end`,
      `  local function loop(k, acc) if k == 0 then return acc end return loop(k - 1, acc + k) end`,
      `  return sum(${n}), loop(${n} * 10, 0.5)`,
      `end)`,
    ].join('\n');
  }

  /** An unprotected last statement, so the uncaught-error path is compared too. */
  uncaught() {
    return this.pick([
      () => `error(${this.strExpr(1)})`,
      () => `error(${this.numExpr(1)})`,
      () => `local z = ${this.numExpr(1)} .. {}`,
      () => `local u = nil; local w = u.field`,
      () => `error(setmetatable({}, {__tostring = function() return "custom" end}))`,
      () => `error(${this.strExpr(1)}, 0)`,
      () => `local n = ${this.numExpr(1)} // 0`,
    ])();
  }

  /** A whole program as a list of top-level statements. */
  program() {
    const n = 8 + this.int(25);
    const stats = [];
    for (let i = 0; i < n; i++) stats.push(this.statement(`s${i + 1}`));
    if (this.chance(0.1)) stats.push(this.uncaught());
    return stats;
  }
}

/** A Lua string literal for a label. */
function q(s) {
  return JSON.stringify(s);
}

export function generate(seed, index) {
  return new Generator(makeRandom(seed, index)).program();
}

export function source(stats) {
  return PRELUDE + stats.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Running and comparing
// ---------------------------------------------------------------------------------------------

function runOne(cmd, args, cwd, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        stdout: Buffer.concat(out).toString('latin1'),
        stderr: Buffer.concat(err).toString('latin1'),
        status: timedOut ? 'timeout' : code,
      });
    });
  });
}

/**
 * What is compared: stdout, stderr's first line without the interpreter's name, exit status.
 * The sign of a NaN that comes out of an operation on NaNs depends on the C compiler's operand
 * order and the FPU (x86 keeps the first operand's sign), so "-nan" and "nan" count as the same
 * unless --nan-sign is given. The line in an integer division or modulo by zero message is not
 * compared: lua5.4 (5.4.4) names the line of the last instruction that saved the pc, a bug
 * fixed in later 5.4 releases that moonlet does not copy (docs/deviations.md).
 */
function outcome(r) {
  const divLine = /:\d+: (attempt to divide by zero|attempt to perform 'n%0')/g;
  let stdout = r.stdout.replace(divLine, ':N: $1');
  let first = r.stderr.split('\n')[0].replace(/^(lua5\.4|moonlet): /, '').replace(divLine, ':N: $1');
  if (!nanSign) {
    stdout = stdout.replace(/-nan/g, 'nan');
    first = first.replace(/-nan/g, 'nan');
  }
  return { stdout, stderr: first, status: r.status };
}

function same(a, b) {
  return a.stdout === b.stdout && a.stderr === b.stderr && a.status === b.status;
}

async function runBoth(src, dir) {
  writeFileSync(join(dir, FILE), src, 'latin1');
  const [ref, ours] = await Promise.all([runOne(REFERENCE, [FILE], dir), runOne(process.execPath, [cli, FILE], dir, moonletEnv)]);
  return { ref: outcome(ref), ours: outcome(ours) };
}

/** Does the program still show a difference (with a reference run that finished)? */
async function differs(stats, dir) {
  const { ref, ours } = await runBoth(source(stats), dir);
  return ref.status !== 'timeout' && !same(ref, ours);
}

/** Deletes statements, then single lines, for as long as the difference persists. */
async function shrink(stats, dir) {
  let cur = stats.slice();
  // Pass 1: chunks of top-level statements, halving the chunk size.
  for (let size = Math.max(1, Math.floor(cur.length / 2)); size >= 1; size = Math.floor(size / 2)) {
    for (let i = 0; i < cur.length; ) {
      const cand = cur.slice(0, i).concat(cur.slice(i + size));
      if (cand.length > 0 && (await differs(cand, dir))) cur = cand;
      else i += size;
    }
  }
  // Pass 2: single lines inside the remaining statements.
  let lines = cur.join('\n').split('\n');
  for (let i = 0; i < lines.length; ) {
    const cand = lines.slice(0, i).concat(lines.slice(i + 1));
    if (cand.length > 0 && (await differs(cand, dir))) lines = cand;
    else i += 1;
  }
  return lines;
}

/** Lines where the two outputs first disagree: the summary of one failure. */
function firstDifference(ref, ours) {
  if (ref.stdout !== ours.stdout) {
    const a = ref.stdout.split('\n');
    const b = ours.stdout.split('\n');
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    return `stdout line ${i + 1}: lua5.4 ${JSON.stringify(a[i] ?? '<eof>')} / moonlet ${JSON.stringify(b[i] ?? '<eof>')}`;
  }
  if (ref.stderr !== ours.stderr) return `stderr: lua5.4 ${JSON.stringify(ref.stderr)} / moonlet ${JSON.stringify(ours.stderr)}`;
  return `exit status: lua5.4 ${ref.status} / moonlet ${ours.status}`;
}

/**
 * Groups failures that probably share a cause: same stream, and the same first differing lines
 * once labels, numbers and line numbers are blurred. Each group lists its smallest program first.
 */
function groupFailures(failures) {
  const byKey = new Map();
  for (const f of failures) {
    const key = f.summary
      .replace(/lua5\.4/g, 'REF')
      .replace(/^stdout line \d+/, 'stdout')
      .replace(/\bs\d+\b/g, 'sN')
      .replace(/-?\d+(\.\d+)?(e[+-]?\d+)?/g, 'N')
      .replace(/REF/g, 'lua5.4');
    if (!byKey.has(key)) byKey.set(key, []);
    byKey.get(key).push(f);
  }
  return [...byKey.entries()]
    .map(([key, members]) => ({ key, members: members.sort((a, b) => a.body.length - b.body.length) }))
    .sort((a, b) => b.members.length - a.members.length);
}

function parseArgs(argv) {
  const opts = { count: 1000, seed: 1, start: 0, jobs: Math.max(1, cpus().length), out: '/tmp/fuzz-failures', shrink: true, print: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--count') opts.count = Number(next());
    else if (a === '--seed') opts.seed = Number(next());
    else if (a === '--start') opts.start = Number(next());
    else if (a === '--jobs') opts.jobs = Number(next());
    else if (a === '--out') opts.out = next();
    else if (a === '--no-shrink') opts.shrink = false;
    else if (a === '--print') opts.print = Number(next());
    else if (a === '--cli') cli = next();
    else if (a === '--nan-sign') nanSign = true;
    else if (a === '--timeout') timeoutMs = Number(next()) * 1000;
    else if (a === '--jit') moonletEnv = { ...process.env, MOONLET_JIT: next() };
    else throw new Error(`unknown option ${a} (see the header of scripts/fuzz-differential.mjs)`);
  }
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.print !== undefined) {
    process.stdout.write(source(generate(opts.seed, opts.print)));
    return;
  }
  const failures = [];
  let done = 0;
  let skipped = 0;
  let next = opts.start;
  const end = opts.start + opts.count;
  const started = Date.now();

  async function worker() {
    const dir = mkdtempSync(join(tmpdir(), 'moonlet-fuzz-'));
    try {
      while (next < end) {
        const k = next++;
        const stats = generate(opts.seed, k);
        const { ref, ours } = await runBoth(source(stats), dir);
        done++;
        if (ref.status === 'timeout') {
          skipped++;
          continue;
        }
        if (same(ref, ours)) continue;
        const summary = firstDifference(ref, ours);
        const where = join(opts.out, `${opts.seed}-${k}`);
        mkdirSync(where, { recursive: true });
        writeFileSync(join(where, FILE), source(stats), 'latin1');
        writeFileSync(join(where, 'lua5.4.out'), `${ref.stdout}\n--- stderr: ${ref.stderr}\n--- status: ${ref.status}\n`, 'latin1');
        writeFileSync(join(where, 'moonlet.out'), `${ours.stdout}\n--- stderr: ${ours.stderr}\n--- status: ${ours.status}\n`, 'latin1');
        let minimal = stats;
        let minSummary = summary;
        if (opts.shrink) {
          minimal = await shrink(stats, dir);
          const again = await runBoth(source(minimal), dir);
          minSummary = firstDifference(again.ref, again.ours);
          writeFileSync(join(where, 'min.lua'), source(minimal), 'latin1');
          writeFileSync(join(where, 'min.txt'), `${minSummary}\n`, 'latin1');
        }
        failures.push({ k, where, summary: minSummary, body: minimal.join('\n') });
        console.log(`program ${k} differs (${where}): ${minSummary}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  await Promise.all(Array.from({ length: opts.jobs }, worker));
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`${done} programs (seed ${opts.seed}, ${opts.start}..${end - 1}) in ${secs}s: ${failures.length} differ, ${skipped} skipped (lua5.4 timed out)`);
  if (failures.length > 0) {
    mkdirSync(opts.out, { recursive: true });
    const groups = groupFailures(failures);
    const lines = groups.map((g) => {
      const best = g.members[0];
      const others = g.members.slice(1).map((f) => f.where).join(' ');
      return `== ${g.members.length} program(s): ${g.key}\n${best.where}: ${best.summary}\n${best.body}\n${others ? `also: ${others}\n` : ''}`;
    });
    writeFileSync(join(opts.out, `summary-${opts.seed}.txt`), lines.join('\n'), 'latin1');
    console.log(`${groups.length} group(s) of differences:`);
    for (const g of groups) console.log(`  ${g.members.length} x ${g.key}`);
    console.log(`summary: ${join(opts.out, `summary-${opts.seed}.txt`)}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
