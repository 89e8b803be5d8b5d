// string-format.test.ts — luaFormat against Lua 5.4.4's string.format: the generated fixture
// (scripts/gen-format-cases.lua) plus hand-picked cases whose expected outputs were taken from
// lua5.4.

import { describe, expect, it } from 'vitest';
import type { LuaValue } from '../../src/vm/value.js';
import { LuaFloat, POS_NAN, numberToString, typeName } from '../../src/vm/value.js';
import { luaFormat, type FormatArgs } from '../../src/stdlib/string-format.js';
import { TABLE, decodeArg, loadFixture, show } from './format-fixture.js';

class LuaError extends Error {}

function tostr(v: LuaValue): string {
  if (v === undefined) return 'nil';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint' || v instanceof LuaFloat) return numberToString(v);
  if (v === TABLE) return 'table: 0x55a0c0de1000';
  throw new Error('tostr: unexpected value');
}

function mkArgs(vals: LuaValue[], extra: Partial<FormatArgs> = {}): FormatArgs {
  return {
    count: vals.length,
    get: (i) => vals[i - 1],
    toStringMeta: tostr,
    argError: (i, msg) => {
      throw new LuaError(`bad argument #${i + 1} to 'format' (${msg})`);
    },
    error: (msg) => {
      throw new LuaError(msg);
    },
    typeName: (v) => (v === TABLE ? 'table' : typeName(v)),
    ...extra,
  };
}

function fmt(f: string, ...vals: LuaValue[]): string {
  return luaFormat(f, mkArgs(vals));
}

function fmtErr(f: string, ...vals: LuaValue[]): string {
  try {
    return 'no error: ' + luaFormat(f, mkArgs(vals));
  } catch (e) {
    if (e instanceof LuaError) return e.message;
    throw e;
  }
}

// ============================================================================================
// Generated cases
// ============================================================================================

describe('string.format: cases generated from lua5.4', () => {
  const { cases } = loadFixture();
  it('has enough cases', () => {
    expect(cases.length).toBeGreaterThan(1500);
  });
  // One test per conversion group keeps the report readable; failures list every mismatch.
  const groups = new Map<string, typeof cases>();
  for (const c of cases) {
    const m = /%[-+ #0-9.]*(.)/.exec(c.f);
    const key = m === null ? 'literal' : `%${m[1]}`;
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = []));
    g.push(c);
  }
  for (const [key, group] of groups) {
    it(`${key} (${group.length} cases)`, () => {
      const bad: string[] = [];
      for (const c of group) {
        const args = c.a.map(decodeArg);
        const got = c.e !== undefined ? fmtErr(c.f, ...args) : safeFmt(c.f, args);
        const want = c.e !== undefined ? c.e : c.o;
        if (got !== want) bad.push(`${show(c.f)} ${JSON.stringify(c.a)}: got ${show(got)}, want ${show(want!)}`);
      }
      expect(bad.slice(0, 20)).toEqual([]);
    });
  }
});

function safeFmt(f: string, args: LuaValue[]): string {
  try {
    return luaFormat(f, mkArgs(args));
  } catch (e) {
    return `threw ${(e as Error).message}`;
  }
}

// ============================================================================================
// Hand-picked cases (expected values from lua5.4)
// ============================================================================================

describe('string.format: conversions', () => {
  it('accepts %i like %d', () => {
    expect(fmt('%i|%5i', 5, 5)).toBe('5|    5');
  });
  it('formats int64 values in two\'s complement for %x %o %u', () => {
    expect(fmt('%x', -1)).toBe('ffffffffffffffff');
    expect(fmt('%o', -1)).toBe('1777777777777777777777');
    expect(fmt('%u', -1)).toBe('18446744073709551615');
    expect(fmt('%X', -0x8000000000000000n)).toBe('8000000000000000');
    expect(fmt('%#x', -0x8000000000000000n)).toBe('0x8000000000000000');
    expect(fmt('%d', -0x8000000000000000n)).toBe('-9223372036854775808');
    expect(fmt('%.20d', -0x8000000000000000n)).toBe('-09223372036854775808');
    expect(fmt('%-+22d|', 0x7fffffffffffffffn)).toBe('+9223372036854775807  |');
  });
  it('follows C for precision, # and 0 on integers', () => {
    expect(fmt('%5.3d %5.3x %#5.3x %#5.3o %-#8x| %#X %#.0x %#.0o', 3, 26, 26, 8, 255, 255, 0, 0)).toBe(
      '  003   01a 0x01a   010 0xff    | 0XFF  0',
    );
    expect(fmt('%+5d % 5d %+-5d| %05d %-05d| %05.2d', 3, 3, 3, -3, -3, -3)).toBe('   +3     3 +3   | -0003 -3   |   -03');
    expect(fmt('%.0d|%+.0d|% .0d|%5.0x|%#5.0o|', 0, 0, 0, 0, 0)).toBe('|+| |     |    0|');
    expect(fmt('%#.3o %#.3o %#.4o', 8, 64, 8)).toBe('010 0100 0010');
    expect(fmt('%0#10x|%#010o', 255, 8)).toBe('0x000000ff|0000000010');
    expect(fmt('%099d', 1)).toBe('0'.repeat(98) + '1');
    expect(fmt('%0000000000000000005d|%-----5d|', 1, 1)).toBe('00001|1    |');
  });
  it('converts floats with an exact integer value and numeric strings for %d', () => {
    expect(fmt('%d', new LuaFloat(3))).toBe('3');
    expect(fmt('%d', '10')).toBe('10');
    expect(fmt('%d', '10.0')).toBe('10');
    expect(fmt('%x', ' 0x10 ')).toBe('10');
    expect(fmt('%d', new LuaFloat(-9223372036854775808))).toBe('-9223372036854775808');
    expect(fmt('%d', '-9223372036854775808')).toBe('-9223372036854775808');
    expect(fmtErr('%d', 3.5)).toBe("bad argument #2 to 'format' (number has no integer representation)");
    expect(fmtErr('%d', new LuaFloat(9223372036854775808))).toBe(
      "bad argument #2 to 'format' (number has no integer representation)",
    );
    expect(fmtErr('%d', '10.5')).toBe("bad argument #2 to 'format' (number has no integer representation)");
    expect(fmtErr('%d', '9223372036854775808')).toBe("bad argument #2 to 'format' (number has no integer representation)");
    expect(fmtErr('%d', 'x')).toBe("bad argument #2 to 'format' (number expected, got string)");
  });
  it('formats %c from the low byte', () => {
    expect(fmt('%c%c%c', 76, 117, 97)).toBe('Lua');
    expect(fmt('%5c|%-5c|', 65, 65)).toBe('    A|A    |');
    expect(fmt('%c', 256 + 65)).toBe('A');
    expect(fmt('%c', -1)).toBe('\xff');
    expect(fmt('%c', 0)).toBe('\0');
    expect(fmt('%c', 2 ** 40 + 66)).toBe('B');
  });
  it('formats floats through the printf engine', () => {
    expect(fmt('%5.1f%%', 3.14159)).toBe('  3.1%');
    expect(fmt('%.0f %.0f %.0f', 0.5, 1.5, 2.5)).toBe('0 2 2');
    expect(fmt('%.14g', new LuaFloat(100000000000005))).toBe('1e+14');
    expect(fmt('%.3f', 0x7fffffffffffffffn)).toBe('9223372036854775808.000');
    expect(fmt('%f', '0x1p4')).toBe('16.000000');
    expect(fmt('%a %A', new LuaFloat(1), 0.1)).toBe('0x1p+0 0X1.999999999999AP-4');
    expect(fmt('%a', 5e-324)).toBe('0x0.0000000000001p-1022');
    expect(fmt('%f %f %e %g', Infinity, -Infinity, NaN, POS_NAN)).toBe('inf -inf -nan nan');
    expect(fmt('%05f|%-6g|%+f', Infinity, POS_NAN, POS_NAN)).toBe('  inf|nan   |+nan');
    expect(fmt('%.99f', new LuaFloat(1))).toBe('1.' + '0'.repeat(99));
  });
  it('formats %s with width and precision, keeping long strings whole', () => {
    expect(fmt('%s|%5s|%-5s|%.2s|%10.3s|', 'x', 'y', 'z', 'abcdef', 1.5)).toBe('x|    y|z    |ab|       1.5|');
    expect(fmt('%s', 'a\0b')).toBe('a\0b');
    expect(fmt('%5s|', 'x'.repeat(100))).toBe('x'.repeat(100) + '|');
    expect(fmt('%.s|%5.1s|', 'abc', true)).toBe('|    t|');
    expect(fmt('%s %s %s', undefined, false, 0x7fffffffffffffffn)).toBe('nil false 9223372036854775807');
    expect(fmtErr('%5s', 'a\0b')).toBe("bad argument #2 to 'format' (string contains zeros)");
    expect(fmtErr('%.1s', 'a\0b')).toBe("bad argument #2 to 'format' (string contains zeros)");
  });
  it('uses the caller\'s __tostring conversion for %s', () => {
    const args = mkArgs([TABLE], { toStringMeta: () => 'MyT: 0x1' });
    expect(luaFormat('[%s] ', args)).toBe('[MyT: 0x1] ');
    const boom = mkArgs([TABLE], {
      toStringMeta: () => {
        throw new LuaError('boom');
      },
    });
    expect(() => luaFormat('%100s', boom)).toThrow('boom');
  });
  it('prints (null) for %p of values without an address and asks the caller otherwise', () => {
    expect(fmt('%p|%10p|%-10p|', 1, new LuaFloat(2), true)).toBe('(null)|    (null)|(null)    |');
    expect(fmt('%p', undefined)).toBe('(null)');
    const args = mkArgs([TABLE], { toPointer: () => '0x55c41150bb40' });
    expect(luaFormat('%p|%16p', { ...args, count: 2, get: () => TABLE })).toBe('0x55c41150bb40|  0x55c41150bb40');
    expect(fmt('%p', TABLE)).toMatch(/^0x[0-9a-f]+$/);
    expect(fmt('%p', TABLE)).toBe(fmt('%p', TABLE));
    expect(fmt('%p', 'abc')).toBe(fmt('%p', 'abc'));
  });
  it('handles %% and literal text with zeros', () => {
    expect(fmt('100%% %d%%', 5)).toBe('100% 5%');
    expect(fmt('a\0b%dc\0', 5)).toBe('a\0b5c\0');
    expect(fmt('')).toBe('');
    expect(fmt('no specs', 1, 2)).toBe('no specs');
  });
});

describe('string.format: %q', () => {
  it('quotes strings as 5.4.4 does', () => {
    expect(fmt('%q', 'a\0b\x001\r\n"\\\x01\x7f\x80\xff')).toBe('"a\\0b\\0001\\13\\\n\\"\\\\\\1\\127\x80\xff"');
    expect(fmt('%q', '\r9\x009\0\n\t')).toBe('"\\0139\\0009\\0\\\n\\9"');
    expect(fmt('%q', '\x7f\x1f\x1f9')).toBe('"\\127\\31\\0319"');
  });
  it('writes numbers as literals that read back exactly', () => {
    expect(fmt('%q', 0x7fffffffffffffffn)).toBe('9223372036854775807');
    expect(fmt('%q', -0x8000000000000000n)).toBe('0x8000000000000000');
    expect(fmt('%q', new LuaFloat(1))).toBe('0x1p+0');
    expect(fmt('%q', 0.1)).toBe('0x1.999999999999ap-4');
    expect(fmt('%q', new LuaFloat(-0))).toBe('-0x0p+0');
    expect(fmt('%q', new LuaFloat(2 ** 63))).toBe('0x1p+63');
    expect(fmt('%q %q %q %q', Infinity, -Infinity, NaN, POS_NAN)).toBe('1e9999 -1e9999 (0/0) (0/0)');
    expect(fmt('%q %q %q', undefined, true, false)).toBe('nil true false');
  });
  it('rejects modifiers and values without a literal form', () => {
    expect(fmtErr('%10.3q', 'a')).toBe("specifier '%q' cannot have modifiers");
    expect(fmtErr('%-q', 1)).toBe("specifier '%q' cannot have modifiers");
    expect(fmtErr('%q', TABLE)).toBe("bad argument #2 to 'format' (value has no literal form)");
  });
});

describe('string.format: errors', () => {
  it('reports missing arguments first', () => {
    expect(fmtErr('%d')).toBe("bad argument #2 to 'format' (no value)");
    expect(fmtErr('%d %d', 1)).toBe("bad argument #3 to 'format' (no value)");
    expect(fmtErr('%100d')).toBe("bad argument #2 to 'format' (no value)");
    expect(fmtErr('%')).toBe("bad argument #2 to 'format' (no value)");
  });
  it('rejects unknown conversions, %F and length modifiers', () => {
    expect(fmtErr('%z', 1)).toBe("invalid conversion '%z' to 'format'");
    expect(fmtErr('%F', 1)).toBe("invalid conversion '%F' to 'format'");
    expect(fmtErr('%ld', 1)).toBe("invalid conversion '%l' to 'format'");
    expect(fmtErr('abc%', 1)).toBe("invalid conversion '%' to 'format'");
    expect(fmtErr('%5', 1)).toBe("invalid conversion '%5' to 'format'");
    expect(fmtErr('%5\0d', 1)).toBe("invalid conversion '%5' to 'format'");
  });
  it('checks flags, width and precision per conversion', () => {
    expect(fmtErr('%.100f', 1)).toBe("invalid conversion specification: '%.100f'");
    expect(fmtErr('%100d', 1)).toBe("invalid conversion specification: '%100d'");
    expect(fmtErr('%+x', 1)).toBe("invalid conversion specification: '%+x'");
    expect(fmtErr('%#d', 1)).toBe("invalid conversion specification: '%#d'");
    expect(fmtErr('%05c', 65)).toBe("invalid conversion specification: '%05c'");
    expect(fmtErr('%.5c', 65)).toBe("invalid conversion specification: '%.5c'");
    expect(fmtErr('%5.5.5d', 1)).toBe("invalid conversion specification: '%5.5.5d'");
    expect(fmtErr('%.3p', 1)).toBe("invalid conversion specification: '%.3p'");
    expect(fmtErr('%.200s', 'x')).toBe("invalid conversion specification: '%.200s'");
  });
  it('limits the spec length', () => {
    expect(fmt('%' + '-'.repeat(19) + '5d', 1)).toBe('1    ');
    expect(fmtErr('%' + '-'.repeat(20) + '5d', 1)).toBe('invalid format (too long)');
  });
  it('checks the argument before or after the spec as 5.4.4 does', () => {
    // %d %x %f %e %g: argument first; %c %a: spec first; %s: conversion, zeros, then spec.
    expect(fmtErr('%100d', TABLE)).toBe("bad argument #2 to 'format' (number expected, got table)");
    expect(fmtErr('%100f', TABLE)).toBe("bad argument #2 to 'format' (number expected, got table)");
    expect(fmtErr('%100a', TABLE)).toBe("invalid conversion specification: '%100a'");
    expect(fmtErr('%05c', TABLE)).toBe("invalid conversion specification: '%05c'");
    expect(fmtErr('%100s', 'a\0')).toBe("bad argument #2 to 'format' (string contains zeros)");
    expect(fmtErr('%y %d', 1, 'x')).toBe("invalid conversion '%y' to 'format'");
    expect(fmtErr('%d %y', 'x', 1)).toBe("bad argument #2 to 'format' (number expected, got string)");
  });
  it('names types through the caller (luaL_typeerror uses __name)', () => {
    const args = mkArgs([TABLE], { typeName: () => 'MyT' });
    expect(() => luaFormat('%d', args)).toThrow("bad argument #2 to 'format' (number expected, got MyT)");
    expect(fmtErr('%f', undefined)).toBe("bad argument #2 to 'format' (number expected, got nil)");
    expect(fmtErr('%c', 'x')).toBe("bad argument #2 to 'format' (number expected, got string)");
  });
});

describe('string.format: repeated formats', () => {
  it('gives the same results from the format cache', () => {
    for (let i = 0; i < 3; i++) {
      expect(fmt('item-%05d:%s', i, 'abc')).toBe(`item-0000${i}:abc`);
      expect(fmtErr('%d %y', 1, 1)).toBe("invalid conversion '%y' to 'format'");
    }
  });
});
