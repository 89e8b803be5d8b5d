// pool.test.ts — LuaPool against the built package: running code and Lua functions in workers,
// values across isolates, bytecode shipped once, init code, output, the Lua-side `parallel`
// library, closing.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Lua, LuaError, LuaPool } from '../../dist/index.js';

// One mandelbrot row per item: CPU-bound, deterministic, integer result.
const ROW = `
local y, size = ...
local bits, sum = 0, 0
for x = 0, size - 1 do
  local cr, ci = 2.0 * x / size - 1.5, 2.0 * y / size - 1.0
  local zr, zi, i = 0.0, 0.0, 0
  while i < 50 and zr * zr + zi * zi <= 4.0 do
    zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
    i = i + 1
  end
  sum = sum + i
end
return sum`;

describe('running code in workers', () => {
  let pool: LuaPool;
  beforeAll(() => {
    pool = new LuaPool({ size: 2, init: 'function twice(x) return 2 * x end' });
  });
  afterAll(() => pool.close());

  test('map over 32 items in 2 workers matches the sequential results', async () => {
    const lua = new Lua();
    const row = lua.load(ROW);
    const items = Array.from({ length: 32 }, (_, i) => i);
    const sequential = items.map((y) => row.call(y, 64)[0]);
    const parallel = await pool.map(`local y = ... ${ROW.replace('local y, size = ...', 'local size = 64')}`, items);
    expect(parallel).toEqual(sequential);
    // The same through a Lua function handle, with concurrency 1 (still in order).
    const viaHandle = await pool.map(lua.load(`local f = ... return function(y) return f(y, 64) end`).call(row)[0] as object, items.slice(0, 6), { concurrency: 1 });
    expect(viaHandle).toEqual(sequential.slice(0, 6));
  });

  test('init code runs once per worker', async () => {
    expect(await pool.run('return twice(...)', 21)).toEqual([42]);
  });

  test('values keep their Lua types across the boundary', async () => {
    const [types] = await pool.run(
      `local a, b, c, d, e = ... return table.concat({math.type(a), math.type(b), math.type(c), type(d), #e}, ' ')`,
      3,
      1.5,
      2n ** 62n,
      null,
      new Uint8Array([0, 255, 10]),
    );
    expect(types).toBe('integer float integer nil 3');
    const [big, neg, s] = await pool.run('return math.maxinteger, math.mininteger, "h\\xc3\\xa9llo"');
    expect(big).toBe(2n ** 63n - 1n);
    expect(neg).toBe(-(2n ** 63n));
    expect(s).toBe('héllo');
  });

  test('tables: nesting, shared references and cycles survive; metatables are dropped', async () => {
    const shared = { v: 1 };
    const obj: Record<string, unknown> = { a: shared, b: shared, list: [1, 2, 3] };
    obj.self = obj;
    const [same, cyclic, n, meta] = await pool.run(
      `local t = ... return rawequal(t.a, t.b), rawequal(t.self, t), #t.list, getmetatable(setmetatable({}, {}))`,
      obj,
    );
    expect([same, cyclic, n]).toEqual([true, true, 3]);
    expect(meta).toBeDefined(); // created inside the worker: untouched
    const [back] = (await pool.run('local t = {x = 1} t.me = t setmetatable(t, {__index = function() return 9 end}) return t')) as [
      Record<string, unknown>,
    ];
    expect(back.me).toBe(back);
    expect(back.y).toBeUndefined();
  });

  test('Lua functions travel as bytecode with copied upvalues', async () => {
    const lua = new Lua();
    const [make] = lua.run(`
      local floor = math.floor
      local base = { k = 10 }
      local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
      local count = 0
      local function inc() count = count + 1 return count end
      local function get() return count end
      return function(x) inc() inc() return fib(x) + base.k + floor(2.5) + get() end`);
    expect(await pool.run(make as object, 20)).toEqual([6765 + 10 + 2 + 2]);
  });

  test('an upvalue that cannot be copied gives an error naming it', async () => {
    const lua = new Lua();
    const [f] = lua.run(`local co = coroutine.create(print) return function() return co end`);
    await expect(pool.run(f as object)).rejects.toThrow("cannot copy a thread value to another Lua state (the function, upvalue 'co')");
    await expect(pool.run('return ...', () => 1)).rejects.toThrow('cannot copy a JavaScript function');
    await expect(pool.run('return coroutine.running()')).rejects.toThrow('cannot copy a thread value to another Lua state (result #1)');
  });

  test('tasks in workers run on the VM scheduler: the task library works there', async () => {
    const [v, n] = await pool.run(`
      task.wait(0.01)
      local h = task.spawn(function() task.wait(0.01) return 5 end)
      local fs = {}
      for i = 1, 3 do fs[i] = function() task.wait(0.005 * i) return i end end
      local all = task.all(fs)
      return h:await(), #all`);
    expect([v, n]).toEqual([5, 3]);
  });

  test('a Lua error rejects its task with the worker traceback', async () => {
    const err = (await pool.run('local function boom() error("bad thing") end boom()', 1).catch((e) => e)) as LuaError;
    expect(err).toBeInstanceOf(LuaError);
    expect(err.message).toMatch(/:1: bad thing$/);
    expect(err.luaTraceback).toMatch(/stack traceback:[\s\S]*in (local|upvalue|function) 'boom'/);
    const [v] = (await pool.run('error({ code = 7 })').catch((e: LuaError) => [e.value])) as [{ code: number }];
    expect(v).toEqual({ code: 7 });
  });

  test('bytecode is shipped to each worker once', async () => {
    const p = new LuaPool({ size: 2 });
    await p.map('return ... + 1', Array.from({ length: 20 }, (_, i) => i));
    const s = p.stats();
    expect(s.tasks).toBe(20);
    expect(s.lastDeath).toBeUndefined();
    expect(s.chunksShipped).toBeLessThanOrEqual(2);
    await p.close();
  });

  test('syntax errors surface at once; code and options are checked', async () => {
    expect(() => new LuaPool({ size: 1, init: 'x = = 1' })).toThrow(LuaError);
    await expect(pool.run('return = 1')).rejects.toThrow(/unexpected symbol/);
    expect(() => new LuaPool({ size: 0 })).toThrow(RangeError);
  });

  test('output of workers goes to the stdout option, before the task settles', async () => {
    const chunks: Uint8Array[] = [];
    const p = new LuaPool({ size: 1, stdout: (b) => chunks.push(b) });
    await p.run('print("from worker", parallel.worker) io.write("x\\n")');
    expect(Buffer.concat(chunks).toString()).toMatch(/^from worker\t\d+\nx\n$/);
    await p.close();
  });
});

describe('the Lua-side parallel library', () => {
  let pool: LuaPool;
  let lua: Lua;
  beforeAll(() => {
    pool = new LuaPool({ size: 2 });
    lua = new Lua();
    pool.install(lua);
  });
  afterAll(() => pool.close());

  test('parallel.map and parallel.run wait like host promises and keep subtypes', async () => {
    const r = await lua.runAsync(`
      local sq = parallel.map(function(x) return x * x end, { 1, 2, 3, 1.5 })
      local a, b, c = parallel.run(function(x, y) return x // 1, y, "\\0\\255" end, 7, 2.0)
      return sq[1], sq[4], math.type(a), math.type(b), #c, c:byte(2)`);
    expect(r).toEqual([1, 2.25, 'integer', 'float', 2, 255]);
  });

  test('concurrency option and results in item order', async () => {
    const [s] = await lua.runAsync(`
      local items = {}
      for i = 1, 12 do items[i] = i end
      local out = parallel.map(function(i) local s = 0 for k = 1, (13 - i) * 1000 do s = s + 1 end return i end, items, { concurrency = 3 })
      return table.concat(out, ',')`);
    expect(s).toBe('1,2,3,4,5,6,7,8,9,10,11,12');
  });

  test('worker errors are Lua errors the caller can catch', async () => {
    const r = await lua.runAsync(`
      local ok, e = pcall(parallel.run, function() error({ code = 42 }) end)
      local ok2, e2 = pcall(parallel.run, function() local t = nil return t.x end)
      local co = coroutine.create(print)
      local ok3, e3 = pcall(parallel.map, function(x) return x end, { 1, co })
      return ok, e.code, ok2, e2, ok3, e3`);
    expect(r[0]).toBe(false);
    expect(r[1]).toBe(42);
    expect(r[2]).toBe(false);
    expect(r[3]).toMatch(/attempt to index a nil value \(local 't'\)/);
    expect(r[4]).toBe(false);
    expect(r[5]).toMatch(/cannot copy a thread value to another Lua state \(item \[2\]\)/);
    const [e1, e2] = await lua.runAsync(`
      local co = coroutine.create(print)
      local _, e1 = pcall(function() return parallel.run(function() return co end) end)
      local _, e2 = pcall(parallel.run, nil)
      return e1, e2`);
    expect(e1).toBe("[string \"...\"]:3: cannot copy a thread value to another Lua state (argument #1, upvalue 'co')");
    expect(e2).toBe("bad argument #1 to 'parallel.run' (function expected, got nil)");
  });

  test('a synchronous run cannot wait for a worker', () => {
    expect(() => lua.run('return parallel.run(function() return 1 end)')).toThrow(/synchronous run cannot await/);
  });
});

describe('closing', () => {
  test('close waits for queued and running tasks; later runs are refused', async () => {
    const p = new LuaPool({ size: 1 });
    const pending = [p.run('local s = 0 for i = 1, 1e6 do s = s + i end return s'), p.run('return 2')];
    await p.close();
    expect(await Promise.all(pending)).toEqual([[500000500000], [2]]);
    await expect(p.run('return 1')).rejects.toThrow(/closing|closed/);
  });

  test('terminate rejects what is pending', async () => {
    const p = new LuaPool({ size: 1 });
    const running = p.run('while true do end');
    const queued = p.run('return 1');
    await new Promise((r) => setTimeout(r, 100));
    await p.terminate();
    await expect(running).rejects.toThrow('the pool was terminated');
    await expect(queued).rejects.toThrow('the pool was terminated');
  });

  test('init code that fails breaks the pool with its message', async () => {
    const p = new LuaPool({ size: 1, init: 'error("no init")' });
    await expect(p.run('return 1')).rejects.toThrow(/init code failed: .*no init/);
    await p.close();
  });
});
