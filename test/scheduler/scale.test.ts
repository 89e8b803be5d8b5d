// scale.test.ts — 100,000 Lua tasks each doing task.wait(0.01), against the built package
// (issue #6: under 2 s and 300 MB; bench/scheduler.mjs records the wall time and peak RSS
// with the date and the machine's load).
//
// What is asserted does not depend on how loaded the machine is:
//   - every task finishes, and none wakes early;
//   - memory: the live heap per waiting task, measured after a full collection while all
//     100,000 wait (about 1.6 KB in November 2026; the bound keeps 100,000 well under 300 MB);
//   - timers are batched: far fewer host timers than tasks (one per due millisecond at most);
//   - time: the process CPU time stays within a multiple of the VM's own floor for 100,000
//     suspended Lua threads (plain coroutines, same process), so it measures the scheduler
//     rather than the machine. Wall-clock time is not asserted: on a shared machine it
//     measures the other processes.

import { expect, test } from 'vitest';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Lua } from '../../dist/index.js';

const N = 100_000;

/** A full collection (the flag lets a fresh context see `gc`). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

const cpuMs = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

test(`${N.toLocaleString('en')} tasks waiting 10 ms each: all finish, bounded memory per task, batched timers, CPU near the coroutine floor`, async () => {
  const lua = new Lua();
  const realSetTimeout = globalThis.setTimeout;
  let hostTimers = 0;
  globalThis.setTimeout = ((...a: Parameters<typeof setTimeout>) => {
    hostTimers++;
    return realSetTimeout(...a);
  }) as typeof setTimeout;
  let liveBytes = 0;
  lua.set('measure', () => {
    // Every task is waiting now: what they hold is the live heap over the baseline.
    collectGarbage();
    liveBytes = process.memoryUsage().heapUsed - heap0;
  });
  collectGarbage();
  const heap0 = process.memoryUsage().heapUsed;
  const c0 = cpuMs();
  let result: unknown[];
  try {
    result = await lua.runAsync(`
      local done, waitedMin = 0, math.huge
      local hs = {}
      for i = 1, ${N} do
        hs[i] = task.spawn(function()
          local dt = task.wait(0.01)
          if dt < waitedMin then waitedMin = dt end
          done = done + 1
        end)
      end
      measure()
      for i = 1, #hs do hs[i]:await() end
      return done, waitedMin
    `);
  } finally {
    globalThis.setTimeout = realSetTimeout;
  }
  const [done, waitedMin] = result;
  const cpu = cpuMs() - c0;
  lua.close();

  // The VM's floor on this machine, measured in the same process after the tasks.
  const base = new Lua({ libs: ['base', 'coroutine'] });
  const b0 = cpuMs();
  base.run(`
    local cs = {}
    for i = 1, ${N} do local co = coroutine.create(function() coroutine.yield() end) coroutine.resume(co) cs[i] = co end
    for i = 1, #cs do coroutine.resume(cs[i]) end
  `);
  const floorCpu = cpuMs() - b0;
  base.close();

  const perTask = liveBytes / N;
  console.log(
    `${N} waiting tasks: ${cpu.toFixed(0)} ms CPU (${N} coroutines: ${floorCpu.toFixed(0)} ms), ` +
      `${perTask.toFixed(0)} B live per waiting task, ${hostTimers} host timers`,
  );
  expect(done).toBe(N);
  expect(waitedMin as number).toBeGreaterThanOrEqual(0.0099);
  expect(perTask).toBeLessThan(2000);
  expect(hostTimers).toBeLessThan(N / 10);
  expect(cpu).toBeLessThan(3 * floorCpu + 1000);
});
