// values-lua-to-js.test.ts — issue 5 item 2, the right half of the README's table: what a Lua
// value becomes in JS, and the handles (LuaTable, LuaFunction, LuaThreadHandle).

import { describe, expect, test } from 'vitest';
import { Lua, LuaFunction, LuaTable, LuaThreadHandle } from '../../dist/index.js';

describe('Lua to JS', () => {
  test('scalars', () => {
    const lua = new Lua();
    expect(lua.run('return nil, true, 42, 1.5, 3.0, 1/0, "héllo"')).toEqual([undefined, true, 42, 1.5, 3, Infinity, 'héllo']);
    expect(Number.isNaN(lua.run('return 0/0')[0])).toBe(true);
  });

  test('integers beyond ±2^53 become bigint, within it numbers', () => {
    const lua = new Lua();
    expect(lua.run('return math.maxinteger, math.mininteger, 2^53|0, (2^53|0) + 1, -(2^53|0)')).toEqual([
      2n ** 63n - 1n,
      -(2n ** 63n),
      2 ** 53,
      2n ** 53n + 1n,
      -(2 ** 53),
    ]);
  });

  test('strings are decoded from UTF-8 (invalid bytes become U+FFFD)', () => {
    expect(new Lua().run('return "\\u{2603}", "\\xff"')).toEqual(['☃', '\ufffd']);
  });

  test('functions are LuaFunction handles, tables LuaTable, coroutines LuaThreadHandle', () => {
    const lua = new Lua();
    const [t, f, co] = lua.run('return {}, print, coroutine.create(print)');
    expect(t).toBeInstanceOf(LuaTable);
    expect(f).toBeInstanceOf(LuaFunction);
    expect(co).toBeInstanceOf(LuaThreadHandle);
    lua.set('co', co);
    expect(lua.run('return coroutine.status(co)')).toEqual(['suspended']);
  });

  test('the same Lua object gives the same handle', () => {
    const lua = new Lua();
    const [a, b] = lua.run('local t = {} return t, t');
    expect(a).toBe(b);
  });

  test('userdata wrapping a JS object gives the object back', () => {
    const lua = new Lua();
    const d = new Date(5);
    lua.set('d', d);
    expect(lua.run('return d')[0]).toBe(d);
  });
});

describe('LuaTable handle', () => {
  test('get, set (raw), length and iteration in next order', () => {
    const lua = new Lua();
    const [t] = lua.run('T = setmetatable({10, 20, x = "y"}, {__index = function() return "meta" end}) return T') as [LuaTable];
    expect([t.get(1), t.get('x'), t.get('missing'), t.length]).toEqual([10, 'y', undefined, 2]);
    t.set('k', [1, 2]);
    t.set(3, 30);
    expect(lua.run('return #T.k, #T')).toEqual([2, 3]);
    expect([...t].map(([k]) => k)).toEqual([1, 2, 3, 'x', 'k']);
    expect(() => t.set(NaN, 1)).toThrow('table index is NaN');
  });

  test('toJS: sequences become arrays, other tables objects, deeply', () => {
    const [t] = new Lua().run('return {1, 2, {x = 1, y = {true}}, n = nil}') as [LuaTable];
    expect(t.toJS()).toEqual([1, 2, { x: 1, y: [true] }]);
    const [mixed] = new Lua().run('return {1, 2, name = "n"}') as [LuaTable];
    expect(mixed.toJS()).toEqual({ 1: 1, 2: 2, name: 'n' });
    const [empty] = new Lua().run('return {}') as [LuaTable];
    expect(empty.toJS()).toEqual({});
  });

  test('toJS({ arrays: false }) keeps sequences as objects', () => {
    const [t] = new Lua().run('return {10, 20}') as [LuaTable];
    expect(t.toJS({ arrays: false })).toEqual({ 1: 10, 2: 20 });
  });

  test('toJS keeps cycles by default, or throws with { cycles: "error" }', () => {
    const [t] = new Lua().run('local t = {name = "root"} t.self = t return t') as [LuaTable];
    const js = t.toJS() as { self: unknown; name: string };
    expect(js.self).toBe(js);
    expect(() => t.toJS({ cycles: 'error' })).toThrow('the table has a cycle');
  });
});

describe('LuaFunction handle', () => {
  test('call passes arguments and returns every result', () => {
    const lua = new Lua();
    const f = lua.load('return select("#", ...), ...');
    expect(f.call(1, 'a', [1])[0]).toBe(3);
    expect(lua.run('return function(a, b) return a + b, a * b end')[0]).toBeInstanceOf(LuaFunction);
    const [g] = lua.run('return function(a, b) return a + b, a * b end') as [LuaFunction];
    expect(g.call(3, 4)).toEqual([7, 12]);
  });

  test('a handle of a host function calls the host function', () => {
    const lua = new Lua();
    lua.set('twice', (x: number) => 2 * x);
    expect((lua.get('twice') as LuaFunction).call(21)).toEqual([42]);
  });
});
