// host-objects.test.ts — issue 5 item 2: host functions with several results, JS objects as
// userdata whose fields and methods Lua uses, and Lua.exposeClass (methods, properties and
// metamethods in one call).

import { describe, expect, test } from 'vitest';
import { Lua } from '../../dist/index.js';
import { capturing, sleep } from './helpers.js';

describe('host functions', () => {
  test('several results with lua.multi, none with undefined', () => {
    const lua = new Lua();
    lua.set('divmod', (a: number, b: number) => lua.multi(Math.floor(a / b), a % b));
    lua.set('nothing', () => undefined);
    expect(lua.run('return divmod(17, 5)')).toEqual([3, 2]);
    expect(lua.run('return select("#", nothing())')).toEqual([0]);
  });

  test('arguments arrive converted to JS', () => {
    const lua = new Lua();
    let seen: unknown[] = [];
    lua.set('see', (...args: unknown[]) => {
      seen = args;
    });
    lua.run('see(nil, 1, 2.5, "s", true, math.maxinteger)');
    expect(seen).toEqual([undefined, 1, 2.5, 's', true, 2n ** 63n - 1n]);
  });
});

describe('JS objects as userdata', () => {
  class Counter {
    count = 0;
    label = 'c';
    inc(by = 1): this {
      this.count += by;
      return this;
    }
  }

  test('fields read and written, methods called with the object as this', () => {
    const lua = new Lua();
    const c = new Counter();
    lua.set('c', c);
    lua.run('c:inc():inc(5) c.label = "renamed" c.extra = {1, 2}');
    expect([c.count, c.label]).toEqual([6, 'renamed']);
    expect(lua.run('return c.count, c.missing, type(c.inc), tostring(c)')).toEqual([6, undefined, 'function', 'Counter']);
  });

  test('the same object is the same userdata', () => {
    const lua = new Lua();
    const c = new Counter();
    lua.set('a', c);
    lua.set('b', c);
    expect(lua.run('return a == b, rawequal(a, b)')).toEqual([true, true]);
  });

  test('a method called with a non-object self is a Lua error', () => {
    const lua = new Lua();
    lua.set('c', new Counter());
    expect(lua.run('return pcall(c.inc, 5)')[0]).toBe(false);
  });
});

describe('Lua.exposeClass', () => {
  class Vec {
    constructor(
      public x: number,
      public y: number,
    ) {}
    get length(): number {
      return Math.hypot(this.x, this.y);
    }
    scaled(k: number): Vec {
      return new Vec(this.x * k, this.y * k);
    }
    static zero(): Vec {
      return new Vec(0, 0);
    }
  }

  function expose(): { lua: Lua; out: () => string } {
    const c = capturing();
    c.lua.exposeClass('Vec', Vec, {
      metamethods: {
        __add: (a: Vec, b: Vec) => new Vec(a.x + b.x, a.y + b.y),
        __unm: (a: Vec) => new Vec(-a.x, -a.y),
        __eq: (a: Vec, b: Vec) => a.x === b.x && a.y === b.y,
        __lt: (a: Vec, b: Vec) => a.length < b.length,
        __le: (a: Vec, b: Vec) => a.length <= b.length,
        __len: () => 2,
        __concat: (a: unknown, b: unknown) => String(a instanceof Vec ? `<${a.x},${a.y}>` : a) + String(b instanceof Vec ? `<${b.x},${b.y}>` : b),
        __call: (v: Vec, k: number) => v.x * k,
        __tostring: (v: Vec) => `Vec(${v.x}, ${v.y})`,
        __close: (v: Vec) => {
          c.lua.set('closedX', v.x);
        },
      },
      index: (_v: Vec, key: string) => (key === 'magic' ? 42 : undefined),
    });
    return c;
  }

  test('constructor, static methods, properties (getters), methods', () => {
    const { lua } = expose();
    expect(lua.run('local v = Vec.new(3, 4) v.x = 6 return v.length, v:scaled(2).y, Vec.zero().x, v.y')).toEqual([
      Math.hypot(6, 4),
      8,
      0,
      4,
    ]);
  });

  test('metamethods: arithmetic, comparison, length, concat, call, tostring', () => {
    const { lua } = expose();
    expect(
      lua.run(`
        local a, b = Vec.new(1, 2), Vec.new(3, 4)
        return tostring(a + b), tostring(-a), a == Vec.new(1, 2), a ~= b, a < b, b <= a, #a, a .. "!", "v" .. b, b(10)`),
    ).toEqual(['Vec(4, 6)', 'Vec(-1, -2)', true, true, true, false, 2, '<1,2>!', 'v<3,4>', 30]);
  });

  test('__close runs when a <close> variable leaves its scope', () => {
    const { lua } = expose();
    expect(lua.run('do local v <close> = Vec.new(9, 0) end return closedX')).toEqual([9]);
  });

  test('the index fallback answers keys the object does not have', () => {
    const { lua } = expose();
    expect(lua.run('local v = Vec.new(1, 1) return v.magic, v.other, v.x')).toEqual([42, undefined, 1]);
  });

  test('instances created in JS use the class metamethods too', () => {
    const { lua } = expose();
    lua.set('fromJS', new Vec(5, 5));
    expect(lua.run('return tostring(fromJS + Vec.new(1, 1))')).toEqual(['Vec(6, 6)']);
  });

  test('async methods, metamethods and index fallbacks are awaited in async runs', async () => {
    class Store {
      constructor(public prefix: string) {}
      async load(key: string): Promise<string> {
        await sleep(1);
        return this.prefix + key;
      }
    }
    const lua = new Lua();
    lua.exposeClass('Store', Store, {
      metamethods: { __len: async () => sleep(1, 3) },
      index: (_s: Store, key: string) => sleep(1, `computed ${key}`),
    });
    expect(await lua.runAsync('local s = Store.new("k:") return s:load("a"), #s, s.other')).toEqual(['k:a', 3, 'computed other']);
    expect(() => lua.run('local s = Store.new("k:") return s:load("a")')).toThrow(
      "host function 'load' returned a promise in a synchronous run; use runAsync or callAsync to await it",
    );
  });

  test('a metamethod that is not a function is refused at once', () => {
    expect(() => new Lua().exposeClass('Vec', Vec, { metamethods: { __add: undefined as never } })).toThrow(
      'exposeClass: metamethod __add is not a function',
    );
  });
});
