// table.ts — Lua tables: an array part for keys 1..n and an insertion-ordered hash part.
//
// Layout:
// - `arr[i]` holds key i+1 for 1 <= key <= arr.length. Values may be nil (undefined) inside,
//   but never at the end: setting the last element to nil trims trailing nils, so `#t` is
//   `arr.length` whenever the hash part has no key arr.length+1 (it never does: appending at
//   arr.length+1 pulls the following integer keys out of the hash part).
// - The hash part keeps keys and values by slot in the parallel arrays `hkeys`/`hvals`; a
//   key's slot is found by scanning hkeys while the part has at most SMALL_HASH slots (most
//   objects and records: cheaper to build and to probe than a Map), through the Map `hmap`
//   (normalised key → slot) beyond that.
//   Removing a key (assigning nil) leaves the slot with an undefined value (a tombstone), so
//   `next` keeps working when fields are cleared during a traversal, as Lua promises. New
//   keys reuse nothing; when tombstones outnumber live entries the part is compacted, which
//   can only happen on an insertion (undefined behaviour during traversal in Lua too).
// - Keys are normalised before use: floats with integral values become integers (2.0 → 2,
//   -0.0 → 0, 2^60 → 2^60 as a bigint); integral floats beyond int64 stay as plain JS numbers
//   in the map and come back boxed from `next` (a safe-integer-looking JS number key outside
//   ±2^53 can only be such a float, because integers that large are bigints).
// - `tmAbsent` caches which metamethods a metatable lacks (bit per TM, cf. ltm.c flags); any
//   raw assignment of a string key clears it.
// - Integer keys that land in the hash part (a table filled from 2 on, or backwards) move to
//   the array part when more than half of the positions up to them are in use (growArray,
//   Lua's computesizes), leaving nils between.
//
// Cf. ltable.c. moonlet does not reproduce Lua's exact array/hash split, only its observable
// contract: `#` returns a border, `next` is stable while existing fields change.

import type { LuaValue } from './value.js';
import { LuaFloat, floatToInteger } from './value.js';
import { HOLEY, LuaSizes, hashSearch, luaBorder, makeSizes, newKey } from './table-border.js';

export class LuaTable {
  arr: LuaValue[] = [];
  /** Largest length the array part ever had: positions up to it stay valid keys for `next`. */
  arrMax = 0;
  /** Key → slot, only once the hash part has more than SMALL_HASH slots (else null). */
  hmap: Map<unknown, number> | null = null;
  /**
   * Keys and values of the hash part by slot. Until the first hash key both are the shared
   * empty NO_SLOTS (only ever read), so a table used as an array or a small constructor costs
   * one JS array, not three (binary_trees allocates millions of them).
   */
  hkeys: unknown[] = NO_SLOTS;
  hvals: LuaValue[] = NO_SLOTS as LuaValue[];
  /**
   * hkeys is an array shared with the other tables made by the same record constructor in
   * compiled code (jit.ts): copied before this table adds a key. Shared arrays never change,
   * which lets compiled code remember that a key is absent from all of them.
   */
  keysShared = false;
  /** Number of tombstones (removed keys) in the hash part. */
  hdead = 0;
  metatable: LuaTable | undefined = undefined;
  /** Bit i set: this table, used as a metatable, has no metamethod i (metamethods.ts). */
  tmAbsent = 0;
  /** Weak mode from `__mode` when this table is a metatable (gc.ts); 0 = strong. */
  weakMode = 0;
  /**
   * Lua's sizes (table-border.ts): null while the table has never had a hole (any layout gives
   * a sequence the same border), HOLEY once it has, the sizes once `#` has needed them.
   */
  lua: LuaSizes | null = null;

  // ------------------------------------------------------------------------------------------
  // Reads
  // ------------------------------------------------------------------------------------------

  /** Raw get (rawget) with any key. */
  get(key: LuaValue): LuaValue {
    if (typeof key === 'number') {
      if (Number.isInteger(key)) return this.getInt(key);
    } else if (typeof key === 'string') {
      return this.getStr(key);
    } else if (key instanceof LuaFloat) {
      const k = normaliseFloatKey(key.n);
      if (typeof k === 'number' && Number.isSafeInteger(k)) return this.getInt(k);
      return this.getHash(k);
    }
    return this.getHash(key);
  }

  /** Raw get with an integer key that is a JS number. */
  getInt(key: number): LuaValue {
    const arr = this.arr;
    if (key >= 1 && key <= arr.length) return arr[key - 1];
    const slot = this.slot(key);
    return slot < 0 ? undefined : this.hvals[slot];
  }

  /** Raw get with a string key. */
  getStr(key: string): LuaValue {
    const slot = this.slot(key);
    return slot < 0 ? undefined : this.hvals[slot];
  }

  private getHash(key: unknown): LuaValue {
    const slot = this.slot(key);
    return slot < 0 ? undefined : this.hvals[slot];
  }

  /** The hash-part slot of a normalised key, or -1 (a tombstone's slot counts: value nil). */
  slot(key: unknown): number {
    const m = this.hmap;
    if (m === null) {
      const keys = this.hkeys;
      for (let i = 0; i < keys.length; i++) if (keys[i] === key) return i;
      return -1;
    }
    const slot = m.get(key);
    return slot === undefined ? -1 : slot;
  }

  // ------------------------------------------------------------------------------------------
  // Writes. The caller has rejected nil and NaN keys (with Lua's messages) already.
  // ------------------------------------------------------------------------------------------

  /** Raw set (rawset) with any non-nil, non-NaN key. */
  set(key: LuaValue, value: LuaValue): void {
    if (typeof key === 'number') {
      if (Number.isInteger(key)) return this.setInt(key, value);
    } else if (typeof key === 'string') {
      return this.setStr(key, value);
    } else if (key instanceof LuaFloat) {
      const k = normaliseFloatKey(key.n);
      if (typeof k === 'number' && Number.isSafeInteger(k)) return this.setInt(k, value);
      return this.setHash(k, value);
    }
    this.setHash(key, value);
  }

  /** Raw set with an integer key that is a JS number. */
  setInt(key: number, value: LuaValue): void {
    const arr = this.arr;
    const n = arr.length;
    // The common cases of a table that has never had a hole, kept small for V8 to inline.
    if (this.lua === null && key >= 1 && key <= n && (value !== undefined || key === n)) {
      arr[key - 1] = value;
      if (value === undefined) trimArray(arr);
      return;
    }
    this.setIntAny(key, value);
  }

  private setIntAny(key: number, value: LuaValue): void {
    const arr = this.arr;
    const n = arr.length;
    const s = this.lua;
    if (s === null) {
      if (value === undefined ? key >= 1 && key < n : key > n + 1) this.lua = HOLEY; // a hole
    } else if (s !== HOLEY) this.luaSetInt(s, key, value);
    if (key >= 1 && key <= n) {
      arr[key - 1] = value;
      if (value === undefined && key === n) trimArray(arr);
      return;
    }
    if (key === n + 1 && value !== undefined) {
      arr.push(value);
      if (this.hkeys.length > 0) this.migrateFromHash(key);
      if (arr.length > this.arrMax) this.arrMax = arr.length;
      return;
    }
    this.setHash(key, value);
  }

  /** What Lua's sizes see of t[key] = value (an integer key), before it is stored. */
  private luaSetInt(s: LuaSizes, key: number, value: LuaValue): void {
    if (key > s.limit && key <= s.size) s.limit = key; // as luaH_getint (for writes only: table-border.ts)
    if (key >= 1 && key <= s.size) return; // Lua's array part
    const old = this.getInt(key);
    if (value === undefined) {
      // The key keeps its node; moonlet forgets array keys (trimmed or holes), so note it.
      if (old !== undefined && key >= 1 && key <= this.arr.length) (s.dead ??= new Set()).add(key);
    } else if (old === undefined && !(key > this.arr.length && this.slot(key) >= 0)) newKey(s, this, key);
  }

  /** Raw set with a string key. */
  setStr(key: string, value: LuaValue): void {
    this.tmAbsent = 0;
    this.setHash(key, value);
  }

  private setHash(key: unknown, value: LuaValue): void {
    if (this.hkeys.length > 0) {
      const slot = this.slot(key);
      if (slot >= 0) {
        const old = this.hvals[slot];
        this.hvals[slot] = value;
        if (value === undefined) {
          if (old !== undefined) this.hdead++;
        } else if (old === undefined) this.hdead--;
        return;
      }
    }
    if (value === undefined) return; // assigning nil to an absent key changes nothing
    const s = this.lua;
    if (s !== null && s !== HOLEY && typeof key !== 'number') newKey(s, this, key);
    if (this.hkeys === NO_SLOTS) {
      this.hkeys = [key];
      this.hvals = [value];
      return;
    }
    if (this.hdead > 16 && this.hdead * 2 > this.hkeys.length) this.compact();
    if (this.keysShared) {
      this.hkeys = this.hkeys.slice();
      this.keysShared = false;
    }
    const slot = this.hkeys.length;
    this.hkeys.push(key);
    this.hvals.push(value);
    if (this.hmap !== null) this.hmap.set(key, slot);
    else if (slot >= SMALL_HASH) this.hmap = indexKeys(this.hkeys);
    // Lua re-sizes a table's parts when its hash part is full, which happens at powers of two.
    if (typeof key === 'number' && slot >= 1 && (slot & (slot + 1)) === 0) this.growArray();
  }

  /**
   * Move integer keys from the hash part into the array part when more than half of the
   * positions up to one of them would then be in use (Lua's computesizes, cf. ltable.c), so
   * a table filled out of order, or from 2 or 0 on (`d[r + c] = true`), is an array all the
   * same. The positions between stay nil; `#` still returns a border (its last element is
   * never nil). Called when an integer key makes the hash part's slot count a power of two, so
   * its cost stays proportional to the insertions; the array part counts as full.
   */
  private growArray(): void {
    const n = this.arr.length;
    const keys = this.hkeys;
    const vals = this.hvals;
    const ints: number[] = [];
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (typeof k === 'number' && k > n && Number.isSafeInteger(k) && vals[i] !== undefined) ints.push(k);
    }
    ints.sort((a, b) => a - b);
    // The largest key at which more than half of 1..key would be in use.
    let size = n;
    for (let i = 0; i < ints.length; i++) if ((n + i + 1) * 2 > ints[i]) size = ints[i];
    if (size === n) return;
    const arr = this.arr;
    for (let k = n + 1; k <= size; k++) {
      const slot = this.slot(k);
      if (slot >= 0 && vals[slot] !== undefined) {
        arr.push(vals[slot]);
        vals[slot] = undefined;
        this.hdead++;
      } else arr.push(undefined);
    }
    if (size > this.arrMax) this.arrMax = size;
    this.migrateFromHash(size);
    if (this.hdead === this.hkeys.length) this.compact(); // everything moved: drop the tombstones
  }

  /**
   * SETLIST: store constructor item `key` into the array part when it continues it, even a
   * nil (so `#{1, nil, 3}` is 3 as in Lua); finishList trims trailing nils afterwards.
   */
  setListItem(key: number, value: LuaValue): void {
    const arr = this.arr;
    const n = arr.length;
    if (key <= n) {
      arr[key - 1] = value;
      if (key === n && arr === padded) padded = null;
    } else if (key === n + 1) {
      // V8 gives an array its first push 16 slots; the items of a short constructor such as
      // `{ left, right }` get a small literal instead, which keeps small tables small for the
      // JS collector. Each literal holds room for the next item too (one allocation per two
      // items; finishList, which always follows, trims an unused trailing nil).
      // (Only without hash keys: migrateFromHash appends after the last position.)
      const noHash = this.hkeys.length === 0;
      if (n === 0 && noHash) this.arr = padded = [value, undefined];
      else if (n === 2 && noHash) this.arr = padded = [arr[0], arr[1], value, undefined];
      else arr.push(value);
      if (this.hkeys.length > 0) this.migrateFromHash(key);
    } else this.setInt(key, value);
  }

  /** After a constructor's items up to `last`: Lua's array part holds them all. */
  finishList(last: number): void {
    const arr = this.arr;
    if (arr === padded) {
      // The room setListItem reserved was not used: not a constructor item (arrMax).
      arr.pop();
      padded = null;
    }
    if (arr.length > this.arrMax) this.arrMax = arr.length;
    // A nil item (or an integer key set before the items) is a hole: take Lua's sizes now,
    // while the item count tells the array size. Compiled constructors fill `arr` directly.
    const s = this.lua;
    if (s === HOLEY || (s === null && arr.includes(undefined))) this.lua = makeSizes(this, last);
    else if (s !== null && last > s.size) s.size = s.limit = last;
    trimArray(arr);
  }

  /** After appending key `k`, move keys k+1, k+2, ... from the hash part to the array. */
  private migrateFromHash(k: number): void {
    for (;;) {
      const slot = this.slot(k + 1);
      if (slot < 0) return;
      const v = this.hvals[slot];
      if (v === undefined) return;
      this.hvals[slot] = undefined;
      this.hdead++;
      this.arr.push(v);
      if (this.arr.length > this.arrMax) this.arrMax = this.arr.length;
      k++;
    }
  }

  /** Drop tombstones from the hash part (only ever called on an insertion). */
  private compact(): void {
    const keys = this.hkeys;
    const vals = this.hvals;
    const nk: unknown[] = [];
    const nv: LuaValue[] = [];
    const s = this.lua;
    for (let i = 0; i < keys.length; i++) {
      if (vals[i] !== undefined) {
        nk.push(keys[i]);
        nv.push(vals[i]);
      } else if (s !== null && s !== HOLEY && !this.inArray(keys[i])) (s.dead ??= new Set()).add(keys[i]); // removed, not moved
    }
    this.hmap = nk.length > SMALL_HASH ? indexKeys(nk) : null;
    this.hkeys = nk;
    this.hvals = nv;
    this.keysShared = false;
    this.hdead = 0;
  }

  // ------------------------------------------------------------------------------------------
  // Length and traversal
  // ------------------------------------------------------------------------------------------

  /** A border of the table (the raw `#` operator, cf. luaH_getn). */
  length(): number {
    // With holes, the border Lua would find (table-border.ts); a sequence has only one.
    const s = this.lua;
    if (s !== null) return luaBorder(this, s === HOLEY ? (this.lua = makeSizes(this)) : s);
    // A table without holes: its array part, unless the sequence goes on in the hash part.
    const n = this.arr.length;
    if (this.hkeys.length === this.hdead || this.getInt(n + 1) === undefined) return n;
    return hashSearch(this, n);
  }

  /**
   * Lua's `next`: writes the key and value after `key` into out[at] and out[at+1] and returns
   * true, or returns false at the end. Throws NextKeyError for a key that is not in the table.
   */
  next(key: LuaValue, out: LuaValue[], at: number): boolean {
    const arr = this.arr;
    let i: number; // index in the array part to continue from
    let slot: number; // slot in the hash part to continue from
    if (key === undefined) {
      i = 0;
      slot = 0;
    } else {
      const k = normaliseKey(key);
      if (typeof k === 'number' && Number.isSafeInteger(k) && k >= 1 && k <= arr.length) {
        i = k;
        slot = 0;
      } else {
        i = arr.length;
        const keys = this.hkeys;
        let s: number | undefined;
        // A traversal passes back the key `next` just returned: find its slot without hashing.
        if (keys === lastNextKeys && keys[lastNextSlot] === k) s = lastNextSlot;
        else {
          const found = this.slot(k);
          if (found >= 0) s = found;
        }
        if (s !== undefined) slot = s + 1;
        else if (typeof k === 'number' && Number.isSafeInteger(k) && k > arr.length && k <= this.arrMax) {
          // An array position whose tail was trimmed to nil (possibly during this traversal):
          // the array part is done, continue with the hash part.
          slot = 0;
        } else throw new NextKeyError();
      }
    }
    for (; i < arr.length; i++) {
      const v = arr[i];
      if (v !== undefined) {
        out[at] = i + 1;
        out[at + 1] = v;
        return true;
      }
    }
    const vals = this.hvals;
    for (; slot < vals.length; slot++) {
      const v = vals[slot];
      if (v !== undefined) {
        const keys = this.hkeys;
        out[at] = denormaliseKey(keys[slot]);
        out[at + 1] = v;
        lastNextKeys = keys;
        lastNextSlot = slot;
        return true;
      }
    }
    return false;
  }

  /** Is `key` an integer key with a value in the array part? */
  private inArray(key: unknown): boolean {
    return typeof key === 'number' && key >= 1 && key <= this.arr.length && this.arr[key - 1] !== undefined;
  }

  /** Call `f` with every key that has a value (integer keys of the array part as numbers). */
  forEachKey(f: (key: unknown) => void): void {
    const arr = this.arr;
    for (let i = 0; i < arr.length; i++) if (arr[i] !== undefined) f(i + 1);
    const keys = this.hkeys;
    const vals = this.hvals;
    for (let i = 0; i < keys.length; i++) if (vals[i] !== undefined) f(keys[i]);
  }

  /** Number of live entries (for collectgarbage's estimate and host conversions). */
  count(): number {
    let n = 0;
    for (const v of this.arr) if (v !== undefined) n++;
    return n + this.hkeys.length - this.hdead;
  }
}

/**
 * The hash-part slot `next` returned last, and the keys array it is in (one traversal at a
 * time benefits; a key is in at most one slot of a keys array, so a match is exact, and
 * compaction replaces the array). Not a reference Lua's collector sees (gc.ts marks from
 * Lua roots only), so it keeps nothing alive for Lua.
 */
let lastNextKeys: unknown[] | null = null;
let lastNextSlot = 0;

/**
 * The array setListItem gave a reserved last slot that no item has filled yet (at most one
 * at a time: a constructor's items are stored one after the other, then finishList runs).
 */
let padded: LuaValue[] | null = null;

/** The hash part's slots before it has any (shared, never written). */
const NO_SLOTS: unknown[] = [];

/**
 * Hash parts up to this many slots find keys by scanning `hkeys` (no Map): the objects of
 * oop.lua and nbody.lua have 2 to 7 fields, and a scan of that many keys costs less than a Map
 * probe; a table without a Map is also cheaper to create.
 */
export const SMALL_HASH = 8;

/** The Map of a hash part that outgrew SMALL_HASH: key → slot. */
function indexKeys(keys: unknown[]): Map<unknown, number> {
  const m = new Map<unknown, number>();
  for (let i = 0; i < keys.length; i++) m.set(keys[i], i);
  return m;
}

/** Raised by LuaTable.next for a key that is not in the table ("invalid key to 'next'"). */
export class NextKeyError extends Error {}

/** Drop trailing nils (pop, which V8 does much faster than assigning `length`). */
function trimArray(arr: LuaValue[]): void {
  while (arr.length > 0 && arr[arr.length - 1] === undefined) arr.pop();
}

/** The hash-part key for an integral float: an integer if it fits int64, else the double. */
function normaliseFloatKey(x: number): unknown {
  const i = floatToInteger(x);
  return i === undefined ? x : i;
}

/** Normalise any key for lookup (floats with integral values become integers). */
export function normaliseKey(key: LuaValue): unknown {
  return key instanceof LuaFloat ? normaliseFloatKey(key.n) : key;
}

/** A key as stored in the hash part, back as a Lua value (integral doubles were floats). */
function denormaliseKey(k: unknown): LuaValue {
  if (typeof k === 'number' && Number.isInteger(k) && !Number.isSafeInteger(k)) return new LuaFloat(k);
  return k as LuaValue;
}
