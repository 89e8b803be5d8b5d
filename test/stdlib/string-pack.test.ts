// Tests for src/stdlib/string-pack.ts: the cases recorded from lua5.4 by
// scripts/gen-pack-cases.lua (fixtures/pack-cases.json), replayed through a stand-in for the
// string library's argument checks, plus a few direct checks of the API.

import { describe, expect, it } from 'vitest';
import { luaPack, luaPackSize, luaUnpack } from '../../src/stdlib/string-pack.js';
import type { PackArgs } from '../../src/stdlib/string-pack.js';
import {
  FLOAT_NEG_ZERO,
  LuaFloat,
  POS_NAN,
  mkFloat,
  numberToString,
  toInteger,
  toNumber,
  typeName,
} from '../../src/vm/value.js';
import type { LuaValue } from '../../src/vm/value.js';
import { LuaTable } from '../../src/vm/table.js';
import { decode, loadCases, luaErrorMessage, sameLuaValue, show } from './fixture-values.js';

/** What luaL_argerror raises, without the function name. */
class ArgError extends Error {
  constructor(
    readonly arg: number,
    readonly msg: string,
  ) {
    super(`bad argument #${arg} (${msg})`);
  }
}

function argError(i: number, msg: string): never {
  throw new ArgError(i, msg);
}

/** luaL_check* over a plain list of values: values[0] is argument #2. */
function packArgs(values: LuaValue[]): PackArgs {
  const get = (i: number): LuaValue => values[i - 2];
  const typeError = (i: number, expected: string): never =>
    argError(i, `${expected} expected, got ${typeName(get(i))}`);
  return {
    checkInteger(i) {
      const v = get(i);
      const n = toInteger(v);
      if (n !== undefined) return n;
      if (toNumber(v) !== undefined) argError(i, 'number has no integer representation');
      return typeError(i, 'number');
    },
    checkNumber(i) {
      const n = toNumber(get(i));
      return n !== undefined ? n : typeError(i, 'number');
    },
    checkString(i) {
      const v = get(i);
      if (typeof v === 'string') return v;
      if (typeof v === 'number' || typeof v === 'bigint' || v instanceof LuaFloat) return numberToString(v);
      return typeError(i, 'string');
    },
    argError,
  };
}

/** A fixture's table value ({} in the generator) stands for any table. */
function asValue(v: unknown): LuaValue {
  if (typeof v === 'object' && v !== null && 'table' in v) return new LuaTable();
  return v as LuaValue;
}

function run(fn: string, a: LuaValue[]): LuaValue[] {
  switch (fn) {
    case 'pack':
      return [luaPack(a[0] as string, packArgs(a.slice(1)))];
    case 'unpack':
      return luaUnpack(a[0] as string, a[1] as string, a[2] === undefined ? 1 : (a[2] as number | bigint), argError);
    case 'packsize':
      return [luaPackSize(a[0] as string, argError)];
  }
  throw new Error(`unknown fn ${fn}`);
}

const cases = loadCases(new URL('./fixtures/pack-cases.json', import.meta.url));

describe('string-pack fixtures (lua5.4)', () => {
  it('has enough cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(400);
  });

  cases.forEach((c, idx) => {
    const args = c.args.map((v) => asValue(decode(v)));
    const title = `#${idx} ${c.fn}(${args.map((v) => show(v)).join(', ')})`.slice(0, 160);
    it(title, () => {
      let got: LuaValue[] | undefined;
      let err: string | undefined;
      let argErr: [number, string] | undefined;
      try {
        got = run(c.fn, args);
      } catch (e) {
        if (e instanceof ArgError) argErr = [e.arg, e.msg];
        else err = luaErrorMessage(e);
      }
      if (c.argerr !== undefined) {
        expect(argErr ?? err).toEqual(c.argerr);
        return;
      }
      if (c.err !== undefined) {
        expect(argErr ?? err).toBe(c.err);
        return;
      }
      expect(argErr ?? err).toBeUndefined();
      const want = (c.ok ?? []).map(decode);
      expect(show(got)).toBe(show(want));
      want.forEach((v, i) => expect(sameLuaValue(got![i], v), `result ${i + 1}`).toBe(true));
    });
  });
});

describe('string-pack engine', () => {
  const bytes = (s: string) => Array.from(s, (ch) => ch.charCodeAt(0));

  it('keeps the NaN sign of the value model', () => {
    expect(bytes(luaPack('<d', packArgs([NaN])))).toEqual([0, 0, 0, 0, 0, 0, 0xf8, 0xff]);
    expect(bytes(luaPack('<d', packArgs([POS_NAN])))).toEqual([0, 0, 0, 0, 0, 0, 0xf8, 0x7f]);
    expect(bytes(luaPack('>f', packArgs([NaN])))).toEqual([0xff, 0xc0, 0, 0]);
    expect(luaUnpack('<d', '\0\0\0\0\0\0\xf8\x7f', 1, argError)[0]).toBe(POS_NAN);
    const neg = luaUnpack('<d', '\0\0\0\0\0\0\xf8\xff', 1, argError)[0];
    expect(typeof neg === 'number' && Number.isNaN(neg)).toBe(true);
  });

  it('returns floats as floats and integers as integers', () => {
    const [f, pos] = luaUnpack('<d', luaPack('<d', packArgs([3])), 1, argError);
    expect(f).toBeInstanceOf(LuaFloat);
    expect((f as LuaFloat).n).toBe(3);
    expect(pos).toBe(9);
    const [z] = luaUnpack('d', luaPack('d', packArgs([FLOAT_NEG_ZERO])), 1, argError);
    expect(Object.is((z as LuaFloat).n, -0)).toBe(true);
    expect(luaUnpack('<j', luaPack('<j', packArgs([2n ** 62n])), 1, argError)[0]).toBe(2n ** 62n);
    expect(luaUnpack('<j', luaPack('<j', packArgs([-(2 ** 53) + 1])), 1, argError)[0]).toBe(-(2 ** 53) + 1);
    expect(luaUnpack('<j', luaPack('<j', packArgs([-(2n ** 53n)])), 1, argError)[0]).toBe(-(2n ** 53n));
    expect(luaUnpack('<i7', luaPack('<i7', packArgs([-(2 ** 53) + 1])), 1, argError)[0]).toBe(-(2 ** 53) + 1);
    expect(luaUnpack('<I7', '\xff\xff\xff\xff\xff\xff\xff', 1, argError)[0]).toBe(2n ** 56n - 1n);
    expect(luaUnpack('<f', luaPack('<f', packArgs([mkFloat(0.5)])), 1, argError)[0]).toBe(0.5);
  });

  it('reports a format with a zero byte as ending there', () => {
    expect(luaPackSize('i\0xyz', argError)).toBe(4);
  });
});
