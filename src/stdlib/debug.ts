// debug.ts — the debug library: frames, locals, upvalues, hooks, metatables, tracebacks.
//
// Levels count frames from the running one (level 0 is the debug function itself when the
// thread is the caller's own), as lua_getstack does. Local variable names come from the
// compiler's debug information (Proto.locvars); slots without a name inside a frame are
// "(temporary)" ("(C temporary)" in native frames) and extra arguments of vararg functions
// are "(vararg)" at negative indices, as in Lua.
// Cf. ldblib.c, ldebug.c (lua_getinfo, lua_getlocal, luaG_findlocal).

import type { LuaValue } from '../vm/value.js';
import { LuaUserdata, typeName } from '../vm/value.js';
import { LuaTable } from '../vm/table.js';
import { LuaClosure, NativeFunction } from '../vm/closure.js';
import type { CallInfo } from '../vm/state.js';
import { LuaThread, CIST_C, CIST_TAIL } from '../vm/state.js';
import { getMetatable } from '../vm/metamethods.js';
import { chunkId } from '../parser/chunk-name.js';
import { currentLine, getFuncName, localName, traceback, currentPc } from '../vm/debug-info.js';
import { makeMask, unmakeMask } from '../vm/hooks.js';
import { callAll, loadProto, mainClosure, toStringBasic } from '../vm/api.js';
import { LuaError } from '../vm/errors.js';
import {
  arg,
  argError,
  checkAny,
  checkFunction,
  checkIntegerNumber,
  isNoneOrNil,
  optIntegerNumber,
  optString,
  ret1,
  ret2,
  newLib,
  typeError,
} from './aux.js';

/** debug functions take an optional thread first: returns it and the index of the next arg. */
function threadArg(L: LuaThread): [LuaThread, number] {
  const t = arg(L, 1);
  return t instanceof LuaThread ? [t, 1] : [L, 0];
}

/** The frame `level` levels below the top of thread T (lua_getstack), or null. */
function frameAt(T: LuaThread, level: number): CallInfo | null {
  if (level < 0) return null;
  let ci: CallInfo | null = T.ci;
  for (; level > 0 && ci !== null && ci !== T.baseCi; ci = ci.previous) level--;
  if (ci === null || ci === T.baseCi || level !== 0) return null;
  return ci;
}

// ============================================================================================
// getinfo
// ============================================================================================

const VALID_OPTIONS = 'SlnrutfL';

function db_getinfo(L: LuaThread): number {
  const [T, a] = threadArg(L);
  const options = optString(L, a + 2, 'flnSrtu');
  for (const c of options) {
    if (c === '>') argError(L, a + 2, "invalid option '>'");
    if (!VALID_OPTIONS.includes(c)) argError(L, a + 2, 'invalid option');
  }
  const target = arg(L, a + 1);
  let ci: CallInfo | null = null;
  let f: LuaValue;
  if (target instanceof LuaClosure || target instanceof NativeFunction) {
    f = target;
  } else {
    const level = checkIntegerNumber(L, a + 1);
    ci = frameAt(T, level);
    if (ci === null) return ret1(L, undefined);
    f = ci.closure as LuaValue;
  }
  const t = new LuaTable();
  const lua = f instanceof LuaClosure ? f : undefined;
  for (const c of options) {
    switch (c) {
      case 'S': {
        if (lua !== undefined) {
          const p = lua.p;
          const source = p.source;
          t.setStr('source', source);
          t.setStr('short_src', chunkId(source));
          t.setStr('linedefined', p.lineDefined);
          t.setStr('lastlinedefined', p.lastLineDefined);
          t.setStr('what', p.lineDefined === 0 ? 'main' : 'Lua');
        } else {
          t.setStr('source', '=[C]');
          t.setStr('short_src', '[C]');
          t.setStr('linedefined', -1);
          t.setStr('lastlinedefined', -1);
          t.setStr('what', 'C');
        }
        break;
      }
      case 'l':
        t.setStr('currentline', ci !== null && (ci.callstatus & CIST_C) === 0 ? currentLine(ci) : -1);
        break;
      case 'u':
        t.setStr('nups', lua !== undefined ? lua.upvals.length : (f as NativeFunction).refs?.length ?? 0);
        t.setStr('nparams', lua !== undefined ? lua.p.numParams : 0);
        t.setStr('isvararg', lua !== undefined ? lua.p.isVararg : true);
        break;
      case 'n': {
        const name = ci !== null ? getFuncName(ci) : undefined;
        if (name !== undefined) {
          t.setStr('name', name.name);
          t.setStr('namewhat', name.kind);
        } else t.setStr('namewhat', '');
        break;
      }
      case 't':
        t.setStr('istailcall', ci !== null && (ci.callstatus & CIST_TAIL) !== 0);
        break;
      case 'r':
        t.setStr('ftransfer', ci !== null ? ci.rare.ftransfer : 0);
        t.setStr('ntransfer', ci !== null ? ci.rare.ntransfer : 0);
        break;
      case 'f':
        t.setStr('func', f);
        break;
      case 'L':
        t.setStr('activelines', lua !== undefined ? activeLines(lua) : undefined);
        break;
    }
  }
  return ret1(L, t);
}

/** Lines that have code (debug.getinfo "L"); a vararg function's VARARGPREP is not counted. */
function activeLines(f: LuaClosure): LuaTable {
  const t = new LuaTable();
  const lines = f.p.lineinfo;
  for (let i = f.p.isVararg ? 1 : 0; i < lines.length; i++) t.set(lines[i], true);
  return t;
}

// ============================================================================================
// Locals
// ============================================================================================

/** Name and stack slot of local `n` of frame `ci` (luaG_findlocal), or undefined. */
function findLocal(T: LuaThread, ci: CallInfo, n: number): { name: string; slot: number } | undefined {
  const base = ci.func + 1;
  if ((ci.callstatus & CIST_C) === 0) {
    if (n < 0) {
      // Extra arguments of a vararg function, below its frame.
      const nextra = ci.nextraargs;
      if ((ci.closure as LuaClosure).p.isVararg && -n <= nextra) {
        return { name: '(vararg)', slot: ci.func - nextra + (-n - 1) };
      }
      return undefined;
    }
    const name = localName((ci.closure as LuaClosure).p, n - 1, currentPc(ci));
    if (name !== undefined) return { name, slot: base + n - 1 };
  }
  const limit = ci === T.ci ? T.top : ci.next!.func;
  if (limit - base >= n && n > 0) {
    return { name: (ci.callstatus & CIST_C) === 0 ? '(temporary)' : '(C temporary)', slot: base + n - 1 };
  }
  return undefined;
}

function db_getlocal(L: LuaThread): number {
  const [T, a] = threadArg(L);
  const n = checkIntegerNumber(L, a + 2);
  const target = arg(L, a + 1);
  if (target instanceof LuaClosure || target instanceof NativeFunction) {
    // Parameters of a function that is not running.
    if (!(target instanceof LuaClosure)) return ret1(L, undefined);
    return ret1(L, localName(target.p, n - 1, 0));
  }
  const level = checkIntegerNumber(L, a + 1);
  const ci = frameAt(T, level);
  if (ci === null) argError(L, a + 1, 'level out of range');
  const found = findLocal(T, ci, n);
  if (found === undefined) return ret1(L, undefined);
  return ret2(L, found.name, T.stack[found.slot]);
}

function db_setlocal(L: LuaThread): number {
  const [T, a] = threadArg(L);
  const level = checkIntegerNumber(L, a + 1);
  const n = checkIntegerNumber(L, a + 2);
  const v = checkAny(L, a + 3);
  const ci = frameAt(T, level);
  if (ci === null) argError(L, a + 1, 'level out of range');
  const found = findLocal(T, ci, n);
  if (found === undefined) return ret1(L, undefined);
  T.stack[found.slot] = v;
  T.localWrites++;
  return ret1(L, found.name);
}

// ============================================================================================
// Upvalues
// ============================================================================================

function upvalueName(f: LuaClosure, n: number): string | undefined {
  if (n < 1 || n > f.upvals.length) return undefined;
  const name = f.p.upvalues[n - 1]?.name;
  return name === undefined || name === '' ? '(no name)' : name;
}

/** A native's upvalues are the Lua values its closure keeps (NativeFunction.refs), unnamed. */
function nativeUpvalues(f: NativeFunction): LuaValue[] {
  return f.refs ?? [];
}

// Lua checks the index before the function (auxupvalue), and setupvalue's value before both.
function db_getupvalue(L: LuaThread): number {
  const n = checkIntegerNumber(L, 2);
  const f = checkFunction(L, 1);
  if (!(f instanceof LuaClosure)) {
    const ups = nativeUpvalues(f);
    return n >= 1 && n <= ups.length ? ret2(L, '', ups[n - 1]) : 0;
  }
  const name = upvalueName(f, n);
  if (name === undefined) return 0;
  const uv = f.upvals[n - 1];
  return ret2(L, name, uv.stack[uv.idx]);
}

function db_setupvalue(L: LuaThread): number {
  checkAny(L, 3);
  const n = checkIntegerNumber(L, 2);
  const f = checkFunction(L, 1);
  if (!(f instanceof LuaClosure)) {
    const ups = nativeUpvalues(f);
    if (n < 1 || n > ups.length) return 0;
    ups[n - 1] = arg(L, 3);
    return ret1(L, '');
  }
  const name = upvalueName(f, n);
  if (name === undefined) return 0;
  const uv = f.upvals[n - 1];
  uv.stack[uv.idx] = arg(L, 3);
  return ret1(L, name);
}

/** upvalueid: a userdata standing for the upvalue cell, the same for shared upvalues. */
const upvalueIds = new WeakMap<object, LuaUserdata>();
/** Identity objects for natives' upvalue slots, per function and index. */
const nativeSlots = new WeakMap<NativeFunction, object[]>();

function db_upvalueid(L: LuaThread): number {
  const n = checkIntegerNumber(L, 2);
  const f = checkFunction(L, 1);
  let uv: object;
  if (f instanceof LuaClosure) {
    if (n < 1 || n > f.upvals.length) return ret1(L, undefined);
    uv = f.upvals[n - 1];
  } else {
    if (n < 1 || n > nativeUpvalues(f).length) return ret1(L, undefined);
    let slots = nativeSlots.get(f);
    if (slots === undefined) nativeSlots.set(f, (slots = []));
    uv = slots[n - 1] ??= {};
  }
  let id = upvalueIds.get(uv);
  if (id === undefined) {
    id = new LuaUserdata(uv, true);
    upvalueIds.set(uv, id);
  }
  return ret1(L, id);
}

/** Argument checks of upvaluejoin, in Lua's order (checkupval): the index, the function, then
 * whether the function has that upvalue. */
function checkUpvalue(L: LuaThread, fi: number, ni: number): [LuaClosure | NativeFunction, number] {
  const n = checkIntegerNumber(L, ni);
  const f = checkFunction(L, fi);
  const count = f instanceof LuaClosure ? f.upvals.length : nativeUpvalues(f).length;
  if (n < 1 || n > count) argError(L, ni, 'invalid upvalue index');
  return [f, n];
}

function db_upvaluejoin(L: LuaThread): number {
  const [f1, n1] = checkUpvalue(L, 1, 2);
  const [f2, n2] = checkUpvalue(L, 3, 4);
  if (!(f1 instanceof LuaClosure)) argError(L, 1, 'Lua function expected');
  if (!(f2 instanceof LuaClosure)) argError(L, 3, 'Lua function expected');
  f1.upvals[n1 - 1] = f2.upvals[n2 - 1];
  return 0;
}

// ============================================================================================
// Hooks
// ============================================================================================

/**
 * The registry's _HOOKKEY table (weak keys: thread → hook), as ldblib keeps it. The VM reads
 * the hook from the thread itself; the table is kept in step for code that inspects it.
 */
function hookTable(L: LuaThread): LuaTable {
  const registry = L.global.registry;
  let t = registry.getStr('_HOOKKEY');
  if (!(t instanceof LuaTable)) {
    t = new LuaTable();
    const mt = new LuaTable();
    mt.setStr('__mode', 'k');
    t.metatable = mt;
    L.global.gc?.noteMetatable(t, mt);
    registry.setStr('_HOOKKEY', t);
  }
  return t;
}

function db_sethook(L: LuaThread): number {
  const [T, a] = threadArg(L);
  if (isNoneOrNil(L, a + 1)) {
    T.hook = undefined;
    T.hookMask = 0;
    T.baseHookCount = 0;
    hookTable(L).set(T, undefined);
    return 0;
  }
  const mask = optString(L, a + 2, '') ?? '';
  const f = checkFunction(L, a + 1);
  const count = optIntegerNumber(L, a + 3, 0);
  T.hook = f;
  T.hookMask = makeMask(mask, count);
  T.baseHookCount = count;
  T.hookCount = count;
  hookTable(L).set(T, f);
  return 0;
}

function db_gethook(L: LuaThread): number {
  const [T] = threadArg(L);
  if (T.hook === undefined) return ret1(L, undefined);
  L.push(T.hook);
  L.push(unmakeMask(T.hookMask));
  L.push(T.baseHookCount);
  return 3;
}

// ============================================================================================
// Metatables, registry, user values
// ============================================================================================

function db_getmetatable(L: LuaThread): number {
  const v = checkAny(L, 1);
  return ret1(L, getMetatable(L.global, v));
}

function db_setmetatable(L: LuaThread): number {
  const v = arg(L, 1);
  const mt = arg(L, 2);
  // A missing metatable is an error, not nil (luaL_argexpected on the type of argument 2).
  if (!((mt === undefined && L.ci.nargs >= 2) || mt instanceof LuaTable)) typeError(L, 2, 'nil or table');
  const G = L.global;
  if (v instanceof LuaTable || v instanceof LuaUserdata) v.metatable = mt;
  else {
    switch (typeName(v)) {
      case 'string':
        G.stringMeta = mt;
        break;
      case 'number':
        G.numberMeta = mt;
        break;
      case 'boolean':
        G.booleanMeta = mt;
        break;
      case 'nil':
        G.nilMeta = mt;
        break;
      case 'function':
        G.functionMeta = mt;
        break;
      case 'thread':
        G.threadMeta = mt;
        break;
    }
  }
  return ret1(L, v);
}

function db_getregistry(L: LuaThread): number {
  return ret1(L, L.global.registry);
}

function db_getuservalue(L: LuaThread): number {
  const u = arg(L, 1);
  const n = optIntegerNumber(L, 2, 1);
  if (!(u instanceof LuaUserdata) || u.light) return ret1(L, undefined);
  if (n < 1 || n > u.userValues.length) {
    L.push(undefined);
    L.push(false);
    return 2;
  }
  return ret2(L, u.userValues[n - 1], true);
}

function db_setuservalue(L: LuaThread): number {
  const u = arg(L, 1);
  if (!(u instanceof LuaUserdata) || u.light) typeError(L, 1, 'userdata');
  checkAny(L, 2);
  const n = optIntegerNumber(L, 3, 1);
  if (n < 1 || n > u.userValues.length) return ret1(L, undefined);
  u.userValues[n - 1] = arg(L, 2);
  return ret1(L, u);
}

// ============================================================================================
// Tracebacks and the debug prompt
// ============================================================================================

function db_traceback(L: LuaThread): number {
  const [T, a] = threadArg(L);
  const msg = arg(L, a + 1);
  if (msg !== undefined && typeof msg !== 'string' && typeName(msg) !== 'number') return ret1(L, msg);
  const level = optIntegerNumber(L, a + 2, T === L ? 1 : 0);
  const text = msg === undefined ? undefined : typeof msg === 'string' ? msg : toStringBasic(L, msg);
  return ret1(L, traceback(T, text, T === L ? level : level));
}

/** debug.debug(): read and run lines from standard input until "cont" (or end of input). */
function db_debug(L: LuaThread): number {
  const io = L.global.io;
  for (;;) {
    io.stderr('lua_debug> ');
    const line = io.readLine?.();
    if (line === undefined || line === 'cont') return 0;
    try {
      callAll(L, mainClosure(loadProto(line, '=(debug command)', 't'), L.global.globals), []);
    } catch (e) {
      const v = e instanceof LuaError ? e.value : String(e);
      io.stderr(`${typeof v === 'string' ? v : toStringBasic(L, v)}\n`);
    }
  }
}

export function openDebug(): LuaTable {
  return newLib({
    debug: db_debug,
    getuservalue: db_getuservalue,
    gethook: db_gethook,
    getinfo: db_getinfo,
    getlocal: db_getlocal,
    getregistry: db_getregistry,
    getmetatable: db_getmetatable,
    getupvalue: db_getupvalue,
    upvaluejoin: db_upvaluejoin,
    upvalueid: db_upvalueid,
    setuservalue: db_setuservalue,
    sethook: db_sethook,
    setlocal: db_setlocal,
    setmetatable: db_setmetatable,
    setupvalue: db_setupvalue,
    traceback: db_traceback,
  });
}

