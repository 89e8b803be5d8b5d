// table.ts — the table library: concat, insert, move, pack, remove, sort, unpack.
//
// Like Lua 5.4 these work on anything that looks like a table: a value with a metatable
// providing the needed __index / __newindex / __len (checkTab), and they honour those
// metamethods on every access (index, setIndex, length from vm/api.ts, re-entrant as
// lua_geti / lua_seti are). Plain tables without a metatable take a fast path of raw reads and
// writes on LuaTable, which no Lua code can observe.
//
// table.sort is lsort: quicksort with a median of three, the pivot randomised when a partition
// is too unbalanced, and the "invalid order function for sorting" checks, so that bad
// comparators fail (or not) exactly as in lua5.4. The comparator — and __lt of the elements
// when there is none — is called by request (NativeRequest.Call): the sort is a state machine
// (SortMachine) that stops once per such call and a continuation (sortContinue) resumes it
// with the result, so comparators may await. Without a comparator, or with one that is exactly
// `return a < b` / `return a > b` (sort-comparator.ts), a plain table of only numbers or only
// strings is sorted in place with JS `<` (sortPrimitive), no request at all.
//
// Integer arguments may be bigints (beyond ±2^53): positions and lengths near
// math.maxinteger work with Lua's wrap-around rules (luaL_intop, unsigned checks).
// Cf. ltablib.c.

import type { LuaValue } from '../vm/value.js';
import { MAXINTEGER, isFunction, isNumber, mkInt, numberToString, toInteger, typeName } from '../vm/value.js';
import { LuaTable } from '../vm/table.js';
import type { CallInfo, LuaThread } from '../vm/state.js';
import { CIST_NOYIELD, LUAI_MAXSTACK, NativeRequest } from '../vm/state.js';
import { equalsSync, index, length, setIndex } from '../vm/api.js';
import { TM, getMetatable, getTMByObj } from '../vm/metamethods.js';
import { numLessThan } from '../vm/arith.js';
import { orderError } from '../vm/raise.js';
import { ASCENDING, DESCENDING, OTHER, comparatorOrder } from './sort-comparator.js';
import {
  arg,
  argError,
  checkInteger,
  isNoneOrNil,
  luaError,
  newLib,
  optInteger,
  optString,
  ret1,
  typeError,
} from './aux.js';

type Int = number | bigint;

const INT_MAX = 2147483647;

// ============================================================================================
// Table-like arguments and element access (lua_geti / lua_seti with a raw fast path)
// ============================================================================================

/** Operations a table-like argument must support (TAB_R/W/L of ltablib). */
const TAB_R = 1;
const TAB_W = 2;
const TAB_L = 4;
const TAB_RW = TAB_R | TAB_W;

/** checktab: a table, or a value whose metatable has the metamethods `what` needs. */
function checkTab(L: LuaThread, i: number, what: number): LuaValue {
  const v = arg(L, i);
  if (v instanceof LuaTable) return v;
  const mt = getMetatable(L.global, v);
  if (
    mt !== undefined &&
    (!(what & TAB_R) || mt.getStr('__index') !== undefined) &&
    (!(what & TAB_W) || mt.getStr('__newindex') !== undefined) &&
    (!(what & TAB_L) || mt.getStr('__len') !== undefined)
  ) {
    return v;
  }
  typeError(L, i, 'table');
}

/** luaL_len: #v honouring __len, which must give an integer (aux_getn is checkTab + lenOf). */
function lenOf(L: LuaThread, v: LuaValue): Int {
  if (v instanceof LuaTable && v.metatable === undefined) return v.length();
  const n = toInteger(length(L, v));
  if (n === undefined) luaError(L, 'object length is not an integer');
  return n;
}

/** t[i] honouring __index (lua_geti). */
function geti(L: LuaThread, t: LuaValue, i: Int): LuaValue {
  if (t instanceof LuaTable) {
    if (typeof i === 'number') {
      const v = t.getInt(i);
      if (v !== undefined || t.metatable === undefined) return v;
    } else if (t.metatable === undefined) return t.get(i);
  }
  return index(L, t, i);
}

/** t[i] = v honouring __newindex (lua_seti). */
function seti(L: LuaThread, t: LuaValue, i: Int, v: LuaValue): void {
  if (t instanceof LuaTable && t.metatable === undefined) {
    if (typeof i === 'number') t.setInt(i, v);
    else t.set(i, v);
    return;
  }
  setIndex(L, t, i, v);
}

/** Integer a + d with int64 wrap-around (luaL_intop). */
function addInt(a: Int, d: number): Int {
  if (typeof a === 'number') {
    const r = a + d;
    if (Number.isSafeInteger(r)) return r;
  }
  return mkInt(BigInt(a) + BigInt(d));
}

/** a < b for integers compared as unsigned 64-bit values. */
function ult(a: Int, b: Int): boolean {
  if (typeof a === 'number' && typeof b === 'number' && a >= 0 && b >= 0) return a < b;
  return BigInt.asUintN(64, BigInt(a)) < BigInt.asUintN(64, BigInt(b));
}

/** a <= b for integers compared as unsigned 64-bit values. */
function ule(a: Int, b: Int): boolean {
  return a === b || ult(a, b);
}

// ============================================================================================
// concat, insert, remove, move, pack, unpack
// ============================================================================================

/** One element for concat: a string or a number, else Lua's error naming its type. */
function concatField(L: LuaThread, t: LuaValue, i: Int): string {
  const v = geti(L, t, i);
  if (typeof v === 'string') return v;
  if (isNumber(v)) return numberToString(v);
  luaError(L, `invalid value (${typeName(v)}) at index ${i} in table for 'concat'`);
}

/** How many pieces table.concat joins at a time (see tab_concat). */
const JOIN_GROUP = 4096;

/** concat(list [, sep [, i [, j]]]). */
function tab_concat(L: LuaThread): number {
  const t = checkTab(L, 1, TAB_R | TAB_L);
  let last = lenOf(L, t);
  const sep = optString(L, 2, '');
  let i = optInteger(L, 3, 1);
  last = optInteger(L, 4, last);
  if (typeof i === 'number' && typeof last === 'number') {
    if (i > last) return ret1(L, '');
    // Collected then joined: appending with += would build a rope of two cons cells per
    // element, and a long rope outlives many scavenges before it is flattened. Joined in
    // groups: V8's join of one array of more than about 8,000 strings is two to three times
    // slower per element than joins of groups of a few thousand and a join of the groups
    // (200,000 short strings: 40 ms against 17 ms).
    const pieces: string[] = [];
    const groups: string[] = [];
    for (; i <= last; i++) {
      pieces.push(concatField(L, t, i));
      if (pieces.length === JOIN_GROUP) {
        groups.push(pieces.join(sep));
        pieces.length = 0;
      }
    }
    if (groups.length === 0) return ret1(L, pieces.join(sep));
    if (pieces.length > 0) groups.push(pieces.join(sep));
    return ret1(L, groups.join(sep));
  }
  let out = '';
  // Positions beyond ±2^53: step with int64 arithmetic.
  let bi = BigInt(i);
  const bl = BigInt(last);
  for (; bi < bl; bi++) out += concatField(L, t, mkInt(bi)) + sep;
  if (bi === bl) out += concatField(L, t, mkInt(bi));
  return ret1(L, out);
}

/** insert(list, [pos,] value). */
function tab_insert(L: LuaThread, base: number, nargs: number): number {
  if (nargs === 2) {
    const t = L.stack[base];
    if (t instanceof LuaTable && t.metatable === undefined) {
      // The common append to a plain table, t[#t + 1] = v, without the general path's steps
      // (fewer calls also matter while V8 has not optimised them yet).
      t.setInt(t.length() + 1, L.stack[base + 1]);
      return 0;
    }
  }
  const t = checkTab(L, 1, TAB_RW | TAB_L);
  const e = addInt(lenOf(L, t), 1); // first empty element
  let pos: Int;
  switch (nargs) {
    case 2:
      pos = e;
      break;
    case 3: {
      pos = checkInteger(L, 2);
      // pos must be in [1, e]: one unsigned comparison, as Lua does it.
      if (!ult(addInt(pos, -1), e)) argError(L, 2, 'position out of bounds');
      const v = arg(L, 3);
      if (
        t instanceof LuaTable &&
        t.metatable === undefined &&
        t.lua === null &&
        typeof e === 'number' &&
        e - 1 === t.arr.length &&
        v !== undefined &&
        t.getInt(e + 1) === undefined
      ) {
        // Plain sequence: shifting up is a splice (key e+1 is free, so the array part stays
        // the whole sequence).
        t.arr.splice((pos as number) - 1, 0, v);
        return 0;
      }
      for (let i = e; i > pos; i = addInt(i, -1)) seti(L, t, i, geti(L, t, addInt(i, -1)));
      break;
    }
    default:
      luaError(L, "wrong number of arguments to 'insert'");
  }
  seti(L, t, pos, arg(L, nargs));
  return 0;
}

/** remove(list [, pos]). */
function tab_remove(L: LuaThread, base: number, nargs: number): number {
  if (nargs === 1) {
    const t = L.stack[base];
    if (t instanceof LuaTable && t.metatable === undefined && t.lua === null) {
      // The common pop of a plain sequence's last element (see below for the general case).
      const arr = t.arr;
      if (arr.length > 0 && t.length() === arr.length) {
        const v = arr.pop();
        while (arr.length > 0 && arr[arr.length - 1] === undefined) arr.pop();
        return ret1(L, v);
      }
    }
  }
  const t = checkTab(L, 1, TAB_RW | TAB_L);
  const size = lenOf(L, t);
  let pos = optInteger(L, 2, size);
  // pos must be in [1, size + 1] (lua5.4.4 reports it as argument #1).
  if (pos !== size && !ule(addInt(pos, -1), size)) argError(L, 1, 'position out of bounds');
  if (
    t instanceof LuaTable &&
    t.metatable === undefined &&
    t.lua === null &&
    typeof pos === 'number' &&
    size === t.arr.length &&
    pos >= 1 &&
    pos <= size
  ) {
    // Plain sequence: shifting down is a splice, removing the last element a pop (which V8
    // does far faster than shrinking `length`); trailing nils go as LuaTable keeps them.
    const arr = t.arr;
    let v: LuaValue;
    if (pos === size) {
      v = arr.pop();
      while (arr.length > 0 && arr[arr.length - 1] === undefined) arr.pop();
    } else {
      v = arr[pos - 1];
      arr.splice(pos - 1, 1);
    }
    return ret1(L, v);
  }
  const v = geti(L, t, pos);
  for (; pos < size; pos = addInt(pos, 1)) seti(L, t, pos, geti(L, t, addInt(pos, 1)));
  seti(L, t, pos, undefined);
  return ret1(L, v);
}

/** move(a1, f, e, t [, a2]): a2[t..] = a1[f..e], overlapping ranges handled. */
function tab_move(L: LuaThread): number {
  const f = checkInteger(L, 2);
  const e = checkInteger(L, 3);
  const t = checkInteger(L, 4);
  const tt = !isNoneOrNil(L, 5) ? 5 : 1; // destination table
  const a1 = checkTab(L, 1, TAB_R);
  const a2 = checkTab(L, tt, TAB_W);
  if (e >= f) {
    if (typeof f === 'number' && typeof e === 'number' && typeof t === 'number' && Number.isSafeInteger(t + e - f)) {
      // Within ±2^53 neither check can fail (the limits are near 2^63).
      const m = e - f + 1;
      const forward = t > e || t <= f || (tt !== 1 && !equalsSync(L, a1, a2));
      if (forward) for (let i = 0; i < m; i++) seti(L, a2, t + i, geti(L, a1, f + i));
      else for (let i = m - 1; i >= 0; i--) seti(L, a2, t + i, geti(L, a1, f + i));
      return ret1(L, a2);
    }
    const F = BigInt(f);
    const E = BigInt(e);
    const T = BigInt(t);
    if (!(F > 0n || E < MAXINTEGER + F)) argError(L, 3, 'too many elements to move');
    const n = E - F + 1n; // number of elements to move
    if (!(T <= MAXINTEGER - n + 1n)) argError(L, 4, 'destination wrap around');
    const forward = T > E || T <= F || (tt !== 1 && !equalsSync(L, a1, a2));
    if (forward) {
      for (let i = 0n; i < n; i++) seti(L, a2, mkInt(T + i), geti(L, a1, mkInt(F + i)));
    } else {
      for (let i = n - 1n; i >= 0n; i--) seti(L, a2, mkInt(T + i), geti(L, a1, mkInt(F + i)));
    }
  }
  return ret1(L, a2);
}

/** pack(...): a new table with the arguments and `n`. */
function tab_pack(L: LuaThread, base: number, nargs: number): number {
  const t = new LuaTable();
  const stack = L.stack;
  for (let i = 0; i < nargs; i++) t.setListItem(i + 1, stack[base + i]);
  t.finishList(nargs);
  if (t.lua !== null && t.lua.nodes === 0) t.lua.nodes = 1; // lua_createtable(L, n, 1): a node for n
  t.setStr('n', nargs);
  return ret1(L, t);
}

/** unpack(list [, i [, j]]): list[i], ..., list[j]. */
function tab_unpack(L: LuaThread): number {
  const t = arg(L, 1);
  const i = optInteger(L, 2, 1);
  const e = isNoneOrNil(L, 3) ? lenOf(L, t) : checkInteger(L, 3);
  if (i > e) return 0; // empty range
  // e - i + 1 may be inexact beyond 2^53, but then it is far too many anyway.
  const n = typeof i === 'number' && typeof e === 'number' ? e - i + 1 : Number(BigInt(e) - BigInt(i) + 1n);
  if (n >= INT_MAX || L.top + n > LUAI_MAXSTACK) luaError(L, 'too many results to unpack');
  L.ensureStack(L.top + n + 1);
  const stack = L.stack;
  let top = L.top;
  if (typeof i === 'number' && typeof e === 'number') {
    if (t instanceof LuaTable && t.metatable === undefined) {
      for (let k = i; k <= e; k++) stack[top++] = t.getInt(k);
    } else {
      for (let k = i; k <= e; k++) {
        L.top = top; // re-entrant __index calls work above the results so far
        stack[top++] = geti(L, t, k);
      }
    }
  } else {
    const I = BigInt(i);
    for (let k = 0n; k < BigInt(n); k++) {
      L.top = top;
      stack[top++] = geti(L, t, mkInt(I + k));
    }
  }
  L.top = top;
  return n;
}

// ============================================================================================
// sort (lsort)
// ============================================================================================

/** Intervals smaller than this always use the middle element as pivot (RANLIMIT). */
const RANLIMIT = 100;

/** A "random" pivot seed for unbalanced partitions (l_randomizePivot: clock and time). */
function randomizePivot(): number {
  return (Date.now() + Math.floor(Math.random() * 0x100000000)) >>> 0;
}

/** A pivot in the middle half of [lo, up], chosen by `rnd` (choosePivot). */
function choosePivot(lo: number, up: number, rnd: number): number {
  const r4 = Math.floor((up - lo) / 4);
  return (rnd % (r4 * 2)) + lo + r4;
}

/** `a < b` on two numbers or two strings (numeric, or bytewise as strcoll in the C locale). */
function primitiveLess(a: number, b: number): boolean {
  return a < b;
}

/** `b < a`: what the comparator `function(a, b) return a > b end` computes. */
function primitiveGreater(a: number, b: number): boolean {
  return b < a;
}

/**
 * Fast path: lsort on a plain table's array part holding only numbers (JS numbers) or only
 * strings, compared with JS `<` — or, for a comparator recognised as `return a > b`, with
 * its JS equivalent (sort-comparator.ts). The algorithm, and so the outcome for inconsistent
 * orders such as NaNs, is SortMachine's.
 */
function sortPrimitive(L: LuaThread, a: LuaValue[], lo: number, up: number, descending: boolean): void {
  const less = descending ? primitiveGreater : primitiveLess;
  // a[k - 1] holds element k.
  let rnd = 0;
  const pending: number[] = [];
  for (;;) {
    while (lo < up) {
      let x = a[lo - 1] as number;
      let y = a[up - 1] as number;
      if (less(y, x)) {
        a[lo - 1] = y;
        a[up - 1] = x;
      }
      if (up - lo === 1) break;
      let p = up - lo < RANLIMIT || rnd === 0 ? (lo + up) >>> 1 : choosePivot(lo, up, rnd);
      x = a[p - 1] as number;
      y = a[lo - 1] as number;
      if (less(x, y)) {
        a[p - 1] = y;
        a[lo - 1] = x;
      } else {
        y = a[up - 1] as number;
        if (less(y, x)) {
          a[p - 1] = y;
          a[up - 1] = x;
        }
      }
      if (up - lo === 2) break;
      const P = a[p - 1] as number;
      a[p - 1] = a[up - 2];
      a[up - 2] = P;
      // partition: a[lo..i] <= P <= a[j..up], a[up - 1] == P
      let i = lo;
      let j = up - 1;
      for (;;) {
        let ai: number;
        while (less((ai = a[++i - 1] as number), P)) {
          if (i === up - 1) luaError(L, 'invalid order function for sorting');
        }
        let aj: number;
        while (less(P, (aj = a[--j - 1] as number))) {
          if (j < i) luaError(L, 'invalid order function for sorting');
        }
        if (j < i) {
          a[up - 2] = ai;
          a[i - 1] = P;
          break;
        }
        a[i - 1] = aj;
        a[j - 1] = ai;
      }
      p = i;
      // Continue with the smaller half first (lsort recurses on it), the larger one later.
      if (p - lo < up - p) {
        pending.push(p + 1, up, p - lo, rnd);
        up = p - 1;
      } else {
        pending.push(lo, p - 1, up - p, rnd);
        lo = p + 1;
      }
    }
    if (pending.length === 0) return;
    rnd = pending.pop()!;
    const n = pending.pop()!;
    up = pending.pop()!;
    lo = pending.pop()!;
    if (up > lo && Math.floor((up - lo) / 128) > n) rnd = randomizePivot();
  }
}

const LESS = 1;
const NOT_LESS = 0;
const CALL = 2;
const DONE = 3;

// Where SortMachine.run continues: each state follows one comparison point of lsort.
/** Take the next pending interval (or finish). */
const POP = 0;
/** Head of `while (lo < up)`: order a[lo] and a[up]. */
const LOOP = 1;
/** a[up] < a[lo] is known: swap them, then compare a[p] with a[lo]. */
const ENDS = 2;
/** a[p] < a[lo] is known: swap them, or compare a[up] with a[p]. */
const MID_LO = 3;
/** a[up] < a[p] is known: swap them. */
const MID_UP = 4;
/** The median of three is in place: move the pivot to up - 1 and start partitioning. */
const PIVOT = 5;
/** Top of the partition loop: compare a[++i] with the pivot. */
const SCAN_START = 6;
/** a[i] < P is known: keep scanning up, or start scanning j down. */
const SCAN_I = 7;
/** P < a[j] is known: keep scanning down, or swap / finish the partition. */
const SCAN_J = 8;

/**
 * One table.sort call that needs requests (a comparator, or elements that are not all numbers
 * or all strings), kept in the native frame's `ctx`: lsort, the same steps as sortPrimitive,
 * on any table-like value through geti/seti, written as a resumable state machine. When a
 * comparison needs a call, `run` pushes it at `slot` and returns CALL; the continuation calls
 * `run` again with the result. (A state machine rather than a generator: a resumption costs
 * no iterator-result allocation, and sorting 200000 elements resumes about 3.5 million times.)
 */
class SortMachine {
  state = LOOP;
  rnd = 0;
  /** Intervals still to sort, four numbers each: lo, up, size of the other half, rnd. */
  readonly pending: number[] = [];
  p = 0;
  i = 0;
  j = 0;
  /** The two values of the comparison under way. */
  x: LuaValue = undefined;
  y: LuaValue = undefined;
  /** The pivot. */
  P: LuaValue = undefined;
  ai: LuaValue = undefined;
  aj: LuaValue = undefined;

  constructor(
    readonly L: LuaThread,
    readonly t: LuaValue,
    /** The comparator, or undefined to compare with `<` (and __lt). */
    readonly comp: LuaValue,
    /** Stack slot where comparison calls are pushed (above the sort's arguments). */
    readonly slot: number,
    public lo: number,
    public up: number,
  ) {}

  /**
   * Compare a < b: LESS or NOT_LESS when it needs no Lua code, else CALL with the comparator
   * (or __lt) and both values pushed at `slot` for the driver to call.
   */
  compare(a: LuaValue, b: LuaValue): number {
    let f = this.comp;
    if (f === undefined) {
      if (typeof a === 'number' && typeof b === 'number') return a < b ? LESS : NOT_LESS;
      if (typeof a === 'string' && typeof b === 'string') return a < b ? LESS : NOT_LESS;
      const ta = typeName(a);
      if (ta === 'number' && typeName(b) === 'number') {
        return numLessThan(a as number, b as number) ? LESS : NOT_LESS;
      }
      const G = this.L.global;
      f = getTMByObj(G, a, TM.LT);
      if (f === undefined) f = getTMByObj(G, b, TM.LT);
      if (f === undefined) orderError(this.L, a, b);
    }
    const stack = this.L.stack;
    const slot = this.slot;
    stack[slot] = f;
    stack[slot + 1] = a;
    stack[slot + 2] = b;
    return CALL;
  }

  /**
   * Sort until a comparison needs a call (CALL) or the table is sorted (DONE). `res` is the
   * result of the comparison the machine stopped at (ignored on the first run).
   */
  run(res: boolean): number {
    const L = this.L;
    const t = this.t;
    const pending = this.pending;
    let s = this.state;
    let c: number;
    for (;;) {
      if (s === POP) {
        if (pending.length === 0) return DONE;
        this.rnd = pending.pop()!;
        const n = pending.pop()!;
        const up = (this.up = pending.pop()!);
        const lo = (this.lo = pending.pop()!);
        if (up > lo && Math.floor((up - lo) / 128) > n) this.rnd = randomizePivot();
        s = LOOP;
      }
      if (s === LOOP) {
        if (this.lo >= this.up) {
          s = POP;
          continue;
        }
        // Order a[lo] and a[up].
        const x = (this.x = geti(L, t, this.lo));
        const y = (this.y = geti(L, t, this.up));
        s = ENDS;
        if ((c = this.compare(y, x)) === CALL) return this.stop(s);
        res = c === LESS;
      }
      if (s === ENDS) {
        const lo = this.lo;
        const up = this.up;
        if (res) {
          seti(L, t, lo, this.y);
          seti(L, t, up, this.x);
        }
        if (up - lo === 1) {
          s = POP;
          continue;
        }
        // Median of a[lo], a[p], a[up].
        const p = (this.p = up - lo < RANLIMIT || this.rnd === 0 ? (lo + up) >>> 1 : choosePivot(lo, up, this.rnd));
        const x = (this.x = geti(L, t, p));
        const y = (this.y = geti(L, t, lo));
        s = MID_LO;
        if ((c = this.compare(x, y)) === CALL) return this.stop(s);
        res = c === LESS;
      }
      if (s === MID_LO) {
        if (res) {
          seti(L, t, this.p, this.y);
          seti(L, t, this.lo, this.x);
          s = PIVOT;
        } else {
          const y = (this.y = geti(L, t, this.up));
          s = MID_UP;
          if ((c = this.compare(y, this.x)) === CALL) return this.stop(s);
          res = c === LESS;
        }
      }
      if (s === MID_UP) {
        if (res) {
          seti(L, t, this.p, this.y);
          seti(L, t, this.up, this.x);
        }
        s = PIVOT;
      }
      if (s === PIVOT) {
        const up = this.up;
        if (up - this.lo === 2) {
          s = POP;
          continue;
        }
        const p = this.p;
        const P = (this.P = geti(L, t, p));
        seti(L, t, p, geti(L, t, up - 1));
        seti(L, t, up - 1, P);
        // Partition: a[lo..i] <= P <= a[j..up], a[up - 1] == P.
        this.i = this.lo;
        this.j = up - 1;
        s = SCAN_START;
      }
      if (s === SCAN_START) {
        const ai = (this.ai = geti(L, t, ++this.i));
        s = SCAN_I;
        if ((c = this.compare(ai, this.P)) === CALL) return this.stop(s);
        res = c === LESS;
      }
      if (s === SCAN_I) {
        if (res) {
          if (this.i === this.up - 1) luaError(L, 'invalid order function for sorting');
          const ai = (this.ai = geti(L, t, ++this.i));
          if ((c = this.compare(ai, this.P)) === CALL) return this.stop(s);
          res = c === LESS;
          continue;
        }
        const aj = (this.aj = geti(L, t, --this.j));
        s = SCAN_J;
        if ((c = this.compare(this.P, aj)) === CALL) return this.stop(s);
        res = c === LESS;
      }
      if (s === SCAN_J) {
        if (res) {
          if (this.j < this.i) luaError(L, 'invalid order function for sorting');
          const aj = (this.aj = geti(L, t, --this.j));
          if ((c = this.compare(this.P, aj)) === CALL) return this.stop(s);
          res = c === LESS;
          continue;
        }
        const i = this.i;
        if (this.j < i) {
          const lo = this.lo;
          const up = this.up;
          seti(L, t, up - 1, this.ai);
          seti(L, t, i, this.P);
          // Continue with the smaller half first (lsort recurses on it), the larger one later.
          if (i - lo < up - i) {
            pending.push(i + 1, up, i - lo, this.rnd);
            this.up = i - 1;
          } else {
            pending.push(lo, i - 1, up - i, this.rnd);
            this.lo = i + 1;
          }
          s = LOOP;
          continue;
        }
        seti(L, t, i, this.aj);
        seti(L, t, this.j, this.ai);
        s = SCAN_START;
      }
    }
  }

  /** Remember where to continue and hand the pushed comparison to the driver. */
  private stop(state: number): number {
    this.state = state;
    return CALL;
  }
}

/** Drive the sort machine: finish, or request the comparison call it pushed. */
function sortStep(L: LuaThread, S: SortMachine, r: number): number {
  if (r === DONE) {
    L.top = S.slot;
    return 0;
  }
  L.top = S.slot + 3;
  L.pendingFunc = S.slot;
  L.pendingResults = 1;
  return NativeRequest.Call;
}

/** Continuation of table.sort: a comparison call returned its result at S.slot. */
function sortContinue(L: LuaThread, ci: CallInfo): number {
  const S = ci.ctx as SortMachine;
  const res = L.stack[S.slot];
  L.top = S.slot;
  return sortStep(L, S, S.run(res !== undefined && res !== false));
}

/** True when every element of `a` is a JS number, or every one is a string. */
function allPrimitive(a: LuaValue[]): boolean {
  const n = a.length;
  const kind = typeof a[0];
  if (kind !== 'number' && kind !== 'string') return false;
  for (let i = 1; i < n; i++) if (typeof a[i] !== kind) return false;
  return true;
}

/** sort(list [, comp]). */
function tab_sort(L: LuaThread, base: number, nargs: number): number {
  const t = checkTab(L, 1, TAB_RW | TAB_L);
  const n = lenOf(L, t);
  if (n > 1) {
    if (!(n < INT_MAX)) argError(L, 1, 'array too big');
    const comp = arg(L, 2);
    if (comp !== undefined && !isFunction(comp)) typeError(L, 2, 'function');
    const up = n as number;
    const order = comp === undefined ? ASCENDING : L.hookMask === 0 ? comparatorOrder(comp) : OTHER;
    if (
      order !== OTHER &&
      t instanceof LuaTable &&
      t.metatable === undefined &&
      t.lua === null &&
      t.arr.length === up &&
      allPrimitive(t.arr)
    ) {
      sortPrimitive(L, t.arr, 1, up, order === DESCENDING);
      return 0;
    }
    const slot = base + nargs;
    L.ensureStack(slot + 4);
    L.top = slot;
    const S = new SortMachine(L, t, comp, slot, 1, up);
    const ci = L.ci;
    ci.ctx = S;
    ci.k = sortContinue;
    // Lua calls comparators with lua_call: they cannot yield (host awaits still work).
    ci.callstatus |= CIST_NOYIELD;
    return sortStep(L, S, S.run(false));
  }
  return 0;
}

// ============================================================================================
// Registration
// ============================================================================================

const tablib = {
  concat: tab_concat,
  insert: tab_insert,
  move: tab_move,
  pack: tab_pack,
  remove: tab_remove,
  sort: tab_sort,
  unpack: tab_unpack,
};

/** luaopen_table. */
export function openTable(_L: LuaThread): LuaTable {
  return newLib(tablib);
}
