// operators.ts — the slow paths of Lua's operators: indexing through __index/__newindex,
// arithmetic, comparison, concatenation and length with metamethods, and their errors.
//
// The dispatch loop (execute.ts) handles plain tables and plain numbers inline and calls
// here for everything else. A metamethod that is a Lua function is not called from JS: it is
// pushed as a frame marked CIST_FINOP and the loop runs it; when it returns, finishOp
// (execute.ts) completes the interrupted instruction with its result. So these functions
// return `true` when they left a frame pending (the loop must switch to L.ci) and `false`
// when the operation completed here (a result, if any, was stored at `dest`).
// Cf. lvm.c (luaV_finishget, luaV_finishset, luaV_lessthan, luaV_equalobj, luaV_concat,
// luaV_objlen), ltm.c (luaT_trybinTM, luaT_callorderTM).

import type { LuaValue } from './value.js';
import { LuaFloat, LuaUserdata, isFunction, isNumber, numberToString, truthy } from './value.js';
import { LuaTable } from './table.js';
import { CallInfo, CIST_FINOP, CIST_LEQ, LuaThread } from './state.js';
import { TM, fastTM, getTMByObj } from './metamethods.js';
import { precallNested } from './nested.js';
import { ArithOp, arithNumbers, numLessEqual, numLessThan, numEqual, ArithError } from './arith.js';
import {
  NO_SOURCE,
  concatError,
  opIntError,
  orderError,
  runError,
  toIntError,
  typeError,
} from './raise.js';
import type { ValueSource } from './debug-info.js';

/** Limit of __index/__newindex chains (MAXTAGLOOP). */
const MAXTAGLOOP = 2000;

/**
 * Call metamethod stack[func] with the `nargs` values after it as part of the running
 * instruction. Returns true if a frame is pending (its result will reach finishOp), false if
 * a native metamethod finished (its result, if wanted, is at stack[func]).
 */
export function callMeta(L: LuaThread, func: number, nargs: number, nresults: number): boolean {
  L.top = func + 1 + nargs;
  const ci = precallNested(L, func, nresults);
  if (ci === null) return false;
  ci.callstatus |= CIST_FINOP;
  return true;
}

function pushCall3(L: LuaThread, at: number, f: LuaValue, a: LuaValue, b: LuaValue, c?: LuaValue): void {
  L.ensureStack(at + 5);
  const stack = L.stack;
  stack[at] = f;
  stack[at + 1] = a;
  stack[at + 2] = b;
  stack[at + 3] = c;
}

// ============================================================================================
// Indexing
// ============================================================================================

/** t[key] where the fast path failed; stores into stack[dest] unless a frame is pending. */
export function finishGet(
  L: LuaThread,
  ci: CallInfo,
  t: LuaValue,
  key: LuaValue,
  dest: number,
  src: ValueSource,
): boolean {
  const G = L.global;
  for (let loop = 0; loop < MAXTAGLOOP; loop++) {
    let tm: LuaValue;
    if (t instanceof LuaTable) {
      const v = t.get(key);
      if (v !== undefined) {
        L.stack[dest] = v;
        return false;
      }
      tm = fastTM(t.metatable, TM.INDEX);
      if (tm === undefined) {
        L.stack[dest] = undefined;
        return false;
      }
    } else {
      tm = getTMByObj(G, t, TM.INDEX);
      if (tm === undefined) typeError(L, t, 'index', src);
    }
    if (isFunction(tm)) {
      const func = ci.top;
      pushCall3(L, func, tm, t, key);
      if (callMeta(L, func, 2, 1)) return true;
      L.stack[dest] = L.stack[func];
      return false;
    }
    t = tm;
    src = NO_SOURCE;
  }
  runError(L, "'__index' chain too long; possible loop");
}

/** Raw assignment with Lua's checks on the key (luaH_newkey's errors). */
export function rawSetChecked(L: LuaThread, t: LuaTable, key: LuaValue, value: LuaValue): void {
  if (key === undefined) runError(L, 'table index is nil');
  if (typeof key === 'number') {
    if (key !== key) runError(L, 'table index is NaN');
  } else if (key instanceof LuaFloat && key.n !== key.n) runError(L, 'table index is NaN');
  t.set(key, value);
}

/** t[key] = value where the fast path failed. */
export function finishSet(
  L: LuaThread,
  ci: CallInfo,
  t: LuaValue,
  key: LuaValue,
  value: LuaValue,
  src: ValueSource,
): boolean {
  const G = L.global;
  for (let loop = 0; loop < MAXTAGLOOP; loop++) {
    let tm: LuaValue;
    if (t instanceof LuaTable) {
      if (t.get(key) !== undefined) {
        t.set(key, value);
        return false;
      }
      tm = fastTM(t.metatable, TM.NEWINDEX);
      if (tm === undefined) {
        rawSetChecked(L, t, key, value);
        return false;
      }
    } else {
      tm = getTMByObj(G, t, TM.NEWINDEX);
      if (tm === undefined) typeError(L, t, 'index', src);
    }
    if (isFunction(tm)) {
      const func = ci.top;
      pushCall3(L, func, tm, t, key, value);
      return callMeta(L, func, 3, 0);
    }
    t = tm;
    src = NO_SOURCE;
  }
  runError(L, "'__newindex' chain too long; possible loop");
}

// ============================================================================================
// Arithmetic and bitwise operators with metamethods
// ============================================================================================

/**
 * `a op b` after the numeric fast path failed: numbers of mixed kinds, then metamethods
 * (event = TM.ADD + op), then Lua's error. Stores into stack[dest] unless a frame is pending.
 */
export function arithSlow(
  L: LuaThread,
  ci: CallInfo,
  op: ArithOp,
  a: LuaValue,
  b: LuaValue,
  dest: number,
  srcA: ValueSource,
  srcB: ValueSource,
): boolean {
  let r: LuaValue;
  try {
    r = arithNumbers(op, a, b);
  } catch (e) {
    if (e instanceof ArithError) runError(L, e.message);
    throw e;
  }
  if (r !== undefined) {
    L.stack[dest] = r;
    return false;
  }
  return arithTM(L, ci, a, b, (TM.ADD + op) as TM, dest, srcA, srcB);
}

/** Try the metamethod of a binary (or unary: b === a) event; raise Lua's error if none. */
export function arithTM(
  L: LuaThread,
  ci: CallInfo,
  a: LuaValue,
  b: LuaValue,
  event: TM,
  dest: number,
  srcA: ValueSource,
  srcB: ValueSource,
): boolean {
  const G = L.global;
  let tm = getTMByObj(G, a, event);
  if (tm === undefined) tm = getTMByObj(G, b, event);
  if (tm === undefined) {
    switch (event) {
      case TM.BAND:
      case TM.BOR:
      case TM.BXOR:
      case TM.SHL:
      case TM.SHR:
      case TM.BNOT:
        if (isNumber(a) && isNumber(b)) toIntError(L, a, b, srcA, srcB);
        opIntError(L, a, b, srcA, srcB, 'perform bitwise operation on');
      // falls through (never reached: opIntError throws)
      default:
        opIntError(L, a, b, srcA, srcB, 'perform arithmetic on');
    }
  }
  const func = ci.top;
  pushCall3(L, func, tm, a, b);
  if (callMeta(L, func, 2, 1)) return true;
  L.stack[dest] = L.stack[func];
  return false;
}

// ============================================================================================
// Comparisons. Results: 0 false, 1 true, PENDING when a metamethod frame is pending.
// ============================================================================================

export const PENDING = 2;

function callOrderTM(L: LuaThread, ci: CallInfo, a: LuaValue, b: LuaValue, event: TM.LT | TM.LE): number {
  const G = L.global;
  let tm = getTMByObj(G, a, event);
  if (tm === undefined) tm = getTMByObj(G, b, event);
  if (tm !== undefined) {
    const func = ci.top;
    pushCall3(L, func, tm, a, b);
    if (callMeta(L, func, 2, 1)) return PENDING;
    return truthy(L.stack[func]) ? 1 : 0;
  }
  if (event === TM.LE) {
    // Lua 5.4 built with LUA_COMPAT_5_3 (as lua5.4 is) tries `not (b < a)` for `a <= b`.
    let lt = getTMByObj(G, b, TM.LT);
    if (lt === undefined) lt = getTMByObj(G, a, TM.LT);
    if (lt !== undefined) {
      const func = ci.top;
      pushCall3(L, func, lt, b, a);
      ci.callstatus |= CIST_LEQ;
      if (callMeta(L, func, 2, 1)) return PENDING;
      ci.callstatus &= ~CIST_LEQ;
      return truthy(L.stack[func]) ? 0 : 1;
    }
  }
  orderError(L, a, b);
}

/** a < b (luaV_lessthan). */
export function lessThan(L: LuaThread, ci: CallInfo, a: LuaValue, b: LuaValue): number {
  if (isNumber(a) && isNumber(b)) return numLessThan(a, b) ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? 1 : 0;
  return callOrderTM(L, ci, a, b, TM.LT);
}

/** a <= b (luaV_lessequal). */
export function lessEqual(L: LuaThread, ci: CallInfo, a: LuaValue, b: LuaValue): number {
  if (isNumber(a) && isNumber(b)) return numLessEqual(a, b) ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return a <= b ? 1 : 0;
  return callOrderTM(L, ci, a, b, TM.LE);
}

/** Raw equality (rawequal): numbers by value, everything else by identity. */
export function rawEquals(a: LuaValue, b: LuaValue): boolean {
  if (a === b) return !(a instanceof LuaFloat) || a.n === a.n;
  if (isNumber(a) && isNumber(b)) return numEqual(a, b);
  return false;
}

/** a == b with __eq for tables and userdata (luaV_equalobj). */
export function equalObj(L: LuaThread, ci: CallInfo, a: LuaValue, b: LuaValue): number {
  if (rawEquals(a, b)) return 1;
  let tm: LuaValue;
  if (a instanceof LuaTable && b instanceof LuaTable) {
    tm = fastTM(a.metatable, TM.EQ);
    if (tm === undefined) tm = fastTM(b.metatable, TM.EQ);
  } else if (a instanceof LuaUserdata && b instanceof LuaUserdata) {
    tm = fastTM(a.metatable, TM.EQ);
    if (tm === undefined) tm = fastTM(b.metatable, TM.EQ);
  } else return 0;
  if (tm === undefined) return 0;
  const func = ci.top;
  pushCall3(L, func, tm, a, b);
  if (callMeta(L, func, 2, 1)) return PENDING;
  return truthy(L.stack[func]) ? 1 : 0;
}

// ============================================================================================
// Concatenation (luaV_concat) and length (luaV_objlen)
// ============================================================================================

/** The string form of a value for `..`, or undefined if it has none (numbers convert). */
export function concatString(v: LuaValue): string | undefined {
  if (typeof v === 'string') return v;
  if (isNumber(v)) return numberToString(v);
  return undefined;
}

/**
 * Concatenate the `total` values below L.top into one at L.top - total, right to left as
 * Lua does (so __concat sees the same pairs). Returns true if a metamethod frame is pending.
 */
export function concat(L: LuaThread, ci: CallInfo, total: number): boolean {
  const stack = L.stack;
  do {
    const top = L.top;
    let n = 2;
    const a = stack[top - 2];
    const b = stack[top - 1];
    const sb = concatString(b);
    const sa = concatString(a);
    if (sa === undefined || sb === undefined) {
      const G = L.global;
      let tm = getTMByObj(G, a, TM.CONCAT);
      if (tm === undefined) tm = getTMByObj(G, b, TM.CONCAT);
      if (tm === undefined) concatError(L, a, b, top - 2 - ci.base, top - 1 - ci.base);
      pushCall3(L, top, tm, a, b);
      if (callMeta(L, top, 2, 1)) return true;
      stack[top - 2] = stack[top];
    } else if (sb === '') {
      stack[top - 2] = sa;
    } else if (sa === '') {
      stack[top - 2] = sb;
    } else {
      // Collect as many convertible values as possible and join them at once.
      const parts: string[] = [sb, sa];
      while (n < total) {
        const s = concatString(stack[top - n - 1]);
        if (s === undefined) break;
        parts.push(s);
        n++;
      }
      let out = '';
      for (let i = parts.length - 1; i >= 0; i--) out += parts[i];
      stack[top - n] = out;
    }
    total -= n - 1;
    L.top -= n - 1;
  } while (total > 1);
  return false;
}

/** #v after the fast path failed; stores into stack[dest] unless a frame is pending. */
export function objLen(L: LuaThread, ci: CallInfo, v: LuaValue, dest: number, src: ValueSource): boolean {
  let tm: LuaValue;
  if (v instanceof LuaTable) {
    tm = fastTM(v.metatable, TM.LEN);
    if (tm === undefined) {
      L.stack[dest] = v.length();
      return false;
    }
  } else if (typeof v === 'string') {
    L.stack[dest] = v.length;
    return false;
  } else {
    tm = getTMByObj(L.global, v, TM.LEN);
    if (tm === undefined) typeError(L, v, 'get length of', src);
  }
  const func = ci.top;
  pushCall3(L, func, tm, v, v);
  if (callMeta(L, func, 2, 1)) return true;
  L.stack[dest] = L.stack[func];
  return false;
}
