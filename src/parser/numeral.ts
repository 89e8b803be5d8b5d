// numeral.ts — Lua numerals to numbers, shared by the lexer and the VM's string coercions.
//
// Integers come back as a JS number when they are safe integers and as a bigint (int64,
// two's complement) otherwise; floats as a JS double. The rules are luaO_str2num's: hex
// integers wrap around modulo 2^64, decimal integers that overflow int64 become floats,
// floats are decimal or C99 hexadecimal, and 'inf'/'nan' are never numerals.
// Cf. lobject.c l_str2int, l_str2d, lua_strx2number.

export type Numeral = { isFloat: false; value: number | bigint } | { isFloat: true; value: number };

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MAX_SAFE_BIG = 9007199254740991n;
const MAXINTEGER = 0x7fffffffffffffffn;

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  c |= 32;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/**
 * Converts a Lua numeral (with optional sign and surrounding spaces) as luaO_str2num does:
 * an integer if it reads as one (hex wraps around, decimal overflow is a float instead),
 * otherwise a float (decimal or hexadecimal, never 'inf' or 'nan'); undefined if neither.
 */
export function parseNumeral(s: string): Numeral | undefined {
  const i = str2int(s);
  if (i !== undefined) return { isFloat: false, value: i };
  const f = str2float(s);
  return f === undefined ? undefined : { isFloat: true, value: f };
}

/** l_str2int: decimal or hex integer; hex wraps around, decimal overflow is not an integer. */
function str2int(s: string): number | bigint | undefined {
  const n = s.length;
  let p = 0;
  while (p < n && isSpace(s.charCodeAt(p))) p++;
  let neg = false;
  if (s.charCodeAt(p) === 45 /* - */) {
    neg = true;
    p++;
  } else if (s.charCodeAt(p) === 43 /* + */) p++;
  let empty = true;
  let a: number | bigint;
  if (s.charCodeAt(p) === 48 && (s.charCodeAt(p + 1) | 32) === 120 /* 0x */) {
    p += 2;
    let big = 0n;
    let small = 0;
    let useBig = false;
    for (; p < n; p++) {
      const d = hexDigit(s.charCodeAt(p));
      if (d < 0) break;
      empty = false;
      if (!useBig) {
        const next = small * 16 + d;
        if (next > MAX_SAFE) {
          useBig = true;
          big = BigInt(small) * 16n + BigInt(d);
        } else small = next;
      } else big = BigInt.asUintN(64, big * 16n + BigInt(d));
    }
    a = useBig ? big : small;
  } else {
    let small = 0;
    let big = 0n;
    let useBig = false;
    for (; p < n; p++) {
      const c = s.charCodeAt(p);
      if (c < 48 || c > 57) break;
      const d = c - 48;
      empty = false;
      if (!useBig) {
        const next = small * 10 + d;
        if (next > MAX_SAFE) {
          useBig = true;
          big = BigInt(small) * 10n + BigInt(d);
        } else small = next;
      } else {
        big = big * 10n + BigInt(d);
      }
      // Decimal integers that overflow int64 are floats instead (MAXINTEGER, or -MININTEGER).
      if (useBig && big > (neg ? 9223372036854775808n : MAXINTEGER)) return undefined;
    }
    a = useBig ? big : small;
  }
  while (p < n && isSpace(s.charCodeAt(p))) p++;
  if (empty || p !== n) return undefined;
  if (typeof a === 'number') return neg ? (a === 0 ? 0 : -a) : a;
  const w = BigInt.asIntN(64, neg ? -a : a);
  return w >= -MAX_SAFE_BIG && w <= MAX_SAFE_BIG ? Number(w) : w;
}

const DECIMAL_FLOAT = /^[ \t\n\v\f\r]*[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?[ \t\n\v\f\r]*$/;

/** l_str2d: a decimal or hexadecimal float (never 'inf' or 'nan'). */
function str2float(s: string): number | undefined {
  if (DECIMAL_FLOAT.test(s)) return Number(s.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, '').replace(/^\+/, ''));
  return parseHexFloat(s);
}

/** A C99 hexadecimal floating constant ("0x1.8p3", "-0xA", "0x.1"), surrounded by spaces. */
export function parseHexFloat(s: string): number | undefined {
  const n = s.length;
  let p = 0;
  while (p < n && isSpace(s.charCodeAt(p))) p++;
  let neg = false;
  if (s.charCodeAt(p) === 45) {
    neg = true;
    p++;
  } else if (s.charCodeAt(p) === 43) p++;
  if (!(s.charCodeAt(p) === 48 && (s.charCodeAt(p + 1) | 32) === 120)) return undefined;
  p += 2;
  let mant = 0n;
  let exp = 0; // binary exponent adjustment
  let any = false;
  let sig = 0; // significant hex digits kept in 'mant'
  let sticky = false; // a nonzero digit beyond those kept (it can break a rounding tie)
  let seenDot = false;
  for (; p < n; p++) {
    const c = s.charCodeAt(p);
    if (c === 46 /* . */) {
      if (seenDot) break;
      seenDot = true;
      continue;
    }
    const d = hexDigit(c);
    if (d < 0) break;
    any = true;
    if (sig < 30) {
      if (mant !== 0n || d !== 0) sig++;
      mant = mant * 16n + BigInt(d);
      if (seenDot) exp -= 4;
    } else {
      if (!seenDot) exp += 4; // digits beyond precision still scale the value
      if (d !== 0) sticky = true;
    }
  }
  if (!any) return undefined;
  if ((s.charCodeAt(p) | 32) === 112 /* p */) {
    p++;
    let eneg = false;
    if (s.charCodeAt(p) === 45) {
      eneg = true;
      p++;
    } else if (s.charCodeAt(p) === 43) p++;
    let e = 0;
    let digits = false;
    for (; p < n; p++) {
      const c = s.charCodeAt(p);
      if (c < 48 || c > 57) break;
      digits = true;
      if (e < 100000) e = e * 10 + (c - 48);
    }
    if (!digits) return undefined;
    exp += eneg ? -e : e;
  }
  while (p < n && isSpace(s.charCodeAt(p))) p++;
  if (p !== n) return undefined;
  if (sticky) {
    // One more bit below the kept digits stands for everything dropped.
    mant = mant * 2n + 1n;
    exp -= 1;
  }
  const x = scaleBig(mant, exp);
  return neg ? -x : x;
}

/** mant * 2^exp as a correctly rounded double. */
export function scaleBig(mant: bigint, exp: number): number {
  if (mant === 0n) return 0;
  // Normalise so the mantissa has at most 64 bits, folding the rest into a sticky bit.
  const bits = mant.toString(2).length;
  if (bits > 64) {
    const shift = bits - 64;
    const lost = mant & ((1n << BigInt(shift)) - 1n);
    mant = (mant >> BigInt(shift)) | (lost !== 0n ? 1n : 0n);
    exp += shift;
  }
  // Subnormal results must round once, at the right bit: pre-round the mantissa there.
  const topExp = exp + mant.toString(2).length - 1; // exponent of the leading bit
  if (topExp < -1022) {
    const keep = 53 - (-1022 - topExp); // bits that survive in the subnormal
    const len = mant.toString(2).length;
    const drop = len - Math.max(keep, 0);
    if (drop > 0) {
      const half = 1n << BigInt(drop - 1);
      const rem = mant & ((1n << BigInt(drop)) - 1n);
      let q = mant >> BigInt(drop);
      if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
      mant = q;
      exp += drop;
    }
  }
  let x = Number(mant); // rounds to 53 bits, ties to even
  // Apply the exponent in steps that cannot overflow or underflow the intermediate.
  while (exp > 0) {
    const step = Math.min(exp, 1000);
    x *= 2 ** step;
    exp -= step;
  }
  while (exp < 0) {
    const step = Math.max(exp, -1000);
    x *= 2 ** step;
    exp -= step;
  }
  return x;
}
