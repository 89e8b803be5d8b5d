// numeral.test.ts — parseNumeral (luaO_str2num), beyond what the lexer tests reach.

import { describe, expect, test } from 'vitest';
import { parseNumeral } from '../../src/parser/numeral.js';

describe('parseNumeral', () => {
  test('integers, with spaces and signs', () => {
    expect(parseNumeral(' 10 ')).toEqual({ isFloat: false, value: 10 });
    expect(parseNumeral('-0x10')).toEqual({ isFloat: false, value: -16 });
    expect(parseNumeral('-9223372036854775808')).toEqual({ isFloat: false, value: -9223372036854775808n });
    expect(parseNumeral('-9223372036854775809')).toEqual({ isFloat: true, value: -9223372036854775808 });
  });

  test('floats, and what is not a numeral', () => {
    expect(parseNumeral('1e2')).toEqual({ isFloat: true, value: 100 });
    expect(parseNumeral('\t.5\n')).toEqual({ isFloat: true, value: 0.5 });
    for (const s of ['', ' ', 'inf', 'nan', '1e', '0x', '0x.p1', '1..2', '1 2', '0x1p', 'e1']) {
      expect(parseNumeral(s), s).toBeUndefined();
    }
  });

  // Expected values from lua5.4: print(string.format('%a', <numeral>)).
  test('hexadecimal floats round once, correctly', () => {
    expect(parseNumeral('0x1.00000000000008p0')?.value).toBe(1);
    // A tie broken by a nonzero digit far beyond the 30 significant digits kept.
    expect(parseNumeral('0x1.000000000000080000000000000000001p0')?.value).toBe(1 + 2 ** -52);
    expect(parseNumeral('0x1000000000000000000000000000000000000000p-10')?.value).toBe(2 ** 146);
    expect(parseNumeral('0x.0000000000000000000000000000000000001p0')?.value).toBe(2 ** -148);
    expect(parseNumeral('0x1p-1074')?.value).toBe(5e-324);
    expect(parseNumeral('0x1p1024')?.value).toBe(Infinity);
  });
});
