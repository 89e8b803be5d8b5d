// worker-shared.test.ts — shared tables and channels created by workers (issue 7): one object
// per kind and name pool-wide, decided by the main thread, seen by the main VM (JS and Lua),
// by every other worker and by replacement workers; racing creators get the same object.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Lua, LuaPool, SharedTable } from '../../dist/index.js';

let pool: LuaPool;
let lua: Lua;
beforeAll(async () => {
  pool = new LuaPool({ size: 2 });
  lua = new Lua();
  pool.install(lua);
  await pool.ready;
});
afterAll(() => pool.close());

describe('a worker creates shared objects', () => {
  test('a table and a channel made in one worker are seen by the other worker and the main VM', async () => {
    // The two tasks run at once on the two workers; whichever asks for the channel first
    // creates it, the reader blocks until the maker has sent.
    const maker = pool.run(`
      local t = parallel.shared.table('made', 8)
      t:set('by', parallel.worker)
      local ch = parallel.shared.channel('made', 4)       -- a channel may share a table's name
      ch:send(parallel.worker)
      parallel.shared.channel('made-to-main', 4):send(t)  -- a shared object inside a message
      return parallel.worker`);
    const reader = pool.run(`
      local from = parallel.shared.channel('made', 4):receive(10)
      local t = parallel.shared.table('made')
      return from, t:get('by'), parallel.worker, tostring(t)`);
    const [[makerId], [from, by, readerId, name]] = await Promise.all([maker, reader]);
    expect(readerId).not.toBe(makerId);
    expect([from, by, name]).toEqual([makerId, makerId, 'SharedTable: made']);
    // The main thread, from JavaScript: the same buffer, with the maker's capacity.
    const t = pool.shared.table('made', { capacity: 1000 }); // an existing name ignores options
    expect(t.get('by')).toBe(makerId);
    expect(t.capacity).toBe(8);
    expect(pool.shared.channel('made').capacity).toBe(4);
    const got = await pool.shared.channel('made-to-main').receive({ timeoutMs: 10_000 });
    expect(got).toEqual({ done: false, value: t });
    expect(got.value).toBeInstanceOf(SharedTable);
    // And from the main Lua VM.
    const [v, same] = await lua.runAsync(`
      local t = parallel.shared.table('made')
      return t:get('by'), rawequal(t, parallel.shared.table('made'))`);
    expect([v, same]).toEqual([makerId, true]);
  });

  test('a name created by one worker arrives in a message to a worker busy in a task', async () => {
    // The receiver is blocked in receive while the other worker creates 'fresh', so it has not
    // read the announcement: decoding the message asks the main thread for the name.
    const receiver = pool.run(`
      local t = assert(parallel.shared.channel('pass', 1):receive(10))
      return t:increment('n'), tostring(t)`);
    const sender = pool.run(`
      local t = parallel.shared.table('fresh', 4)
      t:set('n', 41)
      parallel.shared.channel('pass', 1):send(t)`);
    await sender;
    expect(await receiver).toEqual([42, 'SharedTable: fresh']);
    expect(pool.shared.table('fresh').get('n')).toBe(42);
  });

  test('two workers racing to create the same names end up with the same objects', async () => {
    // A spin barrier per round makes both workers ask for the round's new name at once.
    const ROUNDS = 40;
    const N = 2000;
    pool.shared.table('barrier', { capacity: 2 * ROUNDS });
    const code = `
      local rounds, n = ...
      local barrier = parallel.shared.table('barrier')
      for r = 1, rounds do
        barrier:increment(r)
        while barrier:get(r) < 2 do end
        local t = parallel.shared.table('race' .. r, r)   -- capacities differ: one wins
        local ch = parallel.shared.channel('race' .. r, 2 * n)
        for i = 1, n do t:increment('n') end
        ch:send(parallel.worker)
      end
      return true`;
    expect((await Promise.all([pool.run(code, ROUNDS, N), pool.run(code, ROUNDS, N)])).flat()).toEqual([true, true]);
    for (let r = 1; r <= ROUNDS; r++) {
      const t = pool.shared.table(`race${r}`);
      expect(t.get('n'), `round ${r}`).toBe(2 * N);
      expect(t.capacity).toBe(r);
      expect(pool.shared.channel(`race${r}`).size(), `round ${r}`).toBe(2);
    }
  });

  test('init code may create shared objects (every worker starting at once)', async () => {
    const p = new LuaPool({ size: 2, init: `parallel.shared.table('starts', 4):increment('n')` });
    await p.ready;
    expect(p.shared.table('starts').get('n')).toBe(2);
    await p.close();
  });

  test('a replacement worker sees what a dead worker created; the existing capacity holds', async () => {
    const p = new LuaPool({ size: 1 });
    const made = await p.run(`
      parallel.shared.table('left', 4):set('x', 'kept')
      parallel.shared.channel('left-ch', 2):send('queued')
      return parallel.worker`);
    await expect(p.run(`parallel.shared.table('doomed', 2):set('y', 1) os.exit(1)`)).rejects.toThrow(/exited \(os\.exit\(1\)\)/);
    const [x, msg, y, worker] = await p.run(`
      return parallel.shared.table('left'):get('x'), parallel.shared.channel('left-ch'):receive(),
             parallel.shared.table('doomed'):get('y'), parallel.worker`);
    expect([x, msg, y]).toEqual(['kept', 'queued', 1]);
    expect(worker).not.toBe(made[0]);
    // Asking again with another capacity gets the existing table (as on the main thread).
    await expect(p.run(`local t = parallel.shared.table('left', 100) for i = 1, 5 do t:set(i, i) end`)).rejects.toThrow(
      "shared table 'left' is full (capacity 4 keys",
    );
    await p.close();
  });

  test('bad options are Lua errors at the call', async () => {
    await expect(pool.run(`parallel.shared.table('bad', 2^40)`)).rejects.toThrow(/:1: shared table capacity must be a positive integer$/);
    await expect(pool.run(`parallel.shared.channel('bad', { messageBytes = 0 })`)).rejects.toThrow(/:1: option 'messageBytes' must be a positive integer/);
    const [ok, err] = await pool.run(`return pcall(function() return parallel.shared.table('bad', { keyBytes = -1 }) end)`);
    expect([ok, err]).toEqual([false, expect.stringMatching(/:1: option 'keyBytes' must be a positive integer/)]);
    expect(() => pool.shared.resolve('table', 'bad')).toThrow("shared table 'bad' does not exist in this pool");
  });
});
