// base.ts — the basic library: print, type, pairs, pcall, error, load, tonumber, ...
//
// pcall, xpcall, pairs (with __pairs), load (with a reader function) and dofile call back into
// Lua by request (NativeRequest.Call) and finish in a continuation, so that whatever they call
// can yield or await. print and tostring call __tostring re-entrantly, as Lua's C code does.
// Cf. lbaselib.c.

import type { LuaValue } from '../vm/value.js';
import { LuaFloat, isNumber, mkInt, numberToString, stringToNumber, typeName } from '../vm/value.js';
import { LuaTable, NextKeyError } from '../vm/table.js';
import { InlineOp, LuaClosure, NativeFunction } from '../vm/closure.js';
import type { CallInfo, LuaThread } from '../vm/state.js';
import { CIST_NOYIELD, CIST_YPCALL, MULTRET, NativeRequest } from '../vm/state.js';
import { LuaError } from '../vm/errors.js';
import { intAdd } from '../vm/arith.js';
import { getMetatable, setTableMetatable } from '../vm/metamethods.js';
import { rawEquals, rawSetChecked } from '../vm/operators.js';
import { index, loadProto, mainClosure, metaField, toStringMeta } from '../vm/api.js';
import { whereLevel } from '../vm/debug-info.js';
import {
  arg,
  argCount,
  argError,
  checkAny,
  checkInteger,
  checkIntegerNumber,
  checkOption,
  checkString,
  checkTable,
  isNoneOrNil,
  luaError,
  optString,
  ret1,
  ret2,
  setFuncs,
  typeError,
} from './aux.js';

// ============================================================================================
// Output
// ============================================================================================

function base_print(L: LuaThread, base: number, nargs: number): number {
  let line = '';
  for (let i = 0; i < nargs; i++) {
    if (i > 0) line += '\t';
    const v = L.stack[base + i];
    line += typeof v === 'string' ? v : toStringMeta(L, v);
  }
  L.global.io.stdout(line + '\n');
  return 0;
}

/** warn(msg1, ...): "@on"/"@off" control messages, others go to stderr as "Lua warning: ". */
function base_warn(L: LuaThread, _base: number, nargs: number): number {
  checkString(L, 1);
  for (let i = 2; i <= nargs; i++) checkString(L, i);
  const G = L.global;
  let msg = '';
  for (let i = 1; i <= nargs; i++) msg += checkString(L, i);
  if (nargs === 1 && msg.startsWith('@')) {
    if (msg === '@on') G.warnOn = true;
    else if (msg === '@off') G.warnOn = false;
    return 0;
  }
  if (G.warnOn) G.io.stderr(`Lua warning: ${msg}\n`);
  return 0;
}

// ============================================================================================
// Types and conversions
// ============================================================================================

function base_type(L: LuaThread): number {
  const v = checkAny(L, 1);
  return ret1(L, typeName(v));
}

function base_tostring(L: LuaThread): number {
  const v = checkAny(L, 1);
  return ret1(L, toStringMeta(L, v));
}

/** tonumber(v [, base]). */
function base_tonumber(L: LuaThread, _base: number, nargs: number): number {
  if (nargs < 2 || arg(L, 2) === undefined) {
    const v = arg(L, 1);
    if (isNumber(v)) return ret1(L, v);
    if (typeof v === 'string') {
      const n = stringToNumber(v);
      if (n !== undefined) return ret1(L, n);
    } else checkAny(L, 1);
    return ret1(L, undefined);
  }
  const b = checkInteger(L, 2);
  const v = arg(L, 1);
  if (typeof v !== 'string') typeError(L, 1, 'string');
  if (!(b >= 2 && b <= 36)) argError(L, 2, 'base out of range');
  return ret1(L, parseIntBase(v, Number(b)));
}

/** l_str2int of lbaselib: digits in `base`, optional '-', spaces around; wraps to 64 bits. */
function parseIntBase(s: string, base: number): LuaValue {
  let p = 0;
  const n = s.length;
  const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
  while (p < n && isSpace(s.charCodeAt(p))) p++;
  let neg = false;
  if (s[p] === '-') {
    neg = true;
    p++;
  } else if (s[p] === '+') p++;
  if (p >= n) return undefined;
  let acc = 0n;
  const B = BigInt(base);
  let any = false;
  while (p < n) {
    const c = s.charCodeAt(p);
    let d: number;
    if (c >= 48 && c <= 57) d = c - 48;
    else if (c >= 97 && c <= 122) d = c - 87;
    else if (c >= 65 && c <= 90) d = c - 55;
    else break;
    if (d >= base) return undefined;
    acc = BigInt.asUintN(64, acc * B + BigInt(d));
    any = true;
    p++;
  }
  if (!any) return undefined;
  while (p < n && isSpace(s.charCodeAt(p))) p++;
  if (p !== n) return undefined;
  return mkInt(neg ? -acc : acc);
}

// ============================================================================================
// Metatables and raw access
// ============================================================================================

function base_getmetatable(L: LuaThread): number {
  const v = checkAny(L, 1);
  const mt = getMetatable(L.global, v);
  if (mt === undefined) return ret1(L, undefined);
  const protectedMt = mt.getStr('__metatable');
  return ret1(L, protectedMt !== undefined ? protectedMt : mt);
}

function base_setmetatable(L: LuaThread): number {
  const t = arg(L, 1);
  const mt = arg(L, 2);
  if (!(t instanceof LuaTable)) typeError(L, 1, 'table');
  if (!(mt === undefined || mt instanceof LuaTable)) typeError(L, 2, 'nil or table');
  if (argCount(L) < 2) typeError(L, 2, 'nil or table');
  if (t.metatable !== undefined && t.metatable.getStr('__metatable') !== undefined) {
    luaError(L, 'cannot change a protected metatable');
  }
  setTableMetatable(L.global, t, mt);
  return ret1(L, t);
}

function base_rawequal(L: LuaThread): number {
  const a = checkAny(L, 1);
  const b = checkAny(L, 2);
  return ret1(L, rawEquals(a, b));
}

function base_rawlen(L: LuaThread): number {
  const v = arg(L, 1);
  if (v instanceof LuaTable) return ret1(L, v.length());
  if (typeof v === 'string') return ret1(L, v.length);
  typeError(L, 1, 'table or string');
}

function base_rawget(L: LuaThread): number {
  const t = checkTable(L, 1);
  checkAny(L, 2);
  return ret1(L, t.get(arg(L, 2)));
}

function base_rawset(L: LuaThread): number {
  const t = checkTable(L, 1);
  checkAny(L, 2);
  checkAny(L, 3);
  rawSetChecked(L, t, arg(L, 2), arg(L, 3));
  return ret1(L, t);
}

// ============================================================================================
// Traversal
// ============================================================================================

function base_next(L: LuaThread, base: number): number {
  const t = checkTable(L, 1);
  const key = arg(L, 2);
  const at = L.top;
  L.ensureStack(at + 2);
  try {
    if (t.next(key, L.stack, at)) {
      L.top = at + 2;
      return 2;
    }
  } catch (e) {
    if (e instanceof NextKeyError) throw new LuaError("invalid key to 'next'");
    throw e;
  }
  void base;
  return ret1(L, undefined);
}

const nextFunction = new NativeFunction('next', base_next);

function base_pairs(L: LuaThread, base: number): number {
  const t = checkAny(L, 1);
  const mm = metaField(L, t, '__pairs');
  if (mm === undefined) {
    L.push(nextFunction);
    L.push(t);
    L.push(undefined);
    return 3;
  }
  // Call __pairs(t) and return its first three results.
  const func = L.top;
  L.push(mm);
  L.push(t);
  L.pendingFunc = func;
  L.pendingResults = 3;
  L.ci.k = () => 3;
  void base;
  return NativeRequest.Call;
}

/** The ipairs iterator: t[i+1] honouring __index, stops at the first nil. */
function ipairsAux(L: LuaThread, base: number): number {
  const next = intAdd(checkInteger(L, 2), 1);
  const t = L.stack[base];
  const v = t instanceof LuaTable ? (typeof next === 'number' ? t.getInt(next) : t.get(next)) : undefined;
  const value = v !== undefined || (t instanceof LuaTable && t.metatable === undefined) ? v : index(L, t, next);
  if (value === undefined) return ret1(L, undefined);
  return ret2(L, next, value);
}

const ipairsIterator = new NativeFunction('ipairs_aux', ipairsAux);

function base_ipairs(L: LuaThread): number {
  checkAny(L, 1);
  L.push(ipairsIterator);
  L.push(arg(L, 1));
  L.push(0);
  return 3;
}

function base_select(L: LuaThread, base: number, nargs: number): number {
  const n = arg(L, 1);
  if (n === '#') return ret1(L, nargs - 1);
  const i = checkIntegerNumber(L, 1);
  let start: number;
  if (i < 0) start = nargs + i;
  else if (i === 0) argError(L, 1, 'index out of range');
  else start = Math.min(i, nargs);
  if (start < 1) argError(L, 1, 'index out of range');
  const count = nargs - start;
  L.ensureStack(L.top + count);
  for (let j = 0; j < count; j++) L.stack[L.top++] = L.stack[base + start + j];
  return count;
}

// ============================================================================================
// Errors and protected calls
// ============================================================================================

function base_error(L: LuaThread): number {
  const level = Number(isNoneOrNil(L, 2) ? 1 : checkInteger(L, 2));
  let v = arg(L, 1);
  if (typeof v === 'string' && level > 0) v = whereLevel(L, level) + v;
  throw new LuaError(v);
}

function base_assert(L: LuaThread, base: number, nargs: number): number {
  const v = arg(L, 1);
  if (v !== undefined && v !== false) {
    // Return all arguments.
    for (let i = 0; i < nargs; i++) L.push(L.stack[base + i]);
    return nargs;
  }
  checkAny(L, 1);
  // Lua raises the message as `error` would at level 1: a string (the default one too) gets
  // the position of the function that called assert, when that is a Lua function.
  let msg = nargs < 2 ? 'assertion failed!' : arg(L, 2);
  if (typeof msg === 'string') msg = whereLevel(L, 1) + msg;
  throw new LuaError(msg);
}

/** pcall(f, ...): call f protected; the VM unwinds errors to this frame (CIST_YPCALL). */
function base_pcall(L: LuaThread, base: number): number {
  checkAny(L, 1);
  const ci = L.ci;
  ci.callstatus |= CIST_YPCALL;
  ci.handler = undefined;
  ci.extra = base;
  ci.k = finishProtectedCall;
  L.pendingFunc = base;
  L.pendingResults = MULTRET;
  return NativeRequest.Call;
}

/** xpcall(f, msgh, ...): as pcall, with a message handler run at the error point. */
function base_xpcall(L: LuaThread, base: number): number {
  const h = arg(L, 2);
  if (!(h instanceof LuaClosure || h instanceof NativeFunction)) typeError(L, 2, 'function');
  const ci = L.ci;
  ci.callstatus |= CIST_YPCALL;
  ci.handler = h;
  L.stack[base + 1] = L.stack[base]; // f moves next to its arguments
  ci.extra = base + 1;
  ci.k = finishProtectedCall;
  L.pendingFunc = base + 1;
  L.pendingResults = MULTRET;
  return NativeRequest.Call;
}

/** Success of pcall/xpcall: `true` followed by the function's results. */
function finishProtectedCall(L: LuaThread, ci: CallInfo): number {
  L.stack[ci.extra - 1] = true;
  return L.top - ci.extra + 1;
}

// ============================================================================================
// Loading code
// ============================================================================================

/** Load a chunk and push the function, or nil and the message (load's result protocol). */
function pushLoaded(L: LuaThread, bytes: string, chunkName: string, mode: string, envIndex: number): number {
  let p;
  try {
    p = loadProto(bytes, chunkName, mode);
  } catch (e) {
    // Syntax and mode errors are thrown without the message handler (luaD_throw). Nesting too
    // deep is different: Lua raises it as a runtime error (luaE_checkcstack), so the handler in
    // force runs on it; rethrown, it reaches load's protected frame the same way.
    if (e instanceof LuaError && e.value !== 'C stack overflow') return ret2(L, undefined, e.value);
    throw e;
  }
  const env = envIndex > 0 ? arg(L, envIndex) : L.global.globals;
  return ret1(L, mainClosure(p, env));
}

/**
 * The message handler in force at frame `ci` (Lua's L->errfunc): that of the nearest enclosing
 * protected call on this thread, none for pcall and none at a coroutine's base.
 */
function handlerInForce(L: LuaThread, ci: CallInfo | null): LuaValue {
  for (; ci !== null && ci !== L.baseCi; ci = ci.previous) {
    if (ci.callstatus & CIST_YPCALL) return ci.handler;
  }
  return undefined;
}

/**
 * Make load's own frame protected, as lua_load is (luaD_protectedparser): an error while
 * loading becomes `nil, message`. The protected parser keeps the message handler in force, so
 * under lua.c's handler a reader's error or a "C stack overflow" comes back with a traceback.
 */
function protectLoad(L: LuaThread): void {
  const ci = L.ci;
  ci.callstatus |= CIST_YPCALL;
  ci.handler = handlerInForce(L, ci.previous);
  ci.extra = L.top;
  ci.onError = (L2, _ci, err) => ret2(L2, undefined, err);
}

/** load(chunk [, chunkname [, mode [, env]]]). */
function base_load(L: LuaThread, base: number, nargs: number): number {
  let chunk = arg(L, 1);
  const mode = optString(L, 3, 'bt');
  const envIndex = nargs >= 4 ? 4 : 0;
  // lua_tolstring: a number is a string chunk too (load(5) parses "5").
  if (isNumber(chunk)) chunk = numberToString(chunk);
  if (typeof chunk === 'string') {
    const name = optString(L, 2, chunk);
    protectLoad(L);
    return pushLoaded(L, chunk, name, mode, envIndex);
  }
  // Not a string: a reader function, checked after the chunk name as luaB_load does.
  const name = optString(L, 2, '=(load)');
  if (!(chunk instanceof LuaClosure || chunk instanceof NativeFunction)) typeError(L, 1, 'function');
  // Call the reader until it returns nil or an empty string, collecting the pieces. Lua calls
  // it from the parser, where it cannot yield.
  protectLoad(L);
  const ci = L.ci;
  ci.callstatus |= CIST_NOYIELD;
  const pieces: string[] = [];
  const callReader = (): number => {
    const func = L.top;
    L.push(chunk);
    L.pendingFunc = func;
    L.pendingResults = 1;
    return NativeRequest.Call;
  };
  ci.k = (L2: LuaThread): number => {
    const v = L2.stack[--L2.top];
    if (v === undefined || v === '') {
      return pushLoaded(L2, pieces.join(''), name, mode, envIndex);
    }
    // A number is a string piece (lua_isstring, lua_tolstring); anything else is an error
    // raised with luaL_error from load's frame: the position of load's caller.
    if (isNumber(v)) pieces.push(numberToString(v));
    else if (typeof v === 'string') pieces.push(v);
    else throw new LuaError('reader function must return a string', true);
    return callReader();
  };
  void base;
  return callReader();
}

/** Read a file through the host, as loadfile does ("@name" chunk, '#' first line skipped). */
function loadFileBytes(L: LuaThread, filename: string | undefined): { bytes: string; chunkName: string } | string {
  const host = L.global.io;
  if (filename === undefined) {
    const data = host.readStdin?.();
    if (data === undefined) return 'cannot read stdin';
    return { bytes: data, chunkName: '=stdin' };
  }
  const r = host.readFile?.(filename);
  if (r === undefined) return `cannot open ${filename}`;
  if (typeof r !== 'string') return `cannot open ${filename}: ${r.error}`;
  return { bytes: r, chunkName: '@' + filename };
}

function base_loadfile(L: LuaThread, _base: number, nargs: number): number {
  const fname = optString(L, 1, undefined);
  const mode = optString(L, 2, 'bt');
  const envIndex = nargs >= 3 ? 3 : 0;
  const f = loadFileBytes(L, fname);
  if (typeof f === 'string') return ret2(L, undefined, f);
  let p;
  try {
    p = loadProto(f.bytes, f.chunkName, mode, true);
  } catch (e) {
    if (e instanceof LuaError) return ret2(L, undefined, e.value);
    throw e;
  }
  const env = envIndex > 0 ? arg(L, envIndex) : L.global.globals;
  return ret1(L, mainClosure(p, env));
}

function base_dofile(L: LuaThread): number {
  const fname = optString(L, 1, undefined);
  const f = loadFileBytes(L, fname);
  // lua_error, not luaL_error: loadfile's message is raised as it is, with no position.
  if (typeof f === 'string') throw new LuaError(f);
  let p;
  try {
    p = loadProto(f.bytes, f.chunkName, 'bt', true);
  } catch (e) {
    if (e instanceof LuaError) throw new LuaError(e.value);
    throw e;
  }
  const func = L.top;
  L.push(mainClosure(p, L.global.globals));
  L.pendingFunc = func;
  L.pendingResults = MULTRET;
  L.ci.k = (L2: LuaThread) => L2.top - func;
  return NativeRequest.Call;
}

// ============================================================================================
// Garbage collection
// ============================================================================================

const GC_OPTIONS = [
  'stop',
  'restart',
  'collect',
  'count',
  'step',
  'setpause',
  'setstepmul',
  'isrunning',
  'generational',
  'incremental',
] as const;

function base_collectgarbage(L: LuaThread): number {
  const opt = GC_OPTIONS[checkOption(L, 1, 'collect', GC_OPTIONS)];
  const G = L.global;
  const gc = G.gcState;
  switch (opt) {
    case 'stop':
      gc.running = false;
      return ret1(L, 0);
    case 'restart':
      gc.running = true;
      return ret1(L, 0);
    case 'collect':
      // Inside a finalizer the collector is busy: Lua answers fail.
      if (G.gc !== null && !G.gc.collect(L)) return ret1(L, undefined);
      G.io.fullGC?.();
      return ret1(L, 0);
    case 'count': {
      const kb = (G.gc !== null ? G.gc.count() : G.io.heapUsed?.() ?? 0) / 1024;
      return ret1(L, Number.isInteger(kb) ? new LuaFloat(kb) : kb);
    }
    case 'step':
      if (G.gc !== null && !G.gc.collect(L)) return ret1(L, undefined);
      G.io.fullGC?.();
      return ret1(L, true);
    case 'setpause': {
      const prev = gc.pause;
      gc.pause = Number(isNoneOrNil(L, 2) ? 0 : checkInteger(L, 2));
      return ret1(L, prev);
    }
    case 'setstepmul': {
      const prev = gc.stepmul;
      gc.stepmul = Number(isNoneOrNil(L, 2) ? 0 : checkInteger(L, 2));
      return ret1(L, prev);
    }
    case 'isrunning':
      return ret1(L, gc.running);
    case 'generational':
    case 'incremental': {
      const prev = gc.mode;
      gc.mode = opt;
      return ret1(L, prev);
    }
  }
}

// ============================================================================================
// Registration
// ============================================================================================

export function openBase(L: LuaThread): LuaTable {
  const G = L.global;
  const g = G.globals;
  setFuncs(g, {
    assert: base_assert,
    collectgarbage: base_collectgarbage,
    dofile: base_dofile,
    error: base_error,
    getmetatable: base_getmetatable,
    ipairs: base_ipairs,
    load: base_load,
    loadfile: base_loadfile,
    pairs: base_pairs,
    pcall: base_pcall,
    print: base_print,
    rawequal: base_rawequal,
    rawget: base_rawget,
    rawlen: base_rawlen,
    rawset: base_rawset,
    select: base_select,
    setmetatable: base_setmetatable,
    tonumber: base_tonumber,
    tostring: base_tostring,
    type: base_type,
    warn: base_warn,
    xpcall: base_xpcall,
  });
  (g.getStr('setmetatable') as NativeFunction).inline = InlineOp.SetMetatable;
  g.setStr('next', nextFunction);
  g.setStr('_G', g);
  g.setStr('_VERSION', 'Lua 5.4');
  return g;
}

