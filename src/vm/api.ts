// api.ts — what the standard library and the host use to drive the VM: loading chunks,
// calling functions (protected from the host, re-entrantly from natives), and the
// metamethod-aware operations natives need (index, tostring, length, comparison).
//
// Natives that call back into Lua through `callSync` nest a JS-level execute(), exactly like
// a C function calling lua_call: fine for short callbacks (__tostring, __index from ipairs),
// but the callee cannot yield or await across it ("attempt to yield across a C-call
// boundary"). Natives whose callbacks must be able to suspend (pcall, sort comparators, gsub
// replacements, load readers, require loaders) request calls instead (NativeRequest.Call)
// and continue in a continuation. Cf. lapi.c, lauxlib.c (luaL_tolstring, luaL_len).

import type { LuaValue } from './value.js';
import { LuaFloat, LuaUserdata, isFunction, numberToString, typeName, truthy } from './value.js';
import { LuaTable } from './table.js';
import { LuaClosure, NativeFunction, UpVal } from './closure.js';
import { CallInfo, CIST_C, CIST_FRESH, CIST_YPCALL, GlobalState, LuaThread, LUAI_MAXCCALLS, MULTRET, NativeRequest } from './state.js';
import type { HostIO } from './state.js';
import { precall } from './call.js';
import { precallNested } from './nested.js';
import { execute, ExecResult } from './execute.js';
import { Ev } from './transitions.js';
import { LuaError, throwLibError } from './errors.js';
import { TM, fastTM, getTMByObj, getMetatable } from './metamethods.js';
import { rawEquals, rawSetChecked } from './operators.js';
import { numLessEqual, numLessThan } from './arith.js';
import { runError, orderError } from './raise.js';
import { objTypeName } from './debug-info.js';
import { parseChunk } from '../parser/parser.js';
import { LuaSyntaxError } from '../parser/syntax-error.js';
import { compile } from '../compiler/compile.js';
import type { Proto } from '../compiler/proto.js';
import { isBinaryChunk, undump } from './undump.js';
import { Collector } from './gc.js';
import { prepareProto } from './jit.js';

/** A new VM: global state, main thread and the collector (no libraries opened). */
export function newState(io: HostIO): GlobalState {
  const G = new GlobalState(io);
  G.gc = new Collector(G);
  return G;
}

// ============================================================================================
// Loading
// ============================================================================================

/** Compile a chunk (text or binary) into a Proto; throws a LuaError with Lua's message. */
export function loadProto(bytes: string, chunkName: string, mode: string, skipShebang = false): Proto {
  if (skipShebang && bytes.charCodeAt(0) === 35 /* # */) {
    // A file may start with a '#' line (luaL_loadfilex): a binary chunk can follow it.
    const nl = bytes.indexOf('\n');
    const rest = nl < 0 ? '' : bytes.slice(nl + 1);
    if (isBinaryChunk(rest)) bytes = rest;
  }
  // The mode is a C string to Lua (checkmode uses strchr): it ends at an embedded zero.
  const zero = mode.indexOf('\0');
  if (zero >= 0) mode = mode.slice(0, zero);
  if (isBinaryChunk(bytes)) {
    if (!mode.includes('b')) throw new LuaError(`attempt to load a binary chunk (mode is '${mode}')`);
    const p = undump(bytes, chunkName);
    prepareProto(p);
    return p;
  }
  if (!mode.includes('t')) throw new LuaError(`attempt to load a text chunk (mode is '${mode}')`);
  try {
    const p = compile(parseChunk(bytes, chunkName, { skipShebang }));
    prepareProto(p);
    return p;
  } catch (e) {
    if (e instanceof LuaSyntaxError) throw new LuaError(e.message);
    throw e;
  }
}

/** A closure of a main-chunk Proto whose first upvalue (_ENV) is `env`. */
export function mainClosure(p: Proto, env: LuaValue): LuaClosure {
  const uvs: UpVal[] = [];
  for (let i = 0; i < p.upvalues.length; i++) {
    const uv = new UpVal([undefined], 0);
    uv.closed = true;
    uvs.push(uv);
  }
  if (uvs.length > 0) uvs[0].stack[0] = env;
  return new LuaClosure(p, uvs);
}

// ============================================================================================
// Calling
// ============================================================================================

/**
 * Call stack[func] with the arguments above it (up to L.top), as lua_call does from a native:
 * results land at `func` (L.top after them). The callee cannot yield across this call.
 */
export function callSync(L: LuaThread, func: number, nresults: number): void {
  const G = L.global;
  if (L.nCcalls >= LUAI_MAXCCALLS) runError(L, 'C stack overflow');
  L.nCcalls++;
  L.nny++;
  G.syncDepth++;
  const previous = G.running;
  G.running = L;
  try {
    const ci = precallNested(L, func, nresults);
    if (ci !== null) {
      ci.callstatus |= CIST_FRESH;
      const r = execute(L, ci, (ci.callstatus & CIST_C) !== 0 ? Ev.Pushed : Ev.Run, null);
      if (r === ExecResult.Suspended) throw new LuaError('attempt to suspend across a native call boundary');
    }
  } finally {
    G.running = previous;
    L.nCcalls--;
    L.nny--;
    G.syncDepth--;
  }
}

/** Call `f(args)` from a native and return its first result. */
export function call1(L: LuaThread, f: LuaValue, ...args: LuaValue[]): LuaValue {
  const func = L.top;
  L.ensureStack(func + args.length + 2);
  L.stack[func] = f;
  for (let i = 0; i < args.length; i++) L.stack[func + 1 + i] = args[i];
  L.top = func + 1 + args.length;
  callSync(L, func, 1);
  L.top = func;
  return L.stack[func];
}

/** Call `f(args)` from a native and return all its results. */
export function callAll(L: LuaThread, f: LuaValue, args: LuaValue[]): LuaValue[] {
  const func = L.top;
  L.ensureStack(func + args.length + 2);
  L.stack[func] = f;
  for (let i = 0; i < args.length; i++) L.stack[func + 1 + i] = args[i];
  L.top = func + 1 + args.length;
  callSync(L, func, MULTRET);
  const out = L.stack.slice(func, L.top);
  L.top = func;
  return out;
}

/**
 * The protected entry point for hosts: runs f(args) on thread L until it finishes or the run
 * suspends. `handler` (optional) runs at the error point, like xpcall's message handler.
 */
export interface ProtectedRun {
  /** Frame whose return ends the run; its results are [true, ...] or [false, err]. */
  entry: CallInfo;
  /** Stack slot of the results. */
  func: number;
  status: ExecResult;
}

const protectedCallNative = new NativeFunction('?', (L, base, nargs) => {
  const ci = L.ci;
  ci.callstatus |= CIST_YPCALL;
  ci.extra = base + 1;
  ci.handler = L.stack[base];
  ci.k = finishProtected;
  L.pendingFunc = base + 1;
  L.pendingResults = MULTRET;
  void nargs;
  return NativeRequest.Call;
});

function finishProtected(L: LuaThread, ci: CallInfo): number {
  L.stack[ci.extra - 1] = true;
  return L.top - ci.extra + 1;
}

/** Start a protected call of f(args) with message handler `handler` (or undefined). */
export function startProtected(L: LuaThread, f: LuaValue, args: readonly LuaValue[], handler: LuaValue): ProtectedRun {
  const func = L.top;
  L.ensureStack(func + args.length + 4);
  const stack = L.stack;
  stack[func] = protectedCallNative;
  stack[func + 1] = handler;
  stack[func + 2] = f;
  for (let i = 0; i < args.length; i++) stack[func + 3 + i] = args[i];
  L.top = func + 3 + args.length;
  const ci = precall(L, func, MULTRET)!;
  ci.callstatus |= CIST_FRESH;
  L.global.running = L;
  const status = execute(L, ci, Ev.Pushed, null);
  return { entry: ci, func, status };
}

/** The results of a finished protected run: [true, ...values] or [false, error]. */
export function protectedResults(L: LuaThread, run: ProtectedRun): LuaValue[] {
  const out = L.stack.slice(run.func, L.top);
  L.top = run.func;
  return out;
}

// ============================================================================================
// Operations with metamethods, for natives (lua_gettable, lua_settable, luaL_len, ...)
// ============================================================================================

/** t[k] honouring __index (lua_gettable). */
export function index(L: LuaThread, t: LuaValue, k: LuaValue): LuaValue {
  for (let loop = 0; loop < 2000; loop++) {
    let tm: LuaValue;
    if (t instanceof LuaTable) {
      const v = t.get(k);
      if (v !== undefined) return v;
      tm = fastTM(t.metatable, TM.INDEX);
      if (tm === undefined) return undefined;
    } else {
      tm = getTMByObj(L.global, t, TM.INDEX);
      if (tm === undefined) runError(L, `attempt to index a ${objTypeName(t)} value`);
    }
    if (isFunction(tm)) return call1(L, tm, t, k);
    t = tm;
  }
  runError(L, "'__index' chain too long; possible loop");
}

/** t[k] = v honouring __newindex (lua_settable). */
export function setIndex(L: LuaThread, t: LuaValue, k: LuaValue, v: LuaValue): void {
  for (let loop = 0; loop < 2000; loop++) {
    let tm: LuaValue;
    if (t instanceof LuaTable) {
      if (t.get(k) !== undefined) {
        t.set(k, v);
        return;
      }
      tm = fastTM(t.metatable, TM.NEWINDEX);
      if (tm === undefined) {
        rawSetChecked(L, t, k, v);
        return;
      }
    } else {
      tm = getTMByObj(L.global, t, TM.NEWINDEX);
      if (tm === undefined) runError(L, `attempt to index a ${objTypeName(t)} value`);
    }
    if (isFunction(tm)) {
      call1(L, tm, t, k, v);
      return;
    }
    t = tm;
  }
  runError(L, "'__newindex' chain too long; possible loop");
}

/** #v honouring __len (lua_len). */
export function length(L: LuaThread, v: LuaValue): LuaValue {
  if (typeof v === 'string') return v.length;
  let tm: LuaValue;
  if (v instanceof LuaTable) {
    tm = fastTM(v.metatable, TM.LEN);
    if (tm === undefined) return v.length();
  } else {
    tm = getTMByObj(L.global, v, TM.LEN);
    if (tm === undefined) runError(L, `attempt to get length of a ${objTypeName(v)} value`);
  }
  return call1(L, tm, v);
}

/** a < b honouring __lt (lua_lessthan). */
export function lessThanSync(L: LuaThread, a: LuaValue, b: LuaValue): boolean {
  if (isNum(a) && isNum(b)) return numLessThan(a as number, b as number);
  if (typeof a === 'string' && typeof b === 'string') return a < b;
  let tm = getTMByObj(L.global, a, TM.LT);
  if (tm === undefined) tm = getTMByObj(L.global, b, TM.LT);
  if (tm === undefined) orderError(L, a, b);
  return truthy(call1(L, tm, a, b));
}

/** a <= b honouring __le (and __lt, as lua5.4 with LUA_COMPAT_5_3 does). */
export function lessEqualSync(L: LuaThread, a: LuaValue, b: LuaValue): boolean {
  if (isNum(a) && isNum(b)) return numLessEqual(a as number, b as number);
  if (typeof a === 'string' && typeof b === 'string') return a <= b;
  let tm = getTMByObj(L.global, a, TM.LE);
  if (tm === undefined) tm = getTMByObj(L.global, b, TM.LE);
  if (tm !== undefined) return truthy(call1(L, tm, a, b));
  let lt = getTMByObj(L.global, b, TM.LT);
  if (lt === undefined) lt = getTMByObj(L.global, a, TM.LT);
  if (lt === undefined) orderError(L, a, b);
  return !truthy(call1(L, lt, b, a));
}

/** a == b honouring __eq (lua_compare with LUA_OPEQ). */
export function equalsSync(L: LuaThread, a: LuaValue, b: LuaValue): boolean {
  if (rawEquals(a, b)) return true;
  let tm: LuaValue;
  if (a instanceof LuaTable && b instanceof LuaTable) {
    tm = fastTM(a.metatable, TM.EQ) ?? fastTM(b.metatable, TM.EQ);
  } else if (a instanceof LuaUserdata && b instanceof LuaUserdata) {
    tm = fastTM(a.metatable, TM.EQ) ?? fastTM(b.metatable, TM.EQ);
  } else return false;
  if (tm === undefined) return false;
  return truthy(call1(L, tm, a, b));
}

function isNum(v: LuaValue): boolean {
  return typeof v === 'number' || typeof v === 'bigint' || v instanceof LuaFloat;
}

/** Address-like identity for `tostring` of reference values ("table: 0x55a4c8e0"). */
const ids = new WeakMap<object, string>();
let nextId = 0x55a4c8e0;

export function objectAddress(v: object): string {
  let id = ids.get(v);
  if (id === undefined) {
    nextId += 0x40;
    id = '0x' + nextId.toString(16).padStart(8, '0');
    ids.set(v, id);
  }
  return id;
}

/** tostring semantics (luaL_tolstring): __tostring, __name, numbers, addresses. */
export function toStringMeta(L: LuaThread, v: LuaValue): string {
  const tm = metaField(L, v, '__tostring');
  if (tm !== undefined) {
    const r = call1(L, tm, v);
    if (typeof r === 'string') return r;
    if (typeof r === 'number' || typeof r === 'bigint' || r instanceof LuaFloat) return numberToString(r);
    // luaL_error in luaL_tolstring: the position is that of the Lua code that called the
    // native (tostring, print, string.format), which the VM adds when it catches the error.
    throwLibError("'__tostring' must return a string");
  }
  return toStringBasic(L, v);
}

/** tostring without __tostring. */
export function toStringBasic(L: LuaThread, v: LuaValue): string {
  switch (typeof v) {
    case 'undefined':
      return 'nil';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
    case 'bigint':
      return numberToString(v);
    case 'string':
      return v;
  }
  if (v instanceof LuaFloat) return numberToString(v);
  const name = metaField(L, v, '__name');
  const kind = typeof name === 'string' ? name : typeName(v);
  return `${kind}: ${objectAddress(v as object)}`;
}

/** A field of v's metatable (luaL_getmetafield), raw. */
export function metaField(L: LuaThread, v: LuaValue, field: string): LuaValue {
  const mt = getMetatable(L.global, v);
  return mt === undefined ? undefined : mt.getStr(field);
}

