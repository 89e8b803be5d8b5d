// string-pack.ts — string.pack, string.unpack and string.packsize: binary (de)serialisation
// driven by a format string. The engine only; string.ts supplies the arguments.
//
// What it owns: the format-string reader (options, sizes, endianness, alignment), integer
// and float encoding, and every error these functions raise, with Lua's texts.
//
// Invariants:
//   - The platform is x86-64 Linux as lua5.4 sees it: little endian; short 2, int 4, long 8,
//     lua_Integer 8, size_t 8, float 4, double 8, lua_Number 8; `!` without a size means 8.
//   - Like C, the format ends at its first '\0' byte.
//   - Integers: plain JS arithmetic while the value is a safe number (two 32-bit halves for
//     the 8-byte image); bigints only for Lua integers that already are bigints or results
//     that do not fit a safe number. Sizes 9..16 are the 8-byte image plus sign/zero bytes.
//   - Floats go through a DataView over one reused 8-byte buffer. The NaN sign follows the
//     value model (value.ts): a plain NaN is the negative default NaN, POS_NAN the positive.
//   - Errors: format errors and unpack's range error are luaL_error (throwLibError); argument
//     errors go through the caller's argError, with Lua's argument numbers (the format is #1).
//
// Cf. lstrlib.c (getoption, getdetails, str_pack, str_unpack, str_packsize, packint,
// unpackint, copywithendian).

import type { LuaValue } from '../vm/value.js';
import { LuaFloat, POS_NAN, mkFloat, normInt } from '../vm/value.js';
import { throwLibError } from '../vm/errors.js';
import { posRelatI } from './string-pattern.js';

// ============================================================================================
// The caller's side
// ============================================================================================

/**
 * Access to string.pack's arguments. `i` is the Lua argument number: the format is #1, the
 * first value #2. The checks are luaL_checkinteger / luaL_checknumber / luaL_checklstring with
 * their exact messages (aux.ts), e.g. `bad argument #2 to 'pack' (number has no integer
 * representation)`. lua5.4 reports a missing value as "got nil", not "got no value".
 */
export interface PackArgs {
  /** luaL_checkinteger: an integer (strings converted; floats with an exact integer value). */
  checkInteger(i: number): number | bigint;
  /** luaL_checknumber: any Lua number (strings converted), in its value-model form. */
  checkNumber(i: number): number | bigint | LuaFloat;
  /** luaL_checklstring: a byte string (numbers converted). */
  checkString(i: number): string;
  /** luaL_argerror: raise `bad argument #i to '<fn>' (msg)`. */
  argError(i: number, msg: string): never;
}

/** luaL_argerror for string.unpack and string.packsize. */
export type ArgErrorFn = (i: number, msg: string) => never;

// ============================================================================================
// Format reading (Header, getoption, getdetails)
// ============================================================================================

const MAXINTSIZE = 16;
/** sizeof(lua_Integer) */
const SZINT = 8;
/** offsetof(struct cD, u): the platform's maximum alignment. */
const NATIVE_MAXALIGN = 8;
/** lstrlib.c MAXSIZE: INT_MAX, since size_t is wider than int. */
const MAXSIZE = 0x7fffffff;

const enum K {
  Int, // signed integers
  Uint, // unsigned integers
  Float, // C float
  Number, // lua_Number
  Double, // C double
  Char, // fixed-length strings
  String, // strings with a length prefix
  Zstr, // zero-terminated strings
  Padding, // one padding byte
  Paddalign, // padding up to an alignment
  Nop, // configuration or spaces
}

/** The reader's state: the format, the cursor, and what the options so far configured. */
class FormatReader {
  pos = 0;
  readonly end: number;
  little = true;
  maxAlign = 1;
  /** Outputs of the last `details` call. */
  size = 0;
  toAlign = 0;

  constructor(
    readonly fmt: string,
    private readonly argError: ArgErrorFn,
  ) {
    const z = fmt.indexOf('\0');
    this.end = z === -1 ? fmt.length : z;
  }

  more(): boolean {
    return this.pos < this.end;
  }

  /** getnum: an optional decimal size; stops before a digit that could overflow an int. */
  private getNum(df: number): number {
    const fmt = this.fmt;
    let c = fmt.charCodeAt(this.pos);
    if (!(c >= 48 && c <= 57)) return df;
    let a = 0;
    do {
      a = a * 10 + (c - 48);
      c = fmt.charCodeAt(++this.pos);
    } while (c >= 48 && c <= 57 && a <= (MAXSIZE - 9) / 10);
    return a;
  }

  private getNumLimit(df: number): number {
    const sz = this.getNum(df);
    if (sz > MAXINTSIZE || sz <= 0) throwLibError(`integral size (${sz}) out of limits [1,${MAXINTSIZE}]`);
    return sz;
  }

  /** getoption: read one option; its size goes to `this.size`. */
  private option(): K {
    const opt = this.fmt.charCodeAt(this.pos++);
    this.size = 0;
    switch (opt) {
      case 98 /* b */:
        this.size = 1;
        return K.Int;
      case 66 /* B */:
        this.size = 1;
        return K.Uint;
      case 104 /* h */:
        this.size = 2;
        return K.Int;
      case 72 /* H */:
        this.size = 2;
        return K.Uint;
      case 108 /* l */:
      case 106 /* j */:
        this.size = 8;
        return K.Int;
      case 76 /* L */:
      case 74 /* J */:
      case 84 /* T */:
        this.size = 8;
        return K.Uint;
      case 102 /* f */:
        this.size = 4;
        return K.Float;
      case 110 /* n */:
        this.size = 8;
        return K.Number;
      case 100 /* d */:
        this.size = 8;
        return K.Double;
      case 105 /* i */:
        this.size = this.getNumLimit(4);
        return K.Int;
      case 73 /* I */:
        this.size = this.getNumLimit(4);
        return K.Uint;
      case 115 /* s */:
        this.size = this.getNumLimit(8);
        return K.String;
      case 99 /* c */:
        this.size = this.getNum(-1);
        if (this.size === -1) throwLibError("missing size for format option 'c'");
        return K.Char;
      case 122 /* z */:
        return K.Zstr;
      case 120 /* x */:
        this.size = 1;
        return K.Padding;
      case 88 /* X */:
        return K.Paddalign;
      case 32 /* ' ' */:
        return K.Nop;
      case 60 /* < */:
        this.little = true;
        return K.Nop;
      case 62 /* > */:
        this.little = false;
        return K.Nop;
      case 61 /* = */:
        this.little = true; // native
        return K.Nop;
      case 33 /* ! */:
        this.maxAlign = this.getNumLimit(NATIVE_MAXALIGN);
        return K.Nop;
      default:
        return throwLibError(`invalid format option '${String.fromCharCode(opt)}'`);
    }
  }

  /**
   * getdetails: read one option and work out the padding it needs at offset `total`
   * (`this.toAlign`); its own size is `this.size`.
   */
  details(total: number): K {
    const opt = this.option();
    let size = this.size;
    let align = size; // usually, alignment follows size
    if (opt === K.Paddalign) {
      // 'X' takes its alignment from the option after it, which is consumed
      if (this.pos >= this.end || this.option() === K.Char || this.size === 0) {
        this.argError(1, "invalid next option for option 'X'");
      }
      align = this.size;
      size = this.size = 0;
    }
    if (align <= 1 || opt === K.Char) {
      this.toAlign = 0;
    } else {
      if (align > this.maxAlign) align = this.maxAlign;
      if ((align & (align - 1)) !== 0) this.argError(1, 'format asks for alignment not power of 2');
      this.toAlign = (align - (total % align)) % align;
    }
    this.size = size;
    return opt;
  }
}

// ============================================================================================
// Integers
// ============================================================================================

const TWO32 = 4294967296;

/**
 * Append the `size`-byte image of an integer given as the low and high 32-bit halves of its
 * 64-bit two's complement form (packint). Bytes past the eighth are 0xff when `neg`.
 */
function intBytes(lo: number, hi: number, size: number, little: boolean, neg: boolean): string {
  let out = '';
  for (let k = 0; k < size; k++) {
    const i = little ? k : size - 1 - k;
    let byte: number;
    if (i < 4) byte = (lo >>> (8 * i)) & 0xff;
    else if (i < 8) byte = (hi >>> (8 * (i - 4))) & 0xff;
    else byte = neg ? 0xff : 0;
    out += String.fromCharCode(byte);
  }
  return out;
}

/** The two 32-bit halves (unsigned) of a Lua integer's 64-bit two's complement image. */
function halves(n: number | bigint): [number, number] {
  if (typeof n === 'number') {
    const lo = ((n % TWO32) + TWO32) % TWO32;
    const hi = ((n - lo) / TWO32) >>> 0; // exact: |n| < 2^53
    return [lo, hi];
  }
  const u = BigInt.asUintN(64, n);
  return [Number(u & 0xffffffffn), Number(u >> 32n)];
}

/** Is the Lua integer n in [-2^(bits-1), 2^(bits-1)) (bits < 64)? */
function fitsSigned(n: number | bigint, bits: number): boolean {
  if (typeof n === 'number') {
    const lim = 2 ** (bits - 1);
    return n >= -lim && n < lim;
  }
  const lim = 1n << BigInt(bits - 1);
  return n >= -lim && n < lim;
}

/** Is the Lua integer n, read as unsigned 64-bit, below 2^bits (bits < 64)? */
function fitsUnsigned(n: number | bigint, bits: number): boolean {
  if (typeof n === 'number') return n >= 0 && n < 2 ** bits;
  return BigInt.asUintN(64, n) < 1n << BigInt(bits);
}

/** A Lua integer from its 64-bit image as two 32-bit halves (hi signed). */
function fromHalves(lo: number, hiSigned: number): number | bigint {
  if (hiSigned >= -2097151 && hiSigned <= 2097151) return hiSigned * TWO32 + lo; // safe
  return normInt((BigInt(hiSigned) << 32n) + BigInt(lo));
}

/** unpackint: the integer stored in data[at .. at+size). */
function readInt(data: string, at: number, little: boolean, size: number, signed: boolean): number | bigint {
  // fast paths for the common sizes
  if (size === 1) {
    const b = data.charCodeAt(at);
    return signed && b >= 0x80 ? b - 0x100 : b;
  }
  const limit = size <= SZINT ? size : SZINT;
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < limit; i++) {
    const b = data.charCodeAt(little ? at + i : at + size - 1 - i);
    if (i < 4) lo += b * 2 ** (8 * i);
    else hi += b * 2 ** (8 * (i - 4));
  }
  if (size < SZINT) {
    if (size <= 4) {
      if (signed && lo >= 2 ** (8 * size - 1)) lo -= 2 ** (8 * size);
      return lo;
    }
    const hbits = 8 * (size - 4);
    if (signed && hi >= 2 ** (hbits - 1)) hi -= 2 ** hbits;
    return fromHalves(lo, hi);
  }
  const hiSigned = hi | 0;
  if (size > SZINT) {
    // the bytes beyond lua_Integer must be a pure sign (or zero) extension
    const mask = !signed || hiSigned >= 0 ? 0 : 0xff;
    for (let i = limit; i < size; i++) {
      if (data.charCodeAt(little ? at + i : at + size - 1 - i) !== mask) {
        throwLibError(`${size}-byte integer does not fit into Lua Integer`);
      }
    }
  }
  return fromHalves(lo, hiSigned);
}

// ============================================================================================
// Floats
// ============================================================================================

const fbuf = new DataView(new ArrayBuffer(8));

/** Is this Lua float the positive NaN of the value model? */
function isPositiveNaN(v: number | bigint | LuaFloat): boolean {
  return v instanceof LuaFloat && v.n !== v.n;
}

function floatBytes(v: number | bigint | LuaFloat, size: 4 | 8, little: boolean): string {
  const x = typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : v.n;
  if (size === 4) {
    if (x !== x) fbuf.setUint32(0, isPositiveNaN(v) ? 0x7fc00000 : 0xffc00000, little);
    else fbuf.setFloat32(0, x, little);
  } else if (x !== x) {
    fbuf.setUint32(little ? 4 : 0, isPositiveNaN(v) ? 0x7ff80000 : 0xfff80000, little);
    fbuf.setUint32(little ? 0 : 4, 0, little);
  } else {
    fbuf.setFloat64(0, x, little);
  }
  let out = '';
  for (let i = 0; i < size; i++) out += String.fromCharCode(fbuf.getUint8(i));
  return out;
}

function readFloat(data: string, at: number, size: 4 | 8, little: boolean): number | LuaFloat {
  for (let i = 0; i < size; i++) fbuf.setUint8(i, data.charCodeAt(at + i));
  const x = size === 4 ? fbuf.getFloat32(0, little) : fbuf.getFloat64(0, little);
  if (x !== x) {
    const signByte = fbuf.getUint8(little ? size - 1 : 0);
    return signByte & 0x80 ? NaN : POS_NAN;
  }
  return mkFloat(x);
}

// ============================================================================================
// string.pack
// ============================================================================================

/** str_pack: the packed byte string for `fmt` and the values behind `args`. */
export function luaPack(fmt: string, args: PackArgs): string {
  const r = new FormatReader(fmt, (i, msg) => args.argError(i, msg));
  let out = '';
  let arg = 1;
  let total = 0;
  while (r.more()) {
    const opt = r.details(total);
    const size = r.size;
    const toAlign = r.toAlign;
    total += toAlign + size;
    if (toAlign > 0) out += '\0'.repeat(toAlign);
    arg++;
    switch (opt) {
      case K.Int: {
        const n = args.checkInteger(arg);
        if (size < SZINT && !fitsSigned(n, size * 8)) args.argError(arg, 'integer overflow');
        out += packInt(n, size, r.little, n < 0);
        break;
      }
      case K.Uint: {
        const n = args.checkInteger(arg);
        if (size < SZINT && !fitsUnsigned(n, size * 8)) args.argError(arg, 'unsigned overflow');
        out += packInt(n, size, r.little, false);
        break;
      }
      case K.Float:
        out += floatBytes(args.checkNumber(arg), 4, r.little);
        break;
      case K.Number:
      case K.Double:
        out += floatBytes(args.checkNumber(arg), 8, r.little);
        break;
      case K.Char: {
        const s = args.checkString(arg);
        if (s.length > size) args.argError(arg, 'string longer than given size');
        out += s;
        if (s.length < size) out += '\0'.repeat(size - s.length);
        break;
      }
      case K.String: {
        const s = args.checkString(arg);
        if (size < 8 && s.length >= 2 ** (size * 8)) {
          args.argError(arg, 'string length does not fit in given size');
        }
        out += packInt(s.length, size, r.little, false);
        out += s;
        total += s.length;
        break;
      }
      case K.Zstr: {
        const s = args.checkString(arg);
        if (s.indexOf('\0') !== -1) args.argError(arg, 'string contains zeros');
        out += s;
        out += '\0';
        total += s.length + 1;
        break;
      }
      case K.Padding:
        out += '\0';
        arg--;
        break;
      case K.Paddalign:
      case K.Nop:
        arg--;
        break;
    }
  }
  return out;
}

/** packint for a Lua integer, with 1/2/4-byte values kept on plain numbers. */
function packInt(n: number | bigint, size: number, little: boolean, neg: boolean): string {
  if (typeof n === 'number' && size <= 4) {
    const u = n < 0 ? n + TWO32 : n; // low 32 bits of the two's complement image
    if (size === 1) return String.fromCharCode(u & 0xff);
    return intBytes(u, 0, size, little, false);
  }
  const [lo, hi] = halves(n);
  return intBytes(lo, hi, size, little, neg && size > SZINT);
}

// ============================================================================================
// string.unpack and string.packsize
// ============================================================================================

/**
 * str_unpack: the values stored in `data`, followed by the 1-based position after the last
 * byte read. `init` is the raw integer argument #3 (default 1; negative counts from the end,
 * as posrelatI does); a start beyond the end is `initial position out of string`.
 */
export function luaUnpack(fmt: string, data: string, init: number | bigint, argError: ArgErrorFn): LuaValue[] {
  const ld = data.length;
  let p = posRelatI(init, ld) - 1;
  if (p > ld) argError(3, 'initial position out of string');
  const r = new FormatReader(fmt, argError);
  const out: LuaValue[] = [];
  while (r.more()) {
    const opt = r.details(p);
    const size = r.size;
    if (r.toAlign + size > ld - p) argError(2, 'data string too short');
    p += r.toAlign;
    switch (opt) {
      case K.Int:
      case K.Uint:
        out.push(readInt(data, p, r.little, size, opt === K.Int));
        break;
      case K.Float:
        out.push(readFloat(data, p, 4, r.little));
        break;
      case K.Number:
      case K.Double:
        out.push(readFloat(data, p, 8, r.little));
        break;
      case K.Char:
        out.push(data.slice(p, p + size));
        break;
      case K.String: {
        const len = readInt(data, p, r.little, size, false);
        // a length that is a bigint or negative (huge as size_t) cannot fit either
        if (typeof len !== 'number' || len < 0 || len > ld - p - size) argError(2, 'data string too short');
        out.push(data.slice(p + size, p + size + len));
        p += len;
        break;
      }
      case K.Zstr: {
        let z = data.indexOf('\0', p);
        if (z === -1) z = ld;
        if (z >= ld) argError(2, "unfinished string for format 'z'");
        out.push(data.slice(p, z));
        p = z + 1;
        break;
      }
      case K.Padding:
      case K.Paddalign:
      case K.Nop:
        break;
    }
    p += size;
  }
  out.push(p + 1);
  return out;
}

/** str_packsize: the size of a fixed-size format. */
export function luaPackSize(fmt: string, argError: ArgErrorFn): number {
  const r = new FormatReader(fmt, argError);
  let total = 0;
  while (r.more()) {
    const opt = r.details(total);
    if (opt === K.String || opt === K.Zstr) argError(1, 'variable-length format');
    const size = r.size + r.toAlign;
    if (total > MAXSIZE - size) argError(1, 'format result too large');
    total += size;
  }
  return total;
}
