#!/usr/bin/env node
// parser-fuzz-lua.mjs — differential fuzzing of the parser against lua5.4's `load`.
//
// Usage: npm run build && node scripts/parser-fuzz-lua.mjs [count] [seed]
//
// Makes `count` sources (default 20000) from the official test suite: random line ranges of
// its files, cut and mutated (tokens deleted, doubled, swapped, replaced, stray bytes, every
// line-ending style, several chunk names), runs them all through lua5.4's `load` in one process
// and through the built parser (dist/parser/parser.js), and prints every source on which the
// two disagree (accepted or not, and the exact message). Any JS exception other than
// LuaSyntaxError is a disagreement too. Exit status 1 if there is any. Requires lua5.4.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { luaLoadAll, rng } from './parser-gen-syntax-errors.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { parseChunk } = await import(join(root, 'dist/parser/parser.js'));
const { LuaSyntaxError } = await import(join(root, 'dist/parser/syntax-error.js'));

const count = Number(process.argv[2] ?? 20000);
const random = rng(Number(process.argv[3] ?? 1));
const pick = (xs) => xs[Math.floor(random() * xs.length)];

const suite = join(root, '../shared/lua-5.4-tests');
const files = [suite, join(suite, 'v5.4.8')]
  .filter((d) => existsSync(d))
  .flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.lua')).map((f) => readFileSync(join(d, f)).toString('latin1')));
if (files.length === 0) throw new Error(`no test suite at ${suite}`);

const INSERTS = [
  'end', 'do', 'then', 'local', 'function', '(', ')', '{', '}', '[', ']', '=', ',', ';', '.', ':', '::', '...', '..', '+',
  'x', '1', '"s"', 'return', 'break', 'goto x', 'until', 'else', 'elseif', 'in', '<const>', '<close>', '<foo>', '\n',
  '0x', '3x', '"open', '[==[', '--[[', '@', '$', '\\q', '\x00', '\x01', '\xff', 'nil', 'not', '::l::', 'goto l',
];
const EOLS = ['\n', '\r', '\r\n', '\n\r'];
const NAMES = ['=input', '@file.lua', '=' + 'n'.repeat(70), '@' + 'dir/'.repeat(20) + 'f.lua'];

function fragment() {
  const lines = pick(files).split('\n');
  const start = Math.floor(random() * lines.length);
  const len = 1 + Math.floor(random() * 30);
  return lines.slice(start, start + len).join('\n');
}

function mutate(src) {
  const toks = src.match(/[A-Za-z_]\w*|\d+|\s+|[\s\S]/g) ?? [];
  const n = Math.floor(random() * 4);
  for (let k = 0; k < n && toks.length > 0; k++) {
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
        toks.splice(i, 0, toks[i]);
        break;
      default:
        if (i + 1 < toks.length) [toks[i], toks[i + 1]] = [toks[i + 1], toks[i]];
    }
  }
  return toks.join('');
}

const cases = [];
for (let i = 0; i < count; i++) {
  let src = mutate(fragment());
  if (random() < 0.3) src = src.replace(/\n/g, pick(EOLS));
  if (src.charCodeAt(0) === 0x1b) continue; // a binary chunk to load
  cases.push({ src, chunkName: random() < 0.8 ? '=input' : pick(NAMES) });
}

const results = luaLoadAll(cases);
let bad = 0;
for (let i = 0; i < cases.length; i++) {
  const c = cases[i];
  let got;
  try {
    parseChunk(c.src, c.chunkName);
    got = { ok: true };
  } catch (e) {
    got = e instanceof LuaSyntaxError ? { ok: false, message: e.message } : { ok: false, message: `JS ${e.stack}` };
  }
  const want = results[i];
  if (got.ok !== want.ok || got.message !== want.message) {
    bad++;
    if (bad <= 20) {
      console.log(JSON.stringify(c.src.length > 500 ? c.src.slice(0, 500) + '...' : c.src), JSON.stringify(c.chunkName));
      console.log('  lua5.4:  ', want.ok ? 'ok' : want.message);
      console.log('  moonlet: ', got.ok ? 'ok' : got.message);
    }
  }
}
const rejected = results.filter((r) => !r.ok).length;
console.log(`${cases.length} sources (${rejected} rejected by lua5.4): ${bad} disagreements`);
process.exit(bad > 0 ? 1 : 0);
