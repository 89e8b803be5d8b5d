// limits.test.ts — issue 5 item 5: `limits.timeoutMs` and `limits.instructions` end a run with
// a LuaError that pcall cannot catch (it unwinds through pcall and coroutines), and the
// `<close>` handlers met on the way still run — in synchronous and asynchronous runs.

import { describe, expect, test } from 'vitest';
import { LuaError } from '../../dist/index.js';
import { capturing, withSleep } from './helpers.js';

const closingLoop = `
  local guard <close> = setmetatable({}, {__close = function(_, err) print("closed:", err) end})
  local ok = pcall(function() while true do end end)
  return "escaped pcall", ok`;

describe('limits.timeoutMs', () => {
  test('sync: ends `while true do end` inside pcall, closing <close> variables', () => {
    const { lua, out } = capturing({ limits: { timeoutMs: 30 } });
    const started = Date.now();
    expect(() => lua.run(closingLoop)).toThrow(LuaError);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(out()).toBe('closed:\ttimeout exceeded\n');
  });

  test('async: the same, and the error is marked uncatchable', async () => {
    const { lua, out } = capturing({ limits: { timeoutMs: 30 } });
    const e = await lua.runAsync(closingLoop).catch((x: LuaError) => x);
    expect(e).toBeInstanceOf(LuaError);
    expect((e as LuaError).message).toBe('timeout exceeded');
    expect((e as LuaError).uncatchable).toBe(true);
    expect(out()).toBe('closed:\ttimeout exceeded\n');
  });

  test('async: a run waiting on a promise ends at the deadline, through pcall', async () => {
    const { lua, out } = withSleep({ limits: { timeoutMs: 30 } });
    const started = Date.now();
    const e = await lua
      .runAsync('local g <close> = setmetatable({}, {__close = function() print("closed") end}) print(pcall(sleep, 60000))')
      .catch((x: LuaError) => x);
    expect((e as LuaError).message).toBe('timeout exceeded');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(out()).toBe('closed\n');
  });

  test('a coroutine cannot catch it either', () => {
    const { lua } = capturing({ limits: { timeoutMs: 30 } });
    expect(() =>
      lua.run('local co = coroutine.wrap(function() while true do end end) pcall(co) return "escaped"'),
    ).toThrow('timeout exceeded');
  });

  test('<close> variables of the coroutines it unwinds through close too, innermost first', async () => {
    const code = `
      local outer <close> = setmetatable({}, {__close = function(_, e) print("main closed:", e) end})
      local gen = coroutine.wrap(function()
        local inner <close> = setmetatable({}, {__close = function(_, e) print("wrap closed:", e) end})
        local co = coroutine.create(function()
          local deep <close> = setmetatable({}, {__close = function(_, e) print("deep closed:", e) end})
          while true do end
        end)
        coroutine.resume(co)
      end)
      pcall(gen)`;
    const expected = 'deep closed:\ttimeout exceeded\nwrap closed:\ttimeout exceeded\nmain closed:\ttimeout exceeded\n';
    const sync = capturing({ limits: { timeoutMs: 30 } });
    expect(() => sync.lua.run(code)).toThrow('timeout exceeded');
    expect(sync.out()).toBe(expected);
    const async = capturing({ limits: { timeoutMs: 30 } });
    await expect(async.lua.runAsync(code)).rejects.toThrow('timeout exceeded');
    expect(async.out()).toBe(expected);
  });

  test('a <close> handler that loops forever is ended too', () => {
    const { lua } = capturing({ limits: { timeoutMs: 30 } });
    expect(() =>
      lua.run('local g <close> = setmetatable({}, {__close = function() while true do end end}) while true do end'),
    ).toThrow('timeout exceeded');
  });
});

describe('limits.instructions', () => {
  test('sync: ends an endless loop inside pcall, closing <close> variables', () => {
    const { lua, out } = capturing({ limits: { instructions: 100_000 } });
    expect(() => lua.run(closingLoop)).toThrow('instruction limit exceeded');
    expect(out()).toBe('closed:\tinstruction limit exceeded\n');
  });

  test('async: the same', async () => {
    const { lua, out } = capturing({ limits: { instructions: 100_000 } });
    await expect(lua.runAsync(closingLoop)).rejects.toThrow('instruction limit exceeded');
    expect(out()).toBe('closed:\tinstruction limit exceeded\n');
  });

  test('a run within its budget finishes, and every run gets a fresh budget', () => {
    const { lua } = capturing({ limits: { instructions: 100_000 } });
    for (let i = 0; i < 5; i++) expect(lua.run('local s = 0 for i = 1, 1000 do s = s + i end return s')).toEqual([500500]);
  });
});
