// Tests for src/stdlib/string-pattern.ts: the cases recorded from lua5.4 by
// scripts/gen-pattern-cases.lua (fixtures/pattern-cases.json), replayed through small
// stand-ins for the string library wrappers, plus checks too big for a fixture.

import { describe, expect, it } from 'vitest';
import {
  GmatchState,
  GsubState,
  gsubString,
  parseReplacement,
  patternFind,
  posRelatI,
} from '../../src/stdlib/string-pattern.js';
import { LuaFloat, mkFloat, numberToString, toInteger, truthy } from '../../src/vm/value.js';
import type { LuaValue } from '../../src/vm/value.js';
import { throwLibError } from '../../src/vm/errors.js';
import {
  type CannedFn,
  type Decoded,
  type TableSpec,
  decode,
  loadCases,
  luaErrorMessage,
  sameLuaValue,
  show,
} from './fixture-values.js';

// ============================================================================================
// Stand-ins for string.find / match / gmatch / gsub (what string.ts will do)
// ============================================================================================

const TABLE_RESULT = Symbol('a table');

function tostr(v: unknown): string {
  if (v === undefined) return 'nil';
  if (typeof v === 'string') return v;
  return numberToString(v as number);
}

function asciiUpper(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += String.fromCharCode(c >= 97 && c <= 122 ? c - 32 : c);
  }
  return out;
}

/** The canned replacement functions of gen-pattern-cases.lua. */
const CANNED: Record<string, (args: LuaValue[]) => unknown> = {
  upper: (a) => asciiUpper(tostr(a[0])),
  concat: (a) => `[${a.map(tostr).join(',')}]`,
  nil: () => undefined,
  false: () => false,
  table: () => TABLE_RESULT,
  int: () => 42,
  float: () => mkFloat(2),
  len: (a) => tostr(a[0]).length,
  rev: (a) => tostr(a[1]) + tostr(a[0]),
};

/** add_value's handling of a function's or table's result. */
function applyValue(g: GsubState, r: unknown): void {
  if (r === undefined || r === false) g.keepMatch();
  else if (typeof r === 'string') g.addValue(r);
  else if (typeof r === 'number' || typeof r === 'bigint' || r instanceof LuaFloat) g.addValue(numberToString(r));
  else if (r === TABLE_RESULT || (typeof r === 'object' && r !== null && 'table' in r)) throwLibError('invalid replacement value (a table)');
  else throw new Error(`unexpected replacement ${String(r)}`);
}

function gsub(src: string, pat: string, repl: Decoded, maxArg: Decoded): LuaValue[] {
  const maxN = maxArg === undefined ? undefined : toInteger(maxArg as LuaValue);
  const g = new GsubState(src, pat, maxN);
  if (typeof repl === 'string' || typeof repl === 'number' || repl instanceof LuaFloat) {
    const t = parseReplacement(tostr(repl));
    while (g.next()) g.addTemplate(t);
  } else if (typeof repl === 'object' && repl !== null && 'fn' in repl) {
    const f = CANNED[(repl as CannedFn).fn];
    while (g.next()) applyValue(g, f(g.ms.captures(g.matchStart, g.matchEnd, true)));
  } else if (typeof repl === 'object' && repl !== null && 'table' in repl) {
    const m = (repl as TableSpec).table;
    while (g.next()) applyValue(g, m.get(g.ms.getCapture(0, g.matchStart, g.matchEnd)));
  } else {
    throw new Error('bad replacement in fixture');
  }
  return [g.result(), g.count];
}

function gmatch(src: string, pat: string, init: Decoded, out: LuaValue[][]): void {
  const st = new GmatchState(src, pat, init === undefined ? 1 : (init as number | bigint));
  for (;;) {
    const r = st.next();
    if (r === undefined) return;
    out.push(r);
  }
}

function run(fn: string, a: Decoded[]): LuaValue[] | LuaValue[][] {
  const init = a[2] === undefined ? 1 : (a[2] as number | bigint);
  switch (fn) {
    case 'find':
      return patternFind(a[0] as string, a[1] as string, init, truthy(a[3] as LuaValue), true) ?? [undefined];
    case 'match':
      return patternFind(a[0] as string, a[1] as string, init, false, false) ?? [undefined];
    case 'gsub':
      return gsub(a[0] as string, a[1] as string, a[2], a[3]);
  }
  throw new Error(`unknown fn ${fn}`);
}

// ============================================================================================
// Fixture replay
// ============================================================================================

const cases = loadCases(new URL('./fixtures/pattern-cases.json', import.meta.url));

describe('string-pattern fixtures (lua5.4)', () => {
  it('has enough cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(800);
  });

  cases.forEach((c, idx) => {
    const args = c.args.map(decode);
    const title = `#${idx} ${c.fn}(${args.map((v) => show(v)).join(', ')})`.slice(0, 160);
    it(title, () => {
      if (c.fn === 'gmatch') {
        const got: LuaValue[][] = [];
        let err: string | undefined;
        try {
          gmatch(args[0] as string, args[1] as string, args[2], got);
        } catch (e) {
          err = luaErrorMessage(e);
        }
        const want = (c.ok ?? []).map((it) => (it as unknown[]).map(decode));
        expect(err).toBe(c.err);
        expect(show(got)).toBe(show(want));
        want.forEach((w, i) => w.forEach((v, j) => expect(sameLuaValue(got[i][j], v)).toBe(true)));
        return;
      }
      let got: LuaValue[] | undefined;
      let err: string | undefined;
      try {
        got = run(c.fn, args) as LuaValue[];
      } catch (e) {
        err = luaErrorMessage(e);
      }
      if (c.err !== undefined) {
        expect(err).toBe(c.err);
        return;
      }
      expect(err).toBeUndefined();
      const want = (c.ok ?? []).map(decode);
      expect(show(got)).toBe(show(want));
      want.forEach((v, i) => expect(sameLuaValue(got![i], v), `result ${i + 1}`).toBe(true));
    });
  });
});

// ============================================================================================
// Checks too large for the fixture (pm.lua "big strings") and API behaviour
// ============================================================================================

describe('string-pattern engine', () => {
  it('handles big subjects without deep recursion (pm.lua)', () => {
    const a = 'a'.repeat(300000);
    expect(patternFind(a, '^a*.?$', 1, false, true)).toEqual([1, 300000]);
    expect(patternFind(a, '^a*.?b$', 1, false, true)).toBeUndefined();
    expect(patternFind(a, '^a-.?$', 1, false, true)).toEqual([1, 300000]);
  });

  it('plain find uses the literal search', () => {
    const text = 'x'.repeat(1000) + 'seven' + 'y'.repeat(10);
    expect(patternFind(text, 'seven', 1, true, true)).toEqual([1001, 1005]);
    expect(patternFind(text, 'seven', 1002, true, true)).toBeUndefined();
    expect(patternFind(text, 'a.b', 1, true, true)).toBeUndefined();
    expect(patternFind('a.b', '.', 1, true, true)).toEqual([2, 2]);
  });

  it('gsub over a long text builds the result in one join', () => {
    const unit = 'one other two ';
    const text = unit.repeat(20000);
    const [r, n] = gsubString(text, 'other', 'OTHER');
    expect(n).toBe(20000);
    expect(r).toBe('one OTHER two '.repeat(20000));
  });

  it('gmatch with a literal prefix finds every match', () => {
    const parts: string[] = [];
    for (let i = 0; i < 5000; i++) parts.push(`junk item-${i}:abc${i % 7 === 0 ? 'x' : ''} item-:z `);
    const text = parts.join('');
    const st = new GmatchState(text, 'item%-(%d+):(%a+)', 1);
    let count = 0;
    let sum = 0;
    for (let r = st.next(); r !== undefined; r = st.next()) {
      count++;
      sum += Number(r[0]);
      expect(r[1]).toMatch(/^abcx?$/);
    }
    expect(count).toBe(5000);
    expect(sum).toBe((4999 * 5000) / 2);
  });

  it('gsub steps let the caller decide per match, and keep the subject when unchanged', () => {
    const src = 'a1b22c333';
    const g = new GsubState(src, '%d+');
    const seen: string[] = [];
    while (g.next()) {
      const m = g.ms.getCapture(0, g.matchStart, g.matchEnd) as string;
      seen.push(m);
      if (m.length === 2) g.keepMatch();
      else g.addValue(`<${m}>`);
    }
    expect(seen).toEqual(['1', '22', '333']);
    expect(g.result()).toBe('a<1>b22c<333>');
    expect(g.count).toBe(3);
    const g2 = new GsubState(src, '%d');
    while (g2.next()) g2.keepMatch();
    expect(g2.result()).toBe(src);
    expect(g2.count).toBe(6);
  });

  it('refuses to advance without a replacement for the current match', () => {
    const g = new GsubState('abc', '.');
    expect(g.next()).toBe(true);
    expect(() => g.next()).toThrow(/no replacement/);
  });

  it('gmatch keeps returning nothing once exhausted', () => {
    const st = new GmatchState('ab', '.', 1);
    expect(st.next()).toEqual(['a']);
    expect(st.next()).toEqual(['b']);
    expect(st.next()).toBeUndefined();
    expect(st.next()).toBeUndefined();
  });

  it('posRelatI follows lstrlib.c', () => {
    expect(posRelatI(0, 5)).toBe(1);
    expect(posRelatI(-1, 5)).toBe(5);
    expect(posRelatI(-5, 5)).toBe(1);
    expect(posRelatI(-6, 5)).toBe(1);
    expect(posRelatI(7, 5)).toBe(7);
    expect(posRelatI(-(2n ** 63n), 5)).toBe(1);
    expect(posRelatI(2n ** 62n, 5)).toBeGreaterThan(5);
  });

  it('a find after an error starts from a clean state', () => {
    expect(() => patternFind('abc', '(((', 1, false, false)).toThrow();
    expect(patternFind('abc', '(b)', 1, false, false)).toEqual(['b']);
  });
});
