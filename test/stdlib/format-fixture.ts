// format-fixture.ts — loads test/stdlib/fixtures/format-cases.json (written by
// scripts/gen-format-cases.lua from Lua 5.4.4) and decodes its arguments into moonlet values.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LuaValue } from '../../src/vm/value.js';
import { LuaFloat, POS_NAN } from '../../src/vm/value.js';

export type EncodedArg = [string, (string | boolean)?];

export interface FormatCase {
  f: string;
  a: EncodedArg[];
  o?: string;
  e?: string;
}

export interface FormatFixture {
  cases: FormatCase[];
  tostring: [string, string][];
}

/** The committed fixture, or the file named by $FORMAT_FIXTURE (for stress runs, see the script). */
export function loadFixture(): FormatFixture {
  const path =
    process.env.FORMAT_FIXTURE ?? fileURLToPath(new URL('./fixtures/format-cases.json', import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as FormatFixture;
}

/** Stands for "a plain table" in fixtures; the tests' callbacks know it. */
export const TABLE = Object.freeze({ table: true }) as unknown as LuaValue;

/** A fixture float ("%.17g", "inf", "nan", ...) as a JS number and its NaN sign. */
export function decodeFloat(s: string): { x: number; negNaN: boolean } {
  switch (s) {
    case 'inf':
      return { x: Infinity, negNaN: true };
    case '-inf':
      return { x: -Infinity, negNaN: true };
    case 'nan':
      return { x: NaN, negNaN: false };
    case '-nan':
      return { x: NaN, negNaN: true };
  }
  return { x: Number(s), negNaN: true };
}

export function decodeArg(a: EncodedArg): LuaValue {
  switch (a[0]) {
    case 'i': {
      const b = BigInt(a[1] as string);
      return b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b;
    }
    case 'f': {
      const { x, negNaN } = decodeFloat(a[1] as string);
      if (x !== x) return negNaN ? NaN : POS_NAN;
      return Number.isInteger(x) ? new LuaFloat(x) : x;
    }
    case 's':
      return a[1] as string;
    case 'n':
      return undefined;
    case 'b':
      return a[1] as boolean;
    case 't':
      return TABLE;
  }
  throw new Error(`bad fixture argument ${JSON.stringify(a)}`);
}

/** Printable form of a byte string for test names. */
export function show(s: string): string {
  return JSON.stringify(s).replace(/[\u0080-\u00ff]/g, (c) => '\\x' + c.charCodeAt(0).toString(16));
}
