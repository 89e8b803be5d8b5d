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
const parsers = {
  moonlet: (f) => parseChunk(f.src, '@' + f.name),
  luaparse: (f) => luaparse.parse(f.src, LUAPARSE_OPTIONS),
};

// Warm up both, so that the optimising compiler has seen all the code.
for (let i = 0; i < 5; i++) {
  for (const f of all) parsers.moonlet(f);
  for (const f of common) parsers.luaparse(f);
}

// Each round parses the whole set once with each parser, one after the other, so that both
// see the same machine state; each pays for its own garbage (a parser's allocations, and so its
// collector time, are part of its cost). Two figures per parser: the median round and the best
// round (other processes can only add time).
const now = () => process.hrtime.bigint();
const times = { moonlet: [], luaparse: [], whole: [] };
const batch = (name, list) => {
  const t = now();
  for (const f of list) parsers[name](f);
  return Number(now() - t) / 1e9;
};
for (let r = 0; r < rounds; r++) {
  times.moonlet.push(batch('moonlet', common));
  times.luaparse.push(batch('luaparse', common));
  times.whole.push(batch('moonlet', all));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const min = (xs) => Math.min(...xs);
const mbs = (bytes, secs) => bytes / 1e6 / secs;
const commonBytes = size(common);
const row = (label, m, l) =>
  console.log(`  ${label.padEnd(14)} ${m.toFixed(1).padStart(7)} MB/s ${l.toFixed(1).padStart(7)} MB/s ${(m / l).toFixed(2).padStart(7)}x`);
console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'unknown cpu'} (${cpus().length} cores), ${rounds} rounds`);
console.log(`head-to-head: ${common.length} of ${all.length} files, ${(commonBytes / 1e6).toFixed(3)} MB`);
console.log(`  ${''.padEnd(14)} ${'moonlet'.padStart(12)} ${'luaparse'.padStart(12)} ${'ratio'.padStart(8)}`);
row('median round', mbs(commonBytes, median(times.moonlet)), mbs(commonBytes, median(times.luaparse)));
row('best round', mbs(commonBytes, min(times.moonlet)), mbs(commonBytes, min(times.luaparse)));
console.log(`moonlet, whole suite (${all.length} files, ${(size(all) / 1e6).toFixed(3)} MB): median ${mbs(size(all), median(times.whole)).toFixed(1)} MB/s, best ${mbs(size(all), min(times.whole)).toFixed(1)} MB/s`);
