// api.test.ts — the embedding API as users see it: the built package's `Lua` class, value
// conversions, errors, native async awaits, limits and cancellation.

import { describe, expect, test } from 'vitest';
import { Lua, LuaError, LuaTable, LuaFunction } from '../../dist/index.js';

const sleep = (ms: number, v?: unknown) => new Promise((r) => setTimeout(() => r(v ?? ms), ms));

function collect(): { lua: Lua; out: () => string } {
  const chunks: Uint8Array[] = [];
  const lua = new Lua({ stdout: (b) => chunks.push(b) });
  return { lua, out: () => Buffer.concat(chunks).toString('utf8') };
}

describe('values across the boundary', () => {
  test('Lua to JS', () => {
    const lua = new Lua();
    const [n, f, s, big, nil, t, fn] = lua.run('return 42, 1.5, "héllo", math.maxinteger, nil, {1}, print');
    expect(n).toBe(42);
    expect(f).toBe(1.5);
    expect(s).toBe('héllo');
    expect(big).toBe(9223372036854775807n);
    expect(nil).toBeUndefined();
    expect(t).toBeInstanceOf(LuaTable);
    expect(fn).toBeInstanceOf(LuaFunction);
  });

  test('JS to Lua', () => {
    const lua = new Lua();
    lua.set('v', { list: [1, 2, 3], name: 'x', nested: { ok: true }, big: 2n ** 60n, bytes: new Uint8Array([104, 105]) });
    expect(
      lua.run('return #v.list, v.list[3], v.name, v.nested.ok, math.type(v.big), v.bytes, math.type(3), math.type(3.5)'),
    ).toEqual([3, 3, 'x', true, 'integer', 'hi', 'integer', 'float']);
  });

  test('cycles are kept in deep copies', () => {
    const lua = new Lua();
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    lua.set('a', a);
    expect(lua.run('return a.self == a, a.self.self.name')).toEqual([true, 'a']);
  });

  test('handles round-trip to the same Lua object', () => {
    const lua = new Lua();
    const [t] = lua.run('T = {} return T') as [LuaTable];
    lua.set('again', t);
    expect(lua.run('return again == T')).toEqual([true]);
    t.set('k', 5);
    expect(lua.run('return T.k')).toEqual([5]);
    expect(lua.run('return {a = 1, b = {2, 3}}')[0]).toBeInstanceOf(LuaTable);
    expect((lua.run('return {a = 1, b = {2, 3}}')[0] as LuaTable).toJS()).toEqual({ a: 1, b: [2, 3] });
  });

  test('host functions, several results, objects as userdata', () => {
    const lua = new Lua();
    lua.set('divmod', (a: number, b: number) => lua.multi(Math.floor(a / b), a % b));
    expect(lua.run('return divmod(17, 5)')).toEqual([3, 2]);
    lua.set('now', new Date(0));
    expect(lua.run('return now:getTime()')).toEqual([0]);
    class Point {
      constructor(
        public x: number,
        public y: number,
      ) {}
      len(): number {
        return Math.hypot(this.x, this.y);
      }
    }
    lua.exposeClass('Point', Point, {
      metamethods: {
        __add: (a: Point, b: Point) => new Point(a.x + b.x, a.y + b.y),
        __tostring: (p: Point) => `(${p.x}, ${p.y})`,
      },
    });
    expect(lua.run('local p = Point.new(3, 4) + Point.new(1, 1); return p:len() > 6, p.x, tostring(p)')).toEqual([
      true,
      4,
      '(4, 5)',
    ]);
  });
});

describe('errors', () => {
  test('LuaError carries the message, value and traceback', () => {
    const lua = new Lua();
    try {
      lua.run('local t = nil\nreturn t.x', { chunkName: '=input' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(LuaError);
      expect((e as LuaError).message).toBe("input:2: attempt to index a nil value (local 't')");
      expect((e as LuaError).luaTraceback).toContain('input:2: in main chunk');
    }
  });

  test('a JS error in a host function is the cause, and pcall catches it', () => {
    const lua = new Lua();
    const boom = new TypeError('bad thing');
    lua.set('boom', () => {
      throw boom;
    });
    expect(lua.run('return pcall(boom)')).toEqual([false, 'bad thing']);
    try {
      lua.run('boom()', { chunkName: '=main' });
      expect.unreachable();
    } catch (e) {
      expect((e as LuaError).message).toBe('main:1: bad thing');
      expect((e as LuaError).cause).toBe(boom);
    }
  });

  test('syntax errors are LuaErrors with Lua text', () => {
    const lua = new Lua();
    expect(() => lua.run('x = = 1', { chunkName: '=code' })).toThrow("code:1: unexpected symbol near '='");
  });
});

describe('native async', () => {
  test('awaits inside pcall, __index, iterators, coroutines and sort comparators', async () => {
    const lua = new Lua();
    lua.set('sleep', sleep);
    const r = await lua.runAsync(`
      local ok, v = pcall(sleep, 2)
      local t = setmetatable({}, {__index = function(_, k) return sleep(1, k .. "!") end})
      local function iter(_, i) if i < 3 then sleep(0) return i + 1 end end
      local n = 0
      for i in iter, nil, 0 do n = n + i end
      local co = coroutine.wrap(function() coroutine.yield(sleep(1, "from co")) end)
      local arr = {3, 1, 2}
      table.sort(arr, function(a, b) sleep(0) return a < b end)
      return ok, v, t.key, n, co(), table.concat(arr, ",")
    `);
    expect(r).toEqual([true, 2, 'key!', 6, 'from co', '1,2,3']);
  });

  test('a synchronous run meeting a promise names the function', () => {
    const lua = new Lua();
    lua.set('fetchit', () => sleep(1));
    expect(() => lua.run('fetchit()')).toThrow(/'fetchit' returned a promise in a synchronous run; use runAsync/);
  });

  test('a rejected promise is a Lua error pcall can catch', async () => {
    const lua = new Lua();
    lua.set('fail', () => Promise.reject(new Error('nope')));
    expect(await lua.runAsync('return pcall(fail)')).toEqual([false, 'nope']);
  });

  test('the event loop keeps running during a long async computation', async () => {
    const lua = new Lua();
    let ticks = 0;
    const iv = setInterval(() => ticks++, 1);
    await lua.runAsync('local s = 0 for i = 1, 2e7 do s = s + i end return s');
    clearInterval(iv);
    expect(ticks).toBeGreaterThan(2);
  });

  test('abort while awaiting runs <close> handlers and rejects with the reason as cause', async () => {
    const { lua, out } = collect();
    lua.set('sleep', sleep);
    const ac = new AbortController();
    const reason = new Error('stop');
    setTimeout(() => ac.abort(reason), 10);
    const p = lua.runAsync(
      'local x <close> = setmetatable({}, {__close = function() print("closed") end}) sleep(10000)',
      { signal: ac.signal },
    );
    await expect(p).rejects.toBeInstanceOf(LuaError);
    await p.catch((e: LuaError) => expect(e.cause).toBe(reason));
    expect(out()).toBe('closed\n');
  });

  test('a timeout ends `while true do end` and pcall cannot swallow it', () => {
    const lua = new Lua({ limits: { timeoutMs: 30 } });
    expect(() => lua.run('pcall(function() while true do end end) return "escaped"')).toThrow('timeout exceeded');
  });

  test('an instruction limit ends a run', () => {
    const lua = new Lua({ limits: { instructions: 100_000 } });
    expect(() => lua.run('local i = 0 while true do i = i + 1 end')).toThrow('instruction limit exceeded');
  });
});
