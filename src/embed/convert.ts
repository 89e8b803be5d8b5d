// convert.ts — values crossing between JavaScript and Lua.
//
//   JS → Lua                                   Lua → JS
//   undefined, null     → nil                  nil              → undefined
//   boolean             → boolean              boolean          → boolean
//   integral number     → integer              integer          → number (bigint beyond ±2^53)
//   other number        → float                float            → number
//   bigint              → integer (int64)      string           → string (UTF-8 decoded)
//   string              → string (UTF-8)       table            → LuaTable handle
//   Uint8Array          → string (raw bytes)   function         → LuaFunction handle
//   array, plain object → new table (deep)     userdata         → the JS value it wraps
//   function            → callable function    thread           → LuaThreadHandle
//   moonlet handle      → the same Lua object
//   any other object    → userdata exposing its fields and methods (userdata.ts)
//
// Deep copies keep cycles and shared references (a Map from source to copy). Strings are
// converted with a fast path for ASCII, which needs no re-encoding at all.

import type { LuaValue } from '../vm/value.js';
import { LuaFloat, LuaUserdata, mkFloat, POS_NAN } from '../vm/value.js';
import { LuaTable as Table } from '../vm/table.js';
import { LuaClosure, NativeFunction } from '../vm/closure.js';
import { LuaThread } from '../vm/state.js';
import type { Runtime } from './runtime.js';

// ============================================================================================
// Strings
// ============================================================================================

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** A JS string as the Lua byte string of its UTF-8 encoding. */
export function toByteString(s: string): string {
  if (isAscii(s)) return s;
  return bytesToByteString(encoder.encode(s));
}

export function bytesToByteString(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 0x2000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    out += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as number[]);
  }
  return out;
}

export function byteStringToBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** A Lua byte string as a JS string, decoding UTF-8 (invalid sequences become U+FFFD). */
export function fromByteString(s: string): string {
  if (isAscii(s)) return s;
  return decoder.decode(byteStringToBytes(s));
}

// ============================================================================================
// JS → Lua
// ============================================================================================

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** A JS number as a Lua number: integral values in int64 range become integers. */
export function numberToLua(x: number): LuaValue {
  if (Number.isInteger(x)) {
    if (Number.isSafeInteger(x)) return x === 0 ? 0 : x;
    if (x >= -9223372036854775808 && x < 9223372036854775808) return BigInt(x);
  }
  return mkFloat(x);
}

/** Convert any JS value to a Lua value for runtime `rt`. */
export function toLua(rt: Runtime, v: unknown, seen?: Map<object, Table>): LuaValue {
  switch (typeof v) {
    case 'undefined':
      return undefined;
    case 'boolean':
      return v;
    case 'number':
      return numberToLua(v);
    case 'bigint':
      if (v < INT64_MIN || v > INT64_MAX) throw new RangeError(`bigint ${v} does not fit in a Lua integer`);
      return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
    case 'string':
      return toByteString(v);
    case 'function':
      return rt.hostFunction(v as (...args: unknown[]) => unknown);
    case 'symbol':
      throw new TypeError('a symbol cannot be converted to a Lua value');
  }
  if (v === null) return undefined;
  const handle = rt.unwrapHandle(v as object);
  if (handle !== undefined) return handle;
  if (v instanceof Uint8Array) return bytesToByteString(v);
  if (Array.isArray(v) || isPlainObject(v)) return tableFrom(rt, v as object, seen ?? new Map());
  return rt.wrapObject(v as object);
}

function isPlainObject(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function tableFrom(rt: Runtime, src: object, seen: Map<object, Table>): Table {
  const existing = seen.get(src);
  if (existing !== undefined) return existing;
  const t = new Table();
  seen.set(src, t);
  if (Array.isArray(src)) {
    for (let i = 0; i < src.length; i++) t.setInt(i + 1, toLua(rt, src[i], seen));
  } else {
    for (const key of Object.keys(src)) {
      const value = (src as Record<string, unknown>)[key];
      const k = /^(0|[1-9][0-9]*)$/.test(key) && key.length < 16 ? Number(key) : toByteString(key);
      t.set(k, toLua(rt, value, seen));
    }
  }
  return t;
}

// ============================================================================================
// Lua → JS
// ============================================================================================

/** Convert a Lua value for JS: handles for tables, functions and threads. */
export function toJS(rt: Runtime, v: LuaValue): unknown {
  switch (typeof v) {
    case 'undefined':
    case 'boolean':
    case 'number':
      return v;
    case 'bigint':
      // Integers are numbers inside the VM while they are safe (|i| < 2^53); ±2^53 itself is
      // still exact as a JS number, so only what lies beyond stays a bigint.
      return v >= -9007199254740992n && v <= 9007199254740992n ? Number(v) : v;
    case 'string':
      return fromByteString(v);
  }
  if (v instanceof LuaFloat) return v === POS_NAN ? NaN : v.n;
  if (v instanceof Table) return rt.tableHandle(v);
  if (v instanceof LuaClosure || v instanceof NativeFunction) return rt.functionHandle(v);
  if (v instanceof LuaUserdata) return rt.userdataValue(v);
  if (v instanceof LuaThread) return rt.threadHandle(v);
  return v;
}

export interface ToJSOptions {
  /** Tables whose keys are exactly 1..n become arrays (default true). */
  arrays?: boolean;
  /** What to do on a cycle: 'keep' shares the object (default), 'error' throws. */
  cycles?: 'keep' | 'error';
}

/** Deep conversion of a table to plain JS arrays and objects. */
export function tableToJS(rt: Runtime, t: Table, options: ToJSOptions, seen = new Map<Table, unknown>()): unknown {
  const done = seen.get(t);
  if (done !== undefined) {
    if (options.cycles === 'error') throw new TypeError('the table has a cycle');
    return done;
  }
  const n = t.length();
  const out: LuaValue[] = [undefined, undefined];
  let count = 0;
  let key: LuaValue = undefined;
  while (t.next(key, out, 0)) {
    key = out[0];
    count++;
  }
  const convert = (v: LuaValue): unknown => (v instanceof Table ? tableToJS(rt, v, options, seen) : toJS(rt, v));
  if (options.arrays !== false && count === n && n > 0) {
    const arr: unknown[] = [];
    seen.set(t, arr);
    for (let i = 1; i <= n; i++) arr.push(convert(t.getInt(i)));
    return arr;
  }
  const obj: Record<string, unknown> = {};
  seen.set(t, obj);
  key = undefined;
  while (t.next(key, out, 0)) {
    key = out[0];
    const k = key;
    const name = typeof k === 'string' ? fromByteString(k) : String(toJS(rt, k));
    obj[name] = convert(out[1]);
  }
  return obj;
}
