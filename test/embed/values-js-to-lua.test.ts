// values-js-to-lua.test.ts — issue 5 item 2, the left half of the README's table: what a JS
// value becomes in Lua (checked from the Lua side with math.type, type, #, ==).

import { describe, expect, test } from 'vitest';
import { Lua } from '../../dist/index.js';

function typesIn(lua: Lua, v: unknown): unknown[] {
  lua.set('v', v);
  return lua.run('return type(v), math.type(v), v');
}

describe('JS to Lua', () => {
  test('undefined and null become nil', () => {
    const lua = new Lua();
    expect(typesIn(lua, undefined)).toEqual(['nil', undefined, undefined]);
    expect(typesIn(lua, null)).toEqual(['nil', undefined, undefined]);
    expect(lua.load('return select("#", ...), ... == nil').call(null, undefined)).toEqual([2, true]);
  });

  test('booleans stay booleans', () => {
    expect(typesIn(new Lua(), false)).toEqual(['boolean', undefined, false]);
  });

  test('integral numbers become integers, others floats', () => {
    const lua = new Lua();
    expect(typesIn(lua, 3)).toEqual(['number', 'integer', 3]);
    expect(typesIn(lua, -0)).toEqual(['number', 'integer', 0]);
    expect(typesIn(lua, 3.5)).toEqual(['number', 'float', 3.5]);
    expect(typesIn(lua, 2 ** 60)).toEqual(['number', 'integer', 2n ** 60n]);
    expect(typesIn(lua, 1e300)).toEqual(['number', 'float', 1e300]);
    expect(typesIn(lua, Infinity)).toEqual(['number', 'float', Infinity]);
    lua.set('nan', NaN);
    expect(lua.run('return nan ~= nan, math.type(nan)')).toEqual([true, 'float']);
  });

  test('bigint becomes an integer, range-checked to 64 bits', () => {
    const lua = new Lua();
    expect(typesIn(lua, 5n)).toEqual(['number', 'integer', 5]);
    expect(typesIn(lua, 2n ** 63n - 1n)).toEqual(['number', 'integer', 2n ** 63n - 1n]);
    expect(typesIn(lua, -(2n ** 63n))).toEqual(['number', 'integer', -(2n ** 63n)]);
    expect(lua.run('return v == math.mininteger')).toEqual([true]);
    expect(() => lua.set('v', 2n ** 63n)).toThrow(RangeError);
    expect(() => lua.set('v', -(2n ** 63n) - 1n)).toThrow('does not fit in a Lua integer');
  });

  test('strings become their UTF-8 bytes', () => {
    const lua = new Lua();
    lua.set('s', 'héllo ☃');
    expect(lua.run('return #s, s:byte(2, 3)')).toEqual([10, 0xc3, 0xa9]);
  });

  test('a Uint8Array becomes a byte string, byte for byte', () => {
    const lua = new Lua();
    lua.set('b', new Uint8Array([0, 255, 104, 105]));
    expect(lua.run('return type(b), #b, b:byte(1, -1)')).toEqual(['string', 4, 0, 255, 104, 105]);
  });

  test('arrays and plain objects become new tables, deep', () => {
    const lua = new Lua();
    const src = { list: [1, 'two', [3]], name: 'x', nested: { ok: true }, 7: 'seven' };
    lua.set('v', src);
    expect(lua.run('return #v.list, v.list[2], v.list[3][1], v.name, v.nested.ok, v[7], math.type(next(v.list))')).toEqual([
      3,
      'two',
      3,
      'x',
      true,
      'seven',
      'integer',
    ]);
    lua.run('v.name = "changed"');
    expect(src.name).toBe('x');
  });

  test('deep copies keep cycles and shared references', () => {
    const lua = new Lua();
    const shared = { n: 1 };
    const a: Record<string, unknown> = { left: shared, right: shared };
    a.self = a;
    lua.set('a', a);
    expect(lua.run('return a.self == a, a.self.self.left.n, a.left == a.right')).toEqual([true, 1, true]);
  });

  test('JS functions become callable Lua functions, the same one each time', () => {
    const lua = new Lua();
    const f = (x: number) => x + 1;
    lua.set('f', f);
    lua.set('g', f);
    expect(lua.run('return type(f), f(1), f == g')).toEqual(['function', 2, true]);
  });

  test('moonlet handles become the same Lua object', () => {
    const lua = new Lua();
    const [t, fn] = lua.run('T = {} F = function() end return T, F');
    lua.set('t2', t);
    lua.set('f2', fn);
    expect(lua.run('return t2 == T, f2 == F')).toEqual([true, true]);
    expect(() => new Lua().set('x', t)).toThrow('a handle of another Lua state cannot be used here');
  });

  test('other objects (class instances, Map, Date) become userdata', () => {
    const lua = new Lua();
    lua.set('m', new Map([['a', 1]]));
    lua.set('d', new Date(0));
    expect(lua.run('return type(m), m:get("a"), m.size, type(d), d:getTime()')).toEqual(['userdata', 1, 1, 'userdata', 0]);
  });

  test('symbols cannot cross', () => {
    expect(() => new Lua().set('s', Symbol('x'))).toThrow('a symbol cannot be converted to a Lua value');
  });
});
