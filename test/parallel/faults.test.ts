// faults.test.ts — what a failing task or a dying worker costs: only its own task. Workers
// killed mid-task (os.exit, timeouts, aborts, running out of memory) are replaced, no other
// task is lost or run twice, and close() still resolves.

import { describe, expect, test } from 'vitest';
import { LuaPool } from '../../dist/index.js';

const WORK = `local i = ...
  if i == KILL then os.exit(3) end
  local s = 0
  for k = 1, 20000 do s = s + k % i end
  return s`;

function expectedFor(i: number): number {
  let s = 0;
  for (let k = 1; k <= 20000; k++) s += k % i;
  return s;
}

describe('a worker killed mid-task', () => {
  test('its task rejects, the pool refills, the other 31 results arrive', async () => {
    const pool = new LuaPool({ size: 2 });
    const items = Array.from({ length: 32 }, (_, i) => i + 1);
    const settled = await Promise.allSettled(items.map((i) => pool.run(WORK.replace('KILL', '7'), i)));
    const rejected = settled.flatMap((r, i) => (r.status === 'rejected' ? [[i + 1, (r.reason as Error).message]] : []));
    expect(rejected).toEqual([[7, expect.stringMatching(/^worker \d exited \(os\.exit\(3\)\)$/)]]);
    for (const [i, r] of settled.entries()) {
      if (i + 1 !== 7) expect(r).toEqual({ status: 'fulfilled', value: [expectedFor(i + 1)] });
    }
    const stats = pool.stats();
    expect(stats.tasks).toBe(32);
    expect(stats.replaced).toBe(1);
    expect(stats.workers).toBe(2);
    // The replacement is a fresh worker with its own number.
    const ids = await pool.map('return parallel.worker', Array.from({ length: 16 }, (_, i) => i));
    expect(ids.every((id) => id === 1 || id === 2 || id === 3)).toBe(true);
    await pool.close();
  });

  test('a task past its timeout is stopped; a running task can be aborted', async () => {
    const pool = new LuaPool({ size: 2, timeoutMs: 20_000 });
    await pool.ready;
    const ac = new AbortController();
    const spin = expect(pool.runWith({ timeoutMs: 200 }, 'while true do end')).rejects.toThrow(
      /task timed out after 200 ms \(worker \d was stopped and replaced\)/,
    );
    const aborted = expect(pool.runWith({ signal: ac.signal }, 'while true do end')).rejects.toThrow(
      /task aborted \(worker \d was stopped and replaced\)/,
    );
    const fine = pool.map('return ... * 2', [1, 2, 3]);
    setTimeout(() => ac.abort(), 300);
    await spin;
    await aborted;
    expect(await fine).toEqual([2, 4, 6]);
    expect(await pool.run('return "still here"')).toEqual(['still here']);
    expect(pool.stats().replaced).toBe(2);
    await pool.close();
  });

  test('a worker ended while it holds a shared-table key lock releases it', async () => {
    const pool = new LuaPool({ size: 2 });
    const t = pool.shared.table('locks');
    pool.shared.channel('inside', 1);
    const stuck = pool.runWith(
      { timeoutMs: 300 },
      `local t = parallel.shared.table('locks')
       t:update('k', function(old) parallel.shared.channel('inside'):send(true) while true do end end)`,
    );
    // Wait until the worker is inside the update, holding the key.
    const inside = await pool.shared.channel('inside').receive();
    expect(inside.value).toBe(true);
    await expect(stuck).rejects.toThrow(/timed out/);
    expect(await pool.run(`local t = parallel.shared.table('locks') return t:increment('k', 2)`)).toEqual([2]);
    expect(t.update('k', (v) => (v as number) + 1)).toBe(3);
    await pool.close();
  });

  test('a worker out of memory dies alone (node:worker_threads resource limits)', async () => {
    const pool = new LuaPool({ size: 2, memoryLimitMb: 24 });
    const hog = pool.run(`local t, n = {}, 0 while true do n = n + 1 t[n] = { n, tostring(n) } end`);
    const others = pool.map('return ... + 1', Array.from({ length: 8 }, (_, i) => i));
    await expect(hog).rejects.toThrow(/worker \d (died|exited)/);
    expect(await others).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await pool.run('return 1')).toEqual([1]);
    await pool.close();
  });

  test('a failure inside map rejects the map; close() after faults resolves', async () => {
    const pool = new LuaPool({ size: 2 });
    await expect(pool.map(`local i = ... if i == 3 then error('item ' .. i) end return i`, [1, 2, 3, 4, 5])).rejects.toThrow(
      /:1: item 3$/,
    );
    await expect(pool.map('os.exit(1)', [1])).rejects.toThrow('exited (os.exit(1))');
    expect(await pool.map('return ...', [1, 2])).toEqual([1, 2]);
    await expect(pool.close()).resolves.toBeUndefined();
  });
});
