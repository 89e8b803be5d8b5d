// lua-state.test.ts — issue 5 item 1: the `Lua` class itself: options (libs, stdout, stderr,
// fs), run/runAsync/load with chunk names, globals, and close.

import { describe, expect, test } from 'vitest';
import { Lua, LuaError, LuaFunction } from '../../dist/index.js';
import { capturing } from './helpers.js';

describe('options', () => {
  test('libs opens only the listed libraries', () => {
    const lua = new Lua({ libs: ['base', 'string'] });
    expect(lua.run('return type(string), type(table), type(io), type(os), type(task), type(print)')).toEqual([
      'table',
      'nil',
      'nil',
      'nil',
      'nil',
      'function',
    ]);
  });

  test('by default every standard library and task are open', () => {
    const lua = new Lua();
    const names = ['coroutine', 'debug', 'io', 'math', 'os', 'package', 'string', 'table', 'utf8', 'task'];
    expect(lua.load('local r = {} for _, n in ipairs({...}) do r[#r + 1] = type(_G[n]) end return table.unpack(r)').call(...names)).toEqual(
      names.map(() => 'table'),
    );
  });

  test('stdout and stderr receive bytes', () => {
    const errs: Uint8Array[] = [];
    const { lua, out } = capturing({ stderr: (b) => errs.push(b) });
    lua.run('print("héllo", 1) io.write("x\\n") io.stderr:write("oops") warn("@on") warn("careful")');
    expect(out()).toBe('héllo\t1\nx\n');
    expect(Buffer.concat(errs).toString('utf8')).toBe('oopsLua warning: careful\n');
  });

  test('fs: false keeps the host file system, processes and environment away', () => {
    const lua = new Lua({ fs: false });
    const [opened] = lua.run('return io.open("/etc/hostname")');
    expect(opened).toBeUndefined();
    expect(lua.run('return os.getenv("PATH")')).toEqual([undefined]);
  });
});

describe('running code', () => {
  test('run returns every result of the chunk; chunkName names it in messages', () => {
    const lua = new Lua();
    expect(lua.run('return 1, "two", nil, 4')).toEqual([1, 'two', undefined, 4]);
    expect(() => lua.run('error("x")', { chunkName: '=mine' })).toThrow('mine:1: x');
    expect(() => lua.run('error("x")', { chunkName: '@dir/file.lua' })).toThrow('dir/file.lua:1: x');
  });

  test('code may be given as bytes', () => {
    expect(new Lua().run(new TextEncoder().encode('return #"☃"'))).toEqual([3]);
  });

  test('load compiles without running; the function runs many times', () => {
    const { lua, out } = capturing();
    const f = lua.load('print("ran") return ...', { chunkName: '=f' });
    expect(out()).toBe('');
    expect(f).toBeInstanceOf(LuaFunction);
    expect(f.call(1)).toEqual([1]);
    expect(f.call(2)).toEqual([2]);
    expect(out()).toBe('ran\nran\n');
  });

  test('runAsync returns the chunk results', async () => {
    expect(await new Lua().runAsync('return 1, 2')).toEqual([1, 2]);
  });

  test('get and set globals', () => {
    const lua = new Lua();
    lua.set('config', { depth: 3 });
    lua.set('greet', (n: string) => `hello ${n}`);
    lua.run('answer = greet("you") .. config.depth');
    expect(lua.get('answer')).toBe('hello you3');
    expect(lua.get('nothing')).toBeUndefined();
    expect((lua.get('math') as { get: (k: string) => unknown }).get('pi')).toBe(Math.PI);
  });

  test('createTable makes a table Lua sees', () => {
    const lua = new Lua();
    const t = lua.createTable({ a: 1 });
    t.set('b', 2);
    lua.set('t', t);
    expect(lua.run('return t.a + t.b')).toEqual([3]);
    expect(lua.createTable().length).toBe(0);
  });
});

describe('close', () => {
  test('runs pending finalizers, then every call throws', () => {
    const { lua, out } = capturing();
    lua.run('keep = setmetatable({}, {__gc = function() print("finalized") end})');
    lua.close();
    expect(out()).toBe('finalized\n');
    expect(() => lua.run('return 1')).toThrow(LuaError);
    expect(() => lua.run('return 1')).toThrow('the Lua state is closed');
    lua.close();
  });

  test('cancels async runs still waiting', async () => {
    const lua = new Lua();
    lua.set('never', () => new Promise(() => undefined));
    const p = lua.runAsync('never()');
    await new Promise((r) => setTimeout(r, 5));
    lua.close();
    await expect(p).rejects.toThrow('the Lua state is closed');
  });
});
