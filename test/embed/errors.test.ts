// errors.test.ts — issue 5 item 3: everything thrown to JS is a LuaError with the Lua message,
// the Lua error value (as a JS value), a traceback naming chunk, line and function per frame,
// and the host's JS error as `cause` when a host function threw; the same shape from sync and
// async runs.

import { describe, expect, test } from 'vitest';
import { Lua, LuaError, LuaTable } from '../../dist/index.js';
import { sleep } from './helpers.js';

/** The error `f` throws or rejects with (fails the test when it does not). */
async function errorOf(f: () => unknown): Promise<LuaError> {
  try {
    await f();
  } catch (e) {
    expect(e).toBeInstanceOf(LuaError);
    expect(e).toBeInstanceOf(Error);
    return e as LuaError;
  }
  throw new Error('expected a LuaError');
}

const program = `local function inner(how)
  if how == "host" then return boom() end
  if how == "table" then error({ code = 7 }) end
  local t = nil
  return t.x
end
local function outer(how)
  local r = inner(how)
  return r
end
return outer(...)`;

function setup(): Lua {
  const lua = new Lua();
  lua.set('boom', () => {
    throw new TypeError('bad input');
  });
  return lua;
}

describe('LuaError fields', () => {
  for (const mode of ['sync', 'async'] as const) {
    const run = (lua: Lua, how: string) => {
      const f = lua.load(program, { chunkName: '=app.lua' });
      return mode === 'sync' ? f.call(how) : f.callAsync(how);
    };

    test(`${mode}: a runtime error has message, value and a traceback frame per call`, async () => {
      const e = await errorOf(() => run(setup(), 'nil'));
      expect(e.message).toBe("app.lua:5: attempt to index a nil value (local 't')");
      expect(e.value).toBe(e.message);
      expect(e.cause).toBeUndefined();
      expect(e.luaTraceback).toBe(
        [
          'stack traceback:',
          "\tapp.lua:5: in upvalue 'inner'",
          "\tapp.lua:8: in function <app.lua:7>",
          '\t(...tail calls...)',
        ].join('\n'),
      );
    });

    test(`${mode}: a host function's JS error is the cause`, async () => {
      const e = await errorOf(() => run(setup(), 'host'));
      expect(e.message).toBe('app.lua:2: bad input');
      expect(e.cause).toBeInstanceOf(TypeError);
      expect((e.cause as Error).message).toBe('bad input');
      expect(e.luaTraceback).toContain("[C]: in function 'boom'");
      expect(e.luaTraceback).toContain("app.lua:2: in upvalue 'inner'");
    });

    test(`${mode}: a table error value arrives as a LuaTable handle`, async () => {
      const e = await errorOf(() => run(setup(), 'table'));
      expect(e.message).toBe('(error object is a table value)');
      expect(e.value).toBeInstanceOf(LuaTable);
      expect((e.value as unknown as LuaTable).get('code')).toBe(7);
    });
  }

  test('sync and async errors have the same shape', async () => {
    const a = await errorOf(() => setup().load(program, { chunkName: '=app.lua' }).call('host'));
    const b = await errorOf(() => setup().load(program, { chunkName: '=app.lua' }).callAsync('host'));
    expect([b.message, b.value, b.luaTraceback]).toEqual([a.message, a.value, a.luaTraceback]);
  });

  test('error values that are not strings: nil, numbers, level 0 messages, UTF-8', async () => {
    const lua = new Lua();
    expect((await errorOf(() => lua.run('error()'))).message).toBe('nil');
    const n = await errorOf(() => lua.run('error(42)'));
    expect([n.message, n.value]).toEqual(['42', 42]);
    const plain = await errorOf(() => lua.run('error("plain", 0)'));
    expect([plain.message, plain.value]).toEqual(['plain', 'plain']);
    const utf8 = await errorOf(() => lua.run('error("héllo ☃", 0)'));
    expect([utf8.message, utf8.value]).toEqual(['héllo ☃', 'héllo ☃']);
  });

  test('an error from an awaited rejection keeps the traceback of the waiting call', async () => {
    const lua = new Lua();
    const reason = new RangeError('too far');
    lua.set('later', async () => {
      await sleep(1);
      throw reason;
    });
    const e = await errorOf(() => lua.runAsync('local function go()\n  later()\nend\ngo()', { chunkName: '=wait.lua' }));
    expect(e.message).toBe('wait.lua:2: too far');
    expect(e.cause).toBe(reason);
    expect(e.luaTraceback).toBe(
      ['stack traceback:', "\t[C]: in function 'later'", "\twait.lua:2: in local 'go'", '\twait.lua:4: in main chunk'].join('\n'),
    );
  });

  test('syntax errors are LuaErrors worded as Lua words them', async () => {
    const lua = new Lua();
    const e = await errorOf(() => lua.run('x = = 1', { chunkName: '=code' }));
    expect(e.message).toBe("code:1: unexpected symbol near '='");
    expect((await errorOf(() => lua.runAsync('x = = 1', { chunkName: '=code' }))).message).toBe(e.message);
  });
});

describe('host errors inside Lua', () => {
  test('pcall catches a JS error thrown by a host function, as its message', () => {
    const lua = setup();
    expect(lua.run('return pcall(boom, "host")')).toEqual([false, 'bad input']);
  });

  test('a LuaError from a nested run, rethrown by a host function, keeps its Lua value', () => {
    const lua = new Lua();
    const inner = lua.load('error({ tag = "inner" })');
    lua.set('callInner', () => inner.call());
    expect(lua.run('local ok, e = pcall(callInner) return ok, type(e), e.tag')).toEqual([false, 'table', 'inner']);
  });
});
