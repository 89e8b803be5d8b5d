#!/usr/bin/env node
// micro.mjs — the micro-benchmarks of bench/micro: one hot operation per program (call/return,
// table get/set with constant string and integer keys, integer and float arithmetic,
// concatenation, closure creation, method call, coroutine switch), moonlet beside lua5.4.
//
// Usage: npx tsc -p tsconfig.json && node bench/micro.mjs [options]
//   --runs N        repetitions per program and implementation (default 3; the median is kept)
//   --quick         a tenth of the iterations and 1 run
//   --scale F       multiply every program's iteration count by F
//   --only a,b      only these programs (names without .lua)
//   --impl a,b      implementations (default lua5.4,moonlet; wasmoon and fengari also work)
//   --json FILE     save every sample and the ratios as JSON
//   --markdown      print the table as Markdown too
//
// Same method as run.mjs (lib.mjs): whole processes, interleaved round-robin, medians, stdout
// checked against lua5.4's. A micro-benchmark's whole-process time includes start-up, which for
// a Node-hosted VM is a large fixed cost, so the table also shows the "net" ratio: each time less
// that implementation's median start-up time (an empty program, timed in the same run), divided.
// The net ratio is the one that says how fast the operation itself is.

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import {
  LEGEND, benchDir, declaredSize, formatMachine, formatTable, geomean, implementations,
  machineInfo, parseArgs, runSchedule,
} from './lib.mjs';

const USAGE = readFileSync(new URL(import.meta.url), 'utf8')
  .split('\n').filter((l) => l.startsWith('//   ') || l.startsWith('// Usage')).map((l) => l.slice(3)).join('\n') + '\n';

const a = parseArgs(process.argv.slice(2), {
  runs: 'value', quick: 'flag', scale: 'value', only: 'list', impl: 'list', json: 'value', markdown: 'flag',
}, USAGE);
const split = (xs) => xs?.flatMap((x) => x.split(',')).filter(Boolean);
const runs = Number(a.runs ?? (a.quick ? 1 : 3));
const scale = Number(a.scale ?? (a.quick ? 0.1 : 1));
const log = (s) => process.stderr.write(s + '\n');

const microDir = join(benchDir, 'micro');
let names = readdirSync(microDir).filter((f) => f.endsWith('.lua')).map((f) => basename(f, '.lua')).sort();
const only = split(a.only);
if (only?.length) names = names.filter((n) => only.includes(n));

const wantedImpls = split(a.impl) ?? ['lua5.4', 'moonlet'];
const impls = implementations().filter((i) => wantedImpls.includes(i.name));
for (const i of impls) if (i.missing) log(`skipping ${i.name}: ${i.missing}`);
const ready = impls.filter((i) => !i.missing);
const implNames = ready.map((i) => i.name);

const jobs = names.map((name) => {
  const file = join(microDir, `${name}.lua`);
  const n = Math.max(1, Math.round(Number(declaredSize(file) ?? 1000000) * scale));
  return { name, file, args: [String(n)], size: n };
});

const machine = machineInfo();
const emptyDir = mkdtempSync(join(tmpdir(), 'moonlet-micro-'));
process.on('exit', () => rmSync(emptyDir, { recursive: true, force: true }));
const empty = join(emptyDir, 'empty.lua');
writeFileSync(empty, '');
const [startup] = runSchedule([{ name: '(startup)', file: empty, args: [] }], ready, { runs, cwd: microDir, timeout: 600, log });
const results = runSchedule(jobs, ready, { runs, cwd: microDir, timeout: 600, log });
for (const rec of results) rec.size = jobs.find((j) => j.name === rec.name).size;

/** (a − a's start-up) / (b − b's start-up); undefined when either net time is not positive. */
function netRatio(rec, x, y) {
  const tx = rec.impls[x]?.median;
  const ty = rec.impls[y]?.median;
  const sx = startup.impls[x]?.median;
  const sy = startup.impls[y]?.median;
  if ([tx, ty, sx, sy].some((v) => v === undefined)) return undefined;
  const nx = tx - sx;
  const ny = ty - sy;
  return nx > 0 && ny > 0 ? nx / ny : undefined;
}

const pairs = implNames.filter((n) => n !== 'lua5.4').map((n) => [n, 'lua5.4']).filter(() => implNames.includes('lua5.4'));
const netColumns = pairs.map(([x, y]) => ({
  title: `net ${x}/${y}`,
  after: true,
  value: (rec) => (rec.name === '(startup)' ? '' : netRatio(rec, x, y)?.toFixed(2) ?? '-'),
  summary: (recs) => geomean(recs.map((r) => netRatio(r, x, y)).filter((v) => v !== undefined))?.toFixed(2) ?? '-',
}));
const iterColumn = { title: 'iterations', value: (rec) => rec.size ?? '' };
const tableOpts = { extraColumns: [iterColumn, ...netColumns], after: [startup] };

process.stdout.write(`\n${formatMachine(machine)}\n${runs} run(s) per program and implementation\n\n`);
process.stdout.write(formatTable(results, implNames, pairs, tableOpts) + '\n\n' + LEGEND + '\n' +
  'net: both times less their own start-up (the empty program), then divided\n');
const notes = [];
for (const rec of results) {
  for (const [name, slot] of Object.entries(rec.impls)) {
    if (slot.status === 'mismatch') notes.push(`${rec.name} on ${name}: stdout differs from lua5.4's\n${slot.diff}`);
    if (slot.status === 'error' || slot.status === 'timeout') notes.push(`${rec.name} on ${name}: ${slot.status}\n${slot.stderr.trim().split('\n').slice(0, 6).join('\n')}`);
  }
}
if (notes.length) process.stdout.write('\nnotes:\n' + notes.join('\n') + '\n');
if (a.markdown) process.stdout.write('\n' + formatTable(results, implNames, pairs, { ...tableOpts, markdown: true }) + '\n');
if (a.json) {
  const netGeomeans = Object.fromEntries(pairs.map(([x, y]) =>
    [`net ${x}/${y}`, geomean(results.map((r) => netRatio(r, x, y)).filter((v) => v !== undefined))]));
  writeFileSync(a.json, JSON.stringify({ machine, runs, scale, implNames, startup, results, netGeomeans }, null, 2) + '\n');
  process.stdout.write(`\nsaved ${a.json}\n`);
}
