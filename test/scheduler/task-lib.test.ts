// task-lib.test.ts — the Lua `task` library against the built package: spawn/defer/delay
// order, wait, cancel (with <close> and host signals), await and status, all, allSettled,
// race, timeout, error reporting and the virtual clock. Timing-sensitive tests use the
// virtual clock, so they are exact and instant.

import { describe, expect, test } from 'vitest';
import { Lua, LuaError } from '../../dist/index.js';

const sleep = (ms: number, v?: unknown) => new Promise((r) => setTimeout(() => r(v ?? ms), ms));

function collect(options: ConstructorParameters<typeof Lua>[0] = {}): { lua: Lua; out: () => string; err: () => string } {
  const chunks: Uint8Array[] = [];
  const errs: Uint8Array[] = [];
  const lua = new Lua({ ...options, stdout: (b) => chunks.push(b), stderr: (b) => errs.push(b) });
  return {
    lua,
    out: () => Buffer.concat(chunks).toString('utf8'),
    err: () => Buffer.concat(errs).toString('utf8'),
  };
}

/** Run `code` as a task under the virtual clock; returns its results. */
async function virtual(code: string): Promise<unknown[]> {
  const lua = new Lua({ clock: 'virtual' });
  return lua.runAsync(code, { chunkName: '=test' });
}

describe('spawn, defer, delay', () => {
  test('spawn runs now until the task first waits; defer runs after the current task waits', async () => {
    const [log] = await virtual(`
      local log = {}
      local function add(s) log[#log + 1] = s end
      task.defer(function() add("defer") end)
      local h = task.spawn(function(a, b)
        add("spawn " .. a .. b)
        task.wait()
        add("spawn resumed")
      end, "x", "y")
      add("main")
      task.wait()
      add("main resumed")
      h:await()
      return table.concat(log, ", ")
    `);
    expect(log).toBe('spawn xy, main, defer, spawn resumed, main resumed');
  });

  test('a spawned task that never waits is done when spawn returns', async () => {
    expect(await virtual('local h = task.spawn(function() return 1, 2 end) return h:status(), h:await()')).toEqual([
      'done',
      1,
      2,
    ]);
  });

  test('delay starts after its delay, in due order', async () => {
    const [log, now] = await virtual(`
      local log = {}
      for _, d in ipairs({0.3, 0.1, 0.2, 0.1}) do
        task.delay(d, function(x) log[#log + 1] = x end, d)
      end
      local waited = task.wait(1)
      return table.concat(log, " "), waited
    `);
    expect(log).toBe('0.1 0.1 0.2 0.3');
    expect(now).toBe(1);
  });

  test('spawn works from a synchronous run; the task goes on in the event loop', async () => {
    const { lua, out } = collect();
    lua.run('task.spawn(function() print("before") task.wait(0.01) print("after") end)');
    expect(out()).toBe('before\n');
    await sleep(50);
    expect(out()).toBe('before\nafter\n');
  });

  test('argument errors read like Lua', () => {
    const lua = new Lua();
    expect(() => lua.run('task.spawn(42)', { chunkName: '=t' })).toThrow("t:1: bad argument #1 to 'spawn' (function expected, got number)");
    expect(() => lua.run('task.cancel({})', { chunkName: '=t' })).toThrow("t:1: bad argument #1 to 'cancel' (task expected, got table)");
    expect(() => lua.run('task.all({print, 1})', { chunkName: '=t' })).toThrow(
      "t:1: bad argument #1 to 'all' (function expected at index 2, got number)",
    );
  });
});

describe('wait', () => {
  test('returns the seconds waited (exact under the virtual clock)', async () => {
    expect(await virtual('return task.wait(1.5), task.wait(0), math.type(task.wait(2))')).toEqual([1.5, 0, 'float']);
  });

  test('math.huge waits until cancelled (no timer; virtual time does not jump to infinity)', async () => {
    const [s1, dt, s2] = await virtual(`
      local h = task.spawn(function() task.wait(math.huge) end)
      local d = task.delay(math.huge, print)
      local dt = task.wait(5)
      local s1 = h:status() .. "/" .. d:status()
      task.cancel(h) task.cancel(d)
      return s1, dt, h:status() .. "/" .. d:status()
    `);
    expect([s1, dt, s2]).toEqual(['waiting/waiting', 5, 'cancelled/cancelled']);
    const lua = new Lua();
    const [r] = await lua.runAsync('local h = task.spawn(task.wait, 1e12) task.wait(0.02) task.cancel(h) return h:status()');
    expect(r).toBe('cancelled');
  });

  test('real clock: waits at least the time asked, and wait() takes a turn of the event loop', async () => {
    const lua = new Lua();
    let turns = 0;
    const iv = setInterval(() => turns++, 0);
    const [dt, dt0] = (await lua.runAsync('local a = task.wait(0.03) local b = task.wait() return a, b')) as number[];
    const before = turns;
    await lua.runAsync('for i = 1, 3 do task.wait() end');
    clearInterval(iv);
    expect(dt).toBeGreaterThanOrEqual(0.029);
    expect(dt).toBeLessThan(1);
    expect(dt0).toBeGreaterThanOrEqual(0);
    expect(turns).toBeGreaterThan(before);
  });

  test('waits anywhere: inside pcall, coroutines, iterators and metamethods', async () => {
    const [r] = await virtual(`
      local ok, dt = pcall(task.wait, 1)
      local co = coroutine.wrap(function() coroutine.yield(task.wait(2)) end)
      local t = setmetatable({}, { __index = function(_, k) task.wait(0.5) return k end })
      local n = 0
      for i in function(_, i) if i < 3 then task.wait(0.25) return i + 1 end end, nil, 0 do n = n + i end
      return table.concat({tostring(ok), dt, co(), t.key, n}, " ")
    `);
    expect(r).toBe('true 1.0 2.0 key 6');
  });

  test('cannot wait outside a task', () => {
    const lua = new Lua();
    expect(() => lua.run('task.wait(1)', { chunkName: '=t' })).toThrow(/t:1: attempt to wait outside a task/);
    expect(() => lua.run('local h = task.delay(1, print) h:await()', { chunkName: '=t' })).toThrow(
      /t:1: attempt to wait outside a task/,
    );
  });

  test('a native call boundary inside a task refuses to wait (the task fails, others go on)', async () => {
    const lua = new Lua({ onTaskError: () => {} });
    const [ok, msg] = (await lua.runAsync(
      'return pcall(tostring, setmetatable({}, { __tostring = function() task.wait() return "" end }))',
      { chunkName: '=t' },
    )) as [boolean, string];
    expect(ok).toBe(false);
    expect(msg).toMatch(/attempt to wait across a native call boundary/);
  });

  test('coroutine.yield cannot leave a task body', async () => {
    const lua = new Lua();
    await expect(lua.runAsync('coroutine.yield(1)')).rejects.toThrow(/attempt to yield/);
    expect(await lua.runAsync('return coroutine.isyieldable()')).toEqual([false]);
  });
});

describe('cancel', () => {
  test('a waiting task stops at its wait: <close> runs (with the error), pcall cannot catch it, await raises "cancelled"', async () => {
    const [closed, status, ok, err, reached] = await virtual(`
      local closed, reached = nil, false
      local h = task.spawn(function()
        local guard <close> = setmetatable({}, { __close = function(_, e) closed = e end })
        pcall(task.wait, 100)
        reached = true
      end)
      task.cancel(h)
      local ok, err = pcall(h.await, h)
      return closed, h:status(), ok, err, reached
    `);
    expect([closed, status, ok, err, reached]).toEqual(['cancelled', 'cancelled', false, 'cancelled', false]);
  });

  test('cancelling fires the AbortSignal a pending host promise was given', async () => {
    const lua = new Lua();
    let reason: unknown;
    lua.set('fetchSlow', () => {
      const signal = lua.signal!;
      return new Promise((_, reject) =>
        signal.addEventListener('abort', () => {
          reason = signal.reason;
          reject(signal.reason);
        }),
      );
    });
    const [status] = await lua.runAsync(`
      local h = task.spawn(function() fetchSlow() end)
      task.cancel(h)
      return h:status()
    `);
    expect(status).toBe('cancelled');
    expect(reason).toBeInstanceOf(LuaError);
    expect((reason as LuaError).message).toBe('cancelled');
  });

  test('deferred and delayed tasks cancelled before they start never run', async () => {
    const [ran, s1, s2] = await virtual(`
      local ran = 0
      local a = task.defer(function() ran = ran + 1 end)
      local b = task.delay(1, function() ran = ran + 1 end)
      task.cancel(a) task.cancel(b)
      task.wait(2)
      return ran, a:status(), b:status()
    `);
    expect([ran, s1, s2]).toEqual([0, 'cancelled', 'cancelled']);
  });

  test('a task can cancel itself; code after it does not run; cancelling a finished task does nothing', async () => {
    const [after, status, s2] = await virtual(`
      local after = false
      local h
      h = task.spawn(function()
        task.wait(1)
        h:cancel()
        after = true
      end)
      local done = task.spawn(function() return 1 end)
      task.cancel(done)
      task.wait(2)
      return after, h:status(), done:status()
    `);
    expect([after, status, s2]).toEqual([false, 'cancelled', 'done']);
  });

  test('a CPU-bound task is cancelled at its next time slice', async () => {
    const lua = new Lua();
    const [status, closed] = await lua.runAsync(`
      local closed = false
      local h = task.spawn(function()
        local g <close> = setmetatable({}, { __close = function() closed = true end })
        while true do end
      end)
      task.wait(0.02)
      task.cancel(h)
      return h:status(), closed
    `);
    expect([status, closed]).toEqual(['cancelled', true]);
  });

  test('a task started by the task it cancels stops its parent when control returns to it', async () => {
    const [parentStatus, log] = await virtual(`
      local log = {}
      local box = {}
      local parent = task.defer(function()
        task.spawn(function() task.cancel(box.parent) end)
        log[#log + 1] = "parent went on"
      end)
      box.parent = parent
      task.wait()
      return parent:status(), #log
    `);
    expect([parentStatus, log]).toEqual(['cancelled', 0]);
  });
});

describe('await and status', () => {
  test('status goes waiting → running → done / failed / cancelled', async () => {
    const [r] = await virtual(`
      local seen = {}
      local h
      h = task.delay(1, function() seen[#seen + 1] = h:status() task.wait(1) end)
      seen[#seen + 1] = h:status()
      task.wait(1.5)
      seen[#seen + 1] = h:status()
      h:await()
      seen[#seen + 1] = h:status()
      local f = task.spawn(function() error("x") end)
      pcall(f.await, f)
      seen[#seen + 1] = f:status()
      return table.concat(seen, " ")
    `);
    expect(r).toBe('waiting running waiting done failed');
  });

  test('await returns all results or raises the task\'s error value (catchable)', async () => {
    const [a, b, n, ok, e, ok2, tbl] = await virtual(`
      local h = task.spawn(function() task.wait(1) return "a", "b", nil end)
      local a, b, c = h:await()
      local f = task.spawn(function() task.wait(1) error("boom") end)
      local ok, e = pcall(f.await, f)
      local g = task.spawn(function() error({code = 7}) end)
      local ok2, t = pcall(g.await, g)
      return a, b, select("#", h:await()), ok, e, ok2, t.code
    `);
    expect([a, b, n, ok, e, ok2, tbl]).toEqual(['a', 'b', 3, false, 'test:4: boom', false, 7]);
  });

  test('many tasks can await the same task; a task cannot await itself', async () => {
    const [sum, msg] = await virtual(`
      local h = task.delay(1, function() return 10 end)
      local total = 0
      local ws = {}
      for i = 1, 5 do ws[i] = task.spawn(function() local v = h:await() total = total + v end) end
      for i = 1, 5 do ws[i]:await() end
      local me
      me = task.spawn(function() task.wait(0) return pcall(me.await, me) end)
      local _, err = me:await()
      return total, err
    `);
    expect(sum).toBe(50);
    expect(msg).toMatch(/a task cannot await itself/);
  });
});

describe('all, allSettled, race, timeout', () => {
  test('all: table.pack results in input order', async () => {
    const [r] = await virtual(`
      local res = task.all({
        function() task.wait(3) return "slow" end,
        function() task.wait(1) return "fast", 2 end,
        function() return end,
      })
      return res[1][1] .. " " .. res[2][1] .. " " .. res[2][2] .. " n=" .. res[2].n .. " " .. res[3].n .. " #" .. #res
    `);
    expect(r).toBe('slow fast 2 n=2 0 #3');
  });

  test('all: the first error cancels the others (their <close> runs) and is raised', async () => {
    const [ok, err, closed, status] = await virtual(`
      local closed = {}
      local function guarded(name, d)
        return function()
          local g <close> = setmetatable({}, { __close = function(_, e) closed[#closed + 1] = name .. ":" .. tostring(e) end })
          task.wait(d)
        end
      end
      local ok, err = pcall(task.all, { guarded("a", 5), function() task.wait(1) error("bad", 0) end, guarded("b", 9) })
      return ok, err, table.concat(closed, " ")
    `);
    expect([ok, err, closed, status]).toEqual([false, 'bad', 'a:cancelled b:cancelled', undefined]);
  });

  test('all with { concurrency = n } never has more than n in flight and keeps input order', async () => {
    const [maxIn, order] = await virtual(`
      local inFlight, maxIn, order = 0, 0, {}
      local fns = {}
      for i = 1, 10 do
        fns[i] = function()
          inFlight = inFlight + 1
          maxIn = math.max(maxIn, inFlight)
          order[#order + 1] = i
          task.wait((i * 7) % 3 + 0.5)
          inFlight = inFlight - 1
          return i * i
        end
      end
      local res = task.all(fns, { concurrency = 3 })
      local sq = {}
      for i = 1, #res do sq[i] = res[i][1] end
      return maxIn, table.concat(order, ",") .. " " .. table.concat(sq, ",")
    `);
    expect(maxIn).toBe(3);
    expect(order).toBe('1,2,3,4,5,6,7,8,9,10 1,4,9,16,25,36,49,64,81,100');
  });

  test('allSettled: a record per task, nothing cancelled', async () => {
    const [r] = await virtual(`
      local res = task.allSettled({
        function() task.wait(1) return 1, 2 end,
        function() error("nope", 0) end,
        function() task.wait(2) return "late" end,
      })
      return string.format("%s %d %d %d | %s %s | %s %s", tostring(res[1].ok), res[1].n, res[1][1], res[1][2],
        tostring(res[2].ok), res[2].error, tostring(res[3].ok), res[3][1])
    `);
    expect(r).toBe('true 2 1 2 | false nope | true late');
  });

  test('race: the first to finish wins, the others are cancelled', async () => {
    const [winner, n, statuses] = await virtual(`
      local hs = {}
      local function runner(name, d)
        return function() hs[name] = coroutine.running() task.wait(d) return name end
      end
      local w, extra = task.race({ runner("slow", 3), runner("fast", 1), runner("mid", 2) })
      return w, select("#", task.race({ function() return 1, 2, 3 end })), "ok"
    `);
    expect([winner, n, statuses]).toEqual(['fast', 3, 'ok']);
    const [err] = await virtual(`
      local ok, e = pcall(task.race, { function() task.wait(1) error("first", 0) end, function() task.wait(2) return 1 end })
      return e
    `);
    expect(err).toBe('first');
  });

  test('timeout: true and the results, or false, "timeout" with the function cancelled', async () => {
    const r = await virtual(`
      local closed
      local a = { task.timeout(2, function(x) task.wait(1) return x, "done" end, "v") }
      local b = { task.timeout(1, function()
        local g <close> = setmetatable({}, { __close = function(_, e) closed = e end })
        task.wait(5)
        return "never"
      end) }
      local ok, err = pcall(task.timeout, 1, function() error("inner", 0) end)
      return a[1], a[2], a[3], b[1], b[2], closed, ok, err
    `);
    expect(r).toEqual([true, 'v', 'done', false, 'timeout', 'timeout', false, 'inner']);
  });

  test('cancelling a task waiting in all/timeout cancels what it waits for', async () => {
    const [closed, status] = await virtual(`
      local closed = 0
      local function child()
        local g <close> = setmetatable({}, { __close = function() closed = closed + 1 end })
        task.wait(10)
      end
      local parent = task.spawn(function()
        task.spawn(function() task.timeout(10, child) end)
        task.all({ child, child })
      end)
      task.wait(1)
      task.cancel(parent)
      return closed, parent:status()
    `);
    // The two children of `all` go with their parent; the timeout's task is not a child of
    // the parent (it belongs to another spawned task) and keeps waiting.
    expect([closed, status]).toEqual([2, 'cancelled']);
  });
});

describe('errors nobody awaits', () => {
  test('go to onTaskError with message and traceback; awaited errors do not', async () => {
    const seen: LuaError[] = [];
    const lua = new Lua({ onTaskError: (e) => seen.push(e), clock: 'virtual' });
    await lua.runAsync(
      `
      task.spawn(function() task.wait(1) error("lost") end)
      local h = task.spawn(function() error("claimed") end)
      pcall(h.await, h)
      task.wait(2)
    `,
      { chunkName: '=bg' },
    );
    await sleep(10);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeInstanceOf(LuaError);
    expect(seen[0].message).toBe('bg:2: lost');
    expect(seen[0].luaTraceback).toMatch(/stack traceback:\n\t\[C\]: in function 'error'\n\tbg:2: in function <bg:2>$/);
  });

  test('by default they are printed on stderr and do not stop other tasks', async () => {
    const { lua, out, err } = collect();
    await lua.runAsync(
      `
      task.spawn(function() error("oops") end)
      task.wait(0.01)
      print("still running")
    `,
      { chunkName: '=main' },
    );
    await sleep(10);
    expect(out()).toBe('still running\n');
    expect(err()).toMatch(/^moonlet: task error: main:2: oops\nstack traceback:\n/);
  });
});

describe('virtual clock', () => {
  test('long waits finish at once and runs are deterministic', async () => {
    const program = `
      local log = {}
      for i = 1, 20 do
        task.spawn(function()
          for k = 1, 3 do task.wait(((i * 37 + k * 11) % 17) / 10) log[#log + 1] = i .. "." .. k end
        end)
      end
      task.wait(3600)
      return table.concat(log, " ")
    `;
    const t0 = Date.now();
    const [a] = await virtual(program);
    const [b] = await virtual(program);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(a).toBe(b);
    expect((a as string).split(' ')).toHaveLength(60);
  });

  test('virtual time stands still while a host promise is pending', async () => {
    const lua = new Lua({ clock: 'virtual' });
    lua.set('io_wait', () => sleep(30));
    const [r] = await lua.runAsync(`
      local log = {}
      task.spawn(function() io_wait() log[#log + 1] = "io" end)
      task.spawn(function() task.wait(0.001) log[#log + 1] = "timer" end)
      task.wait(1)
      return table.concat(log, " ")
    `);
    expect(r).toBe('io timer');
  });
});

describe('time slices', () => {
  test('a busy task does not starve the others', async () => {
    const lua = new Lua();
    const [n] = await lua.runAsync(`
      local flag = false
      task.spawn(function() task.wait(0.01) flag = true end)
      local n = 0
      while not flag do n = n + 1 end
      return n
    `);
    expect(n).toBeGreaterThan(0);
  });

  test('closing the state cancels every task', async () => {
    const { lua, out } = collect();
    lua.run(`
      for i = 1, 3 do
        task.spawn(function()
          local g <close> = setmetatable({}, { __close = function(_, e) print("closed " .. i .. " " .. e) end })
          task.wait(100)
        end)
      end
    `);
    lua.close();
    expect(out()).toBe('closed 1 the Lua state is closed\nclosed 2 the Lua state is closed\nclosed 3 the Lua state is closed\n');
  });
});
