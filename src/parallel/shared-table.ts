// shared-table.ts — a fixed-capacity hash table in a SharedArrayBuffer, visible at once to the
// main thread and every worker: string or integer keys, values that are nil, booleans,
// numbers (integers and floats kept apart) or short strings. The pool's `shared.table(name)`
// (pool.ts) and the Lua `parallel.shared.table` (lua-lib.ts) hand out views of one buffer.
// Cf. Roblox's SharedTable (atomic update) and gopher-lua's shared channels.
//
// Layout (byte offsets; all little fields are Int32 cells so Atomics can reach them):
//
//   header, 64 bytes      [0] magic  [1] capacity (max keys)  [2] slots (a power of two)
//                         [3] slot size  [4] key bytes  [5] value bytes
//                         [6] keys claimed  [7] keys with a non-nil value
//   slot i, at 64 + i * slotSize:
//     +0  state      0 empty, 1 being claimed, 2 holds a key (forever)
//     +4  lock       the slot's mutex (atomics.ts): guards the value fields
//     +8  key tag    1 integer, 2 string
//     +12 key length (strings)
//     +16 key low 32 bits (integers) or hash (strings)
//     +20 key high 32 bits (integers)
//     +24 value tag  VT below
//     +28 value length (strings)
//     +32 value cell, 8 bytes: an integer as two Int32 halves, or a float as a Float64
//     +40 owner of the lock (atomics.ts: who to release it for if its thread is ended)
//     +48 key bytes, then value bytes
//
// Invariants and the reasons for them:
// - A slot's key never changes once its state is 2, so finding a key is lock-free: probing
//   reads immutable keys, and only the value needs the slot's lock. The price: a key keeps
//   its slot after its value is set to nil, and `capacity` counts distinct keys ever stored
//   (the "full" error says so). Probing is linear; the slot array is at least 1.5x capacity,
//   so a probe always ends at an empty slot or the key.
// - Claiming an empty slot is a compare-exchange 0 → 1, then the key is written and the
//   state stored as 2; a reader meeting state 1 spins until 2 (a few stores away).
// - Every value read or write holds the slot's lock, so strings are never torn and
//   `increment` and `update` are atomic. `update` holds it while its function runs; using
//   the same key from inside that function is an error (it would deadlock this thread).
// - Keys are normalised as Lua does: a float with an integral value is that integer key.

import type { LuaValue } from '../vm/value.js';
import { LuaFloat, POS_NAN, mkFloat, typeName } from '../vm/value.js';
import { LuaError } from '../vm/errors.js';
import { fromByteString, toByteString } from '../embed/convert.js';
import { lock, releaseIfOwner, unlock } from './atomics.js';
import { SHARED } from './transfer.js';

const MAGIC = 0x4d4c5354; // "MLST"
const HEADER = 64;
const H_MAGIC = 0;
const H_CAPACITY = 1;
const H_SLOTS = 2;
const H_SLOT_SIZE = 3;
const H_KEY_BYTES = 4;
const H_VALUE_BYTES = 5;
const H_CLAIMED = 6;
const H_LIVE = 7;

// Slot fields, in Int32 cells from the slot's start.
const S_STATE = 0;
const S_LOCK = 1;
const S_KTAG = 2;
const S_KLEN = 3;
const S_KLO = 4;
const S_KHI = 5;
const S_VTAG = 6;
const S_VLEN = 7;
const S_CELL = 8;
const S_OWNER = 10;
const S_BYTES = 48; // in bytes

const KEY_INT = 1;
const KEY_STR = 2;

/** Value tags. */
const enum VT {
  Nil = 0,
  False = 1,
  True = 2,
  Int = 3,
  Float = 4,
  /** The positive NaN (value.ts POS_NAN); a plain Float NaN is the default, negative one. */
  PosNaN = 5,
  Str = 6,
}

export interface SharedTableOptions {
  /** Distinct keys the table can ever hold (default 1024). */
  capacity?: number;
  /** Longest string key, in bytes (default 64). */
  keyBytes?: number;
  /** Longest string value, in bytes (default 64). */
  valueBytes?: number;
}

/** What a shared table stores, as Lua values: nil, booleans, numbers, byte strings. */
export type SharedScalar = undefined | boolean | number | bigint | LuaFloat | string;
/** A normalised key: a Lua integer or a byte string. */
export type SharedKey = number | bigint | string;

/** Keys and values as JavaScript sees them (strings UTF-8 decoded, floats plain numbers). */
export type SharedJSValue = undefined | boolean | number | bigint | string;

const TWO32 = 4294967296;

/** Slots currently locked by `update` on this thread, to refuse re-entry instead of hanging. */
const heldByThisThread = new Set<string>();

export class SharedTable {
  /** Marks shared objects for transfer.ts, which sends them by name. */
  readonly [SHARED] = 'table' as const;
  readonly name: string;
  readonly buffer: SharedArrayBuffer;
  private readonly i32: Int32Array;
  private readonly f64: Float64Array;
  private readonly u8: Uint8Array;
  readonly capacity: number;
  private readonly mask: number;
  private readonly slotSize: number;
  private readonly keyBytes: number;
  private readonly valueBytes: number;

  /** A new table with its own buffer. */
  static create(name: string, options: SharedTableOptions = {}): SharedTable {
    const capacity = positive(options.capacity ?? 1024, 'capacity');
    const keyBytes = positive(options.keyBytes ?? 64, 'keyBytes');
    const valueBytes = positive(options.valueBytes ?? 64, 'valueBytes');
    let slots = 8;
    while (slots < capacity * 1.5) slots *= 2;
    const slotSize = Math.ceil((S_BYTES + keyBytes + valueBytes) / 8) * 8;
    const buffer = new SharedArrayBuffer(HEADER + slots * slotSize);
    const h = new Int32Array(buffer, 0, HEADER / 4);
    h[H_CAPACITY] = capacity;
    h[H_SLOTS] = slots;
    h[H_SLOT_SIZE] = slotSize;
    h[H_KEY_BYTES] = keyBytes;
    h[H_VALUE_BYTES] = valueBytes;
    h[H_MAGIC] = MAGIC;
    return new SharedTable(name, buffer);
  }

  /** A view of a table another thread created (its buffer arrived in a message). */
  constructor(name: string, buffer: SharedArrayBuffer) {
    this.name = name;
    this.buffer = buffer;
    this.i32 = new Int32Array(buffer);
    this.f64 = new Float64Array(buffer);
    this.u8 = new Uint8Array(buffer);
    if (this.i32[H_MAGIC] !== MAGIC) throw new Error(`moonlet: buffer of shared table '${name}' is not a shared table`);
    this.capacity = this.i32[H_CAPACITY];
    this.mask = this.i32[H_SLOTS] - 1;
    this.slotSize = this.i32[H_SLOT_SIZE];
    this.keyBytes = this.i32[H_KEY_BYTES];
    this.valueBytes = this.i32[H_VALUE_BYTES];
  }

  // ==========================================================================================
  // Lua-level API: keys and values are Lua values (byte strings, integer/float subtypes)
  // ==========================================================================================

  /** t[key], or nil. */
  rawGet(key: LuaValue): SharedScalar {
    const k = this.normaliseKey(key);
    const slot = this.find(k, false);
    if (slot < 0) return undefined;
    const i = this.cell(slot);
    this.lockSlot(slot, k);
    try {
      return this.readValue(slot, i);
    } finally {
      unlock(this.i32, i + S_LOCK, i + S_OWNER);
    }
  }

  /** t[key] = value. */
  rawSet(key: LuaValue, value: LuaValue): void {
    const k = this.normaliseKey(key);
    const v = this.checkValue(value);
    const slot = this.find(k, v !== undefined);
    if (slot < 0) return; // setting an absent key to nil: nothing to do
    const i = this.cell(slot);
    this.lockSlot(slot, k);
    try {
      this.writeValue(slot, i, v);
    } finally {
      unlock(this.i32, i + S_LOCK, i + S_OWNER);
    }
  }

  /**
   * t[key] = t[key] + delta, atomically; a missing key counts as 0. Integers stay integers
   * (wrapping at 64 bits, as Lua's `+`); a float on either side makes a float.
   */
  rawIncrement(key: LuaValue, delta: number | bigint | LuaFloat): number | bigint | LuaFloat {
    const k = this.normaliseKey(key);
    const slot = this.find(k, true);
    const i = this.cell(slot);
    const a = this.i32;
    this.lockSlot(slot, k);
    try {
      const tag = a[i + S_VTAG];
      let out: number | bigint | LuaFloat;
      if ((tag === VT.Int || tag === VT.Nil) && typeof delta === 'number' && Number.isInteger(delta)) {
        // The fast path: integer + integer without allocating.
        const old = tag === VT.Nil ? 0 : readInt(a, i + S_CELL);
        const sum = typeof old === 'number' ? old + delta : undefined;
        out = sum !== undefined && Number.isSafeInteger(sum) ? sum : addInt64(old, delta);
      } else if (tag === VT.Int || tag === VT.Nil || tag === VT.Float || tag === VT.PosNaN) {
        const old = tag === VT.Nil ? 0 : (this.readValue(slot, i) as number | bigint | LuaFloat);
        out = addNumbers(old, delta);
      } else {
        throw new LuaError(
          `shared table '${this.name}': cannot increment ${describeKey(k)} (a ${tag === VT.Str ? 'string' : 'boolean'} value)`,
          true,
        );
      }
      this.writeValue(slot, i, out);
      return out;
    } finally {
      unlock(this.i32, i + S_LOCK, i + S_OWNER);
    }
  }

  /**
   * t[key] = fn(t[key]) with the key locked while `fn` runs: no other thread reads or writes
   * this key meanwhile. Returns the new value.
   */
  rawUpdate(key: LuaValue, fn: (old: SharedScalar) => LuaValue): SharedScalar {
    const k = this.normaliseKey(key);
    const slot = this.find(k, true);
    const i = this.cell(slot);
    const id = this.heldId(slot);
    this.lockSlot(slot, k);
    heldByThisThread.add(id);
    try {
      const next = this.checkValue(fn(this.readValue(slot, i)));
      this.writeValue(slot, i, next);
      return next;
    } finally {
      heldByThisThread.delete(id);
      unlock(this.i32, i + S_LOCK, i + S_OWNER);
    }
  }

  /** Keys whose value is not nil, in slot order (a snapshot: others may change it meanwhile). */
  rawKeys(): SharedKey[] {
    const out: SharedKey[] = [];
    const a = this.i32;
    for (let slot = 0; slot <= this.mask; slot++) {
      const i = this.cell(slot);
      if (Atomics.load(a, i + S_STATE) === 2 && Atomics.load(a, i + S_VTAG) !== VT.Nil) out.push(this.readKey(slot, i));
    }
    return out;
  }

  /** [key, value] pairs with non-nil values; each value read under its key's lock. */
  rawEntries(): [SharedKey, SharedScalar][] {
    const out: [SharedKey, SharedScalar][] = [];
    const a = this.i32;
    for (let slot = 0; slot <= this.mask; slot++) {
      const i = this.cell(slot);
      if (Atomics.load(a, i + S_STATE) !== 2) continue;
      const k = this.readKey(slot, i);
      this.lockSlot(slot, k);
      let v: SharedScalar;
      try {
        v = this.readValue(slot, i);
      } finally {
        unlock(a, i + S_LOCK, i + S_OWNER);
      }
      if (v !== undefined) out.push([k, v]);
    }
    return out;
  }

  /** Number of keys with a non-nil value. */
  size(): number {
    return Atomics.load(this.i32, H_LIVE);
  }

  /** Release the key locks thread `owner` held when it was ended (pool.ts). */
  releaseLocksOf(owner: number): void {
    for (let slot = 0; slot <= this.mask; slot++) {
      const i = this.cell(slot);
      if (Atomics.load(this.i32, i + S_STATE) === 2) releaseIfOwner(this.i32, i + S_LOCK, i + S_OWNER, owner);
    }
  }

  // ==========================================================================================
  // JavaScript API: strings are UTF-8 encoded/decoded, numbers are plain JS numbers
  // ==========================================================================================

  get(key: string | number | bigint): SharedJSValue {
    return toJSValue(this.rawGet(jsToLua(key)));
  }

  set(key: string | number | bigint, value: SharedJSValue | null): void {
    this.rawSet(jsToLua(key), jsToLua(value));
  }

  /** Atomic add; returns the new value. */
  increment(key: string | number | bigint, delta: number | bigint = 1): number | bigint {
    return toJSValue(this.rawIncrement(jsToLua(key), jsToLua(delta) as number | bigint | LuaFloat)) as number | bigint;
  }

  /** Replace the value with fn(old) while the key is locked; returns the new value. */
  update(key: string | number | bigint, fn: (old: SharedJSValue) => SharedJSValue | null): SharedJSValue {
    return toJSValue(this.rawUpdate(jsToLua(key), (old) => jsToLua(fn(toJSValue(old)))));
  }

  keys(): (string | number | bigint)[] {
    return this.rawKeys().map((k) => (typeof k === 'string' ? fromByteString(k) : k));
  }

  /** A snapshot as a Map (keys keep their types: 1 and "1" are different keys). */
  clone(): Map<string | number | bigint, SharedJSValue> {
    const m = new Map<string | number | bigint, SharedJSValue>();
    for (const [k, v] of this.rawEntries()) m.set(typeof k === 'string' ? fromByteString(k) : k, toJSValue(v));
    return m;
  }

  // ==========================================================================================
  // Slots
  // ==========================================================================================

  /** Int32 index of a slot's first cell. */
  private cell(slot: number): number {
    return (HEADER + slot * this.slotSize) >> 2;
  }

  private heldId(slot: number): string {
    return `${this.name}\0${slot}`;
  }

  private lockSlot(slot: number, k: SharedKey): void {
    if (heldByThisThread.size > 0 && heldByThisThread.has(this.heldId(slot))) {
      throw new LuaError(
        `shared table '${this.name}': ${describeKey(k)} is locked by an update running on this thread`,
        true,
      );
    }
    const i = this.cell(slot);
    lock(this.i32, i + S_LOCK, i + S_OWNER);
  }

  /**
   * The slot holding key `k`; with `create`, claims an empty one when the key is absent.
   * Returns -1 when absent and not creating.
   */
  private find(k: SharedKey, create: boolean): number {
    const a = this.i32;
    let lo: number;
    let hi: number;
    let bytes: string | undefined;
    let h: number;
    if (typeof k === 'string') {
      bytes = k;
      lo = h = hashBytes(k);
      hi = 0;
    } else {
      [lo, hi] = splitInt(k);
      h = hashInt(lo, hi);
    }
    const tag = bytes === undefined ? KEY_INT : KEY_STR;
    for (let n = 0; n <= this.mask; n++) {
      const slot = (h + n) & this.mask;
      const i = this.cell(slot);
      let state = Atomics.load(a, i + S_STATE);
      if (state === 0) {
        if (!create) return -1;
        if (Atomics.add(a, H_CLAIMED, 1) >= this.capacity) {
          Atomics.sub(a, H_CLAIMED, 1);
          throw new LuaError(
            `shared table '${this.name}' is full (capacity ${this.capacity} keys, counting every key ever set); create it with a larger capacity`,
            true,
          );
        }
        state = Atomics.compareExchange(a, i + S_STATE, 0, 1);
        if (state === 0) {
          a[i + S_KTAG] = tag;
          a[i + S_KLO] = lo;
          a[i + S_KHI] = hi;
          if (bytes !== undefined) {
            a[i + S_KLEN] = bytes.length;
            const base = (i << 2) + S_BYTES;
            for (let j = 0; j < bytes.length; j++) this.u8[base + j] = bytes.charCodeAt(j);
          }
          Atomics.store(a, i + S_STATE, 2);
          return slot;
        }
        Atomics.sub(a, H_CLAIMED, 1); // another thread claimed it first: compare its key
      }
      while (state === 1) state = Atomics.load(a, i + S_STATE);
      if (a[i + S_KTAG] !== tag || a[i + S_KLO] !== lo || a[i + S_KHI] !== hi) continue;
      if (bytes === undefined) return slot;
      if (a[i + S_KLEN] !== bytes.length) continue;
      const base = (i << 2) + S_BYTES;
      let same = true;
      for (let j = 0; j < bytes.length; j++) {
        if (this.u8[base + j] !== bytes.charCodeAt(j)) {
          same = false;
          break;
        }
      }
      if (same) return slot;
    }
    if (!create) return -1;
    throw new LuaError(`shared table '${this.name}' is full (capacity ${this.capacity} keys)`, true);
  }

  private readKey(slot: number, i: number): SharedKey {
    const a = this.i32;
    if (a[i + S_KTAG] === KEY_INT) return readInt(a, i + S_KLO);
    const base = (i << 2) + S_BYTES;
    return bytesToString(this.u8, base, a[i + S_KLEN]);
  }

  /** The value of a slot (caller holds its lock). */
  private readValue(slot: number, i: number): SharedScalar {
    const a = this.i32;
    switch (a[i + S_VTAG] as VT) {
      case VT.Nil:
        return undefined;
      case VT.False:
        return false;
      case VT.True:
        return true;
      case VT.Int:
        return readInt(a, i + S_CELL);
      case VT.Float:
        return mkFloat(this.f64[(i + S_CELL) >> 1]);
      case VT.PosNaN:
        return POS_NAN;
      case VT.Str:
        return bytesToString(this.u8, (i << 2) + S_BYTES + this.keyBytes, a[i + S_VLEN]);
    }
    throw new Error(`moonlet: shared table '${this.name}' has a corrupt slot ${slot}`);
  }

  /** Store a checked value in a slot (caller holds its lock); keeps the live count. */
  private writeValue(slot: number, i: number, v: SharedScalar): void {
    const a = this.i32;
    const wasNil = a[i + S_VTAG] === VT.Nil;
    let tag: VT;
    if (v === undefined) tag = VT.Nil;
    else if (v === false) tag = VT.False;
    else if (v === true) tag = VT.True;
    else if (typeof v === 'string') {
      tag = VT.Str;
      a[i + S_VLEN] = v.length;
      const base = (i << 2) + S_BYTES + this.keyBytes;
      for (let j = 0; j < v.length; j++) this.u8[base + j] = v.charCodeAt(j);
    } else if (typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v))) {
      tag = VT.Int;
      const [lo, hi] = splitInt(v);
      a[i + S_CELL] = lo;
      a[i + S_CELL + 1] = hi;
    } else if (v === POS_NAN) {
      tag = VT.PosNaN;
    } else {
      tag = VT.Float;
      this.f64[(i + S_CELL) >> 1] = typeof v === 'number' ? v : v.n;
    }
    a[i + S_VTAG] = tag;
    const isNil = tag === VT.Nil;
    if (wasNil && !isNil) Atomics.add(a, H_LIVE, 1);
    else if (!wasNil && isNil) Atomics.sub(a, H_LIVE, 1);
    void slot;
  }

  /** A Lua key as a shared key, or an error naming what is wrong with it. */
  private normaliseKey(key: LuaValue): SharedKey {
    if (typeof key === 'string') {
      if (key.length > this.keyBytes)
        throw new LuaError(`shared table '${this.name}': key too long (${key.length} bytes; at most ${this.keyBytes})`, true);
      return key;
    }
    if (typeof key === 'number') {
      if (Number.isInteger(key)) return key === 0 ? 0 : key;
    } else if (typeof key === 'bigint') return key;
    else if (key instanceof LuaFloat && Number.isInteger(key.n) && Math.abs(key.n) <= Number.MAX_SAFE_INTEGER) {
      return key.n === 0 ? 0 : key.n;
    }
    const what = typeof key === 'number' || key instanceof LuaFloat ? 'a non-integral float' : `a ${typeName(key)}`;
    throw new LuaError(`shared table '${this.name}': keys must be strings or integers (got ${what})`, true);
  }

  /** A Lua value the table can hold, or an error naming its type. */
  private checkValue(v: LuaValue): SharedScalar {
    switch (typeof v) {
      case 'undefined':
      case 'boolean':
      case 'number':
      case 'bigint':
        return v;
      case 'string':
        if (v.length > this.valueBytes)
          throw new LuaError(
            `shared table '${this.name}': string value too long (${v.length} bytes; this table holds at most ${this.valueBytes})`,
            true,
          );
        return v;
    }
    if (v instanceof LuaFloat) return v;
    throw new LuaError(
      `shared table '${this.name}': cannot store a ${typeName(v)} value (only nil, booleans, numbers and short strings)`,
      true,
    );
  }
}

// ============================================================================================
// Helpers
// ============================================================================================

function positive(n: number, what: string): number {
  if (!Number.isInteger(n) || n <= 0 || n > 1 << 24) throw new RangeError(`shared table ${what} must be a positive integer`);
  return n;
}

/** A Lua integer as low and high Int32 halves (two's complement). */
function splitInt(v: number | bigint): [number, number] {
  if (typeof v === 'number') {
    const hi = Math.floor(v / TWO32);
    return [(v - hi * TWO32) | 0, hi | 0];
  }
  return [Number(BigInt.asIntN(32, v)), Number(BigInt.asIntN(32, v >> 32n))];
}

/** The Lua integer stored as two Int32 halves at a[i], a[i + 1]. */
function readInt(a: Int32Array, i: number): number | bigint {
  const lo = a[i] >>> 0;
  const hi = a[i + 1];
  const v = hi * TWO32 + lo;
  if (Number.isSafeInteger(v)) return v;
  return (BigInt(hi) << 32n) | BigInt(lo);
}

/** Integer + integer with Lua's 64-bit wraparound. */
function addInt64(a: number | bigint, b: number | bigint): number | bigint {
  const r = BigInt.asIntN(64, BigInt(a) + BigInt(b));
  return r >= -9007199254740991n && r <= 9007199254740991n ? Number(r) : r;
}

/** Lua's `a + b` for numbers: integer if both are integers, else float. */
function addNumbers(a: number | bigint | LuaFloat, b: number | bigint | LuaFloat): number | bigint | LuaFloat {
  const aInt = typeof a === 'bigint' || (typeof a === 'number' && Number.isInteger(a));
  const bInt = typeof b === 'bigint' || (typeof b === 'number' && Number.isInteger(b));
  if (aInt && bInt) return addInt64(a as number | bigint, b as number | bigint);
  const x = typeof a === 'bigint' ? Number(a) : typeof a === 'number' ? a : a.n;
  const y = typeof b === 'bigint' ? Number(b) : typeof b === 'number' ? b : b.n;
  return mkFloat(x + y);
}

function hashInt(lo: number, hi: number): number {
  let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** FNV-1a over the bytes of a byte string. */
function hashBytes(s: string): number {
  let h = 0x811c9dc5;
  for (let j = 0; j < s.length; j++) h = Math.imul(h ^ s.charCodeAt(j), 0x01000193);
  return h | 0; // signed, as the Int32 cell that stores it reads back
}

function bytesToString(u8: Uint8Array, base: number, len: number): string {
  let s = '';
  for (let j = 0; j < len; j++) s += String.fromCharCode(u8[base + j]);
  return s;
}

function describeKey(k: SharedKey): string {
  return typeof k === 'string' ? `key '${fromByteString(k)}'` : `key ${k}`;
}

/** A JS key or value as a Lua value (numbers: integral → integer, others → float). */
function jsToLua(v: unknown): LuaValue {
  switch (typeof v) {
    case 'undefined':
    case 'boolean':
    case 'bigint':
      return v;
    case 'number':
      return Number.isSafeInteger(v) ? (v === 0 ? 0 : v) : mkFloat(v);
    case 'string':
      return toByteString(v);
  }
  if (v === null) return undefined;
  throw new LuaError(`shared tables hold nil, booleans, numbers and strings (got ${typeof v})`);
}

function toJSValue(v: SharedScalar): SharedJSValue {
  if (typeof v === 'string') return fromByteString(v);
  if (v instanceof LuaFloat) return v.n;
  return v;
}
