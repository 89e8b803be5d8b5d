// string.ts — the string library and the string metatable: the native-function glue around
// the engines (string-pattern.ts, string-format.ts, string-pack.ts) plus the functions that
// need no engine (byte, char, len, lower, upper, rep, reverse, sub, dump).
//
// What it owns:
//   - argument reading and Lua's exact argument errors for every `string.*` function (aux.ts);
//   - index normalisation (posrelatI, getendpos) for sub and byte;
//   - gsub's driving loop: string templates and tables inline, function replacements called
//     by request (NativeRequest.Call) one match at a time, so a host await inside them
//     suspends the run; coroutine.yield there fails as in Lua (CIST_NOYIELD: lua_call in C);
//   - the string metatable: `__index = string` and the arithmetic metamethods of 5.4, which
//     coerce numeric strings (`"10" + 1 == 11`) and otherwise raise lstrlib's own message
//     ("attempt to add a 'string' with a 'table'"); no bitwise metamethods.
//
// Invariants:
//   - Strings are byte strings (one JS char per byte); no function here produces a char code
//     above 255. `upper`/`lower` change ASCII letters only (the C locale), never bytes >= 0x80.
//   - Lengths never exceed what a JS string holds. Sizes Lua itself rejects (lstrlib's MAXSIZE,
//     INT_MAX for this platform) raise Lua's message; sizes between the JS limit and Lua's
//     raise "not enough memory", as Lua does when malloc fails.
//   - Natives that must call Lua (gsub with a function) keep their state in `ci.ctx`.
//
// Cf. lstrlib.c (str_len, str_sub, str_byte, str_rep, str_gsub, arith_*, trymt, createmetatable).

import type { LuaValue } from '../vm/value.js';
import { LuaFloat, isNumber, numberToString, stringToNumber, typeName } from '../vm/value.js';
import { LuaTable } from '../vm/table.js';
import { LuaClosure, NativeFunction } from '../vm/closure.js';
import type { NativeImpl } from '../vm/closure.js';
import type { CallInfo, LuaThread } from '../vm/state.js';
import { CIST_NOYIELD, LUAI_MAXSTACK, NativeRequest } from '../vm/state.js';
import { LuaError } from '../vm/errors.js';
import { ArithOp, arithNumbers } from '../vm/arith.js';
import { index, metaField, objectAddress, toStringMeta } from '../vm/api.js';
import { dump } from '../vm/dump.js';
import { GmatchState, GsubState, gsubLiteral, parseReplacement, patternFind, posRelatI } from './string-pattern.js';
import type { ReplTemplate } from './string-pattern.js';
import { luaFormat } from './string-format.js';
import type { FormatArgs } from './string-format.js';
import { luaPack, luaPackSize, luaUnpack } from './string-pack.js';
import type { PackArgs } from './string-pack.js';
import {
  arg,
  argError,
  checkInteger,
  checkNumber,
  checkString,
  checkType,
  isNoneOrNil,
  luaError,
  newLib,
  optInteger,
  optIntegerNumber,
  ret1,
  ret2,
  typeError,
} from './aux.js';

// ============================================================================================
// Limits
// ============================================================================================

/** lstrlib.c MAXSIZE: INT_MAX on a platform whose size_t is wider than int. */
const MAXSIZE = 0x7fffffff;

/** The longest string a JS engine builds (V8: 2^29 - 24 chars on 64-bit). */
const JS_MAX_STRING = (1 << 29) - 24;

function notEnoughMemory(): never {
  throw new LuaError('not enough memory');
}

/** Argument 1 as a string, with the common case (a string) inline. */
function str1(L: LuaThread, base: number): string {
  const s = L.stack[base];
  return typeof s === 'string' && L.ci.nargs >= 1 ? s : checkString(L, 1);
}

/** An integer as a JS number, saturating beyond ±2^53 (positions are clipped to lengths). */
function clampInteger(n: number | bigint): number {
  return typeof n === 'number' ? n : n > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER;
}

/** getendpos: an end position (argument `i`, default `def`) clipped to 0..len. */
function getEndPos(L: LuaThread, i: number, def: number, len: number): number {
  const pos = optIntegerNumber(L, i, def);
  if (pos > len) return len;
  if (pos >= 0) return pos;
  if (pos < -len) return 0;
  return len + pos + 1;
}

// ============================================================================================
// Basic functions
// ============================================================================================

function str_len(L: LuaThread, base: number): number {
  return ret1(L, str1(L, base).length);
}

/** string.sub(s [, i [, j]]). */
function str_sub(L: LuaThread, base: number): number {
  const s = str1(L, base);
  const l = s.length;
  const start = posRelatI(checkInteger(L, 2), l);
  const end = getEndPos(L, 3, -1, l);
  return ret1(L, start <= end ? s.slice(start - 1, end) : '');
}

function str_reverse(L: LuaThread, base: number): number {
  const s = str1(L, base);
  const n = s.length;
  if (n < 64) {
    let out = '';
    for (let i = n - 1; i >= 0; i--) out += s[i];
    return ret1(L, out);
  }
  // Long strings: appending one char at a time builds a deep rope; go through char codes.
  const codes = new Uint16Array(n);
  for (let i = 0; i < n; i++) codes[i] = s.charCodeAt(n - 1 - i);
  return ret1(L, fromCodes(codes));
}

/** The string of the char codes in `codes`, in chunks small enough for one apply each. */
function fromCodes(codes: Uint16Array): string {
  const CHUNK = 8192;
  let out = '';
  for (let i = 0; i < codes.length; i += CHUNK) {
    out += String.fromCharCode.apply(null, codes.subarray(i, i + CHUNK) as unknown as number[]);
  }
  return out;
}

// Non-ASCII bytes never change case in the C locale; JS's case mapping would change some of
// them (0xE0 → 0xC0, 0xB5 → U+039C, 0xDF → "SS"), so such strings take the regex path.
const NON_ASCII = /[\x80-\xff]/;
const ASCII_LOWER = /[a-z]+/g;
const ASCII_UPPER = /[A-Z]+/g;
const toUpper = (m: string): string => m.toUpperCase();
const toLower = (m: string): string => m.toLowerCase();

function str_lower(L: LuaThread, base: number): number {
  const s = str1(L, base);
  return ret1(L, NON_ASCII.test(s) ? s.replace(ASCII_UPPER, toLower) : s.toLowerCase());
}

function str_upper(L: LuaThread, base: number): number {
  const s = str1(L, base);
  return ret1(L, NON_ASCII.test(s) ? s.replace(ASCII_LOWER, toUpper) : s.toUpperCase());
}

/** string.rep(s, n [, sep]). */
function str_rep(L: LuaThread, base: number): number {
  const s = str1(L, base);
  const n = checkInteger(L, 2);
  const sep = isNoneOrNil(L, 3) ? '' : checkString(L, 3);
  if (n <= 0) return ret1(L, '');
  const l = s.length;
  const lsep = sep.length;
  const unit = l + lsep;
  if (unit === 0) return ret1(L, ''); // lua5.4 spins n times here; the result is the same
  // l + lsep > MAXSIZE / n, in C's unsigned integer division
  const nn = typeof n === 'bigint' ? (n > BigInt(MAXSIZE) ? MAXSIZE + 1 : Number(n)) : n;
  if (unit > Math.floor(MAXSIZE / nn)) luaError(L, 'resulting string too large');
  const total = nn * l + (nn - 1) * lsep;
  if (total > JS_MAX_STRING) notEnoughMemory();
  if (nn === 1) return ret1(L, s);
  const r = lsep === 0 ? s.repeat(nn) : (s + sep).repeat(nn - 1) + s;
  // V8 builds repeats as ropes; reading a char flattens it, so the string occupies (and
  // collectgarbage("count") sees) its real size, and later scans of it are fast.
  if (total > 4096) r.charCodeAt(total - 1);
  L.global.allocated += total;
  return ret1(L, r);
}

/** string.byte(s [, i [, j]]). */
function str_byte(L: LuaThread, base: number): number {
  const s = str1(L, base);
  const l = s.length;
  const i = optInteger(L, 2, 1);
  // j defaults to i as given, before i is normalised: byte("hi", -3) is empty
  const pose = getEndPos(L, 3, clampInteger(i), l);
  const pi = posRelatI(i, l);
  if (pi > pose) return 0;
  const n = pose - pi + 1;
  if (n >= MAXSIZE) luaError(L, 'string slice too long');
  if (L.top + n > LUAI_MAXSTACK) luaError(L, 'stack overflow (string slice too long)');
  L.ensureStack(L.top + n);
  const stack = L.stack;
  let top = L.top;
  for (let i = pi - 1; i < pose; i++) stack[top++] = s.charCodeAt(i);
  L.top = top;
  return n;
}

/** string.char(...). */
function str_char(L: LuaThread, _base: number, nargs: number): number {
  let out = '';
  for (let i = 1; i <= nargs; i++) {
    const c = checkInteger(L, i);
    if (typeof c !== 'number' || c < 0 || c > 255) argError(L, i, 'value out of range');
    out += String.fromCharCode(c);
  }
  return ret1(L, out);
}

/** string.dump(f [, strip]). */
function str_dump(L: LuaThread): number {
  const strip = arg(L, 2);
  const f = checkType(L, 1, 'function');
  if (!(f instanceof LuaClosure)) luaError(L, 'unable to dump given function');
  return ret1(L, dump(f.p, strip !== undefined && strip !== false));
}

// ============================================================================================
// Pattern matching: find, match, gmatch, gsub
// ============================================================================================

/** Push the values of a find/match result, or a single nil (luaL_pushfail). */
function pushResults(L: LuaThread, r: LuaValue[] | undefined): number {
  if (r === undefined) return ret1(L, undefined);
  L.ensureStack(L.top + r.length);
  for (let i = 0; i < r.length; i++) L.stack[L.top++] = r[i];
  return r.length;
}

/** string.find(s, pattern [, init [, plain]]). */
function str_find(L: LuaThread, base: number, nargs: number): number {
  const s = str1(L, base);
  const p = checkString(L, 2);
  const init = nargs >= 3 ? optInteger(L, 3, 1) : 1;
  const plain = nargs >= 4 && L.stack[base + 3] !== undefined && L.stack[base + 3] !== false;
  if (plain) {
    // The common plain search, without the engine's result array.
    const ls = s.length;
    const start = posRelatI(init, ls) - 1;
    if (start > ls) return ret1(L, undefined);
    const k = s.indexOf(p, start);
    return k === -1 ? ret1(L, undefined) : ret2(L, k + 1, k + p.length);
  }
  return pushResults(L, patternFind(s, p, init, false, true));
}

/** string.match(s, pattern [, init]). */
function str_match(L: LuaThread, base: number, nargs: number): number {
  const s = str1(L, base);
  const p = checkString(L, 2);
  const init = nargs >= 3 ? optInteger(L, 3, 1) : 1;
  return pushResults(L, patternFind(s, p, init, false, false));
}

/**
 * The iterator string.gmatch returns: a native function that carries its match state. Like
 * Lua's C closure it has the subject and the pattern as upvalues (what debug.getupvalue sees).
 */
class GmatchIterator extends NativeFunction {
  constructor(
    readonly gm: GmatchState,
    s: string,
    p: string,
  ) {
    super('gmatch_aux', gmatch_aux);
    this.refs = [s, p];
  }
}

/** One step of a gmatch iterator: the captures of the next match, or nothing at the end. */
function gmatch_aux(L: LuaThread): number {
  const gm = (L.ci.closure as GmatchIterator).gm;
  if (!gm.nextMatch()) return 0;
  const ms = gm.ms;
  const start = gm.matchStart;
  const end = gm.matchEnd;
  const n = ms.captureCount(true);
  L.ensureStack(L.top + n);
  const stack = L.stack;
  let top = L.top;
  for (let i = 0; i < n; i++) stack[top++] = ms.getCapture(i, start, end);
  L.top = top;
  return n;
}

/** string.gmatch(s, pattern [, init]): an iterator over the matches. */
function str_gmatch(L: LuaThread, base: number): number {
  const s = str1(L, base);
  const p = checkString(L, 2);
  const init = optInteger(L, 3, 1);
  return ret1(L, new GmatchIterator(new GmatchState(s, p, init), s, p));
}

/** What a gsub call with a function replacement keeps between matches (in ci.ctx). */
interface GsubCall {
  g: GsubState;
  f: LuaValue;
  /** Stack slot of the pending call of `f`; its result lands there. */
  func: number;
}

/** string.gsub(s, pattern, repl [, n]). */
function str_gsub(L: LuaThread, base: number): number {
  const src = str1(L, base);
  const p = checkString(L, 2);
  const repl = arg(L, 3);
  const maxN = optInteger(L, 4, src.length + 1);
  const isFn = repl instanceof LuaClosure || repl instanceof NativeFunction;
  if (!(typeof repl === 'string' || isNumber(repl) || isFn || repl instanceof LuaTable)) {
    typeError(L, 3, 'string/function/table');
  }
  if (typeof repl === 'string') {
    const literal = gsubLiteral(src, p, repl, maxN);
    if (literal !== null) return ret2(L, literal[0], literal[1]);
  }
  const g = new GsubState(src, p, maxN);
  if (isFn) {
    // Lua calls the function with lua_call: it cannot yield (host awaits still work).
    const ci = L.ci;
    ci.callstatus |= CIST_NOYIELD;
    ci.ctx = { g, f: repl, func: 0 } satisfies GsubCall;
    ci.k = gsubContinue;
    return gsubStep(L, ci);
  }
  if (repl instanceof LuaTable) {
    while (g.next()) {
      const key = g.ms.getCapture(0, g.matchStart, g.matchEnd);
      const raw = repl.get(key);
      const v = raw !== undefined || repl.metatable === undefined ? raw : index(L, repl, key);
      addReplacement(L, g, v);
    }
  } else {
    const t = template(typeof repl === 'string' ? repl : numberToString(repl as number | bigint | LuaFloat));
    while (g.next()) g.addTemplate(t);
  }
  return ret2(L, g.result(), g.count);
}

// The last parsed replacement string: loops tend to call gsub with the same one.
let lastRepl = '';
let lastTemplate: ReplTemplate = [];

function template(repl: string): ReplTemplate {
  if (repl !== lastRepl) {
    lastTemplate = parseReplacement(repl);
    lastRepl = repl;
  }
  return lastTemplate;
}

/** Find the next match and request the call of the replacement function, or finish. */
function gsubStep(L: LuaThread, ci: CallInfo): number {
  const st = ci.ctx as GsubCall;
  const g = st.g;
  if (!g.next()) {
    ci.ctx = undefined;
    return ret2(L, g.result(), g.count);
  }
  const ms = g.ms;
  const n = ms.captureCount(true);
  const func = L.top;
  L.ensureStack(func + n + 1);
  const stack = L.stack;
  stack[func] = st.f;
  for (let i = 0; i < n; i++) stack[func + 1 + i] = ms.getCapture(i, g.matchStart, g.matchEnd);
  L.top = func + 1 + n;
  st.func = func;
  L.pendingFunc = func;
  L.pendingResults = 1;
  return NativeRequest.Call;
}

/** The replacement function returned: use its result, then go on with the next match. */
function gsubContinue(L: LuaThread, ci: CallInfo): number {
  const st = ci.ctx as GsubCall;
  const v = L.stack[st.func];
  L.top = st.func;
  addReplacement(L, st.g, v);
  return gsubStep(L, ci);
}

/** add_value's tail: a function's or table's result replaces the match (or keeps it). */
function addReplacement(L: LuaThread, g: GsubState, v: LuaValue): void {
  if (v === undefined || v === false) g.keepMatch();
  else if (typeof v === 'string') g.addValue(v);
  else if (isNumber(v)) g.addValue(numberToString(v));
  else luaError(L, `invalid replacement value (a ${typeName(v)})`);
}

// ============================================================================================
// string.format
// ============================================================================================

/** The engine's view of format's arguments: value i is argument i + 1. */
class NativeFormatArgs implements FormatArgs {
  constructor(
    readonly L: LuaThread,
    readonly base: number,
    readonly count: number,
  ) {}

  get(i: number): LuaValue {
    return this.L.stack[this.base + i];
  }

  toStringMeta(v: LuaValue): string {
    return typeof v === 'string' ? v : toStringMeta(this.L, v);
  }

  argError(i: number, msg: string): never {
    argError(this.L, i + 1, msg);
  }

  error(msg: string): never {
    luaError(this.L, msg);
  }

  typeName(v: LuaValue): string {
    const name = metaField(this.L, v, '__name');
    return typeof name === 'string' ? name : typeName(v);
  }

  toPointer(v: LuaValue): string | undefined {
    return pointerOf(v);
  }
}

/**
 * lua_topointer for %p: reference values print the address `tostring` shows. Strings are
 * values in moonlet, without an identity: equal strings print the same address (a hash of
 * their bytes), as interned short strings do in Lua. Lua's long strings (over 40 bytes) are
 * separate objects, so two equal ones may differ there; moonlet cannot tell them apart.
 */
function pointerOf(v: LuaValue): string | undefined {
  if (typeof v === 'string') {
    // two FNV-1a variants: 48 bits of hash, printed like a heap address
    let h = 0x811c9dc5;
    let g = 0x1234567;
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      h = Math.imul(h ^ c, 0x01000193);
      g = Math.imul(g ^ c, 0x5bd1e995);
    }
    return '0x5' + ((g >>> 0) & 0xfff).toString(16).padStart(3, '0') + (h >>> 0).toString(16).padStart(8, '0');
  }
  // tables, functions, threads, userdata (a LuaFloat is a number)
  if (typeof v === 'object' && !(v instanceof LuaFloat)) return objectAddress(v);
  return undefined;
}

/** string.format(fmt, ...). */
function str_format(L: LuaThread, base: number, nargs: number): number {
  const fmt = str1(L, base);
  return ret1(L, luaFormat(fmt, new NativeFormatArgs(L, base, nargs - 1)));
}

// ============================================================================================
// string.pack, string.unpack, string.packsize
// ============================================================================================

/**
 * The pack engine's view of pack's arguments. str_pack pushes a marker above its arguments,
 * so a missing value reads as nil: "number expected, got nil", not "got no value".
 */
class NativePackArgs implements PackArgs {
  constructor(readonly L: LuaThread) {}

  private missing(i: number, expected: string): void {
    if (i > this.L.ci.nargs) argError(this.L, i, `${expected} expected, got nil`);
  }

  checkInteger(i: number): number | bigint {
    this.missing(i, 'number');
    return checkInteger(this.L, i);
  }

  checkNumber(i: number): number | bigint | LuaFloat {
    this.missing(i, 'number');
    return checkNumber(this.L, i);
  }

  checkString(i: number): string {
    this.missing(i, 'string');
    return checkString(this.L, i);
  }

  argError(i: number, msg: string): never {
    argError(this.L, i, msg);
  }
}

function str_pack(L: LuaThread, base: number): number {
  const fmt = str1(L, base);
  const out = luaPack(fmt, new NativePackArgs(L));
  if (out.length > JS_MAX_STRING) notEnoughMemory();
  return ret1(L, out);
}

function str_unpack(L: LuaThread, base: number): number {
  const fmt = str1(L, base);
  const data = checkString(L, 2);
  const init = optInteger(L, 3, 1);
  const values = luaUnpack(fmt, data, init, (i, msg) => argError(L, i, msg));
  if (L.top + values.length > LUAI_MAXSTACK) luaError(L, 'stack overflow (too many results)');
  return pushResults(L, values);
}

function str_packsize(L: LuaThread, base: number): number {
  const fmt = str1(L, base);
  return ret1(L, luaPackSize(fmt, (i, msg) => argError(L, i, msg)));
}

// ============================================================================================
// The string metatable: arithmetic on numeric strings (lstrlib.c stringmetamethods)
// ============================================================================================

/** tonum: a number, or a string that converts to one entirely; else undefined. */
function toNum(v: LuaValue): LuaValue {
  if (isNumber(v)) return v;
  if (typeof v === 'string') return stringToNumber(v);
  return undefined;
}

/**
 * trymt: the operands are not both numeric. If the second operand is not a string and has
 * its own metamethod for the event, call it (by request); otherwise raise lstrlib's error,
 * naming the basic types of both operands.
 */
function tryMetamethod(L: LuaThread, base: number, nargs: number, event: string): number {
  const a = nargs >= 1 ? L.stack[base] : undefined;
  const b = nargs >= 2 ? L.stack[base + 1] : undefined;
  const mm = typeof b === 'string' ? undefined : metaField(L, b, event);
  if (mm === undefined) {
    luaError(L, `attempt to ${event.slice(2)} a '${typeName(a)}' with a '${typeName(b)}'`);
  }
  const func = L.top;
  L.push(mm);
  L.push(a);
  L.push(b);
  L.pendingFunc = func;
  L.pendingResults = 1;
  L.ci.callstatus |= CIST_NOYIELD; // lua_call in C
  L.ci.k = oneResult;
  return NativeRequest.Call;
}

const oneResult = (): number => 1;

function arithMetamethod(op: ArithOp, event: string): NativeImpl {
  return (L, base, nargs) => {
    const a = toNum(nargs >= 1 ? L.stack[base] : undefined);
    // In C, tonum pushes the converted first operand; with a single argument, index 2 then
    // names that copy, so `getmetatable("").__add("2")` is 4.
    const b = nargs >= 2 ? toNum(L.stack[base + 1]) : a;
    if (a === undefined || b === undefined) return tryMetamethod(L, base, nargs, event);
    // lua_arith of a unary operator works on the top operand: the second one.
    return ret1(L, op === ArithOp.UNM ? arithNumbers(op, b, b) : arithNumbers(op, a, b));
  };
}

function stringMetatable(lib: LuaTable): LuaTable {
  const mt = new LuaTable();
  const events: [string, ArithOp][] = [
    ['__add', ArithOp.ADD],
    ['__sub', ArithOp.SUB],
    ['__mul', ArithOp.MUL],
    ['__mod', ArithOp.MOD],
    ['__pow', ArithOp.POW],
    ['__div', ArithOp.DIV],
    ['__idiv', ArithOp.IDIV],
    ['__unm', ArithOp.UNM],
  ];
  for (const [event, op] of events) mt.setStr(event, new NativeFunction(event.slice(2), arithMetamethod(op, event)));
  mt.setStr('__index', lib);
  return mt;
}

// ============================================================================================
// Registration
// ============================================================================================

const stringFunctions = {
  byte: str_byte,
  char: str_char,
  dump: str_dump,
  find: str_find,
  format: str_format,
  gmatch: str_gmatch,
  gsub: str_gsub,
  len: str_len,
  lower: str_lower,
  match: str_match,
  rep: str_rep,
  reverse: str_reverse,
  sub: str_sub,
  upper: str_upper,
  pack: str_pack,
  packsize: str_packsize,
  unpack: str_unpack,
};

/** Open the string library and install the string metatable (luaopen_string). */
export function openString(L: LuaThread): LuaTable {
  const lib = newLib(stringFunctions);
  L.global.stringMeta = stringMetatable(lib);
  return lib;
}
