// sync-lib.test.ts — task.semaphore and task.channel against the built package: FIFO
// fairness without barging, the bound on holders, blocking sends and receives, close, the
// values() iterator, and cancellation that loses neither permits nor values.

import { describe, expect, test } from 'vitest';
import { Lua } from '../../dist/index.js';

async function virtual(code: string): Promise<unknown[]> {
  const lua = new Lua({ clock: 'virtual' });
  return lua.runAsync(code, { chunkName: '=test' });
}

describe('semaphore', () => {
  test('permits go to waiters in arrival order; a late acquire cannot barge in', async () => {
    const [order, maxHeld, avail] = await virtual(`
      local sem = task.semaphore(2)
      local order, held, maxHeld = {}, 0, 0
      local hs = {}
      for i = 1, 8 do
        hs[i] = task.spawn(function()
          sem:acquire()
          held = held + 1
          maxHeld = math.max(maxHeld, held)
          order[#order + 1] = i
          task.wait(1 + (i % 3))
          held = held - 1
          sem:release()
        end)
      end
      -- A newcomer arriving while everyone waits queues behind them, even right after a release.
      task.wait(1)
      hs[9] = task.spawn(function() sem:acquire() order[#order + 1] = 9 sem:release() end)
      for _, h in ipairs(hs) do h:await() end
      return table.concat(order, ","), maxHeld, sem:available()
    `);
    expect(order).toBe('1,2,3,4,5,6,7,8,9');
    expect(maxHeld).toBe(2);
    expect(avail).toBe(2);
  });

  test('acquire without waiting when a permit is free; available() counts', async () => {
    const lua = new Lua();
    // No task needed when nobody has to wait.
    expect(lua.run('local s = task.semaphore(2) s:acquire() local a = s:available() s:release() return a, s:available()')).toEqual([
      1, 2,
    ]);
    expect(() => lua.run('task.semaphore(-1)', { chunkName: '=t' })).toThrow(/negative number of permits/);
  });

  test('a cancelled waiter leaves the queue; a waiter cancelled after being granted passes the permit on', async () => {
    const [order, avail] = await virtual(`
      local sem = task.semaphore(1)
      local order = {}
      sem:acquire()
      local a = task.spawn(function() sem:acquire() order[#order + 1] = "a" sem:release() end)
      local b = task.spawn(function() sem:acquire() order[#order + 1] = "b" sem:release() end)
      local c = task.spawn(function() sem:acquire() order[#order + 1] = "c" sem:release() end)
      task.cancel(a)          -- waiting in the queue: leaves it
      sem:release()           -- granted to b, which has not resumed yet
      task.cancel(b)          -- b never uses it: the permit goes to c
      c:await()
      return table.concat(order, ","), sem:available()
    `);
    expect([order, avail]).toEqual(['c', 1]);
  });
});

describe('channel', () => {
  test('unbuffered: send waits for a receiver (rendezvous)', async () => {
    const [log] = await virtual(`
      local ch = task.channel()
      local log = {}
      local p = task.spawn(function()
        for i = 1, 3 do ch:send(i) log[#log + 1] = "sent" .. i end
      end)
      log[#log + 1] = "producer " .. p:status()
      for i = 1, 3 do task.wait(1) log[#log + 1] = "got" .. ch:receive() end
      p:await()
      return table.concat(log, " ")
    `);
    expect(log).toBe('producer waiting got1 sent1 got2 sent2 got3 sent3');
  });

  test('buffered: send waits only when full; receive waits when empty', async () => {
    const [log] = await virtual(`
      local ch = task.channel(2)
      local log = {}
      local p = task.spawn(function()
        for i = 1, 4 do ch:send(i) log[#log + 1] = "s" .. i end
      end)
      log[#log + 1] = p:status()
      local c = task.spawn(function()
        for i = 1, 5 do local v = ch:receive() log[#log + 1] = "r" .. v end
      end)
      task.wait(1)
      log[#log + 1] = c:status()
      ch:send(5)
      c:await()
      return table.concat(log, " ")
    `);
    expect(log).toBe('s1 s2 waiting r1 r2 r3 s3 s4 r4 waiting r5');
  });

  test('close: buffered values drain, then nil, "closed"; values() ends; send fails', async () => {
    const [got, a, b, ok, err] = await virtual(`
      local ch = task.channel(10)
      for i = 1, 3 do ch:send(i * 10) end
      ch:close()
      local got = {}
      for v in ch:values() do got[#got + 1] = v end
      local a, b = ch:receive()
      local ok, err = pcall(function() ch:send(1) end)
      return table.concat(got, ","), a, b, ok, err
    `);
    expect([got, a, b, ok, err]).toEqual(['10,20,30', undefined, 'closed', false, 'test:8: send on a closed channel']);
  });

  test('close wakes waiting receivers with nil, "closed" and waiting senders with an error', async () => {
    const [r] = await virtual(`
      local ch = task.channel()
      local log = {}
      local r1 = task.spawn(function() local v, e = ch:receive() log[#log + 1] = tostring(v) .. "/" .. e end)
      local it = task.spawn(function() for v in ch:values() do log[#log + 1] = v end log[#log + 1] = "loop ended" end)
      task.wait(1)
      ch:close()
      r1:await() it:await()
      local full = task.channel(0)
      local s = task.spawn(function() full:send("x") end)
      full:close()
      local ok, e = pcall(s.await, s)
      log[#log + 1] = e
      return table.concat(log, " | ")
    `);
    expect(r).toBe('nil/closed | loop ended | test:10: send on a closed channel');
  });

  test('many producers and consumers: every value is delivered exactly once', async () => {
    const [count, sum, distinct] = await virtual(`
      local ch = task.channel(3)
      local producers, consumers = {}, {}
      for p = 1, 4 do
        producers[p] = task.spawn(function()
          for i = 1, 25 do ch:send(p * 1000 + i) if i % 7 == 0 then task.wait(0.1) end end
        end)
      end
      local seen, count, sum = {}, 0, 0
      for c = 1, 3 do
        consumers[c] = task.spawn(function()
          for v in ch:values() do seen[v] = (seen[v] or 0) + 1 count = count + 1 sum = sum + v end
        end)
      end
      for _, p in ipairs(producers) do p:await() end
      ch:close()
      for _, c in ipairs(consumers) do c:await() end
      local distinct = 0
      for _, n in pairs(seen) do if n == 1 then distinct = distinct + 1 end end
      return count, sum, distinct
    `);
    expect(count).toBe(100);
    expect(sum).toBe((1000 + 2000 + 3000 + 4000) * 25 + 4 * ((25 * 26) / 2));
    expect(distinct).toBe(100);
  });

  test('a receiver cancelled after being handed a value does not lose it', async () => {
    const [v] = await virtual(`
      local ch = task.channel()
      local r1 = task.spawn(function() return ch:receive() end)
      ch:send("precious")   -- handed to r1, which has not resumed yet
      task.cancel(r1)
      return ch:receive()
    `);
    expect(v).toBe('precious');
  });

  test('nil cannot be sent; capacity must be a count', () => {
    const lua = new Lua();
    expect(() => lua.run('task.channel(1):send(nil)', { chunkName: '=t' })).toThrow(/non-nil value expected/);
    expect(() => lua.run('task.channel(-1)', { chunkName: '=t' })).toThrow(/capacity/);
    expect(lua.run('local ch = task.channel(math.huge) for i = 1, 100 do ch:send(i) end return ch:receive()')).toEqual([1]);
  });
});
