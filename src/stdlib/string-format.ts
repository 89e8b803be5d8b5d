// string-format.ts — the engine of `string.format(fmt, ...)`, as Lua 5.4.4 runs it.
//
// Owns: scanning the format (cached per format string), validating each conversion with the
// exact checks and messages of lstrlib.c, converting the arguments (luaL_checkinteger /
// luaL_checknumber rules: numeric strings are accepted), and formatting integers (int64,
// two's complement for %x %X %o %u), characters, strings, pointers and %q literals. Doubles
// go to vm/number-format.ts.
//
// What Lua 5.4.4 accepts: %d %i %u %c %o %x %X %a %A %e %E %f %g %G %p %q %s and %%. No %F,
// no length modifiers (%ld is "invalid conversion '%l' to 'format'"). A spec spans the
// characters "-+ #0123456789." and the letter after them; a span of 21 or more characters is
// "invalid format (too long)". Then each conversion checks its own flags, a width of at most
// two digits that does not start with '0', and (where allowed) a precision of at most two
// digits, else "invalid conversion specification: '%...'". The order of the checks matters
// for which error wins and is kept exactly: a missing argument first, then the span length,
// then per conversion (see `luaFormat`).
//
// The engine does not know the VM's native-function API: the caller passes a `FormatArgs`
// that fetches arguments, converts values with __tostring/__name, and raises errors with
// Lua's messages and positions.
//
// Invariants: compiled formats are immutable and shared through `cache`; a compiled format
// ends at its first spec that fails regardless of the arguments (the rest is unreachable).
//
// Cf. lstrlib.c (str_format, getformat, checkformat, addquoted, quotefloat, addliteral),
// lauxlib.c (luaL_checkinteger, luaL_typeerror).

import type { LuaValue } from '../vm/value.js';
import { LuaFloat, MININTEGER, floatToInteger, toNumber, typeName } from '../vm/value.js';
import { formatFloat, type FloatSpec } from '../vm/number-format.js';

/** What `luaFormat` needs from the caller (the native-function glue in string.ts). */
export interface FormatArgs {
  /** Number of arguments after the format string. */
  count: number;
  /** Argument i (1-based among the values after the format), i <= count. */
  get(i: number): LuaValue;
  /** luaL_tolstring: __tostring, __name, then the default conversion. */
  toStringMeta(v: LuaValue): string;
  /** Raises "bad argument #<i+1> to 'format' (<msg>)"; i is 1-based after the format. */
  argError(i: number, msg: string): never;
  /** Raises a plain library error (no position: str_format is a C function). */
  error(msg: string): never;
  /** Type name for "number expected, got X" (luaL_typeerror honours __name). Default: type(). */
  typeName?(v: LuaValue): string;
  /**
   * lua_topointer as printf's %p prints it ("0x55d0c6a8e2a0"), or undefined for values
   * without an address (nil, booleans, numbers), which print "(null)". Default: a stable
   * fake address per object, a hash for strings.
   */
  toPointer?(v: LuaValue): string | undefined;
}

// ============================================================================================
// Compiled formats
// ============================================================================================

const enum Kind {
  Int, // d i u o x X
  Char, // c
  Float, // e E f g G
  Hex, // a A
  Pointer, // p
  Quote, // q
  Str, // s
  BadConv, // anything else: invalid conversion
  TooLong, // span too long: invalid format
}

/** One conversion and the literal text before it. */
class Spec implements FloatSpec {
  minus = false;
  plus = false;
  space = false;
  alt = false;
  zero = false;
  width = 0;
  precision = -1;
  /** Set when checkformat rejects the spec: the error to raise at the right moment. */
  invalid: string | undefined = undefined;
  constructor(
    readonly lit: string,
    readonly kind: Kind,
    readonly conv: number,
    /** Flags, width and precision as written (empty: no modifiers). */
    readonly span: string,
    /** '%' + span + conversion letter, as Lua quotes it in messages. */
    readonly form: string,
  ) {}
}

interface Compiled {
  specs: Spec[];
  tail: string;
}

// Flags each conversion accepts (lstrlib.c L_FMTFLAGS*).
const FLAGS_F = '-+ #0';
const FLAGS_X = '-#0';
const FLAGS_I = '-+ 0';
const FLAGS_U = '-0';
const FLAGS_C = '-';
/** A span of this many characters or more (with the letter) is too long (MAX_FORMAT - 10). */
const MAX_SPEC = 22;

const cache = new Map<string, Compiled>();
const CACHE_LIMIT = 512;
const CACHE_MAX_FMT = 1024;

function compiled(fmt: string): Compiled {
  let c = cache.get(fmt);
  if (c === undefined) {
    c = compile(fmt);
    if (fmt.length <= CACHE_MAX_FMT) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(fmt, c);
    }
  }
  return c;
}

function isSpanChar(c: number): boolean {
  // - + space # . and digits
  return c === 45 || c === 43 || c === 32 || c === 35 || c === 46 || (c >= 48 && c <= 57);
}

function compile(fmt: string): Compiled {
  const specs: Spec[] = [];
  const n = fmt.length;
  let lit = '';
  let litStart = 0;
  let i = 0;
  while (i < n) {
    if (fmt.charCodeAt(i) !== 37 /* % */) {
      i++;
      continue;
    }
    if (i + 1 < n && fmt.charCodeAt(i + 1) === 37) {
      lit += fmt.slice(litStart, i + 1);
      i += 2;
      litStart = i;
      continue;
    }
    lit += fmt.slice(litStart, i);
    let j = i + 1;
    while (j < n && isSpanChar(fmt.charCodeAt(j))) j++;
    const span = fmt.slice(i + 1, j);
    // The letter; 0 at the end of the format (C reads the terminating NUL there).
    const conv = j < n ? fmt.charCodeAt(j) : 0;
    const form = '%' + span + (conv !== 0 ? fmt[j] : '');
    if (span.length + 1 >= MAX_SPEC) {
      specs.push(new Spec(lit, Kind.TooLong, conv, span, form));
      return { specs, tail: '' };
    }
    const spec = classify(lit, conv, span, form);
    specs.push(spec);
    if (spec.kind === Kind.BadConv) return { specs, tail: '' };
    lit = '';
    i = j + 1;
    litStart = i;
  }
  return { specs, tail: lit + fmt.slice(litStart) };
}

function classify(lit: string, conv: number, span: string, form: string): Spec {
  let kind: Kind;
  let flags: string;
  let precision = true;
  switch (String.fromCharCode(conv)) {
    case 'd':
    case 'i':
      kind = Kind.Int;
      flags = FLAGS_I;
      break;
    case 'u':
      kind = Kind.Int;
      flags = FLAGS_U;
      break;
    case 'o':
    case 'x':
    case 'X':
      kind = Kind.Int;
      flags = FLAGS_X;
      break;
    case 'c':
      kind = Kind.Char;
      flags = FLAGS_C;
      precision = false;
      break;
    case 'a':
    case 'A':
      kind = Kind.Hex;
      flags = FLAGS_F;
      break;
    case 'e':
    case 'E':
    case 'f':
    case 'g':
    case 'G':
      kind = Kind.Float;
      flags = FLAGS_F;
      break;
    case 'p':
      kind = Kind.Pointer;
      flags = FLAGS_C;
      precision = false;
      break;
    case 'q':
      return new Spec(lit, Kind.Quote, conv, span, form);
    case 's':
      kind = Kind.Str;
      flags = FLAGS_C;
      break;
    default:
      return new Spec(lit, Kind.BadConv, conv, span, form);
  }
  const spec = new Spec(lit, kind, conv, span, form);
  if (!checkFormat(spec, flags, precision))
    spec.invalid = `invalid conversion specification: '${form}'`;
  return spec;
}

/**
 * lstrlib.c checkformat: flags from `flags` (repeats allowed), a width of up to two digits not
 * starting with '0', then '.' and up to two digits if `precision`. Fills in the spec's fields
 * and returns whether the whole span was consumed.
 */
function checkFormat(spec: Spec, flags: string, precision: boolean): boolean {
  const s = spec.span;
  const n = s.length;
  let p = 0;
  while (p < n && flags.includes(s[p])) {
    switch (s[p]) {
      case '-':
        spec.minus = true;
        break;
      case '+':
        spec.plus = true;
        break;
      case ' ':
        spec.space = true;
        break;
      case '#':
        spec.alt = true;
        break;
      case '0':
        spec.zero = true;
        break;
    }
    p++;
  }
  if (p < n && s[p] !== '0') {
    let w = 0;
    for (let k = 0; k < 2 && p < n && isDigit(s.charCodeAt(p)); k++) w = w * 10 + s.charCodeAt(p++) - 48;
    spec.width = w;
    if (p < n && s[p] === '.' && precision) {
      p++;
      let q = 0;
      for (let k = 0; k < 2 && p < n && isDigit(s.charCodeAt(p)); k++) q = q * 10 + s.charCodeAt(p++) - 48;
      spec.precision = q;
    }
  }
  return p === n;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

// ============================================================================================
// The engine (cf. lstrlib.c str_format)
// ============================================================================================

/** `string.format(fmt, ...)`: the result, or an error raised through `args`. */
export function luaFormat(fmt: string, args: FormatArgs): string {
  const { specs, tail } = compiled(fmt);
  const count = args.count;
  let out = '';
  for (let k = 0; k < specs.length; k++) {
    const spec = specs[k];
    const arg = k + 1;
    out += spec.lit;
    if (arg > count) args.argError(arg, 'no value');
    switch (spec.kind) {
      case Kind.Int: {
        const v = checkInteger(args, arg);
        if (spec.invalid !== undefined) args.error(spec.invalid);
        out += formatInteger(v, spec);
        break;
      }
      case Kind.Char: {
        if (spec.invalid !== undefined) args.error(spec.invalid);
        const v = checkInteger(args, arg);
        const ch = String.fromCharCode(typeof v === 'number' ? v & 0xff : Number(BigInt.asUintN(8, v)));
        out += padSpaces(ch, spec);
        break;
      }
      case Kind.Float: {
        const x = checkNumber(args, arg);
        if (spec.invalid !== undefined) args.error(spec.invalid);
        out += formatFloat(x, spec, nanIsNegative);
        break;
      }
      case Kind.Hex: {
        if (spec.invalid !== undefined) args.error(spec.invalid);
        const x = checkNumber(args, arg);
        out += formatFloat(x, spec, nanIsNegative);
        break;
      }
      case Kind.Pointer: {
        const v = args.get(arg);
        const p = args.toPointer !== undefined ? args.toPointer(v) : defaultPointer(v);
        if (spec.invalid !== undefined) args.error(spec.invalid);
        out += padSpaces(p === undefined ? '(null)' : p, spec);
        break;
      }
      case Kind.Quote:
        if (spec.span !== '') args.error("specifier '%q' cannot have modifiers");
        out += quoteLiteral(args, arg);
        break;
      case Kind.Str: {
        const s = args.toStringMeta(args.get(arg));
        if (spec.span === '') {
          out += s;
          break;
        }
        if (s.indexOf('\0') >= 0) args.argError(arg, 'string contains zeros');
        if (spec.invalid !== undefined) args.error(spec.invalid);
        if (spec.precision < 0) {
          // Without a precision a long string is kept whole, width or not (lstrlib.c).
          out += s.length >= 100 ? s : padSpaces(s, spec);
        } else {
          out += padSpaces(s.length > spec.precision ? s.slice(0, spec.precision) : s, spec);
        }
        break;
      }
      case Kind.BadConv:
        args.error(`invalid conversion '${spec.form}' to 'format'`);
      case Kind.TooLong:
        args.error('invalid format (too long)');
    }
  }
  return out + tail;
}

// ============================================================================================
// Argument conversion (cf. lauxlib.c luaL_checkinteger, luaL_checknumber)
// ============================================================================================

/** Sign of the NaN returned by the last checkNumber (moonlet's plain NaN is negative). */
let nanIsNegative = true;

function checkNumber(args: FormatArgs, arg: number): number {
  const v = args.get(arg);
  nanIsNegative = true;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v); // rounds to nearest even, as C's cast does
  if (v instanceof LuaFloat) {
    nanIsNegative = false; // only POS_NAN is a boxed NaN
    return v.n;
  }
  if (typeof v === 'string') {
    const n = toNumber(v);
    if (n !== undefined) return typeof n === 'number' ? n : typeof n === 'bigint' ? Number(n) : n.n;
  }
  return typeError(args, arg, v);
}

function checkInteger(args: FormatArgs, arg: number): number | bigint {
  const v = args.get(arg);
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return v;
    return args.argError(arg, 'number has no integer representation');
  }
  if (typeof v === 'bigint') return v;
  let n: LuaValue = v;
  if (typeof v === 'string') {
    n = toNumber(v);
    if (n === undefined) return typeError(args, arg, v);
    if (typeof n !== 'object') {
      if (typeof n === 'bigint' || Number.isInteger(n)) return n;
      return args.argError(arg, 'number has no integer representation');
    }
  }
  if (n instanceof LuaFloat) {
    const i = floatToInteger(n.n);
    if (i !== undefined) return i;
    return args.argError(arg, 'number has no integer representation');
  }
  return typeError(args, arg, v);
}

function typeError(args: FormatArgs, arg: number, v: LuaValue): never {
  const name = args.typeName !== undefined ? args.typeName(v) : typeName(v);
  return args.argError(arg, `number expected, got ${name}`);
}

// ============================================================================================
// Integers, characters, strings
// ============================================================================================

const TWO64 = 18446744073709551616n;

/** %d %i %u %o %x %X of an int64 with C's flag, width and precision rules. */
function formatInteger(v: number | bigint, spec: Spec): string {
  const conv = spec.conv;
  let digits: string;
  let sign = '';
  if (conv === 100 /* d */ || conv === 105 /* i */) {
    if (spec.span === '') return String(v);
    if (v < 0) {
      sign = '-';
      digits = typeof v === 'number' ? String(-v) : (-v).toString();
    } else {
      digits = String(v);
      if (spec.plus) sign = '+';
      else if (spec.space) sign = ' ';
    }
  } else {
    const radix = conv === 117 /* u */ ? 10 : conv === 111 /* o */ ? 8 : 16;
    if (v < 0) digits = (typeof v === 'number' ? BigInt(v) + TWO64 : v + TWO64).toString(radix);
    else digits = v.toString(radix);
    if (conv === 88 /* X */) digits = digits.toUpperCase();
  }
  const isZero = v == 0;
  let prefix = '';
  const prec = spec.precision;
  if (prec >= 0) {
    if (prec === 0 && isZero) digits = '';
    else if (digits.length < prec) digits = zeros(prec - digits.length) + digits;
  }
  if (spec.alt) {
    if (conv === 111 /* o */) {
      if (digits.charCodeAt(0) !== 48) digits = '0' + digits;
    } else if (!isZero) {
      prefix = conv === 88 ? '0X' : '0x';
    }
  }
  const fill = spec.width - (sign.length + prefix.length + digits.length);
  if (fill <= 0) return sign + prefix + digits;
  if (spec.minus) return sign + prefix + digits + spaces(fill);
  if (spec.zero && prec < 0) return sign + prefix + zeros(fill) + digits;
  return spaces(fill) + sign + prefix + digits;
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

/** Pads with spaces to the spec's width (the '-' flag pads on the right). */
function padSpaces(s: string, spec: Spec): string {
  const fill = spec.width - s.length;
  if (fill <= 0) return s;
  return spec.minus ? s + spaces(fill) : spaces(fill) + s;
}

// ============================================================================================
// %q (cf. lstrlib.c addliteral, addquoted, quotefloat)
// ============================================================================================

function quoteLiteral(args: FormatArgs, arg: number): string {
  const v = args.get(arg);
  switch (typeof v) {
    case 'string':
      return quoteString(v);
    case 'number':
      if (Number.isInteger(v)) return String(v);
      return quoteFloat(v);
    case 'bigint':
      return v === MININTEGER ? '0x8000000000000000' : v.toString();
    case 'undefined':
    case 'boolean':
      return args.toStringMeta(v);
  }
  if (v instanceof LuaFloat) return quoteFloat(v.n);
  return args.argError(arg, 'value has no literal form');
}

/** A float as a literal that reads back exactly: hex, or 1e9999 / -1e9999 / (0/0). */
function quoteFloat(x: number): string {
  if (x === Infinity) return '1e9999';
  if (x === -Infinity) return '-1e9999';
  if (x !== x) return '(0/0)';
  return formatFloat(x, HEX_SPEC);
}

const HEX_SPEC: FloatSpec = {
  conv: 97 /* a */,
  minus: false,
  plus: false,
  space: false,
  alt: false,
  zero: false,
  width: 0,
  precision: -1,
};

/** A string in double quotes: \" \\ and backslash-newline, control bytes as \ddd. */
function quoteString(s: string): string {
  let out = '"';
  let start = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 92 || c === 10) {
      out += s.slice(start, i) + '\\' + s[i];
      start = i + 1;
    } else if (c < 32 || c === 127) {
      // Three digits when a digit follows, so the escape does not swallow it.
      const next = i + 1 < n ? s.charCodeAt(i + 1) : 0;
      const code = isDigit(next) ? (c < 10 ? '00' : c < 100 ? '0' : '') + c : String(c);
      out += s.slice(start, i) + '\\' + code;
      start = i + 1;
    }
  }
  return out + s.slice(start) + '"';
}

// ============================================================================================
// %p without a host-provided address
// ============================================================================================

const fakeAddresses = new WeakMap<object, string>();
let nextFakeAddress = 0x55a0c0de1000;

function defaultPointer(v: LuaValue): string | undefined {
  if (typeof v === 'string') {
    // Equal strings share an address, as interned short strings do in Lua (FNV-1a hash).
    let h = 0x811c9dc5;
    for (let i = 0; i < v.length; i++) h = Math.imul(h ^ v.charCodeAt(i), 0x01000193) >>> 0;
    return '0x55a0' + h.toString(16).padStart(8, '0');
  }
  if ((typeof v !== 'object' && typeof v !== 'function') || v instanceof LuaFloat) return undefined;
  let a = fakeAddresses.get(v);
  if (a === undefined) {
    a = '0x' + nextFakeAddress.toString(16);
    nextFakeAddress += 0x40;
    fakeAddresses.set(v, a);
  }
  return a;
}
