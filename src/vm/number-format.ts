// number-format.ts — doubles to text exactly as glibc's printf writes them.
//
// Lua prints floats with "%.14g" (LUAI_NUMFFORMAT) and string.format hands its float
// conversions (%e %E %f %g %G %a %A) to the C library, so moonlet must reproduce glibc's output
// byte for byte. This file owns that: the `FloatSpec` of one conversion (flags, width,
// precision), the digit generation, and the padding rules.
//
// How digits are produced. glibc prints the exact binary value of the double rounded to the
// requested digits, with ties going to the even digit (the default rounding mode). JS's
// toFixed/toExponential also work from the exact value, but round ties away from zero
// ((0.5).toFixed(0) is "1", printf gives "0"). So the fast path asks JS for the digits and
// only checks whether the case could be an exact tie, which is cheap: a double with k binary
// digits after the point has exactly k decimal digits after the point, the last one a 5
// (`fractionBits`). Values with k <= 20 (integers included) have a short expansion that
// toFixed(k) gives exactly and quickly; %e and %g round it themselves (`roundDigits`, half
// to even on the digit string). Ties, precisions past what JS accepts (100) and values
// >= 1e21 go to the exact path: the full decimal expansion from BigInt arithmetic
// (`exactDecimal`), rounded the same way.
//
// %a rounds the 52-bit significand to the requested hex digits, half to even, without
// renormalising (glibc prints "0x2p+0" for %.0a of 1.5); subnormals print as 0x0.xxxp-1022.
// inf and nan ignore the '0' flag and print in upper case for %E %F %G %A. NaN carries no
// sign in JS, so the caller says which NaN it is (moonlet's plain NaN is the negative one, see
// value.ts).
//
// Invariants: every function here is pure; digit strings never carry leading zeros except the
// single "0" of a zero value; `rExp` is only meaningful right after `expDigits` returns.
//
// Cf. glibc stdio-common/printf_fp.c and printf_fphex.c (behaviour only), lobject.c
// (tostringbuff, LUAI_NUMFFORMAT), lstrlib.c (str_format).

/** One printf conversion of a double: `%[flags][width][.precision]conv`. */
export interface FloatSpec {
  /** Char code of the conversion letter: one of e E f F g G a A. */
  conv: number;
  /** '-': left-justify within the width. */
  minus: boolean;
  /** '+': always print a sign. */
  plus: boolean;
  /** ' ': print a space where a '+' would go. */
  space: boolean;
  /** '#': always print the decimal point; %g keeps trailing zeros. */
  alt: boolean;
  /** '0': pad with zeros after the sign (ignored by '-' and for inf/nan). */
  zero: boolean;
  /** Minimum field width; 0 for none. */
  width: number;
  /** Precision; negative for the default (6 for e/f/g, exact for a). */
  precision: number;
}

// Char codes of the conversion letters.
const C_A = 65, C_E = 69, C_F = 70, C_G = 71;
const C_a = 97, C_e = 101, C_f = 102, C_g = 103;

// ============================================================================================
// Public entry points
// ============================================================================================

/**
 * C's `sprintf("%.14g", x)`, what Lua's tostring uses for floats (the caller appends ".0"
 * to integral results). NaN prints as "-nan", JS's NaN being the default negative one.
 */
export function formatFloat14(x: number): string {
  if (x !== x) return '-nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x < 0 || (x === 0 && 1 / x < 0)) return '-' + generalBody(-x, 14, false, false);
  return generalBody(x, 14, false, false);
}

/**
 * One double conversion exactly as glibc's printf does it. `negativeNaN` gives the sign of a
 * NaN `x` (true for moonlet's plain NaN, false for POS_NAN); it is ignored otherwise.
 */
export function formatFloat(x: number, spec: FloatSpec, negativeNaN = true): string {
  const conv = spec.conv;
  const upper = conv === C_E || conv === C_F || conv === C_G || conv === C_A;
  let neg: boolean;
  if (x !== x) {
    neg = negativeNaN;
    return pad(signOf(neg, spec), '', upper ? 'NAN' : 'nan', spec, false);
  }
  neg = x < 0 || (x === 0 && 1 / x < 0);
  const ax = neg ? -x : x;
  const sign = signOf(neg, spec);
  if (ax === Infinity) return pad(sign, '', upper ? 'INF' : 'inf', spec, false);
  const prec = spec.precision;
  switch (conv) {
    case C_f:
    case C_F:
      return pad(sign, '', fixedBody(ax, prec < 0 ? 6 : prec, spec.alt), spec, true);
    case C_e:
    case C_E:
      return pad(sign, '', expBody(ax, prec < 0 ? 6 : prec, spec.alt, upper), spec, true);
    case C_g:
    case C_G:
      return pad(sign, '', generalBody(ax, prec < 0 ? 6 : prec === 0 ? 1 : prec, spec.alt, upper), spec, true);
    case C_a:
    case C_A:
      return pad(sign, upper ? '0X' : '0x', hexBody(ax, prec, spec.alt, upper), spec, true);
  }
  throw new RangeError(`formatFloat: not a float conversion: '${String.fromCharCode(conv)}'`);
}

/**
 * `sprintf(format, x)` for a format holding exactly one double conversion and nothing else,
 * e.g. "%+08.3e" (no length modifier). A convenience for tests and one-off callers; the
 * string library parses its own specs.
 */
export function formatFloatC(format: string, x: number, negativeNaN = true): string {
  const m = /^%([-+ #0]*)(\d*)(?:\.(\d*))?([eEfFgGaA])$/.exec(format);
  if (m === null) throw new RangeError(`formatFloatC: unsupported format '${format}'`);
  const flags = m[1];
  const spec: FloatSpec = {
    conv: m[4].charCodeAt(0),
    minus: flags.includes('-'),
    plus: flags.includes('+'),
    space: flags.includes(' '),
    alt: flags.includes('#'),
    zero: flags.includes('0'),
    width: m[2] === '' ? 0 : Number(m[2]),
    precision: m[3] === undefined ? -1 : m[3] === '' ? 0 : Number(m[3]),
  };
  return formatFloat(x, spec, negativeNaN);
}

// ============================================================================================
// Sign and padding (shared by every conversion)
// ============================================================================================

function signOf(neg: boolean, spec: FloatSpec): string {
  return neg ? '-' : spec.plus ? '+' : spec.space ? ' ' : '';
}

/** Pads `sign prefix body` to the width; zeros go between prefix and body when allowed. */
function pad(sign: string, prefix: string, body: string, spec: FloatSpec, zeroOk: boolean): string {
  const fill = spec.width - (sign.length + prefix.length + body.length);
  if (fill <= 0) return sign + prefix + body;
  if (spec.minus) return sign + prefix + body + spaces(fill);
  if (spec.zero && zeroOk) return sign + prefix + zeros(fill) + body;
  return spaces(fill) + sign + prefix + body;
}

/** n zeros / n spaces; the short ones are cached (padding is on the hot path). */
function zeros(n: number): string {
  if (n >= PAD_CACHE) return '0'.repeat(n);
  let s = ZERO_PADS[n];
  if (s === undefined) ZERO_PADS[n] = s = '0'.repeat(n);
  return s;
}

function spaces(n: number): string {
  if (n >= PAD_CACHE) return ' '.repeat(n);
  let s = SPACE_PADS[n];
  if (s === undefined) SPACE_PADS[n] = s = ' '.repeat(n);
  return s;
}

const PAD_CACHE = 128;
const ZERO_PADS: string[] = [];
const SPACE_PADS: string[] = [];

// ============================================================================================
// %f, %e, %g bodies (ax is finite and >= 0)
// ============================================================================================

/** %f: ax with exactly `prec` digits after the point. */
function fixedBody(ax: number, prec: number, alt: boolean): string {
  let s: string;
  if (ax === 0) {
    s = prec === 0 ? '0' : '0.' + zeros(prec);
  } else if (prec <= 99 && ax < 1e21) {
    if (Number.isInteger(ax)) {
      s = ax.toFixed(prec); // no rounding happens, so JS's digits are exact
    } else if (fractionBits(ax) !== prec + 1) {
      s = ax.toFixed(prec); // not a tie: JS rounds exactly as glibc does
    } else {
      // An exact tie: the expansion has prec+1 fraction digits, the last a 5. Keep the
      // truncation if its last digit is even, else take JS's round-up.
      const t = ax.toFixed(prec + 1);
      const trunc = t.slice(0, prec === 0 ? -2 : -1);
      s = (trunc.charCodeAt(trunc.length - 1) & 1) === 0 ? trunc : ax.toFixed(prec);
    }
  } else {
    s = exactFixed(ax, prec);
  }
  return alt && prec === 0 ? s + '.' : s;
}

/** %e: one digit, the point, `prec` digits, the exponent (at least two digits). */
function expBody(ax: number, prec: number, alt: boolean, upper: boolean): string {
  const d = expDigits(ax, prec);
  const mant = prec > 0 ? d[0] + '.' + d.slice(1) : alt ? d + '.' : d;
  return mant + expSuffix(rExp, upper);
}

/** %g with P significant digits (P >= 1): %e or %f style by the exponent, zeros trimmed. */
function generalBody(ax: number, P: number, alt: boolean, upper: boolean): string {
  const d = expDigits(ax, P - 1);
  const x = rExp;
  let intPart: string;
  let frac: string;
  if (x < P && x >= -4) {
    if (x >= 0) {
      intPart = d.slice(0, x + 1);
      frac = d.slice(x + 1);
    } else {
      intPart = '0';
      frac = zeros(-x - 1) + d;
    }
    if (!alt) frac = trimZeros(frac);
    return frac.length > 0 || alt ? intPart + '.' + frac : intPart;
  }
  frac = alt ? d.slice(1) : trimZeros(d.slice(1));
  const mant = frac.length > 0 || alt ? d[0] + '.' + frac : d[0];
  return mant + expSuffix(x, upper);
}

function expSuffix(x: number, upper: boolean): string {
  const e = upper ? 'E' : 'e';
  if (x < 0) return x > -10 ? e + '-0' + -x : e + '-' + -x;
  return x < 10 ? e + '+0' + x : e + '+' + x;
}

function trimZeros(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 48) end--;
  return end === s.length ? s : s.slice(0, end);
}

// ============================================================================================
// Digit generation
// ============================================================================================

/** The decimal exponent of the digits `expDigits` returned last. */
let rExp = 0;

/** The first prec+1 significant digits of ax rounded half to even; sets rExp. */
function expDigits(ax: number, prec: number): string {
  if (ax === 0) {
    rExp = 0;
    return zeros(prec + 1);
  }
  if (ax < 1e21) {
    const k = fractionBits(ax);
    // Few fraction bits (integers included): the whole expansion is short and JS's toFixed
    // gives it exactly and fast, so round it ourselves. (V8's toExponential is slow on
    // such values.)
    if (k <= 20) return roundSignificant(shortExpansion(ax, k), exactExp, prec + 1);
    if (prec <= 99) {
      const s = ax.toExponential(prec);
      const ePos = prec === 0 ? 1 : prec + 2;
      const x = Number(s.slice(ePos + 1));
      // A tie needs exactly prec+2 significant digits: exponent + fraction bits == prec + 1
      // for the exact exponent, which is JS's or one less if its rounding carried.
      if (x + k !== prec + 1 && x - 1 + k !== prec + 1) {
        rExp = x;
        return prec === 0 ? s[0] : s[0] + s.slice(2, ePos);
      }
    }
  }
  return roundSignificant(exactDecimal(ax), exactExp, prec + 1);
}

/**
 * The exact significant digits (no trailing zeros) of 0 < ax < 1e21 with k <= 20 fraction
 * bits, which has exactly k decimal fraction digits; sets exactExp.
 */
function shortExpansion(ax: number, k: number): string {
  if (k === 0) {
    const t = ax < 2147483648 ? String(ax) : ax.toFixed(0);
    exactExp = t.length - 1;
    return trimZeros(t);
  }
  const t = ax.toFixed(k); // "I.F": exact, F has k digits ending in 5
  const dot = t.length - k - 1;
  if (dot !== 1 || t.charCodeAt(0) !== 48) {
    exactExp = dot - 1;
    return t.slice(0, dot) + t.slice(dot + 1);
  }
  let z = 2; // "0.000ddd": skip the zeros after the point
  while (t.charCodeAt(z) === 48) z++;
  exactExp = 1 - z;
  return t.slice(z);
}

/** Rounds exact digits `d` (first digit's exponent `e`) to n >= 1 digits; sets rExp. */
function roundSignificant(d: string, e: number, n: number): string {
  const r = roundDigits(d, n);
  if (r.length > n) {
    rExp = e + 1;
    return r.slice(0, n);
  }
  rExp = e;
  return r;
}

/** %f digits from the exact expansion (the slow path). */
function exactFixed(ax: number, prec: number): string {
  const d = exactDecimal(ax);
  const n = exactExp + prec + 1; // digits up to and including the 10^-prec place
  let r = n < 0 ? '' : roundDigits(d, n);
  if (r === '') r = '0';
  if (prec === 0) return r;
  if (r.length <= prec) r = zeros(prec + 1 - r.length) + r;
  return r.slice(0, r.length - prec) + '.' + r.slice(r.length - prec);
}

/**
 * Rounds the digit string `d` (no trailing zeros) to its first n >= 0 digits, half to even.
 * The result has n digits, or n+1 when a carry ripples out ("1" and n zeros); "" stands for
 * zero when n is 0 and the value rounds down.
 */
function roundDigits(d: string, n: number): string {
  if (n >= d.length) return n === d.length ? d : d + zeros(n - d.length);
  const next = d.charCodeAt(n);
  const up =
    next > 53 || (next === 53 && (d.length > n + 1 || (n > 0 && (d.charCodeAt(n - 1) & 1) === 1)));
  const kept = d.slice(0, n);
  return up ? increment(kept) : kept;
}

/** Adds one to a decimal digit string ("" counts as 0). */
function increment(s: string): string {
  let i = s.length - 1;
  while (i >= 0 && s.charCodeAt(i) === 57) i--;
  if (i < 0) return '1' + zeros(s.length);
  return s.slice(0, i) + String.fromCharCode(s.charCodeAt(i) + 1) + zeros(s.length - 1 - i);
}

// ============================================================================================
// The binary value of a double
// ============================================================================================

const bits = new DataView(new ArrayBuffer(8));

/** Binary digits after the point in the exact value of a finite ax > 0 (0 for integers). */
function fractionBits(ax: number): number {
  bits.setFloat64(0, ax);
  const hi = bits.getUint32(0);
  const lo = bits.getUint32(4);
  const bexp = (hi >>> 20) & 0x7ff;
  const e2 = bexp === 0 ? -1074 : bexp - 1075; // ax = significand * 2^e2
  if (e2 >= 0) return 0;
  let tz: number; // trailing zero bits of the significand (never 0 itself: ax > 0)
  if (lo !== 0) {
    tz = 31 - Math.clz32(lo & -lo);
  } else {
    const h = bexp === 0 ? hi & 0xfffff : (hi & 0xfffff) | 0x100000;
    tz = 63 - Math.clz32(h & -h);
  }
  const k = -e2 - tz;
  return k > 0 ? k : 0;
}

/** The first digit's decimal exponent of the digits `exactDecimal` returned last. */
let exactExp = 0;

const FIVE_POWERS: bigint[] = [];

function powerOfFive(k: number): bigint {
  let p = FIVE_POWERS[k];
  if (p === undefined) FIVE_POWERS[k] = p = 5n ** BigInt(k);
  return p;
}

/**
 * The exact decimal expansion of a finite ax > 0: its significant digits without trailing
 * zeros; sets exactExp. A value m * 2^-k (m odd) equals m * 5^k / 10^k, so the digits are
 * those of m * 5^k.
 */
function exactDecimal(ax: number): string {
  bits.setFloat64(0, ax);
  const hi = bits.getUint32(0);
  const lo = bits.getUint32(4);
  const bexp = (hi >>> 20) & 0x7ff;
  let m = (hi & 0xfffff) * 4294967296 + lo;
  if (bexp !== 0) m += 4503599627370496; // the implicit bit, 2^52
  let e2 = bexp === 0 ? -1074 : bexp - 1075;
  let d: string;
  if (e2 >= 0) {
    d = (BigInt(m) << BigInt(e2)).toString();
    exactExp = d.length - 1;
    return trimZeros(d);
  }
  while (m % 2 === 0 && e2 < 0) {
    m /= 2;
    e2++;
  }
  if (e2 === 0) {
    d = String(m);
    exactExp = d.length - 1;
    return trimZeros(d);
  }
  d = (BigInt(m) * powerOfFive(-e2)).toString();
  exactExp = d.length - 1 + e2;
  return d;
}

// ============================================================================================
// %a (cf. glibc printf_fphex.c)
// ============================================================================================

/** %a without sign and "0x": h.hhhp±d, the significand rounded half to even to `prec` digits. */
function hexBody(ax: number, prec: number, alt: boolean, upper: boolean): string {
  bits.setFloat64(0, ax);
  const hi = bits.getUint32(0);
  const lo = bits.getUint32(4);
  const bexp = (hi >>> 20) & 0x7ff;
  const mhi = hi & 0xfffff;
  const mant = mhi * 4294967296 + lo; // 52 bits, exact in a double
  let lead = bexp === 0 ? 0 : 1;
  const exp = ax === 0 ? 0 : bexp === 0 ? -1022 : bexp - 1023;
  let digits: string;
  if (prec < 0 || prec >= 13) {
    // All 13 digits (from the two words: cheaper than a 52-bit toString).
    digits = mant === 0 ? '' : mhi.toString(16).padStart(5, '0') + lo.toString(16).padStart(8, '0');
    digits = prec < 0 ? trimZeros(digits) : digits.padEnd(prec, '0');
  } else {
    const unit = 2 ** (4 * (13 - prec)); // the value of one unit in the last kept digit
    const full = lead * 4503599627370496 + mant;
    let q = Math.floor(full / unit);
    const r = full - q * unit;
    const half = unit / 2;
    if (r > half || (r === half && q % 2 === 1)) q++;
    const scale = 16 ** prec;
    lead = Math.floor(q / scale); // 2 when the carry ripples out: glibc keeps "0x2p+0"
    digits = prec === 0 ? '' : (q - lead * scale).toString(16).padStart(prec, '0');
  }
  let s = String(lead);
  if (digits.length > 0 || alt) s += '.' + digits;
  s += (exp < 0 ? 'p-' : 'p+') + Math.abs(exp);
  return upper ? s.toUpperCase() : s;
}
