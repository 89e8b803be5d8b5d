#!/usr/bin/env node
// library-differential.mjs — every library function against the reference interpreter, on
// lists of odd arguments.
//
//   npm run build && node scripts/library-differential.mjs [--set NAME] [--print N] [--cli PATH]
//
// Calls each function of _G, string, table, math, utf8, os, io, coroutine and debug (those
// that neither block, print, exit, touch files nor change the running program: see SKIP)
// through pcall with every list of up to three arguments drawn from one set of values (--set:
// `mixed`, `strings` or `numbers`; default all three), under lua5.4 and under moonlet, and
// compares what each call returns or the error it raises, line by line. Table arguments are
// fresh for each call, and addresses are masked. Prints the number of differing calls and
// the first N of them (default 20); exit status 1 when any differ. Found: assert's message
// position, argument check order in load/debug.*, coroutine.isyieldable(nil), load's mode.
// Known, accepted difference: which of math.atan / math.atan2 (one function) a message names
// depends on lua5.4's per-run string hash seed.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const cli = resolve(option('--cli', 'dist/cli.js'));
const shown = Number(option('--print', '20'));

/** Values the arguments are drawn from (Lua expressions; TABLE is a fresh table per call). */
const SETS = {
  mixed: ['nil', '2', '-1', '1.5', '"x"', '"3"', 'TABLE', 'true'],
  strings: ['nil', '0', '3', '-2', '2.5', '""', '"abc"', '"%a+"', '"%d"', 'TABLE', '"1e2"'],
  numbers: ['nil', '1', '2^31', '2^63', 'math.maxinteger', '-0.0', '1/0', '"0x7fffffffffffffff"', '" 10 "', '"10a"', '"\\0"', 'TABLE'],
};

/** Functions not called: they block, print, exit, touch files, or change the caller. */
const SKIP = [
  '_G.print', '_G.dofile', '_G.loadfile', '_G.require', '_G.collectgarbage', '_G.warn',
  'os.exit', 'os.execute', 'os.remove', 'os.rename', 'os.tmpname', 'os.getenv', 'os.time', 'os.clock',
  'os.date', 'os.setlocale', 'io.read', 'io.lines', 'io.write', 'io.output', 'io.input', 'io.close',
  'io.popen', 'io.open', 'io.tmpfile', 'math.random', 'math.randomseed', 'string.rep', 'coroutine.running',
  'debug.debug', 'debug.sethook', 'debug.setlocal', 'debug.setupvalue', 'debug.setmetatable',
  'debug.getregistry', 'debug.traceback', 'debug.getinfo', 'debug.getlocal', 'debug.setuservalue',
  'debug.getuservalue', 'debug.setcstacklimit',
];

function driver(values) {
  return String.raw`
local gsub, format, tostring, type, write, concat, pack, unpack, min, sort, pairs, ipairs =
  string.gsub, string.format, tostring, type, io.write, table.concat, table.pack, table.unpack,
  math.min, table.sort, pairs, ipairs
local TABLE = {}
local vals = {n = ${values.length}, ${values.join(', ')}}
local skip = {}
for _, name in ipairs{${SKIP.map((s) => `"${s}"`).join(', ')}} do skip[name] = true end
local names = {}
for _, lib in ipairs{"_G", "string", "table", "math", "utf8", "os", "io", "coroutine", "debug"} do
  local keys = {}
  for k, v in pairs(lib == "_G" and _G or _G[lib]) do
    if type(v) == "function" and not skip[lib .. "." .. k] then keys[#keys + 1] = k end
  end
  sort(keys)
  for _, k in ipairs(keys) do names[#names + 1] = {lib .. "." .. k, (lib == "_G" and _G or _G[lib])[k]} end
end
local function show(v)
  local s = type(v) == "string" and format("%q", v) or tostring(v)
  s = gsub(s, "0x%x+", "ADDR")
  return (gsub(s, ": %x%x%x%x+", ": ADDR"))
end
local N = vals.n
local lists = {{n = 0}}
for i = 1, N do lists[#lists + 1] = {n = 1, i} end
for i = 1, N do for j = 1, N do lists[#lists + 1] = {n = 2, i, j} end end
for i = 1, N do for j = 1, N do for k = 1, N do lists[#lists + 1] = {n = 3, i, j, k} end end end
for _, entry in ipairs(names) do
  for i, list in ipairs(lists) do
    local args = {}
    for j = 1, list.n do
      local v = vals[list[j]]
      if v == TABLE then v = {5, 4, "z"} end
      args[j] = v
    end
    local r = pack(pcall(entry[2], unpack(args, 1, list.n)))
    local parts = {}
    for j = 1, min(r.n, 6) do parts[#parts + 1] = show(r[j]) end
    write(entry[1], " #", i, ": ", concat(parts, ", "), "\n")
  end
end
`;
}

const dir = mkdtempSync(join(tmpdir(), 'moonlet-libdiff-'));
let differing = 0;
try {
  const sets = argv.includes('--set') ? [option('--set')] : Object.keys(SETS);
  for (const set of sets) {
    const file = join(dir, `${set}.lua`);
    writeFileSync(file, driver(SETS[set]));
    const run = (cmd, args) => spawnSync(cmd, args, { cwd: dir, encoding: 'latin1', maxBuffer: 1 << 30 }).stdout.split('\n');
    const want = run('lua5.4', [file]);
    const got = run('node', [cli, file]);
    const diffs = [];
    for (let i = 0; i < Math.max(want.length, got.length); i++) {
      if (want[i] !== got[i] && !/^math\.atan2? /.test(want[i] ?? got[i])) diffs.push(i);
    }
    differing += diffs.length;
    console.log(`${set}: ${want.length - 1} calls, ${diffs.length} differ`);
    for (const i of diffs.slice(0, shown)) console.log(`  lua5.4:  ${want[i]}\n  moonlet: ${got[i]}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(differing > 0 ? 1 : 0);
