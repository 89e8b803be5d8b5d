// math.ts — the math library: every function and constant of Lua 5.4.4, plus the
// LUA_COMPAT_MATHLIB functions Debian's lua5.4 is built with (atan2, pow, ldexp, frexp, cosh,
// sinh, tanh, log10), and math.random / math.randomseed with Lua's xoshiro256** generator.
//
// Invariants:
// - Results keep Lua's subtypes: functions that C declares as returning lua_Number return
//   floats (mkFloat boxes integral values), floor/ceil/modf return integers when the value
//   fits an int64 (pushnumint), abs/fmod of integers stay integers (wrapping at mininteger).
// - NaN signs match x86 + glibc (value.ts: a plain NaN is the negative default NaN, POS_NAN
//   the positive one): a NaN argument propagates its sign; a NaN made by a domain error is
//   negative except where glibc returns a positive one (asin, acos, log10); fabs clears it.
// - The generator state lives in the library's closures, one per VM (as Lua keeps it in an
//   upvalue), as 8 uint32 words: word 2k is the low half of s[k], word 2k+1 the high half.
//   math.random() runs on 32-bit halves without BigInt or allocation; same seed, same
//   numbers as lua5.4 (randomseed(1007) then random(0) is 0x7a7040a5a323c9d6).
// - exp, log (any base), pow, sin, cos, tan, asin, acos, atan (one or two arguments) are
//   correctly rounded (double-double evaluation, below), like glibc's in all but its rare
//   misrounded cases, not like V8's Math.* (math.log(3) is one ulp off in JS); log10, sinh,
//   cosh and tanh use glibc's own (fdlibm) formulas on top of those, since glibc's results
//   for them are not correctly rounded. The VM's `^` still uses JS `**` (see crPow).
// Cf. lmathlib.c; glibc's libm (e_log10.c, e_sinh.c, e_cosh.c, s_tanh.c).

import type { LuaValue } from '../vm/value.js';
import type { LuaThread } from '../vm/state.js';
import type { LuaTable } from '../vm/table.js';
import {
  LuaFloat,
  MAXINTEGER,
  MININTEGER,
  POS_NAN,
  floatToInteger,
  mkFloat,
  mkInt,
  toDouble,
  toInteger,
} from '../vm/value.js';
import { powNaN } from '../vm/arith.js';
import { lessThanSync } from '../vm/api.js';
import {
  arg,
  argCount,
  argError,
  checkAny,
  checkInteger,
  checkNumber,
  isNoneOrNil,
  luaError,
  newLib,
  optInteger,
  ret1,
  ret2,
  setFuncs,
} from './aux.js';
import type { LibFunctions } from './aux.js';
import { crExp, crPow, crSin, crCos, crTan, crAsin, crAcos, crAtan, crAtan2, crLog, crLog2, glibcLog10, glibcSinh, glibcCosh, glibcTanh, scalbn, f64, u32, HI } from '../vm/libm.js';
import { InlineOp, NativeFunction } from '../vm/closure.js';

type LuaNumber = number | bigint | LuaFloat;

// ============================================================================================
// Helpers: subtypes and NaN signs
// ============================================================================================

/** lua_isinteger: an integer-subtype number (not a string, not a float). */
function isIntegerValue(v: LuaValue): v is number | bigint {
  return typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v));
}

/** The Lua value of a NaN with the sign of the Lua number `v` (which is a NaN). */
function sameNaN(v: LuaNumber): LuaValue {
  return v === POS_NAN ? POS_NAN : NaN;
}

/**
 * A float result `r` of a libm function of `v`: a NaN result takes the sign of a NaN
 * argument, else it is a fresh NaN (negative, or positive when `posDomain`).
 */
function floatOf(r: number, v: LuaNumber, posDomain = false): LuaValue {
  if (r === r) return mkFloat(r);
  const x = toDouble(v);
  if (x !== x) return sameNaN(v);
  return posDomain ? POS_NAN : NaN;
}

/** As floatOf for a function of two arguments whose NaN comes from `first` before `second`. */
function floatOf2(r: number, first: LuaNumber, second: LuaNumber): LuaValue {
  if (r === r) return mkFloat(r);
  if (toDouble(first) !== toDouble(first)) return sameNaN(first);
  if (toDouble(second) !== toDouble(second)) return sameNaN(second);
  return NaN;
}

/** pushnumint: an integer when the float value fits an int64, else the float itself. */
function numInt(d: number, v: LuaNumber): LuaValue {
  const i = floatToInteger(d);
  if (i !== undefined) return i;
  return d === d ? mkFloat(d) : sameNaN(v);
}


// ============================================================================================
// Basic functions
// ============================================================================================

function math_abs(L: LuaThread): number {
  const v = arg(L, 1);
  if (isIntegerValue(v)) {
    if (typeof v === 'number') return ret1(L, v < 0 ? -v : v);
    return ret1(L, mkInt(v < 0n ? -v : v)); // abs(mininteger) wraps to mininteger
  }
  const x = toDouble(checkNumber(L, 1));
  return ret1(L, x !== x ? POS_NAN : mkFloat(Math.abs(x)));
}

function math_floor(L: LuaThread): number {
  const v = arg(L, 1);
  if (isIntegerValue(v)) return ret1(L, v);
  const n = checkNumber(L, 1);
  return ret1(L, numInt(Math.floor(toDouble(n)), n));
}

function math_ceil(L: LuaThread): number {
  const v = arg(L, 1);
  if (isIntegerValue(v)) return ret1(L, v);
  const n = checkNumber(L, 1);
  return ret1(L, numInt(Math.ceil(toDouble(n)), n));
}

/** fmod(a, b): C's truncating remainder; integers stay integers, `b == 0` is an error. */
function math_fmod(L: LuaThread): number {
  const a = arg(L, 1);
  const b = arg(L, 2);
  if (isIntegerValue(a) && isIntegerValue(b)) {
    if (b === 0 || b === -1) {
      if (b === 0) argError(L, 2, 'zero');
      return ret1(L, 0); // avoids the overflow of mininteger % -1
    }
    if (typeof a === 'number' && typeof b === 'number') return ret1(L, a % b || 0); // no -0
    return ret1(L, mkInt(BigInt(a) % BigInt(b)));
  }
  // lmathlib.c checks both inside one call's argument list, which the reference lua5.4
  // (gcc, x86-64) evaluates right to left: with two bad arguments the error names #2.
  const y = checkNumber(L, 2);
  const x = checkNumber(L, 1);
  return ret1(L, floatOf2(toDouble(x) % toDouble(y), x, y));
}

/** modf(x): integral part (an integer when it fits) and fractional part (a float). */
function math_modf(L: LuaThread): number {
  const v = arg(L, 1);
  if (isIntegerValue(v)) return ret2(L, v, mkFloat(0));
  const n = checkNumber(L, 1);
  const x = toDouble(n);
  const ip = x < 0 ? Math.ceil(x) : Math.floor(x);
  // x == ip for ±inf: the fractional part is 0 rather than inf - inf.
  const frac = x === ip ? mkFloat(0) : floatOf(x - ip, n);
  return ret2(L, numInt(ip, n), frac);
}

function math_toint(L: LuaThread): number {
  const n = toInteger(arg(L, 1));
  if (n !== undefined) return ret1(L, n);
  checkAny(L, 1);
  return ret1(L, undefined);
}

function math_type(L: LuaThread): number {
  const v = arg(L, 1);
  if (typeof v === 'number') return ret1(L, Number.isInteger(v) ? 'integer' : 'float');
  if (typeof v === 'bigint') return ret1(L, 'integer');
  if (v instanceof LuaFloat) return ret1(L, 'float');
  checkAny(L, 1);
  return ret1(L, undefined);
}

/** ult(m, n): unsigned comparison of two integers. */
function math_ult(L: LuaThread): number {
  const a = checkInteger(L, 1);
  const b = checkInteger(L, 2);
  if (typeof a === 'number' && typeof b === 'number' && (a >= 0) === (b >= 0)) return ret1(L, a < b);
  return ret1(L, BigInt.asUintN(64, BigInt(a)) < BigInt.asUintN(64, BigInt(b)));
}

/** min/max: the first argument that is smallest/largest by Lua's `<` (with __lt). */
function math_min(L: LuaThread, base: number, nargs: number): number {
  if (nargs < 1) argError(L, 1, 'value expected');
  const stack = L.stack;
  let best = stack[base];
  for (let i = 1; i < nargs; i++) {
    const v = stack[base + i];
    if (typeof v === 'number' && typeof best === 'number' ? v < best : lessThanSync(L, v, best)) best = v;
  }
  return ret1(L, best);
}

function math_max(L: LuaThread, base: number, nargs: number): number {
  if (nargs < 1) argError(L, 1, 'value expected');
  const stack = L.stack;
  let best = stack[base];
  for (let i = 1; i < nargs; i++) {
    const v = stack[base + i];
    if (typeof v === 'number' && typeof best === 'number' ? best < v : lessThanSync(L, best, v)) best = v;
  }
  return ret1(L, best);
}

// ============================================================================================
// Exponentials, logarithms, trigonometry (all return floats)
// ============================================================================================

/** A unary libm function on a float argument; `posDomain`: its domain-error NaN is positive. */
function unary(f: (x: number) => number, posDomain = false) {
  return (L: LuaThread): number => {
    const n = checkNumber(L, 1);
    return ret1(L, floatOf(f(toDouble(n)), n, posDomain));
  };
}

const math_sqrt = unary(Math.sqrt);
const math_exp = unary(crExp);
const math_sin = unary(crSin);
const math_cos = unary(crCos);
const math_tan = unary(crTan);
const math_asin = unary(crAsin, true);
const math_acos = unary(crAcos, true);
const math_cosh = unary(glibcCosh);
const math_sinh = unary(glibcSinh);
const math_tanh = unary(glibcTanh);
const math_log10 = unary(glibcLog10, true);
const math_deg = unary((x) => x * (180 / Math.PI));
const math_rad = unary((x) => x * (Math.PI / 180));

/** atan(y [, x]): atan2, whose NaN comes from x before y (glibc returns x + y). */
function math_atan(L: LuaThread): number {
  const y = checkNumber(L, 1);
  const x = isNoneOrNil(L, 2) ? 1 : checkNumber(L, 2);
  const yd = toDouble(y);
  const xd = toDouble(x);
  return ret1(L, floatOf2(xd === 1 ? crAtan(yd) : crAtan2(yd, xd), x, y));
}

/** log(x [, base]): bases 2 and 10 use log2 and log10, others log(x)/log(base). */
function math_log(L: LuaThread): number {
  const xv = checkNumber(L, 1);
  const x = toDouble(xv);
  if (isNoneOrNil(L, 2)) return ret1(L, floatOf(crLog(x), xv));
  const bv = checkNumber(L, 2);
  const b = toDouble(bv);
  if (b === 2) return ret1(L, floatOf(crLog2(x), xv));
  if (b === 10) return ret1(L, floatOf(glibcLog10(x), xv, true));
  const lx = crLog(x);
  const lb = crLog(b);
  const r = lx / lb;
  if (r === r) return ret1(L, mkFloat(r));
  // x86 division returns its first NaN operand, else a fresh (negative) NaN.
  if (lx !== lx) return ret1(L, floatOf(lx, xv));
  if (lb !== lb) return ret1(L, floatOf(lb, bv));
  return ret1(L, NaN);
}

/** pow(x, y) (compat): C's pow, with glibc's NaN signs. */
function math_pow(L: LuaThread): number {
  const xv = checkNumber(L, 1);
  const yv = checkNumber(L, 2);
  const x = toDouble(xv);
  const y = toDouble(yv);
  const r = crPow(x, y);
  return ret1(L, r === r ? mkFloat(r) : powNaN(xv, yv));
}

/** frexp(x) (compat): m, e with x = m * 2^e and 0.5 <= |m| < 1. */
function math_frexp(L: LuaThread): number {
  const v = checkNumber(L, 1);
  let x = toDouble(v);
  if (x === 0 || x !== x || x === Infinity || x === -Infinity) {
    return ret2(L, x !== x ? sameNaN(v) : mkFloat(x), 0);
  }
  let e = 0;
  if (Math.abs(x) < 2.2250738585072014e-308) {
    x *= 18446744073709551616; // 2^64: make a subnormal normal
    e = -64;
  }
  f64[0] = x;
  const hi = u32[HI];
  e += ((hi >>> 20) & 0x7ff) - 1022;
  u32[HI] = (hi & 0x800fffff) | (1022 << 20);
  return ret2(L, mkFloat(f64[0]), e);
}


/** ldexp(m, e) (compat): the exponent is converted to a C int (its low 32 bits). */
function math_ldexp(L: LuaThread): number {
  const v = checkNumber(L, 1);
  const e = checkInteger(L, 2);
  const n = typeof e === 'number' ? e | 0 : Number(BigInt.asIntN(32, e)); // ToInt32: low 32 bits
  const x = toDouble(v);
  if (x !== x) return ret1(L, sameNaN(v));
  return ret1(L, mkFloat(scalbn(x, n)));
}

// ============================================================================================
// Pseudo-random numbers: xoshiro256** (cf. lmathlib.c, "Pseudo-Random Number Generator")
// ============================================================================================

/**
 * One step of xoshiro256** on state `s`; the 64-bit result goes to s[RES_LO], s[RES_HI].
 * Everything stays in int32 locals and typed-array words: uint32 values kept in JS variables
 * or object fields would be boxed as heap numbers (over 2^30), costing an allocation each.
 */
function nextRand(s: Uint32Array): void {
  const s0l = s[0], s0h = s[1], s1l = s[2], s1h = s[3];
  const s2l = s[4], s2h = s[5], s3l = s[6], s3h = s[7];
  // result = rotl(s1 * 5, 7) * 9, with s1 * 5 = (s1 << 2) + s1 and r * 9 = (r << 3) + r;
  // a 64-bit add carries when the low word's unsigned sum wraps.
  let ml = s1l << 2;
  let mh = (s1h << 2) | (s1l >>> 30);
  let lo = (ml + s1l) | 0;
  const hi = (mh + s1h + ((lo >>> 0) < (ml >>> 0) ? 1 : 0)) | 0;
  const rl = (lo << 7) | (hi >>> 25);
  const rh = (hi << 7) | (lo >>> 25);
  ml = rl << 3;
  mh = (rh << 3) | (rl >>> 29);
  lo = (ml + rl) | 0;
  s[RES_HI] = mh + rh + ((lo >>> 0) < (ml >>> 0) ? 1 : 0);
  s[RES_LO] = lo;
  // The state update: s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= s1 << 17; s3 = rotl(s3, 45).
  const n2l = s2l ^ s0l, n2h = s2h ^ s0h;
  const n3l = s3l ^ s1l, n3h = s3h ^ s1h;
  s[0] = s0l ^ n3l;
  s[1] = s0h ^ n3h;
  s[2] = s1l ^ n2l;
  s[3] = s1h ^ n2h;
  s[4] = n2l ^ (s1l << 17);
  s[5] = n2h ^ ((s1h << 17) | (s1l >>> 15));
  s[6] = (n3h << 13) | (n3l >>> 19);
  s[7] = (n3l << 13) | (n3h >>> 19);
}

/** Words of the generator array holding the last result (after the 8 words of state). */
const RES_LO = 8;
const RES_HI = 9;

/** The last result as a Lua integer (I2Int: the 64 bits as a signed value). */
function randInteger(s: Uint32Array): number | bigint {
  const v = (s[RES_HI] | 0) * 4294967296 + s[RES_LO];
  if (Number.isSafeInteger(v)) return v;
  return mkInt((BigInt(s[RES_HI]) << 32n) | BigInt(s[RES_LO]));
}

/** The last result as an unsigned bigint. */
function randBig(s: Uint32Array): bigint {
  return (BigInt(s[RES_HI]) << 32n) | BigInt(s[RES_LO]);
}

/**
 * Project the last result into [0, n] as Lua does: keep the low bits up to the smallest
 * 2^b - 1 covering n and draw again while the value is above n. `n` is unsigned 64-bit.
 */
function project(s: Uint32Array, n: bigint): bigint {
  let lim = n;
  for (let sh = 1n; sh <= 32n; sh <<= 1n) lim |= lim >> sh;
  let r = randBig(s) & lim;
  while (r > n) {
    nextRand(s);
    r = randBig(s) & lim;
  }
  return r;
}

/** project for an interval [0, m] with m < 2^32: only the low word matters. */
function projectSmall(s: Uint32Array, m: number): number {
  let lim = m;
  lim |= lim >>> 1;
  lim |= lim >>> 2;
  lim |= lim >>> 4;
  lim |= lim >>> 8;
  lim |= lim >>> 16;
  let r = (s[RES_LO] & lim) >>> 0;
  while (r > m) {
    nextRand(s);
    r = (s[RES_LO] & lim) >>> 0;
  }
  return r;
}

/** Set the state from two 64-bit seeds and discard 16 values (setseed). */
function setSeed(s: Uint32Array, n1: number | bigint, n2: number | bigint): void {
  const a = BigInt.asUintN(64, BigInt(n1));
  const b = BigInt.asUintN(64, BigInt(n2));
  s[0] = Number(a & 0xffffffffn);
  s[1] = Number(a >> 32n);
  s[2] = 0xff; // avoids an all-zero state
  s[3] = 0;
  s[4] = Number(b & 0xffffffffn);
  s[5] = Number(b >> 32n);
  s[6] = 0;
  s[7] = 0;
  for (let i = 0; i < 16; i++) nextRand(s);
}

/** Seeds for randomseed() without arguments: the time and a per-VM value, as Lua's. */
function timeSeeds(): [number, number] {
  return [Math.floor(Date.now() / 1000), Math.floor(Math.random() * 0x1000000) * 0x1000 + 0x55000000];
}

/** random and randomseed, closing over one VM's generator state. */
function randomFunctions(): LibFunctions {
  const state = new Uint32Array(10); // s[0..3] as (low, high) word pairs, then the result
  const [t1, t2] = timeSeeds();
  setSeed(state, t1, t2);

  /** random([m [, n]]): a float in [0, 1), or an integer in [m, n] (random(0): any). */
  function math_random(L: LuaThread, _base: number, nargs: number): number {
    nextRand(state);
    let low: number | bigint;
    let up: number | bigint;
    switch (nargs) {
      case 0:
        // The top 53 bits as a float in [0, 1).
        return ret1(L, mkFloat((state[RES_HI] * 2097152 + (state[RES_LO] >>> 11)) * 1.1102230246251565e-16));
      case 1:
        low = 1;
        up = checkInteger(L, 1);
        if (up === 0) return ret1(L, randInteger(state));
        break;
      case 2:
        low = checkInteger(L, 1);
        up = checkInteger(L, 2);
        break;
      default:
        luaError(L, 'wrong number of arguments');
    }
    if (!(low <= up)) argError(L, 1, 'interval is empty');
    if (typeof low === 'number' && typeof up === 'number' && up - low < 0x100000000) {
      return ret1(L, low + projectSmall(state, up - low));
    }
    const span = BigInt.asUintN(64, BigInt(up) - BigInt(low));
    return ret1(L, mkInt(project(state, span) + BigInt(low)));
  }

  /** randomseed([n1 [, n2]]): reseed; returns the two seeds used. */
  function math_randomseed(L: LuaThread): number {
    let n1: number | bigint;
    let n2: number | bigint;
    if (argCount(L) === 0) [n1, n2] = timeSeeds();
    else {
      n1 = checkInteger(L, 1);
      n2 = optInteger(L, 2, 0);
    }
    setSeed(state, n1, n2);
    return ret2(L, n1, n2);
  }

  return { random: math_random, randomseed: math_randomseed };
}

// ============================================================================================
// Registration
// ============================================================================================

const mathlib: LibFunctions = {
  abs: math_abs,
  ceil: math_ceil,
  floor: math_floor,
  fmod: math_fmod,
  modf: math_modf,
  sqrt: math_sqrt,
  exp: math_exp,
  log: math_log,
  sin: math_sin,
  cos: math_cos,
  tan: math_tan,
  asin: math_asin,
  acos: math_acos,
  atan: math_atan,
  deg: math_deg,
  rad: math_rad,
  max: math_max,
  min: math_min,
  tointeger: math_toint,
  type: math_type,
  ult: math_ult,
  // LUA_COMPAT_MATHLIB (atan2 is atan itself, added in openMath)
  cosh: math_cosh,
  sinh: math_sinh,
  tanh: math_tanh,
  pow: math_pow,
  frexp: math_frexp,
  ldexp: math_ldexp,
  log10: math_log10,
};

/** luaopen_math. */
export function openMath(_L: LuaThread): LuaTable {
  const t = newLib(mathlib);
  // lmathlib.c registers math_atan under both names: one function, so math.atan2 == math.atan.
  t.setStr('atan2', t.getStr('atan'));
  setFuncs(t, randomFunctions());
  // Compiled code computes these inline for plain-number arguments (vm/jit.ts).
  (t.getStr('sqrt') as NativeFunction).inline = InlineOp.Sqrt;
  (t.getStr('abs') as NativeFunction).inline = InlineOp.Abs;
  (t.getStr('floor') as NativeFunction).inline = InlineOp.Floor;
  (t.getStr('ceil') as NativeFunction).inline = InlineOp.Ceil;
  t.setStr('pi', Math.PI);
  t.setStr('huge', Infinity);
  t.setStr('maxinteger', MAXINTEGER);
  t.setStr('mininteger', MININTEGER);
  return t;
}
