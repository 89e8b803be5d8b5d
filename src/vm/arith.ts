// arith.ts — Lua 5.4 arithmetic on numbers: 64-bit wrapping integers, doubles, and the
// conversions between them. No metamethods and no strings here (metamethods.ts does those).
//
// The VM's fast paths (execute.ts) handle two plain JS numbers inline; everything else comes
// here: bigints (integers beyond ±2^53), boxed floats (1.0, -0.0, positive NaN), overflow
// of a safe-integer result, integer division and modulo, shifts, and the errors Lua raises
// for `//` and `%` by zero and for floats without an integer representation.
// Cf. lvm.c (luaV_idiv, luaV_mod, luaV_modf, luaV_shiftl), lobject.c (luaO_rawarith).

import type { LuaValue } from './value.js';
import {
  LuaFloat,
  POS_NAN,
  mkFloat,
  mkInt,
  toDouble,
  floatToInteger,
  MAX_SAFE,
} from './value.js';
import { throwLibError } from './errors.js';
import { crPow } from './libm.js';

/** Arithmetic and bitwise operators, in Lua's LUA_OP* order (TM = op + TM.ADD). */
export const enum ArithOp {
  ADD,
  SUB,
  MUL,
  MOD,
  POW,
  DIV,
  IDIV,
  BAND,
  BOR,
  BXOR,
  SHL,
  SHR,
  UNM,
  BNOT,
}

/** Raised as a plain runtime error by the VM (it adds the position). */
export class ArithError extends Error {}

// ============================================================================================
// Integers (number | bigint, always normalised)
// ============================================================================================

function big(v: number | bigint): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

export function intAdd(a: number | bigint, b: number | bigint): number | bigint {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (r >= -MAX_SAFE && r <= MAX_SAFE) return r;
  }
  return mkInt(big(a) + big(b));
}

export function intSub(a: number | bigint, b: number | bigint): number | bigint {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (r >= -MAX_SAFE && r <= MAX_SAFE) return r;
  }
  return mkInt(big(a) - big(b));
}

export function intMul(a: number | bigint, b: number | bigint): number | bigint {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (r >= -MAX_SAFE && r <= MAX_SAFE) return r + 0; // + 0 turns -0 into 0
  }
  return mkInt(big(a) * big(b));
}

/** Floor division of integers; `attempt to divide by zero` for a zero divisor. */
export function intIdiv(a: number | bigint, b: number | bigint): number | bigint {
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) throw new ArithError('attempt to divide by zero');
    return Math.floor(a / b) + 0; // exact for safe integers (see arith notes in docs)
  }
  const x = big(a);
  const y = big(b);
  if (y === 0n) throw new ArithError('attempt to divide by zero');
  let q = x / y;
  if ((x % y !== 0n) && ((x < 0n) !== (y < 0n))) q -= 1n;
  return mkInt(q);
}

/** Floor modulo of integers; `attempt to perform 'n%0'` for a zero divisor. */
export function intMod(a: number | bigint, b: number | bigint): number | bigint {
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) throw new ArithError("attempt to perform 'n%0'");
    let m = a % b;
    if (m !== 0 && (m < 0) !== (b < 0)) m += b;
    return m + 0;
  }
  const x = big(a);
  const y = big(b);
  if (y === 0n) throw new ArithError("attempt to perform 'n%0'");
  let m = x % y;
  if (m !== 0n && (m < 0n) !== (y < 0n)) m += y;
  return mkInt(m);
}

export function intBand(a: number | bigint, b: number | bigint): number | bigint {
  if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b) return a & b;
  return mkInt(big(a) & big(b));
}

export function intBor(a: number | bigint, b: number | bigint): number | bigint {
  if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b) return a | b;
  return mkInt(big(a) | big(b));
}

export function intBxor(a: number | bigint, b: number | bigint): number | bigint {
  if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b) return a ^ b;
  return mkInt(big(a) ^ big(b));
}

export function intBnot(a: number | bigint): number | bigint {
  if (typeof a === 'number' && (a | 0) === a) return ~a;
  return mkInt(~big(a));
}

/** Logical shift left by `n` (negative shifts right); 64 or more bits shift everything out. */
export function intShl(a: number | bigint, n: number | bigint): number | bigint {
  if (typeof n === 'bigint') return 0;
  if (n <= -64 || n >= 64) return 0;
  if (n >= 0) return mkInt(BigInt.asUintN(64, big(a)) << BigInt(n));
  return mkInt(BigInt.asUintN(64, big(a)) >> BigInt(-n));
}

export function intShr(a: number | bigint, n: number | bigint): number | bigint {
  if (typeof n === 'bigint') return 0;
  return intShl(a, -n);
}

export function intUnm(a: number | bigint): number | bigint {
  if (typeof a === 'number') return a === 0 ? 0 : -a;
  return mkInt(-a);
}

// ============================================================================================
// Floats
// ============================================================================================

/** C's fmod adjusted to Lua's floor semantics (luai_nummod). */
export function floatMod(a: number, b: number): number {
  let m = a % b;
  if (m > 0 ? b < 0 : m < 0 && b > 0) m += b;
  return m;
}

/**
 * C's pow on doubles: its special cases (which differ from JS's `**`: pow(1, NaN) is 1,
 * pow(-1, ±inf) is 1) here, the general case correctly rounded as glibc's (libm.ts crPow).
 * A NaN result is a plain NaN whatever its sign; powNaN gives the sign.
 */
export function cPow(a: number, b: number): number {
  if (b === 2) return a * a;
  if (a === 1) return 1;
  if (a === -1 && (b === Infinity || b === -Infinity)) return 1;
  if (b === 0 || a === -1 || a !== a || b !== b || a === 0 || a === Infinity || a === -Infinity || b === Infinity || b === -Infinity) {
    return a ** b;
  }
  return crPow(a, b);
}

/**
 * `a ^ b` on two plain numbers (a NaN operand is the negative NaN, see value.ts on POS_NAN),
 * as the VM stores it: a number, or POS_NAN when lua5.4's result is a positive NaN.
 */
export function floatPow(a: number, b: number): number | LuaFloat {
  const r = cPow(a, b);
  return r === r ? r : powNaN(a, b);
}

/**
 * The NaN that `a ^ b` and math.pow give when the result is a NaN, with the sign glibc's pow
 * gives it on x86-64 (lua5.4 calls pow for every exponent but 2, which is a * a). pow(x, NaN)
 * returns x + y, whose NaN is the first NaN operand; pow(NaN, y) returns x * x, negated when
 * x has its sign bit set and y is an odd integer, so pow(-nan, 1) is "nan"; any other NaN is
 * freshly made, which on x86 is the negative default NaN.
 */
export function powNaN(a: number | bigint | LuaFloat, b: number | bigint | LuaFloat): number | LuaFloat {
  const x = toDouble(a);
  const y = toDouble(b);
  if (y !== y) return x !== x ? (a === POS_NAN ? POS_NAN : NaN) : b === POS_NAN ? POS_NAN : NaN;
  if (x !== x) {
    const odd = Number.isInteger(y) && Math.abs(y % 2) === 1;
    return a !== POS_NAN && !odd ? NaN : POS_NAN;
  }
  return NaN;
}

// ============================================================================================
// Generic arithmetic on Lua numbers (luaO_rawarith)
// ============================================================================================

/** The integer value of a number for bitwise operators, or undefined (no representation). */
export function toIntegerNumber(v: number | bigint | LuaFloat): number | bigint | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? v : undefined;
  if (typeof v === 'bigint') return v;
  return floatToInteger(v.n);
}

function isLuaNumber(v: LuaValue): v is number | bigint | LuaFloat {
  return typeof v === 'number' || typeof v === 'bigint' || v instanceof LuaFloat;
}

function isInt(v: number | bigint | LuaFloat): v is number | bigint {
  return typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v));
}

/**
 * `a op b` on Lua numbers. Returns undefined when an operand is not a number, or when a
 * bitwise operand has no integer representation (the caller then tries metamethods and
 * raises the right error). Throws ArithError for integer division or modulo by zero.
 */
export function arithNumbers(op: ArithOp, a: LuaValue, b: LuaValue): LuaValue {
  if (!isLuaNumber(a) || !isLuaNumber(b)) return undefined;
  switch (op) {
    case ArithOp.BAND:
    case ArithOp.BOR:
    case ArithOp.BXOR:
    case ArithOp.SHL:
    case ArithOp.SHR:
    case ArithOp.BNOT: {
      const x = toIntegerNumber(a);
      const y = toIntegerNumber(b);
      if (x === undefined || y === undefined) return undefined;
      switch (op) {
        case ArithOp.BAND:
          return intBand(x, y);
        case ArithOp.BOR:
          return intBor(x, y);
        case ArithOp.BXOR:
          return intBxor(x, y);
        case ArithOp.SHL:
          return intShl(x, y);
        case ArithOp.SHR:
          return intShr(x, y);
        default:
          return intBnot(x);
      }
    }
    case ArithOp.DIV:
    case ArithOp.POW:
      return floatResult(op, a, b);
    default:
      if (isInt(a) && isInt(b)) {
        switch (op) {
          case ArithOp.ADD:
            return intAdd(a, b);
          case ArithOp.SUB:
            return intSub(a, b);
          case ArithOp.MUL:
            return intMul(a, b);
          case ArithOp.MOD:
            return intMod(a, b);
          case ArithOp.IDIV:
            return intIdiv(a, b);
          case ArithOp.UNM:
            return intUnm(a);
        }
      }
      return floatResult(op, a, b);
  }
}

/** Float arithmetic, keeping the sign of NaNs as x86 does (see value.ts on POS_NAN). */
export function floatResult(op: ArithOp, a: number | bigint | LuaFloat, b: number | bigint | LuaFloat): LuaValue {
  const x = toDouble(a);
  const y = toDouble(b);
  let r: number;
  switch (op) {
    case ArithOp.ADD:
      r = x + y;
      break;
    case ArithOp.SUB:
      r = x - y;
      break;
    case ArithOp.MUL:
      r = x * y;
      break;
    case ArithOp.DIV:
      r = x / y;
      break;
    case ArithOp.POW:
      r = cPow(x, y);
      if (r !== r) return powNaN(a, b);
      break;
    case ArithOp.IDIV:
      r = Math.floor(x / y);
      break;
    case ArithOp.MOD:
      r = floatMod(x, y);
      break;
    case ArithOp.UNM:
      if (x !== x) return a === POS_NAN ? NaN : POS_NAN;
      return mkFloat(-x);
    default:
      throw new Error('unreachable: float result of a bitwise operator');
  }
  if (r !== r) {
    // Propagate the sign of a NaN operand; a freshly made NaN is the negative default.
    if (x !== x) return a === POS_NAN ? POS_NAN : NaN;
    if (y !== y) return b === POS_NAN ? POS_NAN : NaN;
    return NaN;
  }
  return mkFloat(r);
}

// ============================================================================================
// Comparisons of numbers (exact across integers and floats, cf. LTnum/LEnum)
// ============================================================================================

function cmpValue(v: number | bigint | LuaFloat): number | bigint {
  return v instanceof LuaFloat ? v.n : v;
}

/** a < b for two Lua numbers. JS compares number and bigint by exact mathematical value. */
export function numLessThan(a: number | bigint | LuaFloat, b: number | bigint | LuaFloat): boolean {
  return cmpValue(a) < cmpValue(b);
}

export function numLessEqual(a: number | bigint | LuaFloat, b: number | bigint | LuaFloat): boolean {
  return cmpValue(a) <= cmpValue(b);
}

export function numEqual(a: number | bigint | LuaFloat, b: number | bigint | LuaFloat): boolean {
  // `==` between a bigint and a number compares exact values; NaN is never equal.
  // eslint-disable-next-line eqeqeq
  return cmpValue(a) == cmpValue(b);
}

/** Integer division and modulo by zero raise plain runtime errors: adapt for natives. */
export function rethrowArith(e: unknown): never {
  if (e instanceof ArithError) throwLibError(e.message);
  throw e;
}
