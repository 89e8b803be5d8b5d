// number-format.test.ts — the printf engine for doubles against glibc (through lua5.4): every
// single-conversion float case of the generated fixture, the "%.14g" cases for tostring, and
// hand-picked edge cases (ties, %a rounding, subnormals, huge %f, inf/nan padding).

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatFloat, formatFloat14, formatFloatC } from '../../src/vm/number-format.js';

interface FixtureCase {
  f: string;
  a: [string, (string | boolean)?][];
  o?: string;
  e?: string;
}

// $FORMAT_FIXTURE names another fixture for stress runs (see scripts/gen-format-cases.lua).
const fixturePath =
  process.env.FORMAT_FIXTURE ?? fileURLToPath(new URL('../stdlib/fixtures/format-cases.json', import.meta.url));
const fixture = JSON.parse(readFileSync(fixturePath, 'utf8')) as {
  cases: FixtureCase[];
  tostring: [string, string][];
};

function decodeFloat(s: string): { x: number; negNaN: boolean } {
  if (s === 'inf') return { x: Infinity, negNaN: true };
  if (s === '-inf') return { x: -Infinity, negNaN: true };
  if (s === 'nan') return { x: NaN, negNaN: false };
  if (s === '-nan') return { x: NaN, negNaN: true };
  return { x: Number(s), negNaN: true };
}

const SINGLE_FLOAT = /^%[-+ #0]*\d*(\.\d*)?[eEfgGaA]$/;

describe('formatFloatC: generated cases', () => {
  const cases = fixture.cases.filter((c) => SINGLE_FLOAT.test(c.f) && c.o !== undefined && c.a.length === 1);
  it(`matches glibc on ${cases.length} conversions`, () => {
    expect(cases.length).toBeGreaterThan(1500);
    const bad: string[] = [];
    for (const c of cases) {
      const [tag, val] = c.a[0];
      let x: number;
      let negNaN = true;
      if (tag === 'f') ({ x, negNaN } = decodeFloat(val as string));
      else if (tag === 'i') x = Number(BigInt(val as string));
      else continue;
      const got = formatFloatC(c.f, x, negNaN);
      if (got !== c.o) bad.push(`${c.f} ${val}: got ${got}, want ${c.o}`);
    }
    expect(bad.slice(0, 20)).toEqual([]);
  });
});

describe('formatFloat14 (tostring)', () => {
  it(`matches "%.14g" on ${fixture.tostring.length} values`, () => {
    const bad: string[] = [];
    for (const [enc, want] of fixture.tostring) {
      const { x } = decodeFloat(enc);
      const got = formatFloat14(x);
      if (got !== want) bad.push(`${enc}: got ${got}, want ${want}`);
    }
    expect(bad.slice(0, 20)).toEqual([]);
  });
  it('prints the usual suspects', () => {
    expect(formatFloat14(1e15)).toBe('1e+15');
    expect(formatFloat14(1e14)).toBe('1e+14');
    expect(formatFloat14(123456789012345)).toBe('1.2345678901234e+14');
    expect(formatFloat14(12345678901234)).toBe('12345678901234');
    expect(formatFloat14(1e100)).toBe('1e+100');
    expect(formatFloat14(2 ** 53)).toBe('9.007199254741e+15');
    expect(formatFloat14(2 ** 63)).toBe('9.2233720368548e+18');
    expect(formatFloat14(0.1)).toBe('0.1');
    expect(formatFloat14(1 / 3)).toBe('0.33333333333333');
    expect(formatFloat14(-0)).toBe('-0');
    expect(formatFloat14(0)).toBe('0');
    expect(formatFloat14(3)).toBe('3');
    expect(formatFloat14(-1.5)).toBe('-1.5');
    expect(formatFloat14(1e-5)).toBe('1e-05');
    expect(formatFloat14(0.0001)).toBe('0.0001');
    expect(formatFloat14(5e-324)).toBe('4.9406564584125e-324');
    expect(formatFloat14(1.7976931348623157e308)).toBe('1.7976931348623e+308');
    expect(formatFloat14(Infinity)).toBe('inf');
    expect(formatFloat14(-Infinity)).toBe('-inf');
    expect(formatFloat14(NaN)).toBe('-nan');
  });
  it('rounds exact ties to even', () => {
    expect(formatFloat14(100000000000005)).toBe('1e+14');
    expect(formatFloat14(100000000000015)).toBe('1.0000000000002e+14');
    expect(formatFloat14(12345678901234.5)).toBe('12345678901234');
    expect(formatFloat14(12345678901235.5)).toBe('12345678901236');
  });
});

describe('formatFloatC: edge cases (expected from glibc)', () => {
  const cases: [string, number, string][] = [
    // Ties: glibc rounds half to even, JS's toFixed would round up.
    ['%.0f', 0.5, '0'],
    ['%.0f', 1.5, '2'],
    ['%.0f', 2.5, '2'],
    ['%.0f', -2.5, '-2'],
    ['%.1f', 0.25, '0.2'],
    ['%.1f', 0.35, '0.3'],
    ['%.2f', 1.005, '1.00'],
    ['%.0e', 25, '2e+01'],
    ['%.0e', 35, '4e+01'],
    ['%.0e', 9.5, '1e+01'],
    ['%.3g', 999.5, '1e+03'],
    ['%.3g', 9995, '1e+04'],
    ['%.0g', 15, '2e+01'],
    ['%.0g', 25, '2e+01'],
    // %f of huge and tiny values, up to Lua's limit of 99 digits.
    [
      '%.99f',
      1e308,
      '100000000000000001097906362944045541740492309677311846336810682903157585404911491537163328978494688899061249669721172515611590283743140088328307009198146046031271664502933027185697489699588559043338384466165001178426897626212945177628091195786707458122783970171784415105291802893207873272974885715430223118336.' +
        '0'.repeat(99),
    ],
    ['%.99f', 5e-324, '0.' + '0'.repeat(99)],
    ['%.0f', 1e21, '1000000000000000000000'],
    ['%.3f', 2 ** 60, '1152921504606846976.000'],
    [
      '%.99e',
      5e-324,
      '4.940656458412465441765687928682213723650598026143247644255856825006755072702087518652998363616359924e-324',
    ],
    ['%.99g', 0.1, '0.1000000000000000055511151231257827021181583404541015625'],
    ['%.20g', 1e-310, '9.9999999999999694493e-311'],
    ['%.17g', 5e-324, '4.9406564584124654e-324'],
    // %g style choice and '#'.
    ['%g', 100000, '100000'],
    ['%g', 1000000, '1e+06'],
    ['%g', 0.0001, '0.0001'],
    ['%g', 0.00001, '1e-05'],
    ['%#g', 0.0001, '0.000100000'],
    ['%#g', 0, '0.00000'],
    ['%#.0g', 1, '1.'],
    ['%#.3g', 100, '100.'],
    ['%#.3g', 1e10, '1.00e+10'],
    ['%g', -0, '-0'],
    ['%e', 0, '0.000000e+00'],
    ['%#.0e', 0, '0.e+00'],
    ['%#.0f', 0, '0.'],
    ['%.0f', -0, '-0'],
    ['%+.0f', 0, '+0'],
    ['%e', 1e-300, '1.000000e-300'],
    // Padding and signs.
    ['%010.3f', -1.5, '-00001.500'],
    ['%-010.3f|', -1.5, '-1.500    |'],
    ['%+010.3e', 1.5, '+1.500e+00'],
    ['% 010.3g', 1.5, ' 0000001.5'],
    // %a: glibc's hex layout, half-even rounding without renormalising, subnormals.
    ['%a', 1, '0x1p+0'],
    ['%a', 0.1, '0x1.999999999999ap-4'],
    ['%A', 0.1, '0X1.999999999999AP-4'],
    ['%a', 0, '0x0p+0'],
    ['%a', -0, '-0x0p+0'],
    ['%.3a', 0, '0x0.000p+0'],
    ['%a', 5e-324, '0x0.0000000000001p-1022'],
    ['%a', 2 ** -1022, '0x1p-1022'],
    ['%a', 1.7976931348623157e308, '0x1.fffffffffffffp+1023'],
    ['%.0a', 1.5, '0x2p+0'],
    ['%.0a', 2.5, '0x1p+1'],
    ['%.0a', 1.9375, '0x2p+0'],
    ['%.1a', 1.99609375, '0x2.0p+0'],
    ['%.2a', 1.999755859375, '0x2.00p+0'],
    ['%.3a', 5e-324, '0x0.000p-1022'],
    ['%.0a', 5e-324, '0x0p-1022'],
    ['%.0a', 2 ** -1023, '0x0p-1022'],
    ['%.0a', 2 ** -1023 + 5e-324, '0x1p-1022'],
    ['%.20a', 0.1, '0x1.999999999999a0000000p-4'],
    ['%20.3a', 1 / 3, '          0x1.555p-2'],
    ['%#a', 1, '0x1.p+0'],
    ['%010a', 1, '0x00001p+0'],
    ['%#010.0a', 1, '0x0001.p+0'],
    ['% -10a|', 1, ' 0x1p+0   |'],
    ['%+.3a', 1, '+0x1.000p+0'],
    ['%010a', -0.1, '-0x1.999999999999ap-4'],
    // inf and nan ignore '0' and go upper case with the conversion.
    ['%05f', Infinity, '  inf'],
    ['%+f', -Infinity, '-inf'],
    ['%-8f|', Infinity, 'inf     |'],
    ['%08.3e', -Infinity, '    -inf'],
    ['%010A', Infinity, '       INF'],
    ['%E', -Infinity, '-INF'],
    ['%G', NaN, '-NAN'],
    ['%5.1f', NaN, ' -nan'],
  ];
  for (const [f, x, want] of cases) {
    it(`${f} of ${x}`, () => {
      // A trailing '|' in the table marks where padding ends; it is not part of the format.
      const got = f.endsWith('|') ? formatFloatC(f.slice(0, -1), x) + '|' : formatFloatC(f, x);
      expect(got).toBe(want);
    });
  }
  it('takes the NaN sign from the caller', () => {
    expect(formatFloatC('%f', NaN, false)).toBe('nan');
    expect(formatFloatC('%+f', NaN, false)).toBe('+nan');
    expect(formatFloatC('% f', NaN, false)).toBe(' nan');
    expect(formatFloatC('%f', NaN, true)).toBe('-nan');
  });
  it('accepts a FloatSpec directly', () => {
    const spec = { conv: 'f'.charCodeAt(0), minus: false, plus: true, space: false, alt: false, zero: true, width: 8, precision: 2 };
    expect(formatFloat(3.14159, spec)).toBe('+0003.14');
  });
  it('rejects formats it does not handle', () => {
    expect(() => formatFloatC('%d', 1)).toThrow(RangeError);
  });
});
