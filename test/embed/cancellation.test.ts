// cancellation.test.ts — issue 5 item 6: an AbortSignal given to runAsync or callWith stops the
// run at its current suspension point, runs `<close>` handlers, and rejects with a LuaError whose
// cause is the abort reason; a host function reads the current task's signal as `lua.signal`.

import { describe, expect, test } from 'vitest';
import { Lua, LuaError } from '../../dist/index.js';
import { withSleep } from './helpers.js';

const waitForever = `
  local guard <close> = setmetatable({}, {__close = function(_, err) print("closed") end})
  pcall(sleep, 60000)
  print("not reached")`;

describe('AbortSignal', () => {
  test('runAsync: abort while awaiting closes, and the reason is the cause', async () => {
    const { lua, out } = withSleep();
    const ac = new AbortController();
    const reason = new Error('user pressed stop');
    setTimeout(() => ac.abort(reason), 10);
    const e = await lua.runAsync(waitForever, { signal: ac.signal }).catch((x: LuaError) => x);
    expect(e).toBeInstanceOf(LuaError);
    expect((e as LuaError).message).toBe('run aborted');
    expect((e as LuaError).cause).toBe(reason);
    expect(out()).toBe('closed\n');
  });

  test('abort while a coroutine awaits closes its <close> variables, then the caller ones', async () => {
    const { lua, out } = withSleep();
    const ac = new AbortController();
    setTimeout(() => ac.abort('stop'), 10);
    const run = lua.runAsync(
      `local outer <close> = setmetatable({}, {__close = function() print("main closed") end})
       local co = coroutine.wrap(function()
         local inner <close> = setmetatable({}, {__close = function() print("coroutine closed") end})
         sleep(60000)
       end)
       co()`,
      { signal: ac.signal },
    );
    await expect(run).rejects.toThrow('run aborted');
    expect(out()).toBe('coroutine closed\nmain closed\n');
  });

  test('callWith: the same for a loaded function', async () => {
    const { lua, out } = withSleep();
    const f = lua.load(waitForever);
    const ac = new AbortController();
    setTimeout(() => ac.abort('why'), 10);
    const e = await f.callWith({ signal: ac.signal }).catch((x: LuaError) => x);
    expect((e as LuaError).cause).toBe('why');
    expect(out()).toBe('closed\n');
  });

  test('abort during a long computation stops at the next time slice', async () => {
    const { lua } = withSleep({ sliceInstructions: 1000 });
    const ac = new AbortController();
    setTimeout(() => ac.abort('enough'), 20);
    const started = Date.now();
    await expect(lua.runAsync('while true do end', { signal: ac.signal })).rejects.toThrow('run aborted');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test('an already aborted signal rejects without running anything', async () => {
    const { lua, out } = withSleep();
    const e = await lua.runAsync('print("ran")', { signal: AbortSignal.abort('early') }).catch((x: LuaError) => x);
    expect((e as LuaError).cause).toBe('early');
    expect(out()).toBe('');
  });

  test('the VM stays usable after an abort', async () => {
    const { lua } = withSleep();
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 5);
    await lua.runAsync('sleep(60000)', { signal: ac.signal }).catch(() => undefined);
    expect(await lua.runAsync('return sleep(1, "again")')).toEqual(['again']);
  });
});

describe('lua.signal: the current task signal for host functions', () => {
  test('a host function passes it on; it aborts with the run reason', async () => {
    const lua = new Lua();
    let seen: AbortSignal | undefined;
    lua.set('waitForAbort', () => {
      const signal = lua.signal!;
      seen = signal;
      return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
    });
    const ac = new AbortController();
    const reason = new Error('cancelled by host');
    setTimeout(() => ac.abort(reason), 10);
    const e = await lua.runAsync('waitForAbort()', { signal: ac.signal }).catch((x: LuaError) => x);
    expect((e as LuaError).cause).toBe(reason);
    expect(seen).toBeInstanceOf(AbortSignal);
    expect(seen!.aborted).toBe(true);
    expect(seen!.reason).toBe(reason);
  });

  test('each task has its own signal; cancelling one task aborts only its signal', async () => {
    const lua = new Lua();
    const signals: AbortSignal[] = [];
    lua.set('hold', () => {
      signals.push(lua.signal!);
      return new Promise((resolve) => setTimeout(resolve, 30));
    });
    await lua.runAsync(`
      local a = task.spawn(hold)
      local b = task.spawn(hold)
      task.cancel(a)
      b:await()`);
    expect(signals).toHaveLength(2);
    expect(signals[0]).not.toBe(signals[1]);
    expect([signals[0].aborted, signals[1].aborted]).toEqual([true, false]);
  });

  test('outside any async run it is undefined', () => {
    const lua = new Lua();
    lua.set('peek', () => String(lua.signal));
    expect(lua.run('return peek()')).toEqual(['undefined']);
  });
});
