#!/usr/bin/env node
// parser-gen-syntax-errors.mjs — regenerates test/parser/syntax-errors.json from lua5.4.
//
// Usage: node scripts/parser-gen-syntax-errors.mjs [path/to/lua5.4]
//
// Builds the corpus (the hand-written cases of parser-syntax-cases.mjs under several chunk
// names and every line-ending style, plus mutations of valid programs made with a seeded random
// generator), runs every source through lua5.4's `load(source, chunkname)` in one process, and
// writes what it answered: `ok: true`, or `ok: false` and the message. Sources, chunk names and
// messages are byte strings (one JS char per byte). The `load` calls run in the main chunk of a
// script, which is the context `parseChunk`'s default nesting limit reproduces; the traceback
// lua.c's message handler appends to "C stack overflow" is removed.
// The JSON is committed, so the tests need no lua5.4.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as cases from './parser-syntax-cases.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outFile = join(root, 'test/parser/syntax-errors.json');

// ============================================================================================
// Running lua5.4
// ============================================================================================

const DRIVER = `
local inp = assert(io.open(arg[1], 'rb'))
local out = assert(io.open(arg[2], 'wb'))
while true do
  local n = inp:read('l')
  if not n then break end
  local src = inp:read(tonumber(n)) or ''
  inp:read(1)
  local m = tonumber(inp:read('l'))
  local name = inp:read(m) or ''
  inp:read(1)
  local f, err = load(src, name)
  if f then
    out:write('OK\\n0\\n\\n')
  else
    err = err:gsub('\\nstack traceback:.*$', '')
    out:write('ERR\\n', #err, '\\n', err, '\\n')
  end
end
out:close()
`;

/** Runs `load(src, chunkName)` in lua5.4 for every case; returns [{ ok, message }]. */
export function luaLoadAll(list, lua = 'lua5.4') {
  const dir = mkdtempSync(join(tmpdir(), 'moonlet-syntax-'));
  try {
    const parts = [];
    for (const { src, chunkName } of list) {
      parts.push(`${src.length}\n`, src, '\n', `${chunkName.length}\n`, chunkName, '\n');
    }
    writeFileSync(join(dir, 'in.bin'), Buffer.from(parts.join(''), 'latin1'));
    writeFileSync(join(dir, 'driver.lua'), DRIVER);
    execFileSync(lua, [join(dir, 'driver.lua'), join(dir, 'in.bin'), join(dir, 'out.bin')]);
    const out = readFileSync(join(dir, 'out.bin')).toString('latin1');
    const results = [];
    let p = 0;
    while (p < out.length) {
      const nl1 = out.indexOf('\n', p);
      const status = out.slice(p, nl1);
      const nl2 = out.indexOf('\n', nl1 + 1);
      const len = Number(out.slice(nl1 + 1, nl2));
      const message = out.slice(nl2 + 1, nl2 + 1 + len);
      p = nl2 + 1 + len + 1;
      results.push(status === 'OK' ? { ok: true } : { ok: false, message });
    }
    if (results.length !== list.length) throw new Error(`lua5.4 answered ${results.length} of ${list.length}`);
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ============================================================================================
// Generated cases: mutations of valid programs
// ============================================================================================

/** A small seeded PRNG (mulberry32), so that the corpus is the same on every run. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VALID = [
  'local x = 1\nlocal y = x + 2\nprint(x, y)',
  'function f(a, b)\n  return a + b\nend\nprint(f(1, 2))',
  'local t = {1, 2, 3, a = 4, [5] = 6}\nfor i, v in ipairs(t) do\n  print(i, v)\nend',
  'for i = 1, 10, 2 do\n  if i % 3 == 0 then\n    break\n  end\nend',
  'local s = "abc" .. \'def\' .. [[ghi]]\nreturn #s',
  'while x do\n  x = x - 1\n  if x < 5 then goto done end\nend\n::done::',
  'repeat\n  local y = f()\nuntil y > 10',
  'local function g(...)\n  local a, b = ...\n  return select("#", ...)\nend',
  'local obj = {}\nfunction obj:method(v)\n  self.v = v\nend\nobj:method(1)',
  'local a <const> = 10\nlocal b <close> = nil\nprint(a)',
  'x = a and b or c\ny = not x == false\nz = -2 ^ 2',
  'local t = setmetatable({}, {__index = function(t, k) return k end})\nprint(t.x)',
  'if a then\n  b()\nelseif c then\n  d()\nelse\n  e()\nend',
  'local n = 0x1F + 1e3 + 0.5 + 3 // 2 + 7 % 3 + (1 << 4) | 2 & 3 ~ 1',
  'do\n  local x <const> = 1\n  print(x)\nend',
  'f"str" f{1} f(1)(2)("3")\na.b.c:d(e)[f] = g',
  'local co = coroutine.wrap(function()\n  coroutine.yield(1)\nend)\nprint(co())',
  'return function(...) return ... end',
  'local s = 0\nfor k, v in pairs({a = 1, b = 2}) do s = s + v end\nreturn s',
  'goto l\ndo end\n::l::\nreturn',
];

/** Splits a Lua source into rough tokens (enough for mutating). */
function roughTokens(src) {
  return src.match(/\[\[[\s\S]*?\]\]|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|0x[0-9A-Fa-f]+|\d+(?:\.\d+)?(?:e\d+)?|[A-Za-z_]\w*|\.\.\.|\.\.|::|<<|>>|\/\/|==|~=|<=|>=|\s+|./g) ?? [];
}

const INSERTS = [
  'end', 'do', 'then', 'local', 'function', '(', ')', '{', '}', '[', ']', '=', ',', ';', '.', ':', '::',
  '...', '..', '+', 'x', '1', '"s"', 'return', 'break', 'goto', 'until', 'else', 'elseif', 'in', '<const>',
  '<close>', '<foo>', '\n', '0x', '3x', '"unfinished', '[==[', '--[[', '@', '$', '\\q', 'nil', 'not',
];

function mutate(src, random) {
  const toks = roughTokens(src);
  const pick = (arr) => arr[Math.floor(random() * arr.length)];
  const n = 1 + Math.floor(random() * 3);
  for (let k = 0; k < n; k++) {
    const i = Math.floor(random() * toks.length);
    switch (Math.floor(random() * 5)) {
      case 0:
        toks.splice(i, 1);
        break;
      case 1:
        toks.splice(i, 0, ' ', pick(INSERTS), ' ');
        break;
      case 2:
        toks[i] = pick(INSERTS);
        break;
      case 3:
        toks.length = i;
        break;
      default:
        if (i + 1 < toks.length) [toks[i], toks[i + 1]] = [toks[i + 1], toks[i]];
    }
  }
  return toks.join('');
}

const EOLS = ['\n', '\r', '\r\n', '\n\r'];

function withEol(src, eol) {
  return src.replace(/\n/g, eol);
}

// ============================================================================================
// The corpus
// ============================================================================================

export function buildCorpus() {
  const list = [];
  const seen = new Set();
  const add = (src, chunkName, tag) => {
    if (src.charCodeAt(0) === 0x1b) return; // a binary chunk for load: not the parser's
    const key = `${chunkName}\u0001${src}`;
    if (seen.has(key)) return;
    seen.add(key);
    list.push({ tag, src, chunkName });
  };
  const groups = { lexer: cases.lexer, grammar: cases.grammar, semantic: cases.semantic, limits: cases.limits };
  let k = 0;
  for (const [tag, group] of Object.entries(groups)) {
    for (const src of group) {
      add(src, '=input', tag);
      // Every case once more under another chunk name, a quarter of them under their own text
      // (load's default name).
      const other = cases.chunkNames[k++ % cases.chunkNames.length];
      add(src, other, `${tag}/name`);
      if (k % 4 === 0 && src.length < 200) add(src, src, `${tag}/self`);
      if (src.includes('\n')) {
        for (const eol of EOLS.slice(1)) add(withEol(src, eol), '=input', `${tag}/eol`);
      }
    }
  }
  // Every chunk-name form with a few errors on lines 1 and 3.
  for (const name of cases.chunkNames) {
    add('x = = 1', name, 'chunkname');
    add('\n\nlocal x <const> = 1; x = 2', name, 'chunkname');
    add('x = "abc', name, 'chunkname');
  }
  // Mutations of valid programs, each with a random line-ending style.
  const random = rng(20240501);
  for (let i = 0; i < 700; i++) {
    const base = VALID[i % VALID.length];
    const eol = EOLS[Math.floor(random() * EOLS.length)];
    add(withEol(mutate(base, random), eol), random() < 0.8 ? '=input' : '@gen.lua', 'mutation');
  }
  return list;
}

function main() {
  const lua = process.argv[2] ?? 'lua5.4';
  const list = buildCorpus();
  const results = luaLoadAll(list, lua);
  const out = list.map((c, i) => ({ ...c, ...results[i] }));
  writeFileSync(outFile, JSON.stringify(out, null, 1) + '\n');
  const errors = out.filter((c) => !c.ok).length;
  console.log(`${out.length} cases (${errors} rejected by lua5.4) written to ${outFile}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
