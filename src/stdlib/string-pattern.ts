// string-pattern.ts — Lua 5.4 pattern matching: the engine behind string.find, string.match,
// string.gmatch and string.gsub. It knows nothing about the VM's stack or calling convention;
// string.ts wraps it.
//
// What it owns:
//   - MatchState: the matcher proper, a recursive backtracking matcher with the same structure
//     as lstrlib.c's `match` (tail positions loop instead of recursing, so the recursion depth
//     and hence the "pattern too complex" limit are exactly Lua's: MAXCCALLS = 200 nested
//     calls). Reusable: it allocates its capture arrays once, nothing per character.
//   - patternFind: str_find_aux (find and match, including plain find and init handling).
//   - GmatchState: the iterator state of string.gmatch (5.4: with `init`, no `^` anchor).
//   - GsubState: string.gsub as a step-wise iterator, so replacement functions and __index
//     metamethods can run as VM calls (and suspend) between matches; plus the string
//     replacement template (`%0`..`%9`, `%%`).
//
// Invariants and conventions:
//   - Subject and pattern are byte strings (one char per byte, 0..255). Positions are 0-based
//     offsets into the subject, end-exclusive; -1 plays the role of C's NULL ("no match").
//   - Reading past the end of the pattern gives NaN from charCodeAt, which compares unequal to
//     every character: that stands in for the '\0' C finds after the last pattern byte. (The
//     hottest reads are bounds-checked instead: out-of-range reads make V8 deoptimise.)
//   - Character classes follow the C locale (isalpha etc. for bytes 0..127; bytes >= 128 belong
//     to no class), via a table built once at module load.
//   - Errors are raised with throwLibError and Lua's exact texts.
//   - Captures come back as Lua values: substrings, or 1-based integer positions for `()`.
//   - Shortcuts that Lua code cannot observe. A match attempt that fails on its first item
//     raises no error and has no effect, so skipping it changes nothing:
//       * start positions: when every match must begin with some literal text, candidates are
//         found with indexOf; when it must begin with a byte of some class, by testing that
//         class alone (MatchState.setScan / nextStart);
//       * repetitions: when the item after `*`, `+` or `-` is a plain character, the matcher
//         tries the rest of the pattern only where that character is (nextLiteral), as long
//         as the depth budget lasts (a call at the limit must still fail "too complex").
//     Otherwise the algorithm, its recursion and its error order are lstrlib.c's.
//
// Cf. lstrlib.c (MatchState, match, str_find_aux, gmatch_aux, str_gsub, add_s, add_value).

import type { LuaValue } from '../vm/value.js';
import { throwLibError } from '../vm/errors.js';
import { patternRegExp, type PatternRegExp } from './pattern-regexp.js';

// ============================================================================================
// Constants
// ============================================================================================

/** Maximum number of captures in a pattern (luaconf.h LUA_MAXCAPTURES). */
export const LUA_MAXCAPTURES = 32;

/** Maximum nesting of `match` calls (lstrlib.c MAXCCALLS). */
export const MAXCCALLS = 200;

const CAP_UNFINISHED = -1;
const CAP_POSITION = -2;

const C_ESC = 37; // %
const C_LPAREN = 40; // (
const C_RPAREN = 41; // )
const C_DOLLAR = 36; // $
const C_DOT = 46; // .
const C_LBRACKET = 91; // [
const C_RBRACKET = 93; // ]
const C_CARET = 94; // ^
const C_STAR = 42; // *
const C_PLUS = 43; // +
const C_MINUS = 45; // -
const C_QUESTION = 63; // ?

// ============================================================================================
// Character classes (C locale)
// ============================================================================================

const CL_ALPHA = 1 << 0;
const CL_CNTRL = 1 << 1;
const CL_DIGIT = 1 << 2;
const CL_GRAPH = 1 << 3;
const CL_LOWER = 1 << 4;
const CL_PUNCT = 1 << 5;
const CL_SPACE = 1 << 6;
const CL_UPPER = 1 << 7;
const CL_ALNUM = 1 << 8;
const CL_XDIGIT = 1 << 9;

/** CTYPE[c]: the set of CL_* classes byte c belongs to in the C locale. */
const CTYPE = new Uint16Array(256);
/** CLASS_BIT[letter]: the CL_* bit a lower-case class letter selects (0: not a class). */
const CLASS_BIT = new Uint16Array(128);

(function initClasses(): void {
  for (let c = 0; c < 128; c++) {
    let m = 0;
    const upper = c >= 65 && c <= 90;
    const lower = c >= 97 && c <= 122;
    const digit = c >= 48 && c <= 57;
    if (upper) m |= CL_UPPER | CL_ALPHA;
    if (lower) m |= CL_LOWER | CL_ALPHA;
    if (digit) m |= CL_DIGIT;
    if (upper || lower || digit) m |= CL_ALNUM;
    if (digit || (c >= 97 && c <= 102) || (c >= 65 && c <= 70)) m |= CL_XDIGIT;
    if (c < 32 || c === 127) m |= CL_CNTRL;
    if (c === 32 || (c >= 9 && c <= 13)) m |= CL_SPACE;
    if (c >= 33 && c <= 126) {
      m |= CL_GRAPH;
      if (!(upper || lower || digit)) m |= CL_PUNCT;
    }
    CTYPE[c] = m;
  }
  const letters = 'acdglpsuwx';
  const bits = [CL_ALPHA, CL_CNTRL, CL_DIGIT, CL_GRAPH, CL_LOWER, CL_PUNCT, CL_SPACE, CL_UPPER, CL_ALNUM, CL_XDIGIT];
  for (let i = 0; i < letters.length; i++) CLASS_BIT[letters.charCodeAt(i)] = bits[i];
})();

/** Does byte `c` match the class letter `cl` of `%cl` (match_class)? */
export function matchClass(c: number, cl: number): boolean {
  // tolower for ASCII letters; anything else (NaN included) is not a class letter
  const lower = cl >= 65 && cl <= 90 ? cl + 32 : cl;
  let res: boolean;
  if (lower === 122 /* z: deprecated, still in 5.4 */) {
    res = c === 0;
  } else {
    const bit = lower < 128 ? CLASS_BIT[lower] : 0;
    if (bit === 0) return cl === c; // `%x` with a non-class x is the literal x
    res = (CTYPE[c] & bit) !== 0;
  }
  return cl >= 65 && cl <= 90 ? !res : res;
}

/** Lua's SPECIALS: a pattern without any of these can be searched for literally. */
function hasSpecials(p: string): boolean {
  for (let i = 0; i < p.length; i++) {
    switch (p.charCodeAt(i)) {
      case C_CARET:
      case C_DOLLAR:
      case C_STAR:
      case C_PLUS:
      case C_QUESTION:
      case C_DOT:
      case C_LPAREN:
      case C_LBRACKET:
      case C_ESC:
      case C_MINUS:
        return true;
    }
  }
  return false;
}

const CLASS_ENDS_WITH_ESC = -1;
const CLASS_MISSING_BRACKET = -2;

/**
 * lstrlib.c classEnd without the errors: the index just past the single-character class at
 * `p`, or CLASS_ENDS_WITH_ESC / CLASS_MISSING_BRACKET for a malformed one.
 */
function classEndOf(pat: string, p: number, pEnd: number): number {
  const c = pat.charCodeAt(p++);
  if (c === C_ESC) return p >= pEnd ? CLASS_ENDS_WITH_ESC : p + 1;
  if (c === C_LBRACKET) {
    if (pat.charCodeAt(p) === C_CARET) p++;
    // look for the closing ']'; the first character of the set may itself be a ']'
    do {
      if (p >= pEnd) return CLASS_MISSING_BRACKET;
      const d = pat.charCodeAt(p++);
      if (d === C_ESC && p < pEnd) p++; // skip escapes such as '%]'
    } while (pat.charCodeAt(p) !== C_RBRACKET);
    return p + 1;
  }
  return p;
}

/** lstrlib.c posrelatI: a 1-based start position from a Lua integer (0 and below-range → 1). */
export function posRelatI(pos: number | bigint, len: number): number {
  if (typeof pos === 'bigint') return pos > 0n ? Number.MAX_SAFE_INTEGER : 1;
  if (pos > 0) return pos;
  if (pos === 0) return 1;
  if (pos < -len) return 1;
  return len + pos + 1;
}

// ============================================================================================
// The matcher
// ============================================================================================

/**
 * One matching session over a subject and a pattern (lstrlib.c MatchState). `prepare` binds
 * the strings; each match attempt starts with `reset`. Capture i (0-based, i < level) starts at
 * capStart[i] and has length capLen[i], or CAP_POSITION / CAP_UNFINISHED.
 */
export class MatchState {
  src = '';
  srcLen = 0;
  pat = '';
  /** Index just past the pattern (the pattern may start after a skipped `^`). */
  patEnd = 0;
  /** Number of captures opened so far in the current attempt. */
  level = 0;
  /** Remaining nesting budget for `match` (matchdepth). */
  depth = MAXCCALLS;
  readonly capStart = new Int32Array(LUA_MAXCAPTURES);
  readonly capLen = new Int32Array(LUA_MAXCAPTURES);
  /** Start filter (setScan): text every match starts with, or '' */
  private scanPrefix = '';
  /** Start filter: the class p..ep every match's first byte belongs to, or scanP = -1. */
  private scanP = -1;
  private scanEp = -1;
  /**
   * The pattern as a JS regexp (pattern-regexp.ts) when it translates exactly, else null:
   * then nextStart and match search and match with it, and the captures are its groups.
   */
  private rx: PatternRegExp | null = null;
  /** The regexp's last match (null: none), whose groups are the captures. */
  private rxm: RegExpExecArray | null = null;

  /**
   * Bind a subject and a pattern (prepstate); `p0` is where matching starts in the pattern
   * (1 after an anchoring `^`).
   */
  prepare(src: string, pat: string, p0 = 0): void {
    this.src = src;
    this.srcLen = src.length;
    this.pat = pat;
    this.patEnd = pat.length;
    this.level = 0;
    this.depth = MAXCCALLS;
    this.scanPrefix = '';
    this.scanP = -1;
    this.rx = patternRegExp(pat, p0);
    this.rxm = null;
  }

  /**
   * The regexp engine failed on its own (its backtracking stack overflowed, which the
   * interpreted matcher handles as Lua does): use the interpreted matcher from here on.
   */
  private dropRegExp(p0: number): void {
    this.rx = null;
    this.rxm = null;
    this.setScan(p0);
  }

  /**
   * Set up the start filter for an unanchored scan with the pattern from index `p0`: after
   * any leading `(` and `()` (which consume nothing), either a literal prefix that every
   * match starts with, found with indexOf, or a first single-character class that must match
   * the first byte (one that may repeat zero times does not count). Skipped start positions
   * are exactly ones where `match` would fail before raising any error (see the header).
   */
  setScan(p0: number): void {
    this.scanPrefix = '';
    this.scanP = -1;
    if (this.rx !== null) return; // the regexp finds its own starts
    const pat = this.pat;
    const end = this.patEnd;
    let p = p0;
    let opens = 0;
    while (p < end && pat.charCodeAt(p) === C_LPAREN) {
      if (++opens > LUA_MAXCAPTURES) return; // "too many captures" must still be raised
      p += pat.charCodeAt(p + 1) === C_RPAREN ? 2 : 1;
    }
    this.scanPrefix = literalPrefix(pat, p);
    if (this.scanPrefix !== '' || p >= end) return;
    const c = pat.charCodeAt(p);
    if (c === C_RPAREN || c === C_DOT || c === C_DOLLAR) return;
    if (c === C_ESC) {
      const d = pat.charCodeAt(p + 1);
      if (d === 98 /* b */ || d === 102 /* f */ || (d >= 48 && d <= 57)) return;
    }
    const ep = classEndOf(pat, p, end);
    if (ep < 0) return; // malformed: the error must still be raised
    const q = pat.charCodeAt(ep);
    if (q === C_STAR || q === C_QUESTION || q === C_MINUS) return;
    this.scanP = p;
    this.scanEp = ep;
  }

  /**
   * The first start position >= s (s <= srcLen) the start filter lets through, or -1 if no
   * later position can start a match.
   */
  nextStart(s: number): number {
    const rx = this.rx;
    if (rx !== null) {
      try {
        const re = rx.search;
        re.lastIndex = s;
        const m = re.exec(this.src);
        this.rxm = m;
        return m === null ? -1 : m.index;
      } catch {
        this.dropRegExp(0);
      }
    }
    if (this.scanPrefix !== '') return this.src.indexOf(this.scanPrefix, s);
    const p = this.scanP;
    if (p < 0) return s;
    const ep = this.scanEp;
    const n = this.srcLen;
    for (; s < n; s++) if (this.singleMatch(s, p, ep)) return s;
    return -1;
  }

  /** Forget the strings, so a long-lived state does not keep them alive. */
  release(): void {
    this.src = '';
    this.pat = '';
    this.rx = null;
    this.rxm = null;
    this.srcLen = this.patEnd = 0;
  }

  /** Start a new match attempt (reprepstate). */
  reset(): void {
    this.level = 0;
    this.depth = MAXCCALLS;
  }

  /**
   * Match the pattern from index `p` against the subject from index `s`. Returns the end of
   * the match (exclusive) or -1. Mirrors lstrlib.c `match`; `continue` is its `goto init`.
   */
  match(s: number, p: number): number {
    const rx = this.rx;
    if (rx !== null) {
      try {
        let m = this.rxm;
        if (m === null || m.index !== s) {
          const re = rx.sticky;
          re.lastIndex = s;
          m = re.exec(this.src);
          this.rxm = m;
        }
        if (m === null) return -1;
        this.level = m.length - 1;
        return s + m[0].length;
      } catch {
        this.dropRegExp(p);
      }
    }
    if (this.depth-- === 0) throwLibError('pattern too complex');
    const pat = this.pat;
    const pEnd = this.patEnd;
    for (;;) {
      if (p === pEnd) break; // end of pattern: success at s
      const pc = pat.charCodeAt(p);
      if (pc === C_LPAREN) {
        s =
          p + 1 < pEnd && pat.charCodeAt(p + 1) === C_RPAREN
            ? this.startCapture(s, p + 2, CAP_POSITION)
            : this.startCapture(s, p + 1, CAP_UNFINISHED);
        break;
      }
      if (pc === C_RPAREN) {
        s = this.endCapture(s, p + 1);
        break;
      }
      if (pc === C_DOLLAR && p + 1 === pEnd) {
        if (s !== this.srcLen) s = -1;
        break;
      }
      if (pc === C_ESC) {
        const nc = pat.charCodeAt(p + 1);
        if (nc === 98 /* b */) {
          s = this.matchBalance(s, p + 2);
          if (s === -1) break;
          p += 4;
          continue;
        }
        if (nc === 102 /* f */) {
          p += 2;
          if (pat.charCodeAt(p) !== C_LBRACKET) throwLibError("missing '[' after '%f' in pattern");
          const ep = this.classEnd(p);
          const prev = s === 0 ? 0 : this.src.charCodeAt(s - 1);
          const cur = s < this.srcLen ? this.src.charCodeAt(s) : 0; // C sees the final '\0'
          if (!this.matchBracketClass(prev, p, ep - 1) && this.matchBracketClass(cur, p, ep - 1)) {
            p = ep;
            continue;
          }
          s = -1;
          break;
        }
        if (nc >= 48 && nc <= 57) {
          s = this.matchCapture(s, nc);
          if (s === -1) break;
          p += 2;
          continue;
        }
        // any other escape is a single-character class: fall through to the default case
      }
      // default: a single-character class, possibly followed by a quantifier
      let ep: number;
      let matched: boolean;
      if (pc === C_ESC || pc === C_LBRACKET) {
        ep = this.classEnd(p);
        matched = this.singleMatch(s, p, ep);
      } else {
        // '.' or a plain character (singlematch inlined)
        ep = p + 1;
        matched = s < this.srcLen && (pc === C_DOT || this.src.charCodeAt(s) === pc);
      }
      // no quantifier at the end of the pattern (in bounds: out-of-range reads deoptimise)
      const q = ep < pEnd ? pat.charCodeAt(ep) : 0;
      if (!matched) {
        if (q === C_STAR || q === C_QUESTION || q === C_MINUS) {
          p = ep + 1; // accepts zero repetitions
          continue;
        }
        s = -1;
        break;
      }
      if (q === C_QUESTION) {
        const res = this.match(s + 1, ep + 1);
        if (res !== -1) {
          s = res;
          break;
        }
        p = ep + 1;
        continue;
      }
      if (q === C_PLUS) {
        s = this.maxExpand(s + 1, p, ep);
        break;
      }
      if (q === C_STAR) {
        s = this.maxExpand(s, p, ep);
        break;
      }
      if (q === C_MINUS) {
        s = this.minExpand(s, p, ep);
        break;
      }
      s++;
      p = ep;
    }
    this.depth++;
    return s;
  }

  /** Index just past the single-character class starting at `p` (classEnd). */
  private classEnd(p: number): number {
    const ep = classEndOf(this.pat, p, this.patEnd);
    if (ep >= 0) return ep;
    return throwLibError(
      ep === CLASS_ENDS_WITH_ESC ? "malformed pattern (ends with '%')" : "malformed pattern (missing ']')",
    );
  }

  /** Does the subject byte at `s` match the class p..ep (singlematch)? */
  singleMatch(s: number, p: number, ep: number): boolean {
    if (s >= this.srcLen) return false;
    const c = this.src.charCodeAt(s);
    const pc = this.pat.charCodeAt(p);
    switch (pc) {
      case C_DOT:
        return true;
      case C_ESC:
        return matchClass(c, this.pat.charCodeAt(p + 1));
      case C_LBRACKET:
        return this.matchBracketClass(c, p, ep - 1);
      default:
        return pc === c;
    }
  }

  /** Does byte `c` belong to the set `[...]` from `p` (the '[') to `ec` (the ']')? */
  private matchBracketClass(c: number, p: number, ec: number): boolean {
    const pat = this.pat;
    let sig = true;
    if (pat.charCodeAt(p + 1) === C_CARET) {
      sig = false;
      p++;
    }
    while (++p < ec) {
      const pc = pat.charCodeAt(p);
      if (pc === C_ESC) {
        p++;
        if (matchClass(c, pat.charCodeAt(p))) return sig;
      } else if (pat.charCodeAt(p + 1) === C_MINUS && p + 2 < ec) {
        p += 2;
        if (pc <= c && c <= pat.charCodeAt(p)) return sig;
      } else if (pc === c) {
        return sig;
      }
    }
    return !sig;
  }

  /** `%bxy` at pattern index `p` (the x): end of the balanced run starting at `s`, or -1. */
  private matchBalance(s: number, p: number): number {
    if (p >= this.patEnd - 1) throwLibError("malformed pattern (missing arguments to '%b')");
    const src = this.src;
    const end = this.srcLen;
    const b = this.pat.charCodeAt(p);
    if (s >= end || src.charCodeAt(s) !== b) return -1;
    const e = this.pat.charCodeAt(p + 1);
    let cont = 1;
    while (++s < end) {
      const c = src.charCodeAt(s);
      if (c === e) {
        if (--cont === 0) return s + 1;
      } else if (c === b) {
        cont++;
      }
    }
    return -1; // the subject ends out of balance
  }

  /** Greedy repetition: the longest run of p..ep from `s` that lets the rest match. */
  private maxExpand(s: number, p: number, ep: number): number {
    let i = 0;
    const src = this.src;
    const pc = this.pat.charCodeAt(p);
    if (pc === C_DOT) {
      i = this.srcLen > s ? this.srcLen - s : 0;
    } else if (pc !== C_ESC && pc !== C_LBRACKET) {
      const n = this.srcLen - s;
      while (i < n && src.charCodeAt(s + i) === pc) i++;
    } else {
      while (this.singleMatch(s + i, p, ep)) i++;
    }
    const lit = this.nextLiteral(ep + 1);
    if (lit >= 0) {
      const end = this.srcLen;
      for (; i >= 0; i--) {
        const at = s + i;
        if (at < end && src.charCodeAt(at) === lit) {
          const res = this.match(at, ep + 1);
          if (res !== -1) return res;
        }
      }
      return -1;
    }
    for (; i >= 0; i--) {
      const res = this.match(s + i, ep + 1);
      if (res !== -1) return res;
    }
    return -1;
  }

  /** Lazy repetition: the shortest run of p..ep from `s` that lets the rest match. */
  private minExpand(s: number, p: number, ep: number): number {
    const lit = this.nextLiteral(ep + 1);
    const src = this.src;
    for (;;) {
      if (lit < 0 || (s < this.srcLen && src.charCodeAt(s) === lit)) {
        const res = this.match(s, ep + 1);
        if (res !== -1) return res;
      }
      if (this.singleMatch(s, p, ep)) s++;
      else return -1;
    }
  }

  /**
   * Look-ahead for the repetitions: if the pattern item at `p` is a plain character that
   * must occur once (no `*`, `?` or `-` after it), its code, else -1. `match` at a subject
   * position holding another byte fails at once, so the caller may skip the call; only while
   * the depth budget lasts, since a call at the limit must raise "pattern too complex".
   */
  private nextLiteral(p: number): number {
    if (p >= this.patEnd || this.depth === 0) return -1;
    const pat = this.pat;
    const c = pat.charCodeAt(p);
    switch (c) {
      case C_LPAREN:
      case C_RPAREN:
      case C_ESC:
      case C_LBRACKET:
      case C_DOT:
      case C_DOLLAR:
        return -1;
    }
    if (p + 1 < this.patEnd) {
      const q = pat.charCodeAt(p + 1);
      if (q === C_STAR || q === C_QUESTION || q === C_MINUS) return -1;
    }
    return c;
  }

  private startCapture(s: number, p: number, what: number): number {
    const level = this.level;
    if (level >= LUA_MAXCAPTURES) throwLibError('too many captures');
    this.capStart[level] = s;
    this.capLen[level] = what;
    this.level = level + 1;
    const res = this.match(s, p);
    if (res === -1) this.level--; // undo the capture
    return res;
  }

  private endCapture(s: number, p: number): number {
    const l = this.captureToClose();
    this.capLen[l] = s - this.capStart[l];
    const res = this.match(s, p);
    if (res === -1) this.capLen[l] = CAP_UNFINISHED; // undo the close
    return res;
  }

  private captureToClose(): number {
    for (let level = this.level - 1; level >= 0; level--) {
      if (this.capLen[level] === CAP_UNFINISHED) return level;
    }
    return throwLibError('invalid pattern capture');
  }

  /** Back reference `%1`..`%9` (digit char code `d`): end of the repeated text, or -1. */
  private matchCapture(s: number, d: number): number {
    const l = d - 49; // '1'
    if (l < 0 || l >= this.level || this.capLen[l] === CAP_UNFINISHED) {
      throwLibError(`invalid capture index %${l + 1}`);
    }
    const len = this.capLen[l];
    // a position capture (negative length) never matches, as size_t(CAP_POSITION) is huge
    if (len < 0 || this.srcLen - s < len) return -1;
    const src = this.src;
    const init = this.capStart[l];
    for (let k = 0; k < len; k++) {
      if (src.charCodeAt(init + k) !== src.charCodeAt(s + k)) return -1;
    }
    return s + len;
  }

  // ------------------------------------------------------------------------------------------
  // Captures of a successful match s..e
  // ------------------------------------------------------------------------------------------

  /**
   * How many values push_captures produces: the captures, or, when there are none and
   * `wholeIfNone` (string.match, gmatch, gsub callbacks; not string.find), the whole match.
   */
  captureCount(wholeIfNone: boolean): number {
    return this.level === 0 && wholeIfNone ? 1 : this.level;
  }

  /**
   * Capture `i` (0-based) of the match s..e as a Lua value (get_onecapture): a substring, or
   * a 1-based position for `()`. Index 0 with no captures is the whole match.
   */
  getCapture(i: number, s: number, e: number): LuaValue {
    if (i >= this.level) {
      if (i !== 0) throwLibError(`invalid capture index %${i + 1}`);
      return this.src.slice(s, e);
    }
    if (this.rx !== null) return this.rxm![i + 1];
    const len = this.capLen[i];
    const init = this.capStart[i];
    if (len === CAP_UNFINISHED) throwLibError('unfinished capture');
    if (len === CAP_POSITION) return init + 1;
    return this.src.slice(init, init + len);
  }

  /** All values push_captures would push for the match s..e. */
  captures(s: number, e: number, wholeIfNone: boolean): LuaValue[] {
    const n = this.captureCount(wholeIfNone);
    const out = new Array<LuaValue>(n);
    for (let i = 0; i < n; i++) out[i] = this.getCapture(i, s, e);
    return out;
  }
}

/**
 * The literal text every match of `pat` (from index `p`, unanchored) must start with: the
 * leading plain characters and `%`-escaped punctuation, up to the first item that may repeat
 * zero times or is not a literal. '' when there is none.
 */
function literalPrefix(pat: string, p: number): string {
  let prefix = '';
  const end = pat.length;
  while (p < end) {
    let c = pat.charCodeAt(p);
    let next = p + 1;
    switch (c) {
      case C_LPAREN:
      case C_RPAREN:
      case C_DOT:
      case C_LBRACKET:
      case C_DOLLAR:
        return prefix;
      case C_ESC: {
        if (p + 1 >= end) return prefix;
        c = pat.charCodeAt(p + 1);
        // letters and digits are classes, %b, %f or back references
        if (c < 128 && (CTYPE[c] & CL_ALNUM) !== 0) return prefix;
        next = p + 2;
        break;
      }
    }
    const q = pat.charCodeAt(next);
    if (q === C_STAR || q === C_QUESTION || q === C_MINUS) return prefix;
    prefix += String.fromCharCode(c);
    if (q === C_PLUS) return prefix; // at least one; what follows depends on the repetition
    p = next;
  }
  return prefix;
}

// ============================================================================================
// string.find and string.match
// ============================================================================================

/** Shared by patternFind, which never calls back into Lua and so is never re-entered. */
const sharedState = new MatchState();

/**
 * MatchStates of finished gsub and gmatch calls, for reuse: a MatchState's two typed arrays
 * cost more to allocate than a short gsub costs to run. A state goes back at most once (the
 * owners keep a flag); states of abandoned iterators or failed calls are simply collected.
 */
const freeStates: MatchState[] = [];
const MAX_FREE_STATES = 8;

function takeState(): MatchState {
  return freeStates.pop() ?? new MatchState();
}

function giveBackState(ms: MatchState): void {
  ms.release();
  if (freeStates.length < MAX_FREE_STATES) freeStates.push(ms);
}

/**
 * str_find_aux: string.find (`find` true) or string.match (`find` false).
 * `init` is the raw integer argument (default 1); `plain` is the truthiness of find's 4th
 * argument (ignored for match). Returns the results to push: for find the 1-based start and
 * end then the captures, for match the captures (or the whole match); undefined when there is
 * no match (push a single nil: luaL_pushfail).
 */
export function patternFind(
  s: string,
  p: string,
  init: number | bigint,
  plain: boolean,
  find: boolean,
): LuaValue[] | undefined {
  const ls = s.length;
  const start = posRelatI(init, ls) - 1;
  if (start > ls) return undefined; // starts after the string's end
  if (find && (plain || !hasSpecials(p))) {
    const k = s.indexOf(p, start);
    return k === -1 ? undefined : [k + 1, k + p.length];
  }
  const ms = sharedState;
  const anchor = p.charCodeAt(0) === C_CARET;
  const p0 = anchor ? 1 : 0;
  ms.prepare(s, p, p0);
  try {
    if (!anchor) ms.setScan(p0);
    let s1 = start;
    for (;;) {
      if (!anchor) {
        s1 = ms.nextStart(s1);
        if (s1 === -1) return undefined;
      }
      ms.reset();
      const e = ms.match(s1, p0);
      if (e !== -1) {
        if (!find) return ms.captures(s1, e, true);
        const n = ms.level;
        const out = new Array<LuaValue>(n + 2);
        out[0] = s1 + 1;
        out[1] = e;
        for (let i = 0; i < n; i++) out[i + 2] = ms.getCapture(i, s1, e);
        return out;
      }
      if (anchor || s1 >= ls) return undefined;
      s1++;
    }
  } finally {
    ms.release();
  }
}

// ============================================================================================
// string.gmatch
// ============================================================================================

/**
 * The state of one string.gmatch iterator (GMatchState). In 5.4 a `^` in the pattern is an
 * ordinary character here; `init` is the raw integer argument (default 1). Each call of the
 * iterator is `next()`; the state allocates nothing between matches but the captures.
 */
export class GmatchState {
  readonly ms = takeState();
  private exhausted = false;
  private pos: number;
  private lastMatch = -1;
  /** Bounds of the last match found by nextMatch (0-based, end exclusive). */
  matchStart = 0;
  matchEnd = 0;

  constructor(src: string, pat: string, init: number | bigint = 1) {
    const ls = src.length;
    let start = posRelatI(init, ls) - 1;
    if (start > ls) start = ls + 1; // start after the string's end: nothing to find
    this.pos = start;
    this.ms.prepare(src, pat);
    this.ms.setScan(0);
  }

  /** Find the next match (gmatch_aux); false when there are no more. */
  nextMatch(): boolean {
    if (this.exhausted) return false; // later calls find nothing, as in C
    const ms = this.ms;
    const end = ms.srcLen;
    for (let src = this.pos; src <= end; src++) {
      src = ms.nextStart(src);
      if (src === -1) break;
      ms.reset();
      const e = ms.match(src, 0);
      if (e !== -1 && e !== this.lastMatch) {
        this.pos = this.lastMatch = e;
        this.matchStart = src;
        this.matchEnd = e;
        return true;
      }
    }
    this.exhausted = true;
    giveBackState(ms);
    return false;
  }

  /** The iterator's results for the next match (its captures), or undefined at the end. */
  next(): LuaValue[] | undefined {
    if (!this.nextMatch()) return undefined;
    return this.ms.captures(this.matchStart, this.matchEnd, true);
  }
}

// ============================================================================================
// string.gsub
// ============================================================================================

/**
 * A parsed replacement string (add_s): literal pieces and capture references. A number k in
 * 0..9 stands for `%k`; REPL_BAD_ESCAPE for a `%` followed by anything else, which is an error
 * only when a match actually uses the template (as in C).
 */
export type ReplTemplate = (string | number)[];
const REPL_BAD_ESCAPE = -1;

/** How many result pieces GsubState joins at a time. */
const PARTS_PER_CHUNK = 512;

/** Parse a gsub replacement string once, for use with every match. */
export function parseReplacement(repl: string): ReplTemplate {
  const out: ReplTemplate = [];
  let from = 0;
  for (;;) {
    const k = repl.indexOf('%', from);
    if (k === -1) break;
    if (k > from) out.push(repl.slice(from, k));
    const c = repl.charCodeAt(k + 1);
    if (c === C_ESC) out.push('%');
    else if (c >= 48 && c <= 57) out.push(c - 48);
    else out.push(REPL_BAD_ESCAPE);
    from = k + 2;
  }
  if (from < repl.length) out.push(repl.slice(from));
  return out;
}

/**
 * The state of one string.gsub call, driven step by step:
 *
 *     const g = new GsubState(src, pat, maxN);
 *     while (g.next()) {
 *       // match is g.matchStart..g.matchEnd; captures via g.ms (captures/getCapture)
 *       ... exactly one of: g.addTemplate(t), g.addValue(str), g.keepMatch()
 *     }
 *     return [g.result(), g.count];
 *
 * Between next() calls the caller may run Lua code (a replacement function, an __index
 * metamethod), which may suspend; the state holds everything the loop needs. Text between
 * matches is not copied character by character: the state remembers where the unreplaced
 * region starts and slices it once, and the result is joined from parts once at the end.
 */
export class GsubState {
  readonly ms = takeState();
  /** Number of matches so far (gsub's second result). */
  count = 0;
  /** Bounds of the current match (0-based, end exclusive), valid after next() returns true. */
  matchStart = 0;
  matchEnd = 0;

  private readonly src: string;
  private readonly anchor: boolean;
  private readonly p0: number;
  private readonly maxN: number;
  private pos = 0;
  private lastMatch = -1;
  private done = false;
  private pending = false;
  private changed = false;
  /** The MatchState went back to the pool (result() was called). */
  private released = false;
  /** Start of the subject text not yet copied into `parts`. */
  private copyFrom = 0;
  /** Pieces of the result since the last chunk; joined into `chunks` every PARTS_PER_CHUNK. */
  private readonly parts: string[] = [];
  private readonly chunks: string[] = [];

  /** `maxN` is gsub's 4th argument (default: subject length + 1). */
  constructor(src: string, pat: string, maxN: number | bigint = src.length + 1) {
    this.src = src;
    this.anchor = pat.charCodeAt(0) === C_CARET;
    this.p0 = this.anchor ? 1 : 0;
    this.maxN = typeof maxN === 'bigint' ? Number(maxN) : maxN;
    this.ms.prepare(src, pat, this.p0);
    if (!this.anchor) this.ms.setScan(this.p0);
  }

  /** Advance to the next match; false when the substitution is over. */
  next(): boolean {
    if (this.pending) throw new Error('GsubState.next: no replacement given for the previous match');
    if (this.done) return false;
    const ms = this.ms;
    const end = ms.srcLen;
    let src = this.pos;
    while (this.count < this.maxN) {
      if (!this.anchor) {
        src = ms.nextStart(src);
        if (src === -1) break;
      }
      ms.reset();
      const e = ms.match(src, this.p0);
      if (e !== -1 && e !== this.lastMatch) {
        this.count++;
        this.matchStart = src;
        this.matchEnd = e;
        this.pending = true;
        return true;
      }
      if (src >= end || this.anchor) break;
      src++; // the character stays as it is
    }
    this.done = true;
    return false;
  }

  /** Replace the current match by a string replacement template (string/number `repl`). */
  addTemplate(t: ReplTemplate): void {
    this.flush();
    const parts = this.parts;
    const s = this.matchStart;
    const e = this.matchEnd;
    for (let i = 0; i < t.length; i++) {
      const piece = t[i];
      if (typeof piece === 'string') parts.push(piece);
      else if (piece === 0) parts.push(this.src.slice(s, e));
      else if (piece === REPL_BAD_ESCAPE) throwLibError("invalid use of '%' in replacement string");
      else {
        const v = this.ms.getCapture(piece - 1, s, e);
        parts.push(typeof v === 'string' ? v : String(v));
      }
    }
    this.changed = true;
    this.advance();
  }

  /** Replace the current match by `str` (a function's or table's result, as a string). */
  addValue(str: string): void {
    this.flush();
    this.parts.push(str);
    this.changed = true;
    this.advance();
  }

  /** Keep the current match's text (the function or table gave nil or false). */
  keepMatch(): void {
    this.advance();
  }

  /** The subject with the replacements made (the subject itself if nothing changed). */
  result(): string {
    if (!this.released) {
      this.released = true;
      giveBackState(this.ms);
    }
    if (!this.changed) return this.src;
    this.parts.push(this.src.slice(this.copyFrom));
    this.copyFrom = this.src.length;
    this.chunks.push(this.parts.join(''));
    this.parts.length = 0;
    const out = this.chunks.length === 1 ? this.chunks[0] : this.chunks.join('');
    this.chunks.length = 0;
    this.chunks.push(out);
    return out;
  }

  /** Copy the unreplaced text before the current match; start a chunk when parts pile up. */
  private flush(): void {
    const parts = this.parts;
    if (parts.length >= PARTS_PER_CHUNK) {
      // one huge join of short slices is measurably slower than joins of a few hundred
      this.chunks.push(parts.join(''));
      parts.length = 0;
    }
    if (this.matchStart > this.copyFrom) parts.push(this.src.slice(this.copyFrom, this.matchStart));
    this.copyFrom = this.matchEnd;
  }

  private advance(): void {
    if (!this.pending) throw new Error('GsubState: no current match');
    this.pending = false;
    this.pos = this.lastMatch = this.matchEnd;
    if (this.anchor) this.done = true;
  }
}

/**
 * gsub of a pattern without specials by a replacement without '%': a literal search and
 * replace, with no matcher involved (each match is found by indexOf and is the pattern
 * itself). Null when the pattern or the replacement is not that simple, or the pattern is
 * empty (it matches between every two characters).
 */
export function gsubLiteral(src: string, pat: string, repl: string, maxN: number | bigint): [string, number] | null {
  if (pat.length === 0 || hasSpecials(pat) || repl.indexOf('%') >= 0) return null;
  const chunks: string[] = [];
  const parts: string[] = [];
  let count = 0;
  let from = 0;
  for (let k = src.indexOf(pat); k >= 0 && count < maxN; k = src.indexOf(pat, from)) {
    if (parts.length >= PARTS_PER_CHUNK) {
      chunks.push(parts.join(''));
      parts.length = 0;
    }
    parts.push(src.slice(from, k), repl);
    from = k + pat.length;
    count++;
  }
  if (count === 0) return [src, 0];
  parts.push(src.slice(from));
  chunks.push(parts.join(''));
  return [chunks.length === 1 ? chunks[0] : chunks.join(''), count];
}

/**
 * string.gsub with a string (or number, already converted) replacement, all in one call.
 * Returns the new string and the number of matches.
 */
export function gsubString(src: string, pat: string, repl: string, maxN?: number | bigint): [string, number] {
  const g = new GsubState(src, pat, maxN);
  const t = parseReplacement(repl);
  while (g.next()) g.addTemplate(t);
  return [g.result(), g.count];
}
