// metamethods.ts — finding metatables and metamethods.
//
// Tables and userdata carry their own metatable; every other type shares one per type in the
// global state (the string library sets the string one). The events are numbered as Lua
// numbers them (the compiler puts these numbers in MMBIN instructions). Lookups of absent
// metamethods are cached in the metatable's `tmAbsent` bits for the events up to __eq, the
// ones the VM asks about on hot paths (cf. ltm.c luaT_gettm, fasttm).
// Cf. ltm.h, ltm.c.

import type { LuaValue } from './value.js';
import { LuaFloat, LuaUserdata } from './value.js';
import { LuaTable } from './table.js';
import { LuaClosure, NativeFunction } from './closure.js';
import { GlobalState, LuaThread } from './state.js';

export const enum TM {
  INDEX,
  NEWINDEX,
  GC,
  MODE,
  LEN,
  EQ,
  ADD,
  SUB,
  MUL,
  MOD,
  POW,
  DIV,
  IDIV,
  BAND,
  BOR,
  BXOR,
  SHL,
  SHR,
  UNM,
  BNOT,
  LT,
  LE,
  CONCAT,
  CALL,
  CLOSE,
}

export const TM_NAMES: readonly string[] = [
  '__index',
  '__newindex',
  '__gc',
  '__mode',
  '__len',
  '__eq',
  '__add',
  '__sub',
  '__mul',
  '__mod',
  '__pow',
  '__div',
  '__idiv',
  '__band',
  '__bor',
  '__bxor',
  '__shl',
  '__shr',
  '__unm',
  '__bnot',
  '__lt',
  '__le',
  '__concat',
  '__call',
  '__close',
];

/** The metatable of any value (lua_getmetatable without __metatable protection). */
export function getMetatable(G: GlobalState, v: LuaValue): LuaTable | undefined {
  if (v instanceof LuaTable) return v.metatable;
  switch (typeof v) {
    case 'string':
      return G.stringMeta;
    case 'number':
    case 'bigint':
      return G.numberMeta;
    case 'boolean':
      return G.booleanMeta;
    case 'undefined':
      return G.nilMeta;
  }
  if (v instanceof LuaUserdata) return v.metatable;
  if (v instanceof LuaFloat) return G.numberMeta;
  if (v instanceof LuaClosure || v instanceof NativeFunction) return G.functionMeta;
  if (v instanceof LuaThread) return G.threadMeta;
  return undefined;
}

/** Metamethod `tm` of metatable `mt`, using the absent-cache for the first events. */
export function fastTM(mt: LuaTable | undefined, tm: TM): LuaValue {
  if (mt === undefined) return undefined;
  if (tm <= TM.EQ) {
    if ((mt.tmAbsent & (1 << tm)) !== 0) return undefined;
    const v = mt.getStr(TM_NAMES[tm]);
    if (v === undefined) mt.tmAbsent |= 1 << tm;
    return v;
  }
  return mt.getStr(TM_NAMES[tm]);
}

/** Metamethod `tm` of any value (luaT_gettmbyobj). */
export function getTMByObj(G: GlobalState, v: LuaValue, tm: TM): LuaValue {
  const mt = getMetatable(G, v);
  return mt === undefined ? undefined : fastTM(mt, tm);
}

/**
 * Give table `t` the metatable `mt` (or none): setmetatable's effect once its checks passed
 * (base.ts, and compiled code's inline setmetatable in jit.ts). The collector learns of a
 * metatable with __gc or __mode.
 */
export function setTableMetatable(G: GlobalState, t: LuaTable, mt: LuaTable | undefined): void {
  t.metatable = mt;
  if (mt !== undefined) G.gc?.noteMetatable(t, mt);
}
