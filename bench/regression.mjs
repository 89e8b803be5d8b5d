#!/usr/bin/env node
// regression.mjs — CI's quick speed check: a few benchmark programs at --quick sizes on moonlet
// and lua5.4 side by side, failing when moonlet/lua5.4 has grown past its recorded threshold.
//
// Usage: npx tsc -p tsconfig.json && node bench/regression.mjs [--runs N] [--record]
//   --runs N    repetitions (default 1; a program over its limit is measured again with 3 runs
//               before it counts as a failure, so one noisy sample does not fail CI)
//   --record    write this run's ratios to bench/regression-thresholds.json (use --runs 3 on a
//               quiet machine; re-record when moonlet gets faster, so the check keeps its teeth)
//
// Only ratios measured in the same run are compared, never absolute times (issue 8, item 4), so
// the check means the same on a laptop and on a CI runner. It fails (exit 1) when, for a program:
//   - moonlet/lua5.4 > threshold × margin (the margin, 2 by default, is in the thresholds file:
//     generous, because quick runs are short and CI machines are noisy), or
//   - moonlet's output differs from lua5.4's, or moonlet exits with an error.
// Without lua5.4 on PATH it prints why and exits 0 (skipped); without the programs likewise.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchDir, formatMachine, parseArgs, ratio, which } from './lib.mjs';
import { runBench } from './run.mjs';

/** The subset: one program per kind of work (calls, floats and fields, integer arrays,
 * strings, methods, coroutines). */
const SUBSET = ['fib', 'nbody', 'fannkuch', 'strings', 'oop', 'coroutines'];
const THRESHOLDS = join(benchDir, 'regression-thresholds.json');
const DEFAULT_MARGIN = 2;

const USAGE = readFileSync(new URL(import.meta.url), 'utf8')
  .split('\n').filter((l) => l.startsWith('//   --') || l.startsWith('// Usage')).map((l) => l.slice(3)).join('\n') + '\n';
const a = parseArgs(process.argv.slice(2), { runs: 'value', record: 'flag' }, USAGE);
const runs = Number(a.runs ?? 1);
const log = (s) => process.stderr.write(s + '\n');

if (!which('lua5.4')) {
  process.stdout.write('bench regression: skipped (lua5.4 is not on PATH; the check needs it as the reference)\n');
  process.exit(0);
}

const measure = (only, n) => runBench({ quick: true, runs: n, only, impls: ['lua5.4', 'moonlet'], startup: false, log });
const out = measure(SUBSET, runs);
if (out.skipped) {
  process.stdout.write(`bench regression: skipped (${out.skipped})\n`);
  process.exit(0);
}
if (!out.implNames.includes('moonlet')) {
  process.stdout.write('bench regression: FAILED: moonlet is not built (run npx tsc -p tsconfig.json)\n');
  process.exit(1);
}

const file = existsSync(THRESHOLDS) ? JSON.parse(readFileSync(THRESHOLDS, 'utf8')) : { programs: {} };
const margin = file.margin ?? DEFAULT_MARGIN;

if (a.record) {
  const programs = {};
  for (const rec of out.results) {
    const r = ratio(rec, 'moonlet', 'lua5.4');
    if (r !== undefined && rec.impls.moonlet.status === 'ok') programs[rec.name] = +r.toFixed(2);
  }
  const data = {
    note: 'moonlet/lua5.4 whole-process time ratios at --quick sizes, recorded by `node bench/regression.mjs --record`; ' +
      'the check fails when a ratio exceeds its threshold times margin. Re-record when moonlet gets faster.',
    recorded: out.machine.date,
    machine: `${out.machine.cpu}, ${out.machine.cores} cores, node ${out.machine.node}, ${out.machine.lua}, load ${out.machine.loadavg.join(' ')}`,
    runs,
    margin,
    programs,
  };
  writeFileSync(THRESHOLDS, JSON.stringify(data, null, 2) + '\n');
  process.stdout.write(`recorded ${Object.keys(programs).length} thresholds in ${THRESHOLDS}\n`);
  process.exit(0);
}

const failures = [];
const rows = [['program', 'moonlet/lua5.4', 'threshold', `limit (x${margin})`, 'verdict']];
for (let rec of out.results) {
  let r = ratio(rec, 'moonlet', 'lua5.4');
  const threshold = file.programs?.[rec.name];
  const limit = threshold !== undefined ? threshold * margin : undefined;
  if (r !== undefined && limit !== undefined && r > limit && runs < 3) {
    log(`${rec.name}: ${r.toFixed(2)} is over ${limit.toFixed(2)}; measuring again with 3 runs`);
    rec = measure([rec.name], 3).results[0];
    r = ratio(rec, 'moonlet', 'lua5.4');
  }
  const slot = rec.impls.moonlet;
  let verdict = 'ok';
  if (slot.status === 'mismatch') verdict = 'FAIL: output differs from lua5.4\n' + slot.diff;
  else if (slot.status !== 'ok') verdict = `FAIL: ${slot.status}\n${slot.stderr.trim().split('\n').slice(0, 4).join('\n')}`;
  else if (rec.impls['lua5.4'].status !== 'ok') verdict = `skipped (lua5.4: ${rec.impls['lua5.4'].status})`;
  else if (limit === undefined) verdict = 'no threshold recorded';
  else if (r > limit) verdict = 'FAIL: slower than the limit';
  if (verdict.startsWith('FAIL')) failures.push(rec.name);
  rows.push([rec.name, r?.toFixed(2) ?? '-', threshold?.toFixed(2) ?? '-', limit?.toFixed(2) ?? '-', verdict]);
}

const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i]).split('\n')[0].length)));
process.stdout.write(`\n${formatMachine(out.machine)}\nquick mode, ${runs} run(s)\n\n`);
for (const row of rows) {
  const [first, ...rest] = row.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : i === 4 ? String(c) : String(c).padStart(widths[i])));
  process.stdout.write([first, ...rest].join('  ').replace(/\n/g, '\n      ') + '\n');
}
if (failures.length) {
  process.stdout.write(`\nbench regression: FAILED (${failures.join(', ')})\n`);
  process.exit(1);
}
process.stdout.write('\nbench regression: ok\n');
