// parallel.mjs — how the worker pool scales (issue 7): a CPU-bound job (16 chunks of the
// mandelbrot work) on 1 worker and on 2 workers, measured side by side in one run; the
// per-task dispatch overhead; the cost of shipping bytecode; worker start-up. Prints a
// Markdown report (and writes it with --record to bench/results/parallel-<date>.md).
//
//   npx tsc -p tsconfig.json && node bench/parallel.mjs [--size N] [--reps R] [--record]
//                                 [--baseline path/to/other/dist/index.js]
//
// Method: both pools are started and warmed first (every worker has run the chunk function,
// so the JIT has compiled the VM's hot paths). Then the two configurations alternate, R
// times each, so a burst of load from other processes hits both alike; the report gives the
// median and the best of each, and the speedup of medians and of bests. Chunk times measured
// inside the 1-worker runs feed the model in docs/parallel.md (list scheduling of the 16
// chunks on n workers plus the measured dispatch overhead).
//
// With --baseline, the dispatch overheads are also measured against another build of moonlet
// (say, the previous commit compiled elsewhere): one pool from each build, the two measured
// alternately R times in this one process, so a change to the pool is judged side by side.

import { writeFileSync, mkdirSync } from 'node:fs';
import * as os from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { LuaPool } from '../dist/index.js';
import { dump } from '../dist/vm/dump.js';
import { undump } from '../dist/vm/undump.js';
import { loadProto } from '../dist/vm/api.js';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const SIZE = opt('size', 600);
const REPS = opt('reps', 7);
const CHUNKS = 16;
const RECORD = args.includes('--record');
const BASELINE = args.includes('--baseline') ? args[args.indexOf('--baseline') + 1] : undefined;

// One chunk of the mandelbrot image: rows [y0, y1) of an N×N grid; returns the points inside
// and the chunk's own CPU time (os.clock), for the model.
const CHUNK = `
local y0, y1, N = ...
local t0 = os.clock()
local iter, inside = 50, 0
for y = y0, y1 - 1 do
  local Ci = 2 * y / N - 1
  for x = 0, N - 1 do
    local Cr = 2 * x / N - 1.5
    local Zr, Zi, Tr, Ti = 0.0, 0.0, 0.0, 0.0
    local i = 0
    while i < iter and Tr + Ti <= 4.0 do
      Zi = 2 * Zr * Zi + Ci
      Zr = Tr - Ti + Cr
      Tr = Zr * Zr
      Ti = Zi * Zi
      i = i + 1
    end
    if Tr + Ti <= 4.0 then inside = inside + 1 end
  end
end
return { inside = inside, cpu = os.clock() - t0 }`;

const split = (k) => Array.from({ length: k }, (_, i) => [Math.floor((i * SIZE) / k), Math.floor(((i + 1) * SIZE) / k), SIZE]);
const chunks = split(CHUNKS);
const job = (pool, parts = chunks) => pool.map(`return (function(...) ${CHUNK} end)(table.unpack(...))`, parts);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (x, d = 1) => x.toFixed(d);

async function time(f) {
  const t0 = performance.now();
  const r = await f();
  return [performance.now() - t0, r];
}

// ------------------------------------------------------------------------------------------
// Start-up
// ------------------------------------------------------------------------------------------

const startups = [];
for (let i = 0; i < 3; i++) {
  const [ms, p] = await time(async () => {
    const p = new LuaPool({ size: 1 });
    await p.ready;
    return p;
  });
  startups.push(ms);
  await p.close();
}

// ------------------------------------------------------------------------------------------
// Control: the same job shape with plain JS threads (no moonlet), 1 vs 2 threads, alternating
// with the pool's runs. On a machine whose second core is busy with other work this ratio
// falls too: it is the ceiling the pool could reach during this run.
// ------------------------------------------------------------------------------------------

// The same mandelbrot kernel in plain JS (an image 4× wider and taller: JS runs it faster).
const CONTROL = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ([y0, y1, N]) => {
  let inside = 0;
  for (let y = y0; y < y1; y++) {
    const Ci = (2 * y) / N - 1;
    for (let x = 0; x < N; x++) {
      const Cr = (2 * x) / N - 1.5;
      let Zr = 0, Zi = 0, Tr = 0, Ti = 0, i = 0;
      while (i < 50 && Tr + Ti <= 4) { Zi = 2 * Zr * Zi + Ci; Zr = Tr - Ti + Cr; Tr = Zr * Zr; Ti = Zi * Zi; i++; }
      if (Tr + Ti <= 4) inside++;
    }
  }
  parentPort.postMessage(inside);
});`;
const threads = [new Worker(CONTROL, { eval: true }), new Worker(CONTROL, { eval: true })];
const onThread = (w, chunk) => new Promise((r) => { w.once('message', r); w.postMessage(chunk); });
const controlChunks = Array.from({ length: CHUNKS }, (_, i) => [Math.floor((i * SIZE * 4) / CHUNKS), Math.floor(((i + 1) * SIZE * 4) / CHUNKS), SIZE * 4]);
/** The 16 control chunks on the first `k` threads, each taking the next chunk when free. */
async function control(k) {
  let next = 0;
  await Promise.all(threads.slice(0, k).map(async (w) => { while (next < CHUNKS) await onThread(w, controlChunks[next++]); }));
}
await control(2);

// ------------------------------------------------------------------------------------------
// Speedup: 1 worker vs 2 workers, alternating
// ------------------------------------------------------------------------------------------

const pool1 = new LuaPool({ size: 1 });
const pool2 = new LuaPool({ size: 2 });
await Promise.all([pool1.ready, pool2.ready]);
// Warm every worker (a map of 4 on each pool reaches both of pool2's workers).
const warm = chunks.slice(0, 4).map(([y0, , N]) => [y0, y0 + 4, N]);
for (const p of [pool1, pool2]) await p.map(`return (function(...) ${CHUNK} end)(table.unpack(...))`, warm);

const t1 = [];
const t2 = [];
const c1 = [];
const c2 = [];
let reference;
let chunkCpu;
for (let r = 0; r < REPS; r++) {
  const [a, res1] = await time(() => job(pool1));
  const [b, res2] = await time(() => job(pool2));
  t1.push(a);
  t2.push(b);
  c1.push((await time(() => control(1)))[0]);
  c2.push((await time(() => control(2)))[0]);
  const sum1 = res1.reduce((s, c) => s + c.inside, 0);
  const sum2 = res2.reduce((s, c) => s + c.inside, 0);
  if (sum1 !== sum2) throw new Error(`results differ: ${sum1} vs ${sum2}`);
  reference ??= sum1;
  // Keep the chunk times of the fastest 1-worker run for the model.
  if (a === Math.min(...t1)) chunkCpu = res1.map((c) => c.cpu * 1000);
}

// The same image in 64 chunks, once on 1 worker: chunk times for the model's finer split.
const [, fine] = await time(() => job(pool1, split(64)));
const fineCpu = fine.map((c) => c.cpu * 1000);

// ------------------------------------------------------------------------------------------
// Dispatch overhead
// ------------------------------------------------------------------------------------------

const TRIVIAL = 'return ...';
const ROUND_TRIPS = 2000;
for (let i = 0; i < 200; i++) await pool1.run(TRIVIAL, i); // warm the path
const [rtMs] = await time(async () => {
  for (let i = 0; i < ROUND_TRIPS; i++) await pool1.run(TRIVIAL, i);
});
const roundTripUs = (rtMs * 1000) / ROUND_TRIPS;

const THROUGHPUT = 20000;
const items = Array.from({ length: THROUGHPUT }, (_, i) => i);
await pool2.map(TRIVIAL, items.slice(0, 2000));
const [thMs] = await time(() => pool2.map(TRIVIAL, items));
const perTaskUs = (thMs * 1000) / THROUGHPUT;

// A table argument and result of ~1 KB: the cost of copying values both ways.
const payload = { name: 'item', list: Array.from({ length: 100 }, (_, i) => i * 1.5), tags: { a: 1, b: 'two', c: true } };
for (let i = 0; i < 200; i++) await pool1.run(TRIVIAL, payload);
const [plMs] = await time(async () => {
  for (let i = 0; i < ROUND_TRIPS; i++) await pool1.run(TRIVIAL, payload);
});
const payloadUs = (plMs * 1000) / ROUND_TRIPS;

// ------------------------------------------------------------------------------------------
// Dispatch against another build (--baseline), alternating
// ------------------------------------------------------------------------------------------

const comparison = [];
if (BASELINE !== undefined) {
  const { LuaPool: BaselinePool, Lua: BaselineLua } = await import(new URL(BASELINE, `file://${process.cwd()}/`).href);
  const { Lua } = await import('../dist/index.js');
  const builds = [
    { name: 'this build', pool: new LuaPool({ size: 2 }), lua: new Lua() },
    { name: `baseline (${BASELINE})`, pool: new BaselinePool({ size: 2 }), lua: new BaselineLua() },
  ];
  const measures = {
    'round trip, code string (`return ...`), awaited one by one': async (b) => {
      const [ms] = await time(async () => {
        for (let i = 0; i < ROUND_TRIPS; i++) await b.pool.run(TRIVIAL, i);
      });
      return (ms * 1000) / ROUND_TRIPS;
    },
    'round trip, a function handle, awaited one by one': async (b) => {
      b.f ??= b.lua.load('return ...');
      const [ms] = await time(async () => {
        for (let i = 0; i < ROUND_TRIPS; i++) await b.pool.run(b.f, i);
      });
      return (ms * 1000) / ROUND_TRIPS;
    },
    'round trip, a new code string each time (compile, ship, run; past the code cache)': async (b) => {
      b.fresh ??= 0;
      const [ms] = await time(async () => {
        for (let i = 0; i < ROUND_TRIPS; i++) await b.pool.run(`return ${b.fresh++} + ...`, i);
      });
      return (ms * 1000) / ROUND_TRIPS;
    },
    [`per task, ${THROUGHPUT} trivial tasks through \`map\` on 2 workers`]: async (b) => {
      const [ms] = await time(() => b.pool.map(TRIVIAL, items));
      return (ms * 1000) / THROUGHPUT;
    },
  };
  for (const b of builds) {
    await b.pool.ready;
    for (const m of Object.values(measures)) await m(b); // warm both alike
  }
  const samples = builds.map(() => Object.fromEntries(Object.keys(measures).map((k) => [k, []])));
  for (let r = 0; r < REPS; r++) {
    for (const [name, m] of Object.entries(measures)) {
      for (let k = 0; k < builds.length; k++) samples[k][name].push(await m(builds[k]));
    }
  }
  for (const b of builds) await b.pool.close();
  for (const name of Object.keys(measures)) {
    const [now, base] = samples.map((s) => s[name]);
    comparison.push(
      `| ${name} | ${fmt(median(now))} (best ${fmt(Math.min(...now))}) | ${fmt(median(base))} (best ${fmt(Math.min(...base))}) | ${fmt(median(now) / median(base), 2)} |`,
    );
  }
}

// ------------------------------------------------------------------------------------------
// Bytecode shipping
// ------------------------------------------------------------------------------------------

// In-process: dump (main side, once per Proto) and undump (worker side, once per worker).
const chunkCode = `return (function(...) ${CHUNK} end)(table.unpack(...))`;
const proto = loadProto(chunkCode, '=bench', 't');
const N_CODEC = 2000;
let bytes;
const [dumpMs] = await time(async () => {
  for (let i = 0; i < N_CODEC; i++) bytes = dump(proto, false);
});
const [undumpMs] = await time(async () => {
  for (let i = 0; i < N_CODEC; i++) undump(bytes, '=bench');
});
const [compileMs] = await time(async () => {
  for (let i = 0; i < 200; i++) loadProto(chunkCode, '=bench', 't');
});

// End to end: a task whose code the worker has never seen (compile on main, dump, ship,
// undump) against the same task once the worker has it.
const SHIPS = 200; // below the pool's code cache (codeCacheSize, 1024 by default), so the second pass hits it
const fresh = (i) => `local x = ... return x + ${i}`; // distinct code: a new Proto each time
const [freshMs] = await time(async () => {
  for (let i = 0; i < SHIPS; i++) await pool1.run(fresh(i), i);
});
const [cachedMs] = await time(async () => {
  for (let i = 0; i < SHIPS; i++) await pool1.run(fresh(i), i);
});
const shipUs = ((freshMs - cachedMs) * 1000) / SHIPS;
const stats1 = pool1.stats();

await pool1.close();
await pool2.close();
await Promise.all(threads.map((w) => w.terminate()));

// ------------------------------------------------------------------------------------------
// Model: list scheduling of the measured chunk times on n workers, plus dispatch overhead
// ------------------------------------------------------------------------------------------

function makespan(times, n, overheadMs) {
  const free = new Array(n).fill(0);
  for (const t of times) {
    let k = 0;
    for (let i = 1; i < n; i++) if (free[i] < free[k]) k = i;
    free[k] += t + overheadMs;
  }
  return Math.max(...free);
}
const overheadMs = roundTripUs / 1000;
const speedups = (times) => [1, 2, 4, 8, 16].map((n) => makespan(times, 1, overheadMs) / makespan(times, n, overheadMs));
const model16 = speedups(chunkCpu);
const model64 = speedups(fineCpu);

// ------------------------------------------------------------------------------------------
// Report
// ------------------------------------------------------------------------------------------

const cpu = os.cpus();
const load = os.loadavg().map((x) => x.toFixed(2)).join(' ');
const date = new Date().toISOString().slice(0, 10);
const m1 = median(t1);
const m2 = median(t2);
const b1 = Math.min(...t1);
const b2 = Math.min(...t2);
const lines = [
  `# Worker pool: scaling and overheads (${date})`,
  '',
  `Machine: ${cpu.length} × ${cpu[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}.`,
  `Load average at the end of the run: ${load} (other processes share this machine).`,
  '',
  `## CPU-bound job: mandelbrot ${SIZE}×${SIZE}, 50 iterations, ${CHUNKS} chunks of rows`,
  '',
  `${REPS} runs of each configuration, alternating. Result checked: ${reference} points inside, same on both.`,
  '',
  '| workers | median ms | best ms |',
  '|---|---|---|',
  `| 1 | ${fmt(m1)} | ${fmt(b1)} |`,
  `| 2 | ${fmt(m2)} | ${fmt(b2)} |`,
  '',
  `**Speedup 2 vs 1 workers: ${fmt(m1 / m2, 2)}× (medians), ${fmt(b1 / b2, 2)}× (bests).** All runs: 1 worker ${t1.map((x) => fmt(x, 0)).join(', ')} ms; 2 workers ${t2.map((x) => fmt(x, 0)).join(', ')} ms.`,
  '',
  `Control in the same run (the same kernel in plain JS on plain worker threads, no moonlet, 16 chunks of a 4× larger image, alternating with the above): 1 thread ${fmt(median(c1))} ms, 2 threads ${fmt(median(c2))} ms, **${fmt(median(c1) / median(c2), 2)}× (medians), ${fmt(Math.min(...c1) / Math.min(...c2), 2)}× (bests)**: what this machine allowed two threads during the run. Pool speedup relative to it: ${fmt(m1 / m2 / (median(c1) / median(c2)), 2)} (medians).`,
  '',
  `Chunk CPU times in the best 1-worker run (ms): ${chunkCpu.map((x) => fmt(x, 0)).join(', ')} (sum ${fmt(chunkCpu.reduce((a, b) => a + b, 0), 0)}).`,
  '',
  '## Overheads',
  '',
  '| what | µs |',
  '|---|---|',
  `| round trip of a trivial task (\`return ...\`, one integer), 1 worker, awaited one by one | ${fmt(roundTripUs)} |`,
  `| per task, ${THROUGHPUT} trivial tasks through \`map\` on 2 workers | ${fmt(perTaskUs)} |`,
  `| round trip with a ~1 KB table argument and result (101 numbers, 4 fields) | ${fmt(payloadUs)} |`,
  `| shipping a new function: compile + dump + send + undump, end to end (first run minus a later run) | ${fmt(shipUs)} |`,
  `| of which: compile (parse + codegen) of the chunk function, main thread | ${fmt((compileMs * 1000) / 200)} |`,
  `| of which: dump of the chunk function (${bytes.length} bytes with debug info), main thread, once per Proto | ${fmt((dumpMs * 1000) / N_CODEC)} |`,
  `| of which: undump and verify in a worker, once per worker | ${fmt((undumpMs * 1000) / N_CODEC)} |`,
  `| worker start-up: new pool of 1 to ready (a new isolate, the VM's modules, the standard library) | ${fmt(median(startups) * 1000, 0)} (${fmt(median(startups), 0)} ms) |`,
  '',
  `Chunks shipped by the 1-worker pool over the whole run: ${stats1.chunksShipped} (${stats1.chunkBytes} bytes) for ${stats1.tasks} tasks.`,
  '',
  ...(comparison.length > 0
    ? [
        `## Dispatch: this build against ${BASELINE}`,
        '',
        `One 2-worker pool of each build in this process, measured alternately ${REPS} times (µs, medians and bests).`,
        '',
        '| what | this build | baseline | ratio |',
        '|---|---|---|---|',
        ...comparison,
        '',
      ]
    : []),
  '## Model: speedup to 16 workers from these figures',
  '',
  `List scheduling (FIFO, as the pool dispatches) of the ${CHUNKS} measured chunk times on n workers, each task paying the measured round trip (${fmt(roundTripUs)} µs); assumes n free cores and no memory-bandwidth limit (each worker's working set is a few KB).`,
  '',
  '| workers | 16 chunks | 64 chunks |',
  '|---|---|---|',
  ...[1, 2, 4, 8, 16].map((n, i) => `| ${n} | ${fmt(model16[i], 2)} | ${fmt(model64[i], 2)} |`),
  '',
  `The 16 chunks are uneven (largest ${fmt(Math.max(...chunkCpu), 0)} ms of ${fmt(chunkCpu.reduce((a, b) => a + b, 0), 0)} ms): on 16 workers the job lasts as long as its largest chunk. The 64-chunk column uses chunk times measured the same way (largest ${fmt(Math.max(...fineCpu), 0)} ms).`,
  '',
];
const report = lines.join('\n');
console.log(report);
if (RECORD) {
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  const file = new URL(`./results/parallel-${date}.md`, import.meta.url);
  writeFileSync(file, report);
  console.error(`written to ${file.pathname}`);
}
