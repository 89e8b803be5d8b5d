// utf8.ts — the utf8 library: encoding code points, decoding byte strings, counting and
// locating characters.
//
// What it owns: the UTF-8 decoder and encoder of Lua 5.4, which go beyond Unicode: sequences
// of up to 6 bytes encode values up to 2^31 - 1 (MAXUTF). Strict functions (the default) also
// reject values above U+10FFFF and surrogates; with the `lax` argument they accept them.
//
// Invariants:
//   - Strings are byte strings (one JS char per byte). Reading past the end of a string gives
//     NaN from charCodeAt, which is never a continuation byte: it plays the role of the '\0'
//     that ends every C string, so the decoder stops there exactly as lutf8lib.c does.
//   - Decoding uses plain arithmetic, not 32-bit shifts, so malformed long sequences cannot
//     wrap around before they are rejected.
//   - The codes iterator keeps no state of its own: the control variable is the position, as
//     in Lua, so the iterator functions are shared.
//
// Cf. lutf8lib.c (utf8_decode, utflen, codepoint, utfchar, byteoffset, iter_codes),
// lobject.c (luaO_utf8esc).

import { toInteger } from '../vm/value.js';
import { NativeFunction } from '../vm/closure.js';
import type { LuaThread } from '../vm/state.js';
import { LUAI_MAXSTACK } from '../vm/state.js';
import type { LuaTable } from '../vm/table.js';
import { arg, argError, checkInteger, checkIntegerNumber, checkString, luaError, newLib, optIntegerNumber, ret1 } from './aux.js';

/** Largest code point of Unicode. */
const MAXUNICODE = 0x10ffff;
/** Largest value the 6-byte encoding holds. */
const MAXUTF = 0x7fffffff;

const MSG_INVALID = 'invalid UTF-8 code';

/** Smallest value that needs `count` continuation bytes (rejects overlong encodings; a lone
 * continuation byte, count 0, is always invalid). */
const LIMITS = [0xffffffff, 0x80, 0x800, 0x10000, 0x200000, 0x4000000];

function isCont(s: string, i: number): boolean {
  return (s.charCodeAt(i) & 0xc0) === 0x80;
}

/** u_posrelat: a negative position counts from the end; below the start is 0. */
function uPosRelat(pos: number, len: number): number {
  if (pos >= 0) return pos;
  if (-pos > len) return 0;
  return len + pos + 1;
}

/** Code point decoded by the last successful `decode`. */
let decoded = 0;

/**
 * utf8_decode: decode the sequence at byte `i`; returns the index after it and leaves its
 * value in `decoded`, or -1 for an invalid sequence.
 */
function decode(s: string, i: number, strict: boolean): number {
  let c = s.charCodeAt(i);
  let res: number;
  if (c < 0x80) res = c;
  else {
    let count = 0;
    res = 0;
    for (; c & 0x40; c <<= 1) {
      const cc = s.charCodeAt(i + ++count);
      if ((cc & 0xc0) !== 0x80) return -1;
      res = res * 64 + (cc & 0x3f);
    }
    if (count > 5) return -1;
    res += (c & 0x7f) * 2 ** (count * 5);
    if (res > MAXUTF || res < LIMITS[count]) return -1;
    i += count;
  }
  if (strict && (res > MAXUNICODE || (res >= 0xd800 && res <= 0xdfff))) return -1;
  decoded = res;
  return i + 1;
}

/** luaO_utf8esc: the UTF-8 bytes of `x` (x <= MAXUTF), up to 6 of them. */
function encode(x: number): string {
  if (x < 0x80) return String.fromCharCode(x);
  let out = '';
  let mfb = 0x3f; // largest value that fits in the first byte
  do {
    out = String.fromCharCode(0x80 | (x & 0x3f)) + out;
    x = Math.floor(x / 64);
    mfb >>= 1;
  } while (x > mfb);
  return String.fromCharCode(((~mfb << 1) & 0xff) | x) + out;
}

// ============================================================================================
// The functions
// ============================================================================================

function isLax(L: LuaThread, i: number): boolean {
  const v = arg(L, i);
  return v !== undefined && v !== false;
}

/** utf8.len(s [, i [, j [, lax]]]): number of characters, or fail plus a position. */
function utf8_len(L: LuaThread): number {
  const s = checkString(L, 1);
  const len = s.length;
  let posi = uPosRelat(optIntegerNumber(L, 2, 1), len);
  let posj = uPosRelat(optIntegerNumber(L, 3, -1), len);
  const strict = !isLax(L, 4);
  if (!(1 <= posi && --posi <= len)) argError(L, 2, 'initial position out of bounds');
  if (!(--posj < len)) argError(L, 3, 'final position out of bounds');
  let n = 0;
  while (posi <= posj) {
    const next = decode(s, posi, strict);
    if (next < 0) {
      L.push(undefined);
      L.push(posi + 1);
      return 2;
    }
    posi = next;
    n++;
  }
  return ret1(L, n);
}

/** utf8.codepoint(s [, i [, j [, lax]]]): the code points of the characters in s[i..j]. */
function utf8_codepoint(L: LuaThread): number {
  const s = checkString(L, 1);
  const len = s.length;
  const posi = uPosRelat(optIntegerNumber(L, 2, 1), len);
  const pose = uPosRelat(arg(L, 3) === undefined ? posi : checkIntegerNumber(L, 3), len);
  const strict = !isLax(L, 4);
  if (!(posi >= 1)) argError(L, 2, 'out of bounds');
  if (!(pose <= len)) argError(L, 3, 'out of bounds');
  if (posi > pose) return 0;
  const max = pose - posi + 1;
  if (max >= 0x7fffffff) luaError(L, 'string slice too long');
  if (L.top + max > LUAI_MAXSTACK) luaError(L, 'stack overflow (string slice too long)');
  L.ensureStack(L.top + max);
  let n = 0;
  for (let i = posi - 1; i < pose; ) {
    i = decode(s, i, strict);
    if (i < 0) luaError(L, MSG_INVALID);
    L.stack[L.top++] = decoded;
    n++;
  }
  return n;
}

/** utf8.char(...): the UTF-8 encoding of each code point, concatenated. */
function utf8_char(L: LuaThread, _base: number, nargs: number): number {
  let out = '';
  for (let i = 1; i <= nargs; i++) {
    const code = checkInteger(L, i);
    // compared as an unsigned value: negative codes are out of range too
    if (typeof code !== 'number' || code < 0 || code > MAXUTF) argError(L, i, 'value out of range');
    out += encode(code);
  }
  return ret1(L, out);
}

/** utf8.offset(s, n [, i]): byte position where the n-th character (from i) starts. */
function utf8_offset(L: LuaThread): number {
  const s = checkString(L, 1);
  const len = s.length;
  let n = checkIntegerNumber(L, 2);
  const def = n >= 0 ? 1 : len + 1;
  let posi = uPosRelat(optIntegerNumber(L, 3, def), len);
  if (!(1 <= posi && --posi <= len)) argError(L, 3, 'position out of bounds');
  if (n === 0) {
    // the start of the character that contains byte posi
    while (posi > 0 && isCont(s, posi)) posi--;
  } else {
    if (isCont(s, posi)) luaError(L, 'initial position is a continuation byte');
    if (n < 0) {
      while (n < 0 && posi > 0) {
        do posi--;
        while (posi > 0 && isCont(s, posi));
        n++;
      }
    } else {
      n--; // the first character is the one at posi
      while (n > 0 && posi < len) {
        do posi++;
        while (isCont(s, posi));
        n--;
      }
    }
  }
  return ret1(L, n === 0 ? posi + 1 : undefined);
}

/**
 * The codes iterator (iter_aux, as in 5.4.4): the control value is the 1-based position of
 * the previous character, which is also the 0-based index of the byte after its first byte;
 * continuation bytes from there on are skipped (so are stray ones at the very start), and
 * the next character is decoded. 0 starts the iteration; a negative control ends it (C reads
 * it as a huge unsigned number).
 */
function iterAux(L: LuaThread, strict: boolean): number {
  const s = checkString(L, 1);
  const len = s.length;
  const ctl = toInteger(arg(L, 2));
  let n = ctl === undefined ? 0 : typeof ctl === 'number' ? ctl : ctl > 0n ? Number.MAX_SAFE_INTEGER : -1;
  if (n < 0) return 0;
  while (n < len && isCont(s, n)) n++;
  if (n >= len) return 0;
  const next = decode(s, n, strict);
  if (next < 0) luaError(L, MSG_INVALID);
  L.push(n + 1);
  L.push(decoded);
  return 2;
}

const iterStrict = new NativeFunction('for iterator', (L) => iterAux(L, true));
const iterLax = new NativeFunction('for iterator', (L) => iterAux(L, false));

/** utf8.codes(s [, lax]): for p, c in utf8.codes(s) ... */
function utf8_codes(L: LuaThread): number {
  const lax = isLax(L, 2);
  const s = checkString(L, 1);
  L.push(lax ? iterLax : iterStrict);
  L.push(s);
  L.push(0);
  return 3;
}

// ============================================================================================
// Registration
// ============================================================================================

/** Pattern matching exactly one UTF-8 byte sequence (lax: up to 6 bytes). */
const UTF8_PATTERN = '[\x00-\x7F\xC2-\xFD][\x80-\xBF]*';

const utf8Functions = {
  offset: utf8_offset,
  codepoint: utf8_codepoint,
  char: utf8_char,
  len: utf8_len,
  codes: utf8_codes,
};

/** Open the utf8 library (luaopen_utf8). */
export function openUtf8(_L: LuaThread): LuaTable {
  const lib = newLib(utf8Functions);
  lib.setStr('charpattern', UTF8_PATTERN);
  return lib;
}
