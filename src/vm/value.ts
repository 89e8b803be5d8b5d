// value.ts — how moonlet stores Lua values in JavaScript. The only file that knows the encoding.
//
// Lua 5.4 has two number subtypes with different semantics, byte strings, and a handful of
// reference types. moonlet maps them onto JS values so that the common cases stay plain,
// unboxed JS values that V8 handles without allocation:
//
//   nil       undefined
//   boolean   boolean
//   integer   number holding a safe integer (|v| <= 2^53 - 1), or a bigint outside that range.
//             A bigint is always normalised back to a number when it fits, so the two never
//             overlap: a number that is an integer *is* a Lua integer.
//   float     number that is not an integer (fractions, ±Infinity, NaN), or a LuaFloat box for
//             integral values (1.0, -0.0, 2^60 as a float) and for the positive NaN (see below).
//   string    JS string whose char codes are bytes 0..255 (one char per byte)
//   table     LuaTable (table.ts)
//   function  LuaClosure or NativeFunction (closure.ts)
//   thread    LuaThread (state.ts)
//   userdata  LuaUserdata (below)
//
// NaN sign: Lua prints `0/0` as "-nan" and `-(0/0)` as "nan" on x86 Linux, because the
// hardware's default NaN has its sign bit set. JS engines do not preserve NaN sign bits, so
// moonlet encodes it: a plain JS NaN is the default (negative) NaN, and the shared box
// POS_NAN is a NaN with the sign bit clear. Only negation, abs and a few library functions
// produce POS_NAN; arithmetic propagates the sign the way x86 does (arith.ts).
//
// Cf. lobject.h (TValue), lvm.c (conversions), lobject.c (luaO_str2num, tostringbuff).

import { LuaTable } from './table.js';
import { LuaClosure, NativeFunction } from './closure.js';
import { LuaThread } from './state.js';
import { formatFloat14 } from './number-format.js';
import { parseNumeral } from '../parser/numeral.js';

/** A Lua float whose value JS would mistake for an integer (or the positive NaN). */
export class LuaFloat {
  constructor(readonly n: number) {}
}

/** The user values of every userdata (see LuaUserdata.userValues). */
const NO_USER_VALUES: LuaValue[] = Object.freeze([]) as unknown as LuaValue[];

/**
 * Userdata: a host value with a metatable and Lua 5.4's user values. A light userdata (a bare
 * pointer in C Lua, e.g. debug.upvalueid's result) has neither and reports itself as such in
 * argument errors.
 */
export class LuaUserdata {
  metatable: LuaTable | undefined = undefined;
  /**
   * Lua 5.4's user values. No userdata moonlet creates has any (debug.setuservalue fails on
   * them as in Lua), so all share one frozen empty list: schedulers create 100,000s of
   * userdata (task handles) and each would otherwise carry its own empty array.
   */
  userValues: LuaValue[] = NO_USER_VALUES;
  constructor(
    public data: unknown,
    readonly light = false,
  ) {}
}

export type LuaFunction = LuaClosure | NativeFunction;
export type LuaValue =
  | undefined
  | boolean
  | number
  | bigint
  | string
  | LuaFloat
  | LuaTable
  | LuaFunction
  | LuaThread
  | LuaUserdata;

// ============================================================================================
// Constants
// ============================================================================================

export const MAX_SAFE = Number.MAX_SAFE_INTEGER; // 2^53 - 1
export const MAXINTEGER = 0x7fffffffffffffffn;
export const MININTEGER = -0x8000000000000000n;
/** 2^63 as a double: the first float above every int64. */
export const TWO63 = 9223372036854775808;

export const POS_NAN = new LuaFloat(NaN);
export const FLOAT_ZERO = new LuaFloat(0);
export const FLOAT_NEG_ZERO = new LuaFloat(-0);
export const FLOAT_ONE = new LuaFloat(1);

// ============================================================================================
// Classification
// ============================================================================================

export function isInteger(v: LuaValue): v is number | bigint {
  return typeof v === 'number' ? Number.isInteger(v) : typeof v === 'bigint';
}

export function isFloat(v: LuaValue): v is number | LuaFloat {
  return typeof v === 'number' ? !Number.isInteger(v) : v instanceof LuaFloat;
}

export function isNumber(v: LuaValue): v is number | bigint | LuaFloat {
  return typeof v === 'number' || typeof v === 'bigint' || v instanceof LuaFloat;
}

export function isFunction(v: LuaValue): v is LuaFunction {
  return v instanceof LuaClosure || v instanceof NativeFunction;
}

/** Lua's truthiness: only nil and false are false. */
export function truthy(v: LuaValue): boolean {
  return v !== undefined && v !== false;
}

/** The result of Lua's `type(v)`. */
export function typeName(v: LuaValue): string {
  switch (typeof v) {
    case 'undefined':
      return 'nil';
    case 'boolean':
      return 'boolean';
    case 'number':
    case 'bigint':
      return 'number';
    case 'string':
      return 'string';
  }
  if (v instanceof LuaTable) return 'table';
  if (v instanceof LuaFloat) return 'number';
  if (v instanceof LuaClosure || v instanceof NativeFunction) return 'function';
  if (v instanceof LuaThread) return 'thread';
  return 'userdata';
}

// ============================================================================================
// Construction and normalisation
// ============================================================================================

/** A float result: integral values and -0 get a box so they stay floats. */
export function mkFloat(x: number): number | LuaFloat {
  return Number.isInteger(x) ? new LuaFloat(x) : x;
}

/** An integer from a bigint, wrapped to 64 bits and unboxed when it fits a safe number. */
export function mkInt(b: bigint): number | bigint {
  b = BigInt.asIntN(64, b);
  return b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b;
}

/** An integer from a bigint already known to be within int64 range. */
export function normInt(b: bigint): number | bigint {
  return b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b;
}

// ============================================================================================
// Conversions between the subtypes (cf. lvm.c luaV_tonumber_, luaV_tointeger)
// ============================================================================================

/** The JS double for any Lua number (integers convert as C's (lua_Number) cast does). */
export function toDouble(v: number | bigint | LuaFloat): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  return v.n;
}

/** The integer for a double with an exact integral value in int64 range, else undefined. */
export function floatToInteger(x: number): number | bigint | undefined {
  if (!Number.isInteger(x)) return undefined;
  if (x >= -MAX_SAFE && x <= MAX_SAFE) return x === 0 ? 0 : x;
  if (x >= -TWO63 && x < TWO63) return BigInt(x);
  return undefined;
}

/** The integer for a double rounded by `mode` ('floor' or 'ceil'), if it fits int64. */
export function floatToIntegerRounded(x: number, mode: 'floor' | 'ceil'): number | bigint | undefined {
  return floatToInteger(mode === 'floor' ? Math.floor(x) : Math.ceil(x));
}

/** Lua number from any value, converting strings (`"10"` → 10); undefined if not a number. */
export function toNumber(v: LuaValue): number | bigint | LuaFloat | undefined {
  if (typeof v === 'number' || typeof v === 'bigint' || v instanceof LuaFloat) return v;
  if (typeof v === 'string') return stringToNumber(v);
  return undefined;
}

/**
 * Lua integer from a value, as `luaV_tointeger` in mode F2Ieq: integers as they are, floats
 * with an exact integral value, strings that convert to either. Undefined otherwise.
 */
export function toInteger(v: LuaValue): number | bigint | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? v : undefined;
  if (typeof v === 'bigint') return v;
  if (v instanceof LuaFloat) return floatToInteger(v.n);
  if (typeof v === 'string') {
    const n = stringToNumber(v);
    return n === undefined ? undefined : toInteger(n);
  }
  return undefined;
}

/** As toInteger, but without string coercion (lua_tointeger on a non-string). */
export function toIntegerStrict(v: LuaValue): number | bigint | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? v : undefined;
  if (typeof v === 'bigint') return v;
  if (v instanceof LuaFloat) return floatToInteger(v.n);
  return undefined;
}

/** Any Lua integer as a bigint (for 64-bit arithmetic off the fast path). */
export function intToBig(v: number | bigint): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

// ============================================================================================
// Numbers to strings (cf. lobject.c tostringbuff, LUAI_NUMFFORMAT "%.14g")
// ============================================================================================

/** `tostring` of a Lua number: integers in decimal, floats as "%.14g" plus ".0" if integral. */
export function numberToString(v: number | bigint | LuaFloat): string {
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return String(v);
    return floatToString(v, false);
  }
  if (typeof v === 'bigint') return v.toString();
  return floatToString(v.n, v === POS_NAN);
}

function floatToString(x: number, positiveNaN: boolean): string {
  if (x !== x) return positiveNaN ? 'nan' : '-nan';
  const s = formatFloat14(x);
  // Looks like an int? Then add ".0" so it reads back as a float (lobject.c tostringbuff).
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 /* . */ || c === 101 /* e */ || c === 105 /* i(nf) */ || c === 110 /* n(an) */)
      return s;
  }
  return s + '.0';
}

// ============================================================================================
// Strings to numbers (cf. lobject.c luaO_str2num): the lexer and the VM share parseNumeral
// ============================================================================================

/** Converts a Lua numeral string (with surrounding spaces) to a number, or undefined. */
export function stringToNumber(s: string): number | bigint | LuaFloat | undefined {
  const n = parseNumeral(s);
  if (n === undefined) return undefined;
  return n.isFloat ? mkFloat(n.value) : n.value;
}
