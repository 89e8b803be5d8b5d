#!/usr/bin/env node
// scheduler.mjs — the scheduler's speed and scale (issue #6, item 5), beside peers doing the
// same work where they can.
//
// Usage: npx tsc -p tsconfig.json && node bench/scheduler.mjs [options]
//   --runs N      fresh processes per measurement (default 3; the median is kept)
//   --quick       1 run, a tenth of the spawn iterations
//   --record      write bench/results/scheduler-<date>.md
//
// Measurements (each in a fresh Node process, so heap and RSS figures are its own):
//   wait      100,000 tasks each doing task.wait(0.01), spawned from one runAsync, awaited:
//             wall and CPU time to the end, peak heap growth, peak RSS. Targets: < 2 s, < 300 MB.
//   spawn     task.spawn of a trivial function that finishes at once: time per spawn+finish
//             (target ≤ 2 µs). Best of 5 rounds after a warm-up round.
//   floor     the same 100,000 waits written with plain coroutines and a scheduler in Lua
//             (a FIFO of coroutines, due times, a busy wait): the VM's own floor for 100,000
//             suspended Lua threads, run on moonlet, lua5.4 and wasmoon where present.
// Peers have no task library with timers, joins and limits (that is the point of #6), so
// the side-by-side comparison is this hand-written scheduler, which every Lua can run.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const dist = pathToFileURL(join(root, 'dist', 'index.js')).href;
const N = 100_000;

/** The Lua scheduler for the "floor" measurement (arguments: N, delay). */
const FLOOR_LUA = `
local N, DELAY = ...
N = tonumber(N) or 100000
DELAY = tonumber(DELAY) or 0.01
local clock = os.clock
local cos, dues, head, tail = {}, {}, 1, 0 -- all delays are equal: due order is FIFO order
local done = 0
for i = 1, N do
  local co = coroutine.create(function() coroutine.yield(DELAY) done = done + 1 end)
  local _, s = coroutine.resume(co)
  tail = tail + 1
  cos[tail], dues[tail] = co, clock() + s
end
local peakKB = collectgarbage("count")
while head <= tail do
  local due = dues[head]
  while clock() < due do end
  local co = cos[head]
  cos[head] = nil
  head = head + 1
  coroutine.resume(co)
end
assert(done == N)
return peakKB
`;

// ============================================================================================
// Child side: one measurement, printed as JSON
// ============================================================================================

const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

async function childWait() {
  const { Lua } = await import(dist);
  const lua = new Lua();
  let peakHeap = 0;
  let peakRss = 0;
  lua.set('sample', () => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  });
  const heap0 = process.memoryUsage().heapUsed;
  const c0 = cpuMs();
  const t0 = performance.now();
  const [done] = await lua.runAsync(`
    local done = 0
    local hs = {}
    for i = 1, ${N} do hs[i] = task.spawn(function() task.wait(0.01) done = done + 1 end) end
    sample()
    for i = 1, #hs do hs[i]:await() end
    sample()
    return done`);
  const wall = performance.now() - t0;
  const cpu = cpuMs() - c0;
  if (done !== N) throw new Error(`only ${done} tasks finished`);
  return { wallMs: wall, cpuMs: cpu, heapMB: (peakHeap - heap0) / 1e6, rssMB: peakRss / 1e6, maxRssMB: process.resourceUsage().maxRSS / 1e3 };
}

async function childSpawn(iterations) {
  const { Lua } = await import(dist);
  const lua = new Lua();
  const f = lua.load('local n = ... local spawn = task.spawn local function noop() end for i = 1, n do spawn(noop) end');
  const g = lua.load('local n = ... local function noop() end for i = 1, n do noop() end');
  const round = (fn) => {
    const t0 = performance.now();
    fn.call(iterations);
    return ((performance.now() - t0) * 1e3) / iterations;
  };
  round(f);
  round(g);
  let best = Infinity;
  let bestCall = Infinity;
  for (let i = 0; i < 5; i++) {
    best = Math.min(best, round(f));
    bestCall = Math.min(bestCall, round(g));
  }
  return { usPerSpawn: best, usPerCall: bestCall };
}

async function childFloorMoonlet() {
  const { Lua } = await import(dist);
  const lua = new Lua();
  const f = lua.load(FLOOR_LUA, { chunkName: '=floor' });
  const t0 = performance.now();
  const c0 = cpuMs();
  const [peakKB] = f.call(N, 0.01);
  return { wallMs: performance.now() - t0, cpuMs: cpuMs() - c0, rssMB: process.resourceUsage().maxRSS / 1e3, luaKB: peakKB };
}

async function childFloorWasmoon() {
  const { LuaFactory } = await import('wasmoon');
  const lua = await new LuaFactory().createEngine();
  const t0 = performance.now();
  const c0 = cpuMs();
  const peakKB = await lua.doString(`local f = load(${JSON.stringify(FLOOR_LUA)}) return f(${N}, 0.01)`);
  const r = { wallMs: performance.now() - t0, cpuMs: cpuMs() - c0, rssMB: process.resourceUsage().maxRSS / 1e3, luaKB: peakKB };
  lua.global.close();
  return r;
}

if (process.argv[2] === '--child') {
  const kind = process.argv[3];
  const arg = Number(process.argv[4] ?? 0);
  const r =
    kind === 'wait'
      ? await childWait()
      : kind === 'spawn'
        ? await childSpawn(arg)
        : kind === 'floor-moonlet'
          ? await childFloorMoonlet()
          : await childFloorWasmoon();
  process.stdout.write(JSON.stringify(r) + '\n');
  process.exit(0);
}

// ============================================================================================
// Parent side
// ============================================================================================

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const record = args.includes('--record');
const runsAt = args.indexOf('--runs');
const runs = quick ? 1 : runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
const spawnIterations = quick ? 30_000 : 300_000;
const log = (s) => process.stderr.write(s + '\n');

function child(kind, arg = '') {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', kind, String(arg)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop());
}

function medianBy(list, key) {
  const sorted = [...list].sort((a, b) => a[key] - b[key]);
  return sorted[(sorted.length - 1) >> 1];
}

function lua54Floor() {
  const lua = spawnSync('sh', ['-c', 'command -v lua5.4'], { encoding: 'utf8' }).stdout.trim();
  if (!lua) return undefined;
  const file = join(process.env.TMPDIR ?? '/tmp', `moonlet-sched-floor-${process.pid}.lua`);
  writeFileSync(file, `local peak = (function(...) ${FLOOR_LUA} end)(...) print(peak)`);
  // GNU time reports the peak RSS (KB) on stderr when it is there.
  const time = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', '%M'] : [];
  const cmd = [...time, lua, file, String(N), '0.01'];
  const t0 = performance.now();
  const r = spawnSync(cmd[0], cmd.slice(1), { encoding: 'utf8' });
  const wallMs = performance.now() - t0;
  if (r.status !== 0) throw new Error(r.stderr);
  const rssKB = time.length ? Number(r.stderr.trim().split('\n').pop()) : NaN;
  return { wallMs, luaKB: Number(r.stdout.trim()), rssMB: rssKB / 1e3 };
}

const machine = {
  date: new Date().toISOString(),
  cpu: (() => {
    try {
      return /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model;
    } catch {
      return cpus()[0]?.model;
    }
  })(),
  cores: cpus().length,
  memoryGB: +(totalmem() / 2 ** 30).toFixed(1),
  loadStart: loadavg().map((x) => +x.toFixed(2)),
  node: process.version,
  commit: (() => {
    try {
      return execFileSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  })(),
};

log(`${runs} run(s) per measurement; load average ${machine.loadStart.join(' ')}`);
const wait = [];
const spawn = [];
const floorM = [];
const floorW = [];
const floorL = [];
const hasWasmoon = existsSync(join(root, 'node_modules', 'wasmoon'));
for (let i = 0; i < runs; i++) {
  wait.push(child('wait'));
  log(`wait   ${JSON.stringify(wait.at(-1))}`);
  spawn.push(child('spawn', spawnIterations));
  log(`spawn  ${JSON.stringify(spawn.at(-1))}`);
  floorM.push(child('floor-moonlet'));
  log(`floor  moonlet ${JSON.stringify(floorM.at(-1))}`);
  const l = lua54Floor();
  if (l) {
    floorL.push(l);
    log(`floor  lua5.4 ${JSON.stringify(l)}`);
  }
  if (hasWasmoon) {
    floorW.push(child('floor-wasmoon'));
    log(`floor  wasmoon ${JSON.stringify(floorW.at(-1))}`);
  }
}
machine.loadEnd = loadavg().map((x) => +x.toFixed(2));

const w = medianBy(wait, 'wallMs');
const s = medianBy(spawn, 'usPerSpawn');
const fm = medianBy(floorM, 'wallMs');
const fl = floorL.length ? medianBy(floorL, 'wallMs') : undefined;
const fw = floorW.length ? medianBy(floorW, 'wallMs') : undefined;
const f0 = (x, d = 0) => (x === undefined || Number.isNaN(x) ? '–' : x.toFixed(d));

const lines = [
  `# Scheduler measurements`,
  '',
  `date: ${machine.date}`,
  `machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB; load average ${machine.loadStart.join(' ')} at start, ${machine.loadEnd.join(' ')} at end`,
  `node ${machine.node}; moonlet commit ${machine.commit}; ${runs} fresh process(es) per measurement, medians`,
  '',
  '| measurement | wall | CPU | heap growth | peak RSS | target |',
  '|---|---|---|---|---|---|',
  `| 100,000 tasks × task.wait(0.01) | ${f0(w.wallMs)} ms | ${f0(w.cpuMs)} ms | ${f0(w.heapMB)} MB | ${f0(w.maxRssMB)} MB | < 2 s, < 300 MB |`,
  `| task.spawn + finish, trivial task | ${f0(s.usPerSpawn, 3)} µs | | | | ≤ 2 µs |`,
  `| (a plain Lua call, for scale) | ${f0(s.usPerCall, 3)} µs | | | | |`,
  '',
  'The same 100,000 waits with plain coroutines and a scheduler written in Lua (the floor any Lua',
  'pays for 100,000 suspended threads; peers have no task library to compare with):',
  '',
  '| implementation | wall | CPU | peak RSS |',
  '|---|---|---|---|',
  `| moonlet | ${f0(fm.wallMs)} ms | ${f0(fm.cpuMs)} ms | ${f0(fm.rssMB)} MB |`,
  `| lua5.4 | ${f0(fl?.wallMs)} ms | | ${f0(fl?.rssMB)} MB |`,
  `| wasmoon | ${f0(fw?.wallMs)} ms | ${f0(fw?.cpuMs)} ms | ${f0(fw?.rssMB)} MB |`,
  '',
  `task waits over the coroutine floor on moonlet: ${(w.wallMs / fm.wallMs).toFixed(2)}× wall, ${(w.cpuMs / fm.cpuMs).toFixed(2)}× CPU.`,
];
const report = lines.join('\n') + '\n';
process.stdout.write(report);
if (record) {
  const dir = join(here, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `scheduler-${machine.date.slice(0, 10)}.md`);
  writeFileSync(file, report);
  log(`recorded ${file}`);
}
