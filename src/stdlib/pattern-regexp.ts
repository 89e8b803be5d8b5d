// pattern-regexp.ts — Lua patterns translated to JS regular expressions, so that the common
// well-formed patterns run in V8's compiled regexp engine instead of moonlet's interpreted
// matcher (string-pattern.ts), several times faster on long subjects.
//
// A Lua pattern is a backtracking matcher over single-character items with greedy `*`, `+`,
// `?`, lazy `-`, captures, and `^`/`$` anchors. A JS RegExp built from the same items with the
// same quantifiers tries the same alternatives in the same order, so it finds the same match
// (leftmost start; at that start, the first success in backtracking order) with the same
// captures. The translation is used only where that holds and where Lua could raise no error
// for any subject (a malformed pattern raises its error only when the matcher reaches the bad
// item, which depends on the subject): everything else returns null and stays with the
// interpreted matcher. Not translated:
//   - position captures `()`, back references `%1`..`%9`, `%b`, `%f`;
//   - malformed patterns (a trailing `%`, a set without `]`, unbalanced parentheses, more
//     than LUA_MAXCAPTURES captures), reversed ranges such as `[z-a]` (Lua matches nothing,
//     JS rejects them), and patterns long enough to reach Lua's "pattern too complex".
//
// Bytes are chars 0..255 (moonlet's byte strings), so every class is spelled out as ranges
// of \xHH escapes computed from the interpreted matcher's own class test: the C-locale
// classes are defined in one place.
//
// Cf. lstrlib.c (match, singlematch, matchbracketclass, classEnd, match_class).

import { LUA_MAXCAPTURES, matchClass } from './string-pattern.js';

/** A translated pattern: `search` finds the leftmost match from lastIndex, `sticky` matches at lastIndex. */
export interface PatternRegExp {
  readonly search: RegExp;
  readonly sticky: RegExp;
}

/** Switch for tests: compare the two engines on the same inputs. */
export const patternRegExpSettings = { enabled: true };

/**
 * Patterns longer than this stay interpreted: Lua's matcher nests a call per quantified item
 * and capture, and must still report "pattern too complex" (200 levels) where it would.
 */
const MAX_TRANSLATED = 120;

const cache = new Map<string, PatternRegExp | null>();
const CACHE_LIMIT = 256;

/** The regexp for `pat` matched from index `p0` (1 after an anchoring `^`), or null. */
export function patternRegExp(pat: string, p0: number): PatternRegExp | null {
  if (!patternRegExpSettings.enabled) return null;
  // Anchored patterns are translated from index 1; U+0100, which no byte string contains,
  // keeps their keys apart from every pattern translated whole (gmatch's "^^x" included).
  const key = p0 === 0 ? pat : `\u0100${pat}`;
  let r = cache.get(key);
  if (r === undefined) {
    const source = pat.length - p0 <= MAX_TRANSLATED ? translate(pat, p0) : null;
    r = source === null ? null : { search: new RegExp(source, 'g'), sticky: new RegExp(source, 'y') };
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, r);
  }
  return r;
}

const C_ESC = 37; // %
const C_LPAREN = 40;
const C_RPAREN = 41;
const C_DOLLAR = 36;
const C_DOT = 46;
const C_LBRACKET = 91;
const C_RBRACKET = 93;
const C_CARET = 94;
const C_STAR = 42;
const C_PLUS = 43;
const C_MINUS = 45;
const C_QUESTION = 63;

/** JS source for the pattern from p0, or null where the translation would not be exact. */
function translate(pat: string, p0: number): string | null {
  const end = pat.length;
  let out = '';
  let open = 0;
  let captures = 0;
  let p = p0;
  while (p < end) {
    const c = pat.charCodeAt(p);
    if (c === C_LPAREN) {
      if (pat.charCodeAt(p + 1) === C_RPAREN) return null; // position capture
      if (++captures > LUA_MAXCAPTURES) return null;
      open++;
      out += '(';
      p++;
      continue;
    }
    if (c === C_RPAREN) {
      if (open === 0) return null; // "invalid pattern capture"
      open--;
      out += ')';
      p++;
      continue;
    }
    if (c === C_DOLLAR && p + 1 === end) {
      out += '$';
      p++;
      continue;
    }
    // A single-character item, then perhaps its quantifier.
    let item: string | null;
    let next: number;
    if (c === C_ESC) {
      if (p + 1 >= end) return null; // "ends with '%'"
      const d = pat.charCodeAt(p + 1);
      if (d === 98 /* b */ || d === 102 /* f */ || (d >= 48 && d <= 57)) return null;
      item = classItem(d);
      next = p + 2;
    } else if (c === C_LBRACKET) {
      const close = setEnd(pat, p);
      if (close < 0) return null; // "missing ']'"
      item = setItem(pat, p, close);
      next = close + 1;
    } else if (c === C_DOT) {
      item = '[^]';
      next = p + 1;
    } else {
      item = hex(c);
      next = p + 1;
    }
    if (item === null) return null;
    out += item;
    p = next;
    const q = pat.charCodeAt(p);
    if (q === C_STAR || q === C_PLUS || q === C_QUESTION) {
      out += String.fromCharCode(q);
      p++;
    } else if (q === C_MINUS) {
      out += '*?';
      p++;
    }
  }
  if (open !== 0) return null; // "unfinished capture"
  return out;
}

/** Index of the `]` closing the set that opens at `p` (lstrlib.c classEnd), or -1. */
function setEnd(pat: string, p: number): number {
  const end = pat.length;
  p++;
  if (pat.charCodeAt(p) === C_CARET) p++;
  do {
    if (p >= end) return -1;
    const d = pat.charCodeAt(p++);
    if (d === C_ESC && p < end) p++;
  } while (pat.charCodeAt(p) !== C_RBRACKET);
  return p;
}

/** `[...]` from `open` to `close` (the brackets) as a JS class (matchbracketclass), or null. */
function setItem(pat: string, open: number, close: number): string | null {
  let p = open + 1;
  let negate = false;
  if (pat.charCodeAt(p) === C_CARET) {
    negate = true;
    p++;
  }
  let body = '';
  for (; p < close; p++) {
    const c = pat.charCodeAt(p);
    if (c === C_ESC) {
      p++;
      body += classRanges(pat.charCodeAt(p));
    } else if (pat.charCodeAt(p + 1) === C_MINUS && p + 2 < close) {
      const hi = pat.charCodeAt(p + 2);
      if (hi < c) return null; // matches nothing in Lua, a syntax error in JS
      body += `${hex(c)}-${hex(hi)}`;
      p += 2;
    } else body += hex(c);
  }
  // An empty JS class matches nothing and its negation everything, as Lua's loop does.
  return `[${negate ? '^' : ''}${body}]`;
}

/** `%x` outside a set. */
function classItem(letter: number): string {
  return `[${classRanges(letter)}]`;
}

/** The bytes `%x` matches, as the inside of a JS class (match_class, via matchClass). */
function classRanges(letter: number): string {
  let cached = RANGES[letter];
  if (cached === undefined) {
    cached = '';
    for (let b = 0; b < 256; ) {
      if (!matchClass(b, letter)) {
        b++;
        continue;
      }
      let e = b;
      while (e + 1 < 256 && matchClass(e + 1, letter)) e++;
      cached += e === b ? hex(b) : `${hex(b)}-${hex(e)}`;
      b = e + 1;
    }
    RANGES[letter] = cached;
  }
  return cached;
}

const RANGES: (string | undefined)[] = [];

function hex(c: number): string {
  return `\\x${c < 16 ? '0' : ''}${c.toString(16)}`;
}
