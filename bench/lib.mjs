// lib.mjs — the measuring machinery shared by run.mjs, micro.mjs and regression.mjs.
//
// Owns: finding the implementations (moonlet's command, dist/moonlet.cjs, lua5.4 on PATH, the wasmoon and
// fengari runners), timing one whole process, the round-robin schedule, checking outputs against
// lua5.4's, medians, geometric means, the machine description and the text table.
//
// Invariants the numbers depend on:
// - moonlet runs from a snapshot of dist/ taken when the harness starts (see moonletCli), so a
//   rebuild by someone else during a long run cannot break or mix the measurement.
// - A time is the wall time of one whole process, from spawn to exit (hrtime around spawnSync):
//   start-up, compilation, the run and exit, which is what a user of `lua file.lua` waits for.
// - Implementations are interleaved per program: in repetition r every implementation runs the
//   program once, starting from a different one each repetition, so a burst of load from
//   elsewhere on the machine falls on all of them alike. The figure kept is the median.
// - Ratios compare implementations measured in the same run; absolute seconds from different runs
//   or machines are never compared.
// - The reference output is lua5.4's stdout from the same run; every implementation's stdout of
//   every repetition must equal it byte for byte.
// Cf. nothing in PUC Lua: this is the harness GUIDE.md §8 asks for.

import { spawnSync, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchDir = dirname(fileURLToPath(import.meta.url));
export const root = join(benchDir, '..');
const require = createRequire(import.meta.url);

// ---------------------------------------------------------------- implementations

/** Looks `name` up on PATH as a shell would; returns the full path or undefined. */
export function which(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, name);
    try {
      if (statSync(p).isFile()) return p;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

function hasPackage(name) {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
}

/**
 * A private copy of dist/ for this process's runs. Other people rebuild dist/ while a long run is
 * going (tsc rewrites files one by one), and a half-written build fails or measures a mixture;
 * every moonlet run of one invocation uses the same snapshot instead. The copy gets a
 * package.json with "type": "module" (dist/ is ESM and takes that from the repository's) and is
 * removed at exit. The copy is retried until a smoke test runs, in case it caught a build midway.
 */
let snapshot;
export function moonletCli() {
  if (snapshot !== undefined) return snapshot;
  const dist = join(root, 'dist');
  if (!existsSync(join(dist, 'cli.js'))) return (snapshot = null);
  // The `moonlet` command as the package's bin runs it, when npm run build made it last (its
  // dist/cli.js then just loads dist/moonlet.cjs). After a plain tsc, dist/cli.js is the
  // command unbundled, and a bundle left from an earlier build would be stale.
  const bundled = readFileSync(join(dist, 'cli.js'), 'utf8').includes('./moonlet.cjs');
  const entry = bundled && existsSync(join(dist, 'moonlet.cjs')) ? 'moonlet.cjs' : 'cli.js';
  const dir = mkdtempSync(join(tmpdir(), 'moonlet-bench-dist-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  const smoke = join(dir, 'smoke.lua');
  writeFileSync(smoke, 'print(1 + 1, #arg)\n');
  for (let attempt = 1; ; attempt++) {
    rmSync(join(dir, 'dist'), { recursive: true, force: true });
    cpSync(dist, join(dir, 'dist'), { recursive: true });
    const cli = join(dir, 'dist', entry);
    const r = spawnSync(process.execPath, [cli, smoke], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout === '2\t0\n') return (snapshot = cli);
    if (attempt === 5) {
      process.stderr.write(`moonlet's dist/ does not run (after ${attempt} copies):\n${r.stderr}\n`);
      return (snapshot = null);
    }
    spawnSync('sleep', ['3']); // a build is probably being written: wait and copy again
  }
}

/**
 * The implementations we know how to run, in table order. Each has a `name`, the `cmd` and
 * leading `args` of the process to spawn (the script path and its size follow), and, when it
 * cannot run here, `missing` saying why.
 */
export function implementations() {
  const node = process.execPath;
  const cli = moonletCli();
  const lua = which('lua5.4');
  return [
    {
      name: 'lua5.4',
      cmd: lua ?? 'lua5.4',
      args: [],
      missing: lua ? undefined : 'lua5.4 is not on PATH',
    },
    {
      name: 'moonlet',
      cmd: node,
      args: [cli],
      missing: cli ? undefined : 'dist/cli.js is missing or does not run (run npx tsc -p tsconfig.json)',
    },
    {
      name: 'wasmoon',
      cmd: node,
      args: [join(benchDir, 'runners/wasmoon.mjs')],
      missing: hasPackage('wasmoon') ? undefined : 'the wasmoon package is not installed',
    },
    {
      name: 'fengari',
      cmd: node,
      args: [join(benchDir, 'runners/fengari.mjs')],
      missing: hasPackage('fengari') ? undefined : 'the fengari package is not installed',
    },
  ];
}

// ---------------------------------------------------------------- one timed process

/**
 * Runs `impl` on `file` (with `extra` arguments) in directory `cwd` once and times it.
 * Returns { seconds, status: 'ok' | 'error' | 'timeout', stdout, stderr, code }.
 */
export function timeOnce(impl, file, extra, cwd, timeoutSeconds) {
  const start = process.hrtime.bigint();
  const r = spawnSync(impl.cmd, [...impl.args, file, ...extra], {
    cwd,
    encoding: 'buffer',
    maxBuffer: 1 << 28,
    timeout: timeoutSeconds * 1000,
    killSignal: 'SIGKILL',
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  let status = 'ok';
  if (r.error && r.error.code === 'ETIMEDOUT') status = 'timeout';
  else if (r.error || r.status !== 0) status = 'error';
  return {
    seconds,
    status,
    code: r.status,
    stdout: r.stdout ?? Buffer.alloc(0),
    stderr: (r.stderr ?? Buffer.alloc(0)).toString('latin1') + (r.error && status !== 'timeout' ? String(r.error) : ''),
  };
}

// ---------------------------------------------------------------- statistics

export function median(xs) {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function geomean(xs) {
  const ok = xs.filter((x) => Number.isFinite(x) && x > 0);
  if (ok.length === 0) return undefined;
  return Math.exp(ok.reduce((a, x) => a + Math.log(x), 0) / ok.length);
}

// ---------------------------------------------------------------- the schedule

/**
 * Runs each job ({ name, file, args }) on each available implementation `runs` times,
 * round-robin per job, and checks outputs against lua5.4's. `log` receives progress lines.
 * Returns one record per job:
 *   { name, args, impls: { [impl]: { times, median, status, stderr, diff } } }
 * where status is 'ok', 'mismatch' (ran, stdout differs from lua5.4's), 'error', 'timeout' or
 * 'unchecked' (ran, no lua5.4 to compare with).
 */
export function runSchedule(jobs, impls, { runs, cwd, timeout, log }) {
  const results = [];
  for (const job of jobs) {
    const rec = { name: job.name, args: job.args, impls: {} };
    for (const impl of impls) rec.impls[impl.name] = { times: [], outputs: [], status: 'ok', stderr: '' };
    for (let r = 0; r < runs; r++) {
      for (let k = 0; k < impls.length; k++) {
        const impl = impls[(k + r) % impls.length];
        const slot = rec.impls[impl.name];
        if (slot.status === 'error' || slot.status === 'timeout') continue; // don't retry a failure
        const t = timeOnce(impl, job.file, job.args, cwd, timeout);
        if (t.status !== 'ok') {
          slot.status = t.status;
          slot.stderr = t.stderr.slice(0, 2000);
          slot.times = [];
          log?.(`  ${job.name} ${impl.name}: ${t.status}${t.status === 'error' ? ` (exit ${t.code})` : ''}`);
          continue;
        }
        slot.times.push(t.seconds);
        slot.outputs.push(t.stdout);
      }
    }
    const ref = rec.impls['lua5.4']?.status === 'ok' ? rec.impls['lua5.4'].outputs[0] : undefined;
    for (const impl of impls) {
      const slot = rec.impls[impl.name];
      slot.median = median(slot.times);
      if (slot.status === 'ok') {
        if (ref === undefined) slot.status = 'unchecked';
        const bad = ref && slot.outputs.find((o) => !o.equals(ref));
        if (bad) {
          slot.status = 'mismatch';
          slot.diff = lineDiff(ref.toString('latin1'), bad.toString('latin1'));
        }
      }
      slot.stdout = slot.outputs[0]?.toString('latin1');
      delete slot.outputs;
    }
    log?.(`  ${job.name}: ` + impls.map((i) => `${i.name} ${fmtTime(rec.impls[i.name])}`).join(', '));
    results.push(rec);
  }
  return results;
}

/** A short description of how `got` differs from `want`: the differing lines, at most 10. */
export function lineDiff(want, got) {
  const a = want.split('\n');
  const b = got.split('\n');
  const out = [];
  for (let i = 0; i < Math.max(a.length, b.length) && out.length < 20; i++) {
    if (a[i] === b[i]) continue;
    out.push(`line ${i + 1}:`);
    out.push(`  - lua5.4: ${a[i] === undefined ? '(none)' : JSON.stringify(a[i])}`);
    out.push(`  + got:    ${b[i] === undefined ? '(none)' : JSON.stringify(b[i])}`);
  }
  return out.join('\n');
}

// ---------------------------------------------------------------- ratios and the table

/** ratio of medians a/b for one record, or undefined when either did not run successfully. */
export function ratio(rec, a, b) {
  const x = rec.impls[a];
  const y = rec.impls[b];
  if (!x || !y || x.median === undefined || y.median === undefined) return undefined;
  return x.median / y.median;
}

/** Geometric mean of ratio a/b over every record where both ran. */
export function ratioGeomean(results, a, b) {
  return geomean(results.map((rec) => ratio(rec, a, b)).filter((x) => x !== undefined));
}

const MARK = { ok: '', unchecked: '?', mismatch: '*', error: 'E', timeout: 'T' };

function fmtTime(slot) {
  if (!slot) return '-';
  if (slot.status === 'error' || slot.status === 'timeout') return MARK[slot.status];
  return slot.median.toFixed(3) + MARK[slot.status];
}

function fmtRatio(rec, a, b) {
  const r = ratio(rec, a, b);
  if (r === undefined) return '-';
  const m = (rec.impls[a].status === 'mismatch' || rec.impls[b].status === 'mismatch') ? '*' : '';
  return r.toFixed(2) + m;
}

/**
 * Formats records as a table: a column of median seconds per implementation, then one column per
 * ratio pair, then a geometric-mean row. `pairs` is a list of [a, b] implementation names;
 * `extraColumns` are { title, value(rec), summary?(results), after? } (before the times, or after
 * the ratios when `after`); `after` are records shown below the geometric mean, not part of it.
 */
export function formatTable(results, implNames, pairs, { markdown = false, extraColumns = [], after = [] } = {}) {
  const cols = [
    ...extraColumns.filter((c) => !c.after),
    ...implNames.map((n) => ({ title: `${n} s`, value: (rec) => fmtTime(rec.impls[n]) })),
    ...pairs.map(([a, b]) => ({
      title: `${a}/${b}`,
      value: (rec) => fmtRatio(rec, a, b),
      summary: (recs) => ratioGeomean(recs, a, b)?.toFixed(2) ?? '-',
    })),
    ...extraColumns.filter((c) => c.after),
  ];
  const head = ['program', ...cols.map((c) => c.title)];
  const rows = results.map((rec) => [rec.name, ...cols.map((c) => c.value(rec))]);
  rows.push(['geomean', ...cols.map((c) => (c.summary ? c.summary(results) : ''))]);
  rows.push(...after.map((rec) => [rec.name, ...cols.map((c) => c.value(rec))]));
  if (markdown) {
    const line = (cells) => `| ${cells.join(' | ')} |`;
    return [line(head), line(head.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export const LEGEND = 'times are medians of whole-process wall seconds; ratios are time/time (lower is faster for the first).\n' +
  'marks: * stdout differs from lua5.4\'s, E exited with an error, T timed out, ? not checked (no lua5.4), - not run';

/** The default size a program declares (`tonumber(arg and arg[1]) or 35`), or undefined. */
export function declaredSize(file) {
  const m = /tonumber\(\s*arg\s+and\s+arg\[1\]\s*\)\s*or\s*([0-9.e+]+)/.exec(readFileSync(file, 'utf8'));
  return m ? m[1] : undefined;
}

// ---------------------------------------------------------------- the machine

function tryRun(cmd, args) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch {
    return undefined;
  }
}

function packageVersion(name) {
  try {
    const pj = join(dirname(require.resolve(name)), '..', 'package.json');
    return JSON.parse(readFileSync(existsSync(pj) ? pj : require.resolve(`${name}/package.json`), 'utf8')).version;
  } catch {
    return undefined;
  }
}

/** What the numbers were measured on: date, CPU, cores, versions, moonlet's commit, load. */
export function machineInfo() {
  let cpuModel = cpus()[0]?.model;
  try {
    const m = /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpuModel = m[1];
  } catch {
    // not Linux
  }
  const lua = which('lua5.4');
  const commit = tryRun('git', ['-C', root, 'rev-parse', '--short', 'HEAD']);
  const dirty = tryRun('git', ['-C', root, 'status', '--porcelain', '--untracked-files=no']);
  return {
    date: new Date().toISOString(),
    cpu: cpuModel,
    cores: cpus().length,
    memoryGB: +(totalmem() / 2 ** 30).toFixed(1),
    loadavg: loadavg().map((x) => +x.toFixed(2)),
    node: process.version,
    lua: lua ? (tryRun(lua, ['-v']) ?? '').split('  ')[0] : undefined,
    wasmoon: packageVersion('wasmoon'),
    fengari: packageVersion('fengari'),
    moonlet: commit ? commit + (dirty ? ' (with uncommitted changes in the tree)' : '') : undefined,
  };
}

export function formatMachine(m) {
  return [
    `date: ${m.date}`,
    `machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB; load average at start ${m.loadavg.join(' ')}`,
    `node ${m.node}; ${m.lua ?? 'lua5.4 absent'}; wasmoon ${m.wasmoon ?? 'absent'}; fengari ${m.fengari ?? 'absent'}`,
    `moonlet commit ${m.moonlet ?? 'unknown'}`,
  ].join('\n');
}

// ---------------------------------------------------------------- command lines

/**
 * A small option parser: `spec` maps option names to 'flag', 'value' or 'list' (repeatable).
 * Returns { [name]: value }; exits with usage on an unknown option.
 */
export function parseArgs(argv, spec, usage) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') {
      process.stdout.write(usage);
      process.exit(0);
    }
    const [name, inline] = a.startsWith('--') ? a.slice(2).split(/=(.*)/s, 2) : [undefined];
    const kind = name !== undefined ? spec[name] : undefined;
    if (!kind) {
      process.stderr.write(`unknown argument '${a}'\n${usage}`);
      process.exit(2);
    }
    if (kind === 'flag') {
      out[name] = true;
      continue;
    }
    const v = inline ?? argv[++i];
    if (v === undefined) {
      process.stderr.write(`option --${name} needs a value\n${usage}`);
      process.exit(2);
    }
    if (kind === 'list') (out[name] ??= []).push(v);
    else out[name] = v;
  }
  return out;
}
