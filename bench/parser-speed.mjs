#!/usr/bin/env node
// parser-speed.mjs — moonlet's parser against luaparse, side by side, on the official suite.
//
// Usage: npm run build && node bench/parser-speed.mjs [rounds] [tests-dir]
//
// Imports the built parser (dist/parser/parser.js). Parses every .lua file of the official
// suite (../shared/lua-5.4-tests and its v5.4.8 folder, about 1 MB) `rounds` times after a
// warm-up and prints MB/s for both parsers, alternating them round by round so that both see
// the same machine state. luaparse (a Lua 5.3 parser) cannot read Lua 5.4's `<const>` and
// `<close>` attributes, so it gets each file with those blanked out (same length); files it
// still rejects are left out of the head-to-head figures, which use exactly the same bytes for
// both parsers. moonlet's figure on the whole suite is printed too. Record results in
// bench/parser-results.md.

import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import luaparse from 'luaparse';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { parseChunk } = await import(join(root, 'dist/parser/parser.js'));

const rounds = Number(process.argv[2] ?? 20);
const testsDir = process.argv[3] ?? join(root, '../shared/lua-5.4-tests');
if (!existsSync(testsDir)) {
  console.error(`no test suite at ${testsDir}`);
  process.exit(1);
}

const files = [];
for (const dir of [testsDir, join(testsDir, 'v5.4.8')]) {
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir).sort()) if (f.endsWith('.lua')) files.push(join(dir, f));
}

const LUAPARSE_OPTIONS = {
  luaVersion: '5.3',
  encodingMode: 'pseudo-latin1',
  comments: false,
  locations: false,
  ranges: false,
  scope: false,
};

/** Source bytes as a byte string, the first line blanked if it is a '#' line (as loadfile). */
function load(file) {
  const s = readFileSync(file).toString('latin1');
  return s.startsWith('#') ? s.replace(/^#[^\n]*/, (m) => ' '.repeat(m.length)) : s;
}

const all = files.map((f) => ({ name: f, src: load(f) }));
const common = [];
for (const f of all) {
  const blanked = f.src.replace(/<\s*(const|close)\s*>/g, (m) => ' '.repeat(m.length));
  try {
    luaparse.parse(blanked, LUAPARSE_OPTIONS);
    common.push({ name: f.name, src: blanked });
  } catch {
    // luaparse rejects it (e.g. a 6-byte \u{...} escape): not in the head-to-head set.
  }
}

const size = (list) => list.reduce((n, f) => n + f.src.length, 0);
const runMoonlet = (list) => {
  for (const f of list) parseChunk(f.src, '@' + f.name);
};
const runLuaparse = (list) => {
  for (const f of list) luaparse.parse(f.src, LUAPARSE_OPTIONS);
};

function time(fn, list) {
  const t = process.hrtime.bigint();
  fn(list);
  return Number(process.hrtime.bigint() - t) / 1e9;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

// Warm up both, so that the optimising compiler has seen all the code.
for (let i = 0; i < 5; i++) {
  runMoonlet(all);
  runLuaparse(common);
}

const tm = [];
const tl = [];
const tAll = [];
for (let i = 0; i < rounds; i++) {
  tm.push(time(runMoonlet, common));
  tl.push(time(runLuaparse, common));
  tAll.push(time(runMoonlet, all));
}

const mb = (bytes, secs) => bytes / 1e6 / secs;
const commonMB = size(common);
const moon = mb(commonMB, median(tm));
const lp = mb(commonMB, median(tl));
console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'unknown cpu'}, ${rounds} rounds (median)`);
console.log(`head-to-head: ${common.length} of ${all.length} files, ${(commonMB / 1e6).toFixed(3)} MB`);
console.log(`  moonlet   ${moon.toFixed(1).padStart(7)} MB/s`);
console.log(`  luaparse  ${lp.toFixed(1).padStart(7)} MB/s`);
console.log(`  ratio     ${(moon / lp).toFixed(2).padStart(7)}x`);
console.log(`moonlet, whole suite (${all.length} files, ${(size(all) / 1e6).toFixed(3)} MB): ${mb(size(all), median(tAll)).toFixed(1)} MB/s`);
