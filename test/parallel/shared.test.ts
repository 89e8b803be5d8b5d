// shared.test.ts — shared tables and channels (SharedArrayBuffer) between the main thread,
// the main Lua VM and workers: atomic increments, updates under a lock, limits, blocking and
// asynchronous receives.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Lua, LuaError, LuaPool } from '../../dist/index.js';

let pool: LuaPool;
let lua: Lua;
beforeAll(() => {
  pool = new LuaPool({ size: 2 });
  lua = new Lua();
  pool.install(lua);
});
afterAll(() => pool.close());

describe('shared tables', () => {
  test('two workers × 1,000,000 increments of one key end at exactly 2,000,000', async () => {
    const counter = pool.shared.table('counter');
    await pool.map(
      `local n = ... local c = parallel.shared.table('counter') for i = 1, n do c:increment('hits') end`,
      [1_000_000, 1_000_000],
    );
    expect(counter.get('hits')).toBe(2_000_000);
    const [type] = await lua.runAsync(`return math.type(parallel.shared.table('counter'):get('hits'))`);
    expect(type).toBe('integer');
  });

  test('update runs under the key lock: no lost updates', async () => {
    const t = pool.shared.table('log', { valueBytes: 16 });
    await pool.map(
      `local t = parallel.shared.table('log')
       for k = 1, 500 do t:update('n', function(old) return (old or 0) + 1 end) end
       return t:update('last', function() return 'w' .. parallel.worker end)`,
      [1, 2, 3, 4],
    );
    expect(t.get('n')).toBe(2000);
    expect(String(t.get('last'))).toMatch(/^w\d$/);
  });

  test('JS and Lua see the same keys, values and subtypes', async () => {
    const t = pool.shared.table('kv', { capacity: 8 });
    t.set('name', 'héllo');
    t.set(1, 1.5);
    t.set(2, 2);
    t.set('big', 2n ** 62n);
    const r = await lua.runAsync(`
      local t = parallel.shared.table('kv')
      t:set('flag', true)
      t:set(3, 3.0)
      t:set('gone', 1) t:set('gone', nil)
      return t:get('name'), t:get(1), math.type(t:get(2)), math.type(t:get(3.0)), t:get('big') == 1 << 62, t:size(), #t:keys(),
        t:clone().flag`);
    expect(r).toEqual(['héllo', 1.5, 'integer', 'float', true, 6, 6, true]);
    expect(t.get('flag')).toBe(true);
    expect(t.increment(3, 0.5)).toBe(3.5);
    expect(t.update('name', (old) => `${old}!`)).toBe('héllo!');
    expect(new Set(t.keys())).toEqual(new Set(['name', 1, 2, 'big', 'flag', 3]));
    expect(t.clone().get('flag')).toBe(true);
    expect(t.size()).toBe(6);
  });

  test('clear errors: full, long strings, bad keys and values, re-entrant update', async () => {
    const t = pool.shared.table('small', { capacity: 2, valueBytes: 4 });
    t.set('a', 1);
    t.set('b', 2);
    expect(() => t.set('c', 3)).toThrow("shared table 'small' is full (capacity 2 keys");
    expect(() => t.set('a', 'too long')).toThrow('string value too long (8 bytes; this table holds at most 4)');
    const r = await lua.runAsync(`
      local t = parallel.shared.table('small')
      local ok1, e1 = pcall(function() t:set(1.5, 1) end)
      local ok2, e2 = pcall(function() t:set('a', {}) end)
      local ok3, e3 = pcall(t.update, t, 'a', function() return t:get('a') end)
      local ok4, e4 = pcall(t.increment, t, 'a', 'x')
      return e1, e2, e3, e4`);
    expect(r[0]).toMatch(/:3: shared table 'small': keys must be strings or integers \(got a non-integral float\)/);
    expect(r[1]).toMatch(/cannot store a table value/);
    expect(r[2]).toMatch(/key 'a' is locked by an update running on this thread/);
    expect(r[3]).toMatch(/number expected, got string/);
  });

  test('shared objects travel by name: as upvalues, arguments and results', async () => {
    const t = pool.shared.table('byname');
    const r = await lua.runAsync(`
      local t = parallel.shared.table('byname')
      local ch = parallel.shared.channel('byname-ch', 4)
      local got = parallel.map(function(i) t:increment('n', i) ch:send(i) return t end, { 1, 2, 3 })
      local a, b = ch:receive(), ch:receive()
      return t:get('n'), rawequal(got[1], t), tostring(got[3])`);
    expect(r).toEqual([6, true, 'SharedTable: byname']);
    const [back] = await pool.run(`local t = ... t:set('js', true) return t`, t);
    expect(back).toBe(t);
    expect(t.get('js')).toBe(true);
  });
});

describe('shared channels', () => {
  test('worker to main thread: async receive while the worker blocks on a full channel', async () => {
    const ch = pool.shared.channel('to-main', 2);
    const producer = pool.run(`
      local ch = parallel.shared.channel('to-main')
      for i = 1, 20 do ch:send({ i = i, s = ('x'):rep(i) }) end
      ch:close()
      return 'done'`);
    const got: number[] = [];
    for await (const v of ch) got.push((v as { i: number; s: string }).i);
    expect(got).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await producer).toEqual(['done']);
    expect(await ch.receive()).toEqual({ done: true, value: undefined });
  });

  test('worker to worker, and worker to the main Lua VM', async () => {
    pool.shared.channel('jobs', 4);
    pool.shared.channel('results', 4);
    const consumer = pool.run(`
      local jobs, results = parallel.shared.channel('jobs'), parallel.shared.channel('results')
      while true do
        local job, ok = jobs:receive()
        if not ok then break end
        results:send(job.f(job.x))
      end
      results:close()`);
    // A worker feeding the other worker; functions travel through channels too.
    const feeder = pool.run(`
      local jobs = parallel.shared.channel('jobs')
      for i = 1, 30 do jobs:send({ f = function(x) return x * 2 end, x = i }) end
      jobs:close()`);
    const [sum] = await lua.runAsync(`
      local results = parallel.shared.channel('results')
      local sum = 0
      while true do
        local v, ok = results:receive()
        if not ok then break end
        sum = sum + v
      end
      return sum`);
    await feeder;
    expect(sum).toBe(930);
    await consumer;
  });

  test('main Lua VM to a worker: send waits asynchronously while the channel is full', async () => {
    pool.shared.channel('numbers', 2);
    const consumer = pool.run(`
      local ch, sum = parallel.shared.channel('numbers'), 0
      while true do local v, ok = ch:receive() if not ok then return sum end sum = sum + v end`);
    const [sent] = await lua.runAsync(`
      local ch = parallel.shared.channel('numbers')
      for i = 1, 100 do ch:send(i) end
      ch:close()
      return ch:size() <= 2`);
    expect(sent).toBe(true);
    expect(await consumer).toEqual([5050]);
  });

  test('receive with a timeout; send on a closed channel; oversized messages', async () => {
    pool.shared.channel('quiet', { capacity: 1, messageBytes: 16 });
    const [v, ok, why, ms] = await pool.run(`
      local ch = parallel.shared.channel('quiet')
      local t0 = os.clock()
      local v, ok, why = ch:receive(0.05)
      return v, ok, why`);
    expect([v, ok, why, ms]).toEqual([undefined, false, 'timeout', undefined]);
    const ch = pool.shared.channel('quiet');
    await expect(ch.send('x'.repeat(100))).rejects.toThrow('message of 102 bytes exceeds its 16-byte slots');
    ch.close();
    await expect(ch.send(1)).rejects.toThrow("channel 'quiet' is closed");
    await expect(pool.run(`parallel.shared.channel('quiet'):send(1)`)).rejects.toThrow(/:1: channel 'quiet' is closed/);
    expect(ch.trySend === undefined).toBe(false);
  });

  test('JS values through a channel into Lua keep integers and floats apart', async () => {
    const ch = pool.shared.channel('types', 4);
    expect(ch.trySend([1, 2.5, 'z', { k: true }])).toBe(true);
    const [r] = await pool.run(`
      local v = parallel.shared.channel('types'):receive()
      return math.type(v[1]) .. ' ' .. math.type(v[2]) .. ' ' .. v[3] .. ' ' .. tostring(v[4].k)`);
    expect(r).toBe('integer float z true');
  });
});

test('LuaError is what shared objects throw', () => {
  const t = pool.shared.table('err', { capacity: 1 });
  t.set('x', 1);
  expect(() => t.set('y', 1)).toThrow(LuaError);
});
