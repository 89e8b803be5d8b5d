// lexer.ts — Lua 5.4 source bytes to tokens, one token (plus an optional lookahead) at a time.
//
// The source is a byte string (one JS char per byte). The lexer keeps the current token in plain
// fields (kind, value, position, line) instead of allocating token objects, and reads bytes with
// charCodeAt: no regular expressions and no per-byte allocation on the hot path. Names are
// interned in a per-chunk hash table hashed while scanning, which also recognises reserved words:
// a name is sliced out of the source only the first time it appears.
//
// Line numbers follow Lua exactly, because error messages name them: `line` is Lua's
// `ls->linenumber`, the line the scanner has reached (after the current token, or after the
// lookahead token when one has been read), and each of \n, \r, \r\n, \n\r is one line break.
// Errors name the token as Lua's scanner buffer held it: the source text of a numeral, a
// string's delimiters around its value with escapes already decoded, and, for an error inside a
// string, what had been read so far.
// Cf. llex.c.

import { parseNumeral } from './numeral.js';
import { LuaSyntaxError, syntaxError } from './syntax-error.js';
import { RESERVED_WORDS, Tok, tokenToString } from './tokens.js';

// ============================================================================================
// Character classes (lctype.c, with non-ASCII bytes being none of these)
// ============================================================================================

const ALPHA = 1; // [A-Za-z_]
const DIGIT = 2; // [0-9]
const XDIGIT = 4; // [0-9A-Fa-f]
const SPACE = 8; // space, \t \n \v \f \r
const ALNUM = ALPHA | DIGIT;

const CTYPE = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  let f = 0;
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) f |= ALPHA;
  if (c >= 48 && c <= 57) f |= DIGIT | XDIGIT;
  if ((c >= 65 && c <= 70) || (c >= 97 && c <= 102)) f |= XDIGIT;
  if (c === 32 || (c >= 9 && c <= 13)) f |= SPACE;
  CTYPE[c] = f;
}

// The scanner's classes of bytes: what a token starting with the byte can be.
const C_OTHER = 0; // a token of its own
const C_NAME = 1;
const C_SPACE = 2; // space, \t, \v, \f
const C_NEWLINE = 3;
const C_DIGIT = 4;
const C_MINUS = 5;
const C_LBRACKET = 6;
const C_EQ = 7;
const C_LT = 8;
const C_GT = 9;
const C_SLASH = 10;
const C_TILDE = 11;
const C_COLON = 12;
const C_QUOTE = 13;
const C_DOT = 14;

const CLASS = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  const f = CTYPE[c]!;
  CLASS[c] = f & ALPHA ? C_NAME : f & DIGIT ? C_DIGIT : C_OTHER;
}
CLASS[32] = CLASS[9] = CLASS[11] = CLASS[12] = C_SPACE;
CLASS[10] = CLASS[13] = C_NEWLINE;
CLASS[45] = C_MINUS;
CLASS[91] = C_LBRACKET;
CLASS[61] = C_EQ;
CLASS[60] = C_LT;
CLASS[62] = C_GT;
CLASS[47] = C_SLASH;
CLASS[126] = C_TILDE;
CLASS[58] = C_COLON;
CLASS[34] = CLASS[39] = C_QUOTE;
CLASS[46] = C_DOT;

function hexValue(c: number): number {
  return c <= 57 ? c - 48 : (c | 32) - 87;
}

/** The UTF-8 bytes of code point `x` (up to 2^31 - 1, Lua's extended 6-byte form). */
export function utf8Encode(x: number): string {
  if (x < 0x80) return String.fromCharCode(x);
  // Fill continuation bytes from the end; each one leaves one bit less room in the first byte.
  let out = '';
  let room = 0x3f;
  do {
    out = String.fromCharCode(0x80 | (x & 0x3f)) + out;
    x = Math.floor(x / 64);
    room >>= 1;
  } while (x > room);
  return String.fromCharCode(((~room << 1) & 0xff) | x) + out;
}

// ============================================================================================
// Interned names
// ============================================================================================


/** What the parser keeps on a name in scope (its VarDesc). */
export interface Binding {
  readonly shadowed: Binding | undefined;
}

/**
 * One distinct name of a chunk (Lua interns its strings too): the lexer hands out the same
 * object, and the same string, for every occurrence, so the parser compares names by identity
 * and keeps the name's scope on it. Reserved words are entries whose `tok` is theirs.
 */
export class NameEntry {
  /** The innermost variable of this name in scope (the parser's bookkeeping). */
  binding: Binding | undefined = undefined;
  constructor(
    readonly name: string,
    readonly tok: number,
    /** The first KEY_BYTES bytes of the name, packed exactly into one number. */
    readonly key: number,
    readonly hash: number,
    /** Where the name first appears in the source (-1: a name not from the source). */
    readonly at: number,
  ) {}
}

/**
 * A name's first bytes, packed exactly into one number (6 bytes: 48 bits, within a double's
 * 53): names of up to KEY_BYTES bytes, which are most names and all but one reserved word, are
 * equal exactly when their keys and lengths are. The scanner packs the key as it reads a name.
 */
const KEY_BYTES = 6;

function nameKey(s: string): number {
  let key = 0;
  for (let i = 0; i < s.length && i < KEY_BYTES; i++) key = key * 256 + s.charCodeAt(i);
  return key;
}

/** Hash of a name from its key and length (never 0: 0 marks an empty slot of the table). */
function nameHash(key: number, len: number): number {
  // (key * 2^-32 is exact: the high bits, without a division.)
  let h = Math.imul((key | 0) ^ Math.imul((key * 2.3283064365386963e-10) | 0, 0x85ebca6b) ^ len, 0x9e3779b1);
  h ^= h >>> 15;
  return h | 1;
}

function place(hashes: Int32Array, names: (NameEntry | undefined)[], e: NameEntry): void {
  const mask = hashes.length - 1;
  let i = e.hash & mask;
  while (hashes[i] !== 0) i = (i + 1) & mask;
  hashes[i] = e.hash;
  names[i] = e;
}

// Every lexer's table starts as a copy of this one, which holds the reserved words. (Their
// entries are shared: the parser never declares a reserved word, so never changes them.)
const KEYWORD_HASHES = new Int32Array(256);
const KEYWORD_NAMES = new Array<NameEntry | undefined>(256).fill(undefined);
for (let i = 0; i < RESERVED_WORDS.length; i++) {
  const w = RESERVED_WORDS[i]!;
  const key = nameKey(w);
  place(KEYWORD_HASHES, KEYWORD_NAMES, new NameEntry(w, Tok.And + i, key, nameHash(key, w.length), -1));
}

/** Delimiter codes for `Lexer.strSep` of a short string; a long string stores its level >= 0. */
const SEP_DOUBLE = -1;
const SEP_SINGLE = -2;

export class Lexer {
  readonly src: string;
  readonly chunkName: string;
  private readonly n: number;
  /** Index of the next byte to scan. */
  pos: number;
  /** Lua's ls->linenumber: the line the scanner has reached. */
  line = 1;
  /** Lua's ls->lastline: `line` as it was when the current token was made current. */
  lastLine = 1;

  // The current token.
  tok: number = Tok.Eos;
  /** The line on which the current token ended. */
  tokLine = 1;
  tokStart = 0;
  tokEnd = 0;
  /** Name or string value (a byte string). */
  sval = '';
  /** The interned entry of a name (or reserved word) token. */
  entry: NameEntry | undefined = undefined;
  /** Numeral value: integers are numbers when safe, bigints otherwise. */
  nval: number | bigint = 0;
  /** A string's delimiter: SEP_DOUBLE, SEP_SINGLE or the level of its long brackets. */
  strSep = 0;

  /** Where the next backslash, \n and \r are, from the last search for each (nextAfter). */
  private readonly nextByte = new Int32Array([-1, -1, -1]);
  /**
   * Open-addressing hash table of NameEntry, a power of two in size, at most half full. The
   * hashes sit in their own typed array (0: empty slot), so probing touches no entry objects.
   */
  private names: (NameEntry | undefined)[] = KEYWORD_NAMES.slice();
  private hashes = KEYWORD_HASHES.slice();
  private nameCount = RESERVED_WORDS.length;

  // The lookahead token, when `hasAhead`.
  private hasAhead = false;
  private aTok = 0;
  private aLine = 0;
  private aStart = 0;
  private aEnd = 0;
  private aSval = '';
  private aEntry: NameEntry | undefined = undefined;
  private aNval: number | bigint = 0;
  private aSep = 0;

  constructor(src: string, chunkName: string, start = 0) {
    this.src = src;
    this.chunkName = chunkName;
    this.n = src.length;
    this.pos = start;
  }

  /** The entry for `name` (a name the parser makes up, such as "self" or "_ENV"). */
  intern(name: string): NameEntry {
    const h = nameHash(nameKey(name), name.length);
    const hashes = this.hashes;
    const mask = hashes.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const hh = hashes[i]!;
      if (hh === 0) return this.insertName(name, -1);
      if (hh === h && this.names[i]!.name === name) return this.names[i]!;
    }
  }

  /** Finds or adds the name spelled by `src[start, start+len)`, whose key is `key`. */
  private lookupName(start: number, len: number, key: number): NameEntry {
    const src = this.src;
    const h = nameHash(key, len);
    const hashes = this.hashes;
    const mask = hashes.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const hh = hashes[i]!;
      if (hh === 0) break;
      if (hh === h) {
        const e = this.names[i]!;
        if (e.key === key && e.name.length === len) {
          if (len <= KEY_BYTES) return e;
          // Longer names: compare the rest (with the first occurrence: one string).
          let k = KEY_BYTES;
          const at = e.at;
          if (at >= 0) while (k < len && src.charCodeAt(at + k) === src.charCodeAt(start + k)) k++;
          else while (k < len && e.name.charCodeAt(k) === src.charCodeAt(start + k)) k++;
          if (k === len) return e;
        }
      }
    }
    return this.insertName(src.slice(start, start + len), start);
  }

  /** Adds a name, found at `at` in the source (-1: not from the source). */
  private insertName(name: string, at: number): NameEntry {
    const key = nameKey(name);
    const e = new NameEntry(name, Tok.Name, key, nameHash(key, name.length), at);
    if (++this.nameCount * 2 > this.names.length) {
      const old = this.names;
      this.names = new Array<NameEntry | undefined>(old.length * 2).fill(undefined);
      this.hashes = new Int32Array(old.length * 2);
      for (const o of old) if (o !== undefined) place(this.hashes, this.names, o);
    }
    place(this.hashes, this.names, e);
    return e;
  }

  // ==========================================================================================
  // Token stream
  // ==========================================================================================

  /** Makes the next token current (luaX_next). */
  next(): void {
    this.lastLine = this.line;
    if (this.hasAhead) {
      this.hasAhead = false;
      this.tok = this.aTok;
      this.tokLine = this.aLine;
      this.tokStart = this.aStart;
      this.tokEnd = this.aEnd;
      this.sval = this.aSval;
      this.entry = this.aEntry;
      this.nval = this.aNval;
      this.strSep = this.aSep;
    } else {
      this.tok = this.scan();
      this.tokLine = this.line;
    }
  }

  /** Reads the token after the current one without consuming it (luaX_lookahead). */
  lookahead(): number {
    const tok = this.tok;
    const line = this.tokLine;
    const start = this.tokStart;
    const end = this.tokEnd;
    const sval = this.sval;
    const entry = this.entry;
    const nval = this.nval;
    const sep = this.strSep;
    const a = this.scan();
    this.aTok = a;
    this.aLine = this.line;
    this.aStart = this.tokStart;
    this.aEnd = this.tokEnd;
    this.aSval = this.sval;
    this.aEntry = this.entry;
    this.aNval = this.nval;
    this.aSep = this.strSep;
    this.tok = tok;
    this.tokLine = line;
    this.tokStart = start;
    this.tokEnd = end;
    this.sval = sval;
    this.entry = entry;
    this.nval = nval;
    this.strSep = sep;
    this.hasAhead = true;
    return a;
  }

  // ==========================================================================================
  // Errors
  // ==========================================================================================

  /** The current token as Lua's scanner buffer holds it (txtToken), for "near" in messages. */
  tokenText(): string {
    switch (this.tok) {
      case Tok.Name:
        return quote(this.sval);
      case Tok.String:
        return quote(stringDelimited(this.sval, this.strSep));
      case Tok.Int:
      case Tok.Flt:
        return quote(this.src.slice(this.tokStart, this.tokEnd));
      default:
        return tokenToString(this.tok);
    }
  }

  /** An error at the current line naming the current token (luaX_syntaxerror). */
  errorNearToken(msg: string): LuaSyntaxError {
    // Token 0 is a NUL byte in the source: Lua prints no "near" part for it.
    if (this.tok === 0) return syntaxError(this.chunkName, this.line, msg);
    return syntaxError(this.chunkName, this.line, `${msg} near ${this.tokenText()}`);
  }

  /** An error at the current line with no token (luaK_semerror). */
  errorNoToken(msg: string): LuaSyntaxError {
    return syntaxError(this.chunkName, this.line, msg);
  }

  /** A scanner error naming raw text (`text` undefined: <eof>). */
  private lexError(msg: string, text: string | undefined): never {
    const near = text === undefined ? '<eof>' : quote(text);
    throw syntaxError(this.chunkName, this.line, `${msg} near ${near}`);
  }

  // ==========================================================================================
  // The scanner
  // ==========================================================================================

  /** Scans one token from `pos`, sets the token fields and returns its kind (llex). */
  private scan(): number {
    const src = this.src;
    const n = this.n;
    let pos = this.pos;
    for (;;) {
      if (pos >= n) {
        this.pos = this.tokStart = this.tokEnd = pos;
        return Tok.Eos;
      }
      const c = src.charCodeAt(pos);
      // One dense switch on the byte's class (a jump table), most frequent classes first.
      switch (CLASS[c]) {
        case C_NAME: {
          // Pack the first bytes into the name's key while reading them.
          let key = c;
          let p = pos + 1;
          const keyEnd = pos + KEY_BYTES;
          for (; p < n; p++) {
            const d = src.charCodeAt(p);
            if (!(CTYPE[d]! & ALNUM)) break;
            if (p < keyEnd) key = key * 256 + d;
          }
          this.tokStart = pos;
          this.pos = this.tokEnd = p;
          // Looked up without slicing the name out of the source.
          const e = this.lookupName(pos, p - pos, key);
          this.entry = e;
          this.sval = e.name;
          return e.tok;
        }
        case C_SPACE:
          do pos++;
          while (pos < n && src.charCodeAt(pos) === 32);
          continue;
        case C_NEWLINE: {
          pos++;
          if (pos < n) {
            const d = src.charCodeAt(pos);
            if ((d === 10 || d === 13) && d !== c) pos++;
          }
          this.line++;
          continue;
        }
        case C_DIGIT:
          return this.readNumeral(pos, pos);
        case C_MINUS: {
          if (src.charCodeAt(pos + 1) !== 45) {
            this.tokStart = pos;
            this.pos = this.tokEnd = pos + 1;
            return 45;
          }
          pos += 2;
          if (src.charCodeAt(pos) === 91 /* [ */) {
            const level = this.longBracketLevel(pos);
            if (level >= 0) {
              this.pos = pos;
              this.readLongString(pos, level, true);
              pos = this.pos;
              continue;
            }
          }
          pos = this.lineEnd(pos); // a short comment runs to the end of the line
          continue;
        }
        case C_LBRACKET: {
          this.tokStart = pos;
          const level = this.longBracketLevel(pos);
          if (level >= 0) {
            this.pos = pos;
            this.readLongString(pos, level, false);
            this.strSep = level;
            this.tokEnd = this.pos;
            return Tok.String;
          }
          if (level === -2) {
            // '[' followed by '='s and no second '['.
            let p = pos + 1;
            while (src.charCodeAt(p) === 61) p++;
            this.pos = p;
            this.lexError('invalid long string delimiter', src.slice(pos, p));
          }
          this.pos = this.tokEnd = pos + 1;
          return 91;
        }
        case C_EQ:
          return this.op2(pos, 61, Tok.Eq, 61);
        case C_LT: {
          const d = src.charCodeAt(pos + 1);
          this.tokStart = pos;
          if (d === 61) {
            this.pos = this.tokEnd = pos + 2;
            return Tok.Le;
          }
          if (d === 60) {
            this.pos = this.tokEnd = pos + 2;
            return Tok.Shl;
          }
          this.pos = this.tokEnd = pos + 1;
          return 60;
        }
        case C_GT: {
          const d = src.charCodeAt(pos + 1);
          this.tokStart = pos;
          if (d === 61) {
            this.pos = this.tokEnd = pos + 2;
            return Tok.Ge;
          }
          if (d === 62) {
            this.pos = this.tokEnd = pos + 2;
            return Tok.Shr;
          }
          this.pos = this.tokEnd = pos + 1;
          return 62;
        }
        case C_SLASH:
          return this.op2(pos, 47, Tok.Idiv, 47);
        case C_TILDE:
          return this.op2(pos, 61, Tok.Ne, 126);
        case C_COLON:
          return this.op2(pos, 58, Tok.DbColon, 58);
        case C_QUOTE:
          this.tokStart = pos;
          this.readString(pos, c);
          this.tokEnd = this.pos;
          return Tok.String;
        case C_DOT: {
          this.tokStart = pos;
          const d = src.charCodeAt(pos + 1);
          if (d === 46) {
            if (src.charCodeAt(pos + 2) === 46) {
              this.pos = this.tokEnd = pos + 3;
              return Tok.Dots;
            }
            this.pos = this.tokEnd = pos + 2;
            return Tok.Concat;
          }
          if (d >= 48 && d <= 57) return this.readNumeral(pos, pos + 1);
          this.pos = this.tokEnd = pos + 1;
          return 46;
        }
        default:
          // Any other byte is a token of its own.
          this.tokStart = pos;
          this.pos = this.tokEnd = pos + 1;
          return c;
      }
    }
  }

  /** The index of the first line break (\n or \r) at or after `pos`, or the source length. */
  private lineEnd(pos: number): number {
    return Math.min(this.nextAfter(pos, 10), this.nextAfter(pos, 13));
  }

  /**
   * The index of the first byte `c` (a backslash, \n or \r) at or after `pos`, or the source
   * length. Each answer is remembered, so that a byte the source rarely or never contains is
   * not searched for again through the rest of the source at every string and comment: the
   * searches for each byte cost O(n) in all.
   */
  private nextAfter(pos: number, c: number): number {
    const i = c === 92 ? 0 : c === 10 ? 1 : 2;
    const cache = this.nextByte;
    let at = cache[i]!;
    if (at < pos) {
      at = this.src.indexOf(c === 92 ? '\\' : c === 10 ? '\n' : '\r', pos);
      if (at < 0) at = this.n;
      cache[i] = at;
    }
    return at;
  }

  /** A one- or two-byte operator: `second` after the byte at `pos` makes it `two`. */
  private op2(pos: number, second: number, two: number, one: number): number {
    this.tokStart = pos;
    if (this.src.charCodeAt(pos + 1) === second) {
      this.pos = this.tokEnd = pos + 2;
      return two;
    }
    this.pos = this.tokEnd = pos + 1;
    return one;
  }

  // ==========================================================================================
  // Numerals
  // ==========================================================================================

  /**
   * Reads a numeral starting at `start` (a digit, or a '.' before `digitPos`) as Lua does: a
   * greedy run of hex digits and dots, with a sign allowed only right after an exponent mark
   * (e/E, or p/P in hex), plus one touching letter to force an error; then converts the text
   * with luaO_str2num rules (read_numeral).
   */
  private readNumeral(start: number, digitPos: number): number {
    const src = this.src;
    const n = this.n;
    let p = digitPos;
    // Fast path: a plain decimal integer of at most 15 digits, not followed by anything that
    // could continue a numeral.
    if (start === digitPos) {
      let v = 0;
      while (p < n) {
        const c = src.charCodeAt(p);
        if (c < 48 || c > 57) break;
        v = v * 10 + (c - 48);
        p++;
      }
      const c = p < n ? src.charCodeAt(p) : 32;
      if (p - start <= 15 && !(CTYPE[c]! & ALNUM) && c !== 46) {
        this.tokStart = start;
        this.pos = this.tokEnd = p;
        this.nval = v;
        return Tok.Int;
      }
      p = digitPos;
    }
    let e1 = 69; // E
    let e2 = 101; // e
    const first = src.charCodeAt(p);
    p++;
    if (first === 48 && p < n && (src.charCodeAt(p) | 32) === 120 /* x */) {
      p++;
      e1 = 80; // P
      e2 = 112; // p
    }
    while (p < n) {
      const c = src.charCodeAt(p);
      if (c === e1 || c === e2) {
        p++;
        const s = src.charCodeAt(p);
        if (s === 43 || s === 45) p++;
      } else if (CTYPE[c]! & XDIGIT || c === 46) p++;
      else break;
    }
    if (p < n && CTYPE[src.charCodeAt(p)]! & ALPHA) p++;
    const text = src.slice(start, p);
    this.tokStart = start;
    this.pos = this.tokEnd = p;
    if (e1 === 69) {
      const f = decimalFloat(text);
      if (f === f) {
        this.nval = f;
        return Tok.Flt;
      }
    }
    const num = parseNumeral(text);
    if (num === undefined) this.lexError('malformed number', text);
    this.nval = num.value;
    return num.isFloat ? Tok.Flt : Tok.Int;
  }

  // ==========================================================================================
  // Strings and comments
  // ==========================================================================================

  /**
   * At a '[' at `pos`: the level of a long bracket `[==[` (>= 0), -1 for a lone '[', or -2 for
   * '[' and '='s without the second '[' (skip_sep).
   */
  private longBracketLevel(pos: number): number {
    const src = this.src;
    let p = pos + 1;
    while (src.charCodeAt(p) === 61) p++;
    if (src.charCodeAt(p) === 91) return p - pos - 1;
    return p === pos + 1 ? -1 : -2;
  }

  /**
   * Reads a long string or comment whose opening bracket of `level` is at `pos`; leaves `pos`
   * after the closing bracket and, for a string, the value in `sval` (read_long_string).
   */
  private readLongString(pos: number, level: number, isComment: boolean): void {
    const src = this.src;
    const n = this.n;
    const startLine = this.line;
    let p = pos + level + 2;
    // A line break right after the opening bracket is not part of the string.
    if (p < n) {
      const c = src.charCodeAt(p);
      if (c === 10 || c === 13) p = this.newline(p, c);
    }
    let value = '';
    let seg = p;
    for (;;) {
      if (p >= n) {
        this.pos = p;
        const what = isComment ? 'comment' : 'string';
        this.lexError(`unfinished long ${what} (starting at line ${startLine})`, undefined);
      }
      const c = src.charCodeAt(p);
      if (c === 93 /* ] */) {
        let q = p + 1;
        while (src.charCodeAt(q) === 61) q++;
        if (src.charCodeAt(q) === 93 && q - p - 1 === level) {
          if (!isComment) this.sval = value + src.slice(seg, p);
          this.pos = q + 1;
          return;
        }
        // Not the closing bracket: go on from the last byte the check did not take.
        p = q;
      } else if (c === 10 || c === 13) {
        if (!isComment) value += src.slice(seg, p) + '\n';
        p = this.newline(p, c);
        seg = p;
      } else p++;
    }
  }

  /** Skips the line break `c` at `p` (one of \n \r \r\n \n\r) and counts the line. */
  private newline(p: number, c: number): number {
    p++;
    if (p < this.n) {
      const d = this.src.charCodeAt(p);
      if ((d === 10 || d === 13) && d !== c) p++;
    }
    this.line++;
    return p;
  }

  /** Reads a short string delimited by `del` at `pos`; value into `sval` (read_string). */
  private readString(pos: number, del: number): void {
    const src = this.src;
    const n = this.n;
    const delim = del === 34 ? SEP_DOUBLE : SEP_SINGLE;
    this.strSep = delim;
    // Fast path: no escape and no line break before the closing quote.
    const close = src.indexOf(del === 34 ? '"' : "'", pos + 1);
    if (close >= 0 && close < this.nextAfter(pos, 92) && close < this.nextAfter(pos, 10) && close < this.nextAfter(pos, 13)) {
      this.sval = src.slice(pos + 1, close);
      this.pos = close + 1;
      return;
    }
    let p = pos + 1;
    let value = '';
    let seg = p;
    for (;;) {
      const c = src.charCodeAt(p);
      if (c === del) break;
      if (c === 92 /* \ */) {
        value += src.slice(seg, p);
        const esc = p;
        p++;
        const e = p < n ? src.charCodeAt(p) : -1;
        switch (e) {
          case 97:
            value += '\x07';
            p++;
            break;
          case 98:
            value += '\b';
            p++;
            break;
          case 102:
            value += '\f';
            p++;
            break;
          case 110:
            value += '\n';
            p++;
            break;
          case 114:
            value += '\r';
            p++;
            break;
          case 116:
            value += '\t';
            p++;
            break;
          case 118:
            value += '\v';
            p++;
            break;
          case 92:
          case 34:
          case 39:
            value += String.fromCharCode(e);
            p++;
            break;
          case 10:
          case 13:
            value += '\n';
            p = this.newline(p, e);
            break;
          case 120 /* x */: {
            let r = 0;
            for (let i = 0; i < 2; i++) {
              p++;
              const h = p < n ? src.charCodeAt(p) : -1;
              if (h < 0 || !(CTYPE[h]! & XDIGIT)) this.escapeError('hexadecimal digit expected', delim, value, esc, p);
              r = r * 16 + hexValue(h);
            }
            p++;
            value += String.fromCharCode(r);
            break;
          }
          case 117 /* u */: {
            p++;
            if (src.charCodeAt(p) !== 123 /* { */) this.escapeError("missing '{'", delim, value, esc, p);
            p++;
            let h = p < n ? src.charCodeAt(p) : -1;
            if (h < 0 || !(CTYPE[h]! & XDIGIT)) this.escapeError('hexadecimal digit expected', delim, value, esc, p);
            let r = hexValue(h);
            for (;;) {
              p++;
              h = p < n ? src.charCodeAt(p) : -1;
              if (h < 0 || !(CTYPE[h]! & XDIGIT)) break;
              if (r > 0x7ffffff) this.escapeError('UTF-8 value too large', delim, value, esc, p);
              r = r * 16 + hexValue(h);
            }
            if (h !== 125 /* } */) this.escapeError("missing '}'", delim, value, esc, p);
            p++;
            value += utf8Encode(r);
            break;
          }
          case 122 /* z */: {
            p++;
            while (p < n) {
              const s = src.charCodeAt(p);
              if (s === 10 || s === 13) p = this.newline(p, s);
              else if (CTYPE[s]! & SPACE) p++;
              else break;
            }
            break;
          }
          case -1:
            // '\' at the end of the source: the loop reports the unfinished string.
            break;
          default: {
            if (!(CTYPE[e]! & DIGIT)) this.escapeError('invalid escape sequence', delim, value, esc, p);
            let r = 0;
            for (let i = 0; i < 3 && p < n; i++) {
              const d = src.charCodeAt(p);
              if (d < 48 || d > 57) break;
              r = r * 10 + (d - 48);
              p++;
            }
            if (r > 255) this.escapeError('decimal escape too large', delim, value, esc, p);
            value += String.fromCharCode(r);
            break;
          }
        }
        seg = p;
        continue;
      }
      if (c === 10 || c === 13) {
        this.pos = p;
        this.lexError('unfinished string', stringOpen(delim) + value + src.slice(seg, p));
      }
      if (p >= n) {
        this.pos = p;
        this.lexError('unfinished string', undefined);
      }
      p++;
    }
    this.sval = seg === pos + 1 ? src.slice(seg, p) : value + src.slice(seg, p);
    this.pos = p + 1;
  }

  /**
   * An error in the escape sequence that starts at `esc`: Lua names the string read so far,
   * the raw escape up to `p`, and the byte at `p` when there is one (esccheck).
   */
  private escapeError(msg: string, delim: number, value: string, esc: number, p: number): never {
    this.pos = p;
    const end = p < this.n ? p + 1 : p;
    this.lexError(msg, stringOpen(delim) + value + this.src.slice(esc, end));
  }
}

/**
 * The value of a decimal float numeral in the common forms (`1.5`, `.5`, `3.`, `1e10`,
 * `2.5E-3`), or NaN for anything else (including plain integers), which then goes through
 * parseNumeral. JS's Number() rounds correctly, as C's strtod does.
 */
function decimalFloat(text: string): number {
  const n = text.length;
  let p = 0;
  let digits = 0;
  while (p < n && isDigit(text.charCodeAt(p))) p++, digits++;
  let isFloat = false;
  if (p < n && text.charCodeAt(p) === 46) {
    isFloat = true;
    p++;
    while (p < n && isDigit(text.charCodeAt(p))) p++, digits++;
  }
  if (digits === 0) return NaN;
  if (p < n && (text.charCodeAt(p) | 32) === 101 /* e */) {
    isFloat = true;
    p++;
    const s = text.charCodeAt(p);
    if (s === 43 || s === 45) p++;
    const e = p;
    while (p < n && isDigit(text.charCodeAt(p))) p++;
    if (p === e) return NaN;
  }
  return isFloat && p === n ? Number(text) : NaN;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

// ============================================================================================
// Token text helpers
// ============================================================================================

function stringOpen(sep: number): string {
  if (sep === SEP_DOUBLE) return '"';
  if (sep === SEP_SINGLE) return "'";
  return `[${'='.repeat(sep)}[`;
}

function stringClose(sep: number): string {
  if (sep === SEP_DOUBLE) return '"';
  if (sep === SEP_SINGLE) return "'";
  return `]${'='.repeat(sep)}]`;
}

/** A string token as Lua's buffer holds it: delimiters around the decoded value. */
function stringDelimited(value: string, sep: number): string {
  return stringOpen(sep) + value + stringClose(sep);
}

/** 'text' for a message; like C's %s, the text stops at its first NUL byte. */
function quote(text: string): string {
  const nul = text.indexOf('\0');
  return `'${nul >= 0 ? text.slice(0, nul) : text}'`;
}
