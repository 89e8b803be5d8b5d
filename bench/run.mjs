#!/usr/bin/env node
// run.mjs — `npm run bench`: the whole-program benchmarks on moonlet, lua5.4, wasmoon and fengari,
// side by side in one run, with outputs checked against lua5.4's and time ratios.
//
// Usage: npx tsc -p tsconfig.json && node bench/run.mjs [options]
//   --runs N          repetitions per program and implementation (default 3; the median is kept)
//   --quick           small sizes and 1 run (CI's regression check; see regression.mjs)
//   --only a,b        only these programs (repeatable; names without .lua)
//   --size name=N     the size argument for one program (repeatable); --size N sets it for all
//   --impl a,b        only these implementations (default: every one that is installed)
//   --timeout S       seconds before one process is killed (default 600)
//   --json FILE       save every sample, the machine and the ratios as JSON
//   --markdown        print the table as Markdown too
//   --bench-dir DIR   the programs (default ../shared/bench, relative to the repository)
//
// The programs are ../shared/bench/*.lua (each takes its size as arg[1] and prints a checksum).
// What is measured and how to read it: bench/README.md; the machinery: bench/lib.mjs. A row
// "(startup)" times an empty program, which is every process's fixed cost; it is not part of
// the geometric means.

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  LEGEND, declaredSize, formatMachine, formatTable, implementations, machineInfo, parseArgs, ratioGeomean,
  root, runSchedule,
} from './lib.mjs';

/**
 * Sizes for --quick: roughly a tenth of each program's default work, about 0.05–0.3 s on lua5.4,
 * still long enough that the run is more than start-up.
 */
export const QUICK_SIZES = {
  fib: 30,
  binary_trees: 13,
  nbody: 100000,
  spectral_norm: 200,
  fannkuch: 9,
  mandelbrot: 400,
  strings: 40000,
  sort: 40000,
  oop: 400000,
  coroutines: 200000,
  queens: 10,
  hash: 40000,
};

/** The pairs whose ratios the table shows, as [numerator, denominator]. */
export const PAIRS = [
  ['moonlet', 'lua5.4'],
  ['wasmoon', 'lua5.4'],
  ['fengari', 'lua5.4'],
  ['moonlet', 'wasmoon'],
];

const USAGE = readFileSync(new URL(import.meta.url), 'utf8')
  .split('\n').filter((l) => l.startsWith('//   ') || l.startsWith('// Usage')).map((l) => l.slice(3)).join('\n') + '\n';

/**
 * Runs the benchmark programs. Options: { runs, quick, only, sizes, impls, timeout, benchDir,
 * log, startup }. Returns { machine, options, results, implNames, geomeans, startup } or
 * { skipped: reason } when there are no programs.
 */
export function runBench(opts) {
  const benchDir = opts.benchDir ?? resolve(root, '../shared/bench');
  if (!existsSync(benchDir)) return { skipped: `no benchmark programs: ${benchDir} does not exist` };
  let names = readdirSync(benchDir).filter((f) => f.endsWith('.lua')).map((f) => basename(f, '.lua')).sort();
  if (opts.only?.length) {
    const unknown = opts.only.filter((n) => !names.includes(n));
    if (unknown.length) return { skipped: `no such program in ${benchDir}: ${unknown.join(', ')}` };
    names = names.filter((n) => opts.only.includes(n));
  }
  if (names.length === 0) return { skipped: `no .lua programs in ${benchDir}` };

  const all = implementations();
  const wanted = opts.impls?.length ? all.filter((i) => opts.impls.includes(i.name)) : all;
  for (const i of wanted) if (i.missing) opts.log?.(`skipping ${i.name}: ${i.missing}`);
  const impls = wanted.filter((i) => !i.missing);
  if (!impls.some((i) => i.name === 'lua5.4')) opts.log?.('no lua5.4: outputs are not checked and ratios to lua5.4 are not available');

  const jobs = names.map((name) => {
    const file = join(benchDir, `${name}.lua`);
    const size = opts.sizes?.[name] ?? opts.sizes?.['*'] ?? (opts.quick ? QUICK_SIZES[name] : undefined);
    return { name, file, args: size !== undefined ? [String(size)] : [], size: size ?? declaredSize(file) ?? 'default' };
  });

  const machine = machineInfo();
  const runs = opts.runs;
  const timeout = opts.timeout ?? 600;
  let startup;
  if (opts.startup !== false) {
    const dir = mkdtempSync(join(tmpdir(), 'moonlet-bench-'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    const empty = join(dir, 'empty.lua');
    writeFileSync(empty, '');
    opts.log?.(`timing start-up (an empty program), ${runs} run(s) each`);
    [startup] = runSchedule([{ name: '(startup)', file: empty, args: [] }], impls, { runs, cwd: benchDir, timeout, log: opts.log });
  }
  opts.log?.(`running ${jobs.length} program(s) on ${impls.map((i) => i.name).join(', ')}, ${runs} run(s) each`);
  const results = runSchedule(jobs, impls, { runs, cwd: benchDir, timeout, log: opts.log });
  for (const rec of results) rec.size = jobs.find((j) => j.name === rec.name).size;
  const implNames = impls.map((i) => i.name);
  const geomeans = {};
  for (const [a, b] of PAIRS) {
    if (implNames.includes(a) && implNames.includes(b)) geomeans[`${a}/${b}`] = ratioGeomean(results, a, b);
  }
  return { machine, options: { runs, quick: !!opts.quick, benchDir, timeout }, implNames, startup, results, geomeans };
}

/** The table and the notes (mismatches, errors) as text; Markdown when `markdown`. */
export function report(out, { markdown = false } = {}) {
  const pairs = PAIRS.filter(([a, b]) => out.implNames.includes(a) && out.implNames.includes(b));
  const table = formatTable(out.results, out.implNames, pairs, {
    markdown,
    extraColumns: [{ title: 'size', value: (rec) => rec.size ?? '' }],
    after: out.startup ? [out.startup] : [],
  });
  const notes = [];
  for (const rec of out.results) {
    for (const [name, slot] of Object.entries(rec.impls)) {
      if (slot.status === 'mismatch') notes.push(`${rec.name} on ${name}: stdout differs from lua5.4's\n${indent(slot.diff)}`);
      if (slot.status === 'error') notes.push(`${rec.name} on ${name}: exited with an error\n${indent(slot.stderr.trim().split('\n').slice(0, 6).join('\n'))}`);
      if (slot.status === 'timeout') notes.push(`${rec.name} on ${name}: killed after ${out.options.timeout} s`);
    }
  }
  return { table, notes };
}

function indent(s) {
  return s.split('\n').map((l) => '    ' + l).join('\n');
}

// ---------------------------------------------------------------- command line

function main() {
  const a = parseArgs(process.argv.slice(2), {
    runs: 'value', quick: 'flag', only: 'list', size: 'list', impl: 'list', timeout: 'value',
    json: 'value', markdown: 'flag', 'bench-dir': 'value',
  }, USAGE);
  const sizes = {};
  for (const s of a.size ?? []) {
    const m = /^(?:([\w-]+)=)?(\S+)$/.exec(s);
    if (!m) {
      process.stderr.write(`bad --size '${s}' (expected name=N or N)\n`);
      process.exit(2);
    }
    sizes[m[1] ?? '*'] = m[2];
  }
  const split = (xs) => xs?.flatMap((x) => x.split(',')).filter(Boolean);
  const runs = Number(a.runs ?? (a.quick ? 1 : 3));
  if (!(runs >= 1)) {
    process.stderr.write('--runs must be at least 1\n');
    process.exit(2);
  }
  const log = (s) => process.stderr.write(s + '\n');
  const out = runBench({
    runs, quick: a.quick, only: split(a.only), sizes, impls: split(a.impl),
    timeout: a.timeout ? Number(a.timeout) : undefined,
    benchDir: a['bench-dir'] ? resolve(a['bench-dir']) : undefined, log,
  });
  if (out.skipped) {
    process.stdout.write(`bench: skipped: ${out.skipped}\n`);
    return;
  }
  const { table, notes } = report(out);
  process.stdout.write(`\n${formatMachine(out.machine)}\n${out.options.quick ? 'quick mode, ' : ''}${runs} run(s) per program and implementation\n\n`);
  process.stdout.write(table + '\n\n' + LEGEND + '\n');
  if (notes.length) process.stdout.write('\nnotes:\n' + notes.map((n) => '  ' + n).join('\n') + '\n');
  if (a.markdown) process.stdout.write('\n' + report(out, { markdown: true }).table + '\n');
  if (a.json) {
    writeFileSync(a.json, JSON.stringify(out, null, 2) + '\n');
    process.stdout.write(`\nsaved ${a.json}\n`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
