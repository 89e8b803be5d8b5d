// aux.ts — argument checks and registration helpers for the standard library, with Lua's
// exact messages ("bad argument #2 to 'insert' (number expected, got string)").
//
// Natives read their arguments through these helpers, by 1-based position, from the native's
// own frame (L.ci): `ci.func + i` holds argument i. The function name in messages comes from
// the call site, as luaL_argerror does it (a method call does not count `self`).
// Cf. lauxlib.c.

import type { LuaValue } from '../vm/value.js';
import {
  LuaFloat,
  LuaUserdata,
  isNumber,
  numberToString,
  toInteger,
  toNumber,
  typeName,
  floatToInteger,
} from '../vm/value.js';
import { LuaTable } from '../vm/table.js';
import { LuaClosure, NativeFunction } from '../vm/closure.js';
import type { NativeImpl } from '../vm/closure.js';
import type { LuaThread } from '../vm/state.js';
import { LuaError } from '../vm/errors.js';
import { getFuncName, globalFuncName, where } from '../vm/debug-info.js';
import { metaField } from '../vm/api.js';

// ============================================================================================
// Reading arguments
// ============================================================================================

/** Number of arguments of the running native. */
export function argCount(L: LuaThread): number {
  return L.ci.nargs;
}

/** Argument `i` (1-based) of the running native; undefined when absent. */
export function arg(L: LuaThread, i: number): LuaValue {
  const ci = L.ci;
  return i <= ci.nargs ? L.stack[ci.func + i] : undefined;
}

/** True when argument `i` is absent or nil (luaL_opt's test). */
export function isNoneOrNil(L: LuaThread, i: number): boolean {
  return arg(L, i) === undefined;
}

// ============================================================================================
// Errors
// ============================================================================================

/** luaL_error: a message with the calling Lua code's position. */
export function luaError(L: LuaThread, msg: string): never {
  throw new LuaError(where(L.ci.previous) + msg);
}

/** luaL_argerror. */
export function argError(L: LuaThread, i: number, extra: string): never {
  const ci = L.ci;
  const name = getFuncName(ci);
  let fname: string;
  if (name !== undefined && name.kind === 'method') {
    i--;
    if (i === 0) luaError(L, `calling '${name.name}' on bad self (${extra})`);
  }
  if (name !== undefined && name.kind !== 'for iterator' && name.kind !== 'hook') fname = name.name;
  else if (name !== undefined && name.kind === 'for iterator') fname = 'for iterator';
  else fname = globalFuncName(L, ci.closure as LuaValue) ?? '?';
  luaError(L, `bad argument #${i} to '${fname}' (${extra})`);
}

/** The type name used in "X expected, got Y" messages (luaL_typeerror). */
function typeNameForError(L: LuaThread, i: number): string {
  if (i > L.ci.nargs) return 'no value';
  const v = arg(L, i);
  const name = metaField(L, v, '__name');
  if (typeof name === 'string') return name;
  if (v instanceof LuaUserdata && v.light) return 'light userdata';
  return typeName(v);
}

/** luaL_typeerror: "<expected> expected, got <actual>". */
export function typeError(L: LuaThread, i: number, expected: string): never {
  argError(L, i, `${expected} expected, got ${typeNameForError(L, i)}`);
}

// ============================================================================================
// Checks (luaL_check*, luaL_opt*)
// ============================================================================================

export function checkAny(L: LuaThread, i: number): LuaValue {
  if (i > L.ci.nargs) argError(L, i, 'value expected');
  return arg(L, i);
}

export function checkTable(L: LuaThread, i: number): LuaTable {
  const v = arg(L, i);
  if (!(v instanceof LuaTable)) typeError(L, i, 'table');
  return v;
}

export function checkFunction(L: LuaThread, i: number): LuaClosure | NativeFunction {
  const v = arg(L, i);
  if (!(v instanceof LuaClosure || v instanceof NativeFunction)) typeError(L, i, 'function');
  return v;
}

/** A number argument; strings that convert are accepted (luaL_checknumber). */
export function checkNumber(L: LuaThread, i: number): number | bigint | LuaFloat {
  const v = arg(L, i);
  if (isNumber(v)) return v;
  const n = typeof v === 'string' ? toNumber(v) : undefined;
  if (n === undefined) typeError(L, i, 'number');
  return n;
}

/** A number argument as a JS double. */
export function checkDouble(L: LuaThread, i: number): number {
  const n = checkNumber(L, i);
  return typeof n === 'number' ? n : typeof n === 'bigint' ? Number(n) : n.n;
}

export function optDouble(L: LuaThread, i: number, def: number): number {
  return isNoneOrNil(L, i) ? def : checkDouble(L, i);
}

/** An integer argument (luaL_checkinteger): floats with integral values and strings convert. */
export function checkInteger(L: LuaThread, i: number): number | bigint {
  const v = arg(L, i);
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  const n = toInteger(v);
  if (n !== undefined) return n;
  if (isNumber(v) || (typeof v === 'string' && toNumber(v) !== undefined)) {
    argError(L, i, 'number has no integer representation');
  }
  typeError(L, i, 'number');
}

export function optInteger(L: LuaThread, i: number, def: number | bigint): number | bigint {
  return isNoneOrNil(L, i) ? def : checkInteger(L, i);
}

/**
 * An integer argument clamped into a JS number: values beyond ±2^53 saturate, which is
 * harmless for positions and counts (Lua clips them against lengths anyway).
 */
export function checkIntegerNumber(L: LuaThread, i: number): number {
  const n = checkInteger(L, i);
  return typeof n === 'number' ? n : n > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER;
}

export function optIntegerNumber(L: LuaThread, i: number, def: number): number {
  return isNoneOrNil(L, i) ? def : checkIntegerNumber(L, i);
}

/** A string argument; numbers are converted (luaL_checklstring). */
export function checkString(L: LuaThread, i: number): string {
  const v = arg(L, i);
  if (typeof v === 'string') return v;
  if (isNumber(v)) return numberToString(v);
  typeError(L, i, 'string');
}

export function optString(L: LuaThread, i: number, def: string): string;
export function optString(L: LuaThread, i: number, def: undefined): string | undefined;
export function optString(L: LuaThread, i: number, def: string | undefined): string | undefined {
  return isNoneOrNil(L, i) ? def : checkString(L, i);
}

/** luaL_checkoption: one of `options`, else "invalid option 'x'". */
export function checkOption(L: LuaThread, i: number, def: string | undefined, options: readonly string[]): number {
  const s = def !== undefined ? optString(L, i, def) : checkString(L, i);
  const idx = options.indexOf(s);
  if (idx < 0) argError(L, i, `invalid option '${s}'`);
  return idx;
}

/** luaL_checktype for a specific Lua type name. */
export function checkType(L: LuaThread, i: number, type: string): LuaValue {
  const v = arg(L, i);
  if (i > L.ci.nargs || typeName(v) !== type) typeError(L, i, type);
  return v;
}

export function checkUserdata(L: LuaThread, i: number, name: string): LuaUserdata {
  const v = arg(L, i);
  if (v instanceof LuaUserdata && v.metatable !== undefined && v.metatable.getStr('__name') === name) return v;
  typeError(L, i, name);
}

/** A float's integer value for Lua's integer-only operations, if it has one. */
export function exactInteger(v: number | bigint | LuaFloat): number | bigint | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? v : undefined;
  if (typeof v === 'bigint') return v;
  return floatToInteger(v.n);
}

// ============================================================================================
// Results and registration
// ============================================================================================

/** Push one result and return the count, for `return ret1(L, v)`. */
export function ret1(L: LuaThread, v: LuaValue): number {
  L.push(v);
  return 1;
}

export function ret2(L: LuaThread, a: LuaValue, b: LuaValue): number {
  L.push(a);
  L.push(b);
  return 2;
}

/** Push several results. */
export function retN(L: LuaThread, values: readonly LuaValue[]): number {
  for (const v of values) L.push(v);
  return values.length;
}

export type LibFunctions = Record<string, NativeImpl>;

/** Create native functions for `funcs` and store them in `table` (luaL_setfuncs). */
export function setFuncs(table: LuaTable, funcs: LibFunctions): void {
  for (const name of Object.keys(funcs)) table.setStr(name, new NativeFunction(name, funcs[name]));
}

/** A new library table with `funcs` (luaL_newlib). */
export function newLib(funcs: LibFunctions): LuaTable {
  const t = new LuaTable();
  setFuncs(t, funcs);
  return t;
}
