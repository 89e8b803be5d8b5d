// run-tasks.test.ts — `lua.runTasks` against the built package: the concurrency bound is exact
// under load (instrumented), results come back in input order, failures keep the other
// results, per-task timeouts, AbortSignal cancellation, and runAsync as a task.

import { describe, expect, test } from 'vitest';
import { Lua, LuaError } from '../../dist/index.js';
import type { TaskResult } from '../../dist/index.js';

const sleep = (ms: number, v?: unknown) => new Promise((r) => setTimeout(() => r(v ?? ms), ms));

function collect(options: ConstructorParameters<typeof Lua>[0] = {}): { lua: Lua; out: () => string } {
  const chunks: Uint8Array[] = [];
  const lua = new Lua({ ...options, stdout: (b) => chunks.push(b) });
  return { lua, out: () => Buffer.concat(chunks).toString('utf8') };
}

/** A deterministic pseudo-random sequence (tests must not depend on Math.random). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function values(r: TaskResult): unknown[] {
  if (r.status !== 'fulfilled') throw new Error(`expected fulfilled, got ${r.error.message}`);
  return r.values;
}

describe('runTasks', () => {
  test('concurrency 3 over 30 tasks with random host delays: never more than 3 in flight, results in order', async () => {
    const lua = new Lua();
    const random = rng(42);
    let inFlight = 0;
    let maxInFlight = 0;
    const starts: number[] = [];
    lua.set('enter', (i: number) => {
      starts.push(i);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
    });
    lua.set('leave', () => {
      inFlight--;
    });
    lua.set('work', (i: number) => sleep(1 + Math.floor(random() * 15), i * 10));
    const job = lua.load('local i = ... enter(i) local a = work(i) local b = work(i) leave() return i, a + b');
    const results = await lua.runTasks(
      Array.from({ length: 30 }, (_, i) => ({ fn: job, args: [i + 1] })),
      { concurrency: 3 },
    );
    expect(maxInFlight).toBe(3);
    expect(inFlight).toBe(0);
    expect(starts).toEqual(Array.from({ length: 30 }, (_, i) => i + 1)); // FIFO: input order
    expect(results.map(values)).toEqual(Array.from({ length: 30 }, (_, i) => [i + 1, (i + 1) * 20]));
  });

  test('under load (400 tasks, concurrency 7: time slices, host awaits, waits, failures, timeouts, busy event loop) the bound is exact', async () => {
    // The permit is held from a task's start to its settling, whatever happens in between: a
    // task preempted by its time slice, one cancelled by its timeout while it waits, one that
    // fails, each must hand its permit on exactly once. Instrumented from inside the tasks
    // (a <close> variable leaves even when the task is cancelled). The virtual clock makes the
    // timeouts deterministic on a loaded machine: only the tasks that wait 10 s time out.
    const { lua } = collect({ sliceInstructions: 2000, clock: 'virtual' }); // CPU-bound tasks get preempted
    const random = rng(7);
    let inFlight = 0;
    let maxInFlight = 0;
    let entered = 0;
    const starts: number[] = [];
    lua.set('enter', (i: number) => {
      starts.push(i);
      entered++;
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
    });
    lua.set('leave', () => {
      inFlight--;
    });
    lua.set('hostDelay', () => sleep(Math.floor(random() * 4)));
    // Unrelated timers and microtasks keep the event loop busy meanwhile.
    let noise = true;
    const churn = (): void => {
      if (!noise) return;
      void Promise.resolve().then(() => setTimeout(churn, 0));
    };
    for (let i = 0; i < 20; i++) churn();
    const job = lua.load(`
      local i = ...
      enter(i)
      local guard <close> = setmetatable({}, { __close = function() leave() end })
      local kind = i % 5
      if kind == 0 then
        local x = 0
        for k = 1, 50000 do x = x + k % 7 end -- 25 time slices of 2,000 ticks
        return i, x > 0
      elseif kind == 1 then
        hostDelay() hostDelay()
        return i, true
      elseif kind == 2 then
        task.wait(0.001)
        return i, true
      elseif kind == 3 then
        hostDelay()
        error("failed " .. i, 0)
      else
        if i % 100 == 4 then task.wait(10) end -- cancelled by timeoutMs
        task.wait()
        return i, true
      end
    `);
    const N = 400;
    const results = await lua.runTasks(
      Array.from({ length: N }, (_, i) => ({ fn: job, args: [i + 1] })),
      { concurrency: 7, timeoutMs: 5000 },
    );
    noise = false;
    expect(maxInFlight).toBe(7);
    expect(inFlight).toBe(0);
    expect(entered).toBe(N);
    expect(starts).toEqual(Array.from({ length: N }, (_, i) => i + 1)); // FIFO: input order
    const outcome = (r: TaskResult): string => (r.status === 'fulfilled' ? r.values.join(' ') : r.error.message);
    const expected = (i: number): string =>
      i % 5 === 3 ? `failed ${i}` : i % 100 === 4 ? 'timeout exceeded' : `${i} true`;
    expect(results.map(outcome)).toEqual(Array.from({ length: N }, (_, i) => expected(i + 1)));
  });

  test('a failure is one rejected record; every other result is kept', async () => {
    const lua = new Lua();
    lua.set('sleep', sleep);
    const results = await lua.runTasks(
      [
        'sleep(5) return "a"',
        { fn: 'local x = ... sleep(1) error("bad " .. x)', args: ['input'], chunkName: '=job2' },
        'return 1 +',
        () => Promise.reject(new Error('host says no')),
        { fn: (a: number, b: number) => a + b, args: [2, 3] },
        'return "last"',
      ],
      { concurrency: 2 },
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'rejected', 'fulfilled', 'fulfilled']);
    expect(values(results[0])).toEqual(['a']);
    const r1 = results[1] as { status: 'rejected'; error: LuaError };
    expect(r1.error).toBeInstanceOf(LuaError);
    expect(r1.error.message).toBe('job2:1: bad input');
    expect(r1.error.luaTraceback).toMatch(/stack traceback:/);
    expect((results[2] as { error: LuaError }).error.message).toMatch(/unexpected symbol near <eof>/);
    const r3 = results[3] as { status: 'rejected'; error: LuaError };
    expect(r3.error.message).toBe('host says no');
    expect((r3.error.cause as Error).message).toBe('host says no');
    expect(values(results[4])).toEqual([5]);
    expect(values(results[5])).toEqual(['last']);
  });

  test('timeoutMs applies per task from its start, fires its signal and runs <close>', async () => {
    const { lua, out } = collect();
    const aborted: unknown[] = [];
    lua.set('slow', (ms: number) => {
      const signal = lua.signal!;
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => resolve(ms), ms);
        signal.addEventListener('abort', () => {
          clearTimeout(t);
          aborted.push(signal.reason);
          reject(signal.reason);
        });
      });
    });
    const job = lua.load(`
      local ms = ...
      local guard <close> = setmetatable({}, { __close = function(_, e) print("closed " .. ms .. " " .. tostring(e)) end })
      return slow(ms)
    `);
    const t0 = Date.now();
    const results = await lua.runTasks(
      [10, 2000, 15, 3000].map((ms) => ({ fn: job, args: [ms] })),
      { concurrency: 2, timeoutMs: 200 },
    );
    expect(Date.now() - t0).toBeLessThan(1500);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected']);
    expect(values(results[0])).toEqual([10]);
    expect((results[1] as { error: LuaError }).error.message).toBe('timeout exceeded');
    expect(aborted).toHaveLength(2);
    expect(out()).toContain('closed 2000 timeout exceeded');
    expect(out()).toContain('closed 3000 timeout exceeded');
    expect(out()).toContain('closed 10 nil');
  });

  test('an AbortSignal cancels running and pending tasks; finished results stay', async () => {
    const { lua, out } = collect();
    lua.set('sleep', sleep);
    const ac = new AbortController();
    const reason = new Error('stop now');
    const job = lua.load(`
      local ms = ...
      local guard <close> = setmetatable({}, { __close = function() print("closed " .. ms) end })
      pcall(sleep, ms) -- pcall cannot keep a cancelled task alive
      return ms
    `);
    const p = lua.runTasks(
      [5, 10, 5000, 5000, 5000, 5000, 5000, 5000].map((ms) => ({ fn: job, args: [ms] })),
      { concurrency: 4, signal: ac.signal },
    );
    await sleep(100);
    ac.abort(reason);
    const results = await p;
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', ...Array(6).fill('rejected')]);
    for (const r of results.slice(2)) {
      const e = (r as { error: LuaError }).error;
      expect(e.message).toBe('run aborted');
      expect(e.cause).toBe(reason);
    }
    // The first two finished, the next four were running (the finished ones made room) and
    // closed their variables; the last two never started.
    expect(out().split('\n').filter(Boolean).sort()).toEqual([
      'closed 10',
      'closed 5',
      'closed 5000',
      'closed 5000',
      'closed 5000',
      'closed 5000',
    ]);
  });

  test('an already aborted signal settles every task as rejected without running it', async () => {
    const lua = new Lua();
    let ran = 0;
    lua.set('mark', () => void ran++);
    const ac = new AbortController();
    ac.abort();
    const results = await lua.runTasks(['mark()', 'mark()'], { signal: ac.signal });
    expect(ran).toBe(0);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });

  test('bad options are errors', async () => {
    const lua = new Lua();
    await expect(lua.runTasks(['return 1'], { concurrency: 0 })).rejects.toThrow(RangeError);
    await expect(lua.runTasks([42 as never])).rejects.toThrow(TypeError);
    expect(await lua.runTasks([])).toEqual([]);
  });

  test('tasks interleave in one VM: they share globals and the task library', async () => {
    const lua = new Lua({ clock: 'virtual' });
    lua.run('log = {}');
    const job = lua.load('local name, d = ... for i = 1, 3 do log[#log + 1] = name .. i task.wait(d) end');
    await lua.runTasks([
      { fn: job, args: ['a', 1] },
      { fn: job, args: ['b', 1.5] },
    ]);
    expect(lua.run('return table.concat(log, " ")')).toEqual(['a1 b1 a2 b2 a3 b3']);
  });

  test('runAsync is a task: concurrent runs do not disturb each other', async () => {
    const lua = new Lua();
    lua.set('sleep', sleep);
    const [a, b] = await Promise.all([
      lua.runAsync('local s = 0 for i = 1, 5 do sleep(3) s = s + i end return s'),
      lua.runAsync('local t = {} for i = 1, 5 do sleep(2) t[#t + 1] = i end return table.concat(t)'),
    ]);
    expect(a).toEqual([15]);
    expect(b).toEqual(['12345']);
  });

  test('limits apply to each task: timeoutMs while awaiting, instructions while computing', async () => {
    const lua = new Lua({ limits: { timeoutMs: 100, instructions: 5_000_000 } });
    lua.set('sleep', sleep);
    const t0 = Date.now();
    await expect(lua.runAsync('pcall(sleep, 5000)')).rejects.toThrow('timeout exceeded');
    expect(Date.now() - t0).toBeLessThan(2000);
    const results = await lua.runTasks(['local i = 0 while true do i = i + 1 end', 'return "fine"']);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.values[0] : r.error.message))).toEqual([
      expect.stringMatching(/instruction limit exceeded|timeout exceeded/),
      'fine',
    ]);
  });

  test('lua.signal is the running task\'s own signal', async () => {
    const lua = new Lua();
    const seen: AbortSignal[] = [];
    lua.set('grab', () => {
      seen.push(lua.signal!);
      return sleep(1);
    });
    await lua.runTasks(['grab() grab()', 'grab()']);
    // Task 1 runs until its first await, then task 2 starts, then task 1 goes on.
    expect(seen).toHaveLength(3);
    expect(seen[0]).toBe(seen[2]);
    expect(seen[0]).not.toBe(seen[1]);
    expect(lua.signal).toBeUndefined();
  });
});
