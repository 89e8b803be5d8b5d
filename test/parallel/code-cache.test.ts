// code-cache.test.ts — a pool fed endlessly new code stays bounded (issue 7): the main
// thread keeps at most `codeCacheSize` code strings compiled and each worker at most that
// many chunks, while what is still in use (queued and running tasks, the init chunk, function
// handles) keeps working, on replacement workers too.

import { describe, expect, test } from 'vitest';
import { Lua, LuaPool } from '../../dist/index.js';

describe('bounded code caches', () => {
  test('2,000 distinct code strings with a cache of 16: right results, caches within the limit', async () => {
    const LIMIT = 16;
    const pool = new LuaPool({ size: 2, codeCacheSize: LIMIT });
    await pool.ready;
    let most = { codeCached: 0, chunksHeld: 0 };
    const results: unknown[] = [];
    for (let batch = 0; batch < 20; batch++) {
      const runs = Array.from({ length: 100 }, (_, j) => {
        const i = batch * 100 + j;
        return pool.run(`return ${i} * 2 + ...`, 1);
      });
      // Queued tasks pin their own functions; the caches themselves stay within the limit.
      const s = pool.stats();
      most = { codeCached: Math.max(most.codeCached, s.codeCached), chunksHeld: Math.max(most.chunksHeld, s.chunksHeld) };
      for (const r of await Promise.all(runs)) results.push(r[0]);
      const t = pool.stats();
      most = { codeCached: Math.max(most.codeCached, t.codeCached), chunksHeld: Math.max(most.chunksHeld, t.chunksHeld) };
    }
    expect(results).toEqual(Array.from({ length: 2000 }, (_, i) => i * 2 + 1));
    expect(most.codeCached).toBe(LIMIT);
    expect(most.chunksHeld).toBeLessThanOrEqual(LIMIT);
    // Each code string was shipped once, to one worker; the two workers hold what they were
    // not told to drop: at most the limit each.
    const s = pool.stats();
    expect(s.chunksShipped).toBe(2000);
    expect(s.chunksShipped - s.chunksDropped).toBeLessThanOrEqual(2 * LIMIT);
    // An old code string runs again: compiled anew and shipped again.
    expect(await pool.run('return 0 * 2 + ...', 5)).toEqual([5]);
    await pool.close();
  });

  test('a function handle whose chunk a worker dropped is shipped again', async () => {
    const pool = new LuaPool({ size: 1, codeCacheSize: 4 });
    const lua = new Lua();
    const f = lua.load('local x = ... return x * 3');
    expect(await pool.run(f, 7)).toEqual([21]);
    for (let i = 0; i < 10; i++) await pool.run(`return ${i}`);
    const before = pool.stats();
    expect(before.chunksHeld).toBeLessThanOrEqual(4);
    expect(await pool.run(f, 8)).toEqual([24]);
    expect(pool.stats().chunksShipped).toBe(before.chunksShipped + 1);
    // The same function again: the worker holds it now.
    expect(await pool.run(f, 9)).toEqual([27]);
    expect(pool.stats().chunksShipped).toBe(before.chunksShipped + 1);
    await pool.close();
  });

  test('one task naming more functions than the cache holds still runs', async () => {
    const pool = new LuaPool({ size: 1, codeCacheSize: 2 });
    const lua = new Lua();
    const [fs] = lua.run(`local t = {} for i = 1, 5 do t[i] = load('return ' .. i) end return t`) as [object];
    const [sum] = await pool.run(`local t = ... local s = 0 for i = 1, #t do s = s + t[i]() end return s`, fs);
    expect(sum).toBe(15);
    await pool.run('return 1');
    expect(pool.stats().chunksHeld).toBeLessThanOrEqual(2);
    await pool.close();
  });

  test('after eviction, a replacement worker still runs the init chunk and the queued tasks', async () => {
    const pool = new LuaPool({ size: 1, codeCacheSize: 4, init: 'function base(x) return x * 10 end' });
    // Enough distinct code that the worker drops the init chunk and the main side forgets it all.
    for (let i = 0; i < 30; i++) expect(await pool.run(`return base(${i})`)).toEqual([i * 10]);
    expect(pool.stats().chunksDropped).toBeGreaterThan(0);
    // A crash, with tasks queued behind it whose code strings leave the main cache meanwhile.
    const crash = pool.run('for i = 1, 2e6 do end os.exit(1)');
    const queued = Array.from({ length: 12 }, (_, i) => pool.run(`return base(...) + ${i}`, i));
    await expect(crash).rejects.toThrow(/exited \(os\.exit\(1\)\)/);
    expect(await Promise.all(queued)).toEqual(Array.from({ length: 12 }, (_, i) => [i * 10 + i]));
    const s = pool.stats();
    expect(s.replaced).toBe(1);
    expect(s.codeCached).toBeLessThanOrEqual(4);
    expect(s.chunksHeld).toBeLessThanOrEqual(4);
    await pool.close();
  });

  test('codeCacheSize is checked', () => {
    expect(() => new LuaPool({ size: 1, codeCacheSize: 0 })).toThrow(RangeError);
  });
});
