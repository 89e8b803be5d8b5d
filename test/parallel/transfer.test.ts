// transfer.test.ts — the value codec (src/parallel/transfer.ts) between two VMs in one
// isolate: subtypes, byte strings, shared references and cycles, closures with their upvalues,
// standard library values by name, and the errors for values that cannot be copied.

import { describe, expect, test } from 'vitest';
import { Lua } from '../../dist/index.js';
import { Encoder, Decoder, sourceOf } from '../../dist/parallel/transfer.js';
import { handleTarget } from '../../dist/embed/handles.js';

/** The VM behind a Lua instance. */
function vm(lua: Lua) {
  return handleTarget(lua.createTable())!.runtime;
}

/** Run `code` in one VM, copy its results into another, and run `check` there on them (`__v`). */
function roundTrip(code: string, check: string): unknown[] {
  const from = new Lua();
  const to = new Lua();
  const src = vm(from);
  const dst = vm(to);
  from.run(`__r = table.pack((function() ${code} end)())`);
  const packed = src.G.globals.getStr('__r');
  const n = packed.getStr('n');
  const e = new Encoder();
  for (let i = 1; i <= n; i++) e.lua(packed.getInt(i), sourceOf(src.G), `value #${i}`);
  const values = new Decoder(e.finish()).allLua(dst.G);
  const args = to.createTable();
  values.forEach((v, i) => handleTarget(args)!.value.setInt(i + 1, v));
  to.set('__v', args);
  return to.run(check);
}

describe('transfer codec', () => {
  test('numbers keep their subtype, NaN sign and -0.0; strings are bytes', () => {
    const r = roundTrip(
      `return 1, 1.0, -0.0, math.maxinteger, 2^63, 0/0, -(0/0), "\\0\\255é", 1e308 * 10`,
      `local v = __v return math.type(v[1]), math.type(v[2]), 1/v[3], v[4] == math.maxinteger, math.type(v[5]),
        tostring(v[6]), tostring(v[7]), #v[8], v[8]:byte(2), v[9]`,
    );
    expect(r).toEqual(['integer', 'float', -Infinity, true, 'float', '-nan', 'nan', 4, 255, Infinity]);
  });

  test('tables: shared references and cycles, any key type, metatables dropped', () => {
    const r = roundTrip(
      `local s = {} local t = { a = s, b = s, [s] = 'key', [1.5] = 'f', [true] = 1 } t.t = t
       return setmetatable(t, { __index = function() return 1 end })`,
      `local t = __v[1] return rawequal(t.a, t.b), rawequal(t.t, t), t[t.a], t[1.5], t[true], getmetatable(t), t.zzz`,
    );
    expect(r).toEqual([true, true, 'key', 'f', 1, undefined, undefined]);
  });

  test('closures: upvalues copied, shared cells shared, recursion and _ENV kept', () => {
    const r = roundTrip(
      `local n = 0
       local function inc() n = n + 1 return n end
       local function get() return n end
       local function fact(k) if k <= 1 then return 1 end return k * fact(k - 1) end
       local fmt = string.format
       return inc, get, fact, function() return fmt('%d', type(print) == 'function' and 7 or 0) end`,
      `local inc, get, fact, f = table.unpack(__v) inc() inc() return get(), fact(10), f()`,
    );
    expect(r).toEqual([2, 3628800, '7']);
  });

  test('values that cannot be copied name their type and where they were', () => {
    const from = new Lua();
    const src = vm(from);
    from.run(`local co = coroutine.create(print)
      local function f() return co end
      __r = { list = { 1, { deep = f } } }`);
    const e = new Encoder();
    expect(() => e.lua(src.G.globals.getStr('__r'), sourceOf(src.G), 'argument #2')).toThrow(
      "cannot copy a thread value to another Lua state (argument #2, field 'list', [2], field 'deep', upvalue 'co')",
    );
    expect(() => new Encoder().lua(src.G.globals.getStr('io').getStr('stdout'), sourceOf(src.G), 'result #1')).toThrow(
      'cannot copy a userdata value to another Lua state (result #1)',
    );
    from.set('hostfn', () => 1);
    expect(() => new Encoder().lua(src.G.globals.getStr('hostfn'), sourceOf(src.G), 'x')).toThrow(
      "cannot copy a host function ('hostfn') to another Lua state (x)",
    );
  });

  test('JavaScript values encode as the embedding API converts them', () => {
    const e = new Encoder();
    const cyclic: Record<string, unknown> = { n: 1, f: 1.5, big: 2n ** 62n, s: 'é', bytes: new Uint8Array([1, 2]) };
    cyclic.me = cyclic;
    e.js(cyclic, 'argument #1');
    e.js([1, 2, [3]], 'argument #2');
    const [obj, arr] = new Decoder(e.finish()).allJS() as [Record<string, unknown>, unknown[]];
    expect(obj.me).toBe(obj);
    expect(obj.n).toBe(1);
    expect(obj.big).toBe(2n ** 62n);
    expect(obj.s).toBe('é');
    expect(obj.bytes).toBe('\x01\x02');
    expect(arr).toEqual([1, 2, [3]]);
    expect(() => new Encoder().js(new Date(), 'argument #1')).toThrow('cannot copy a Date object to another Lua state (argument #1)');
  });
});
