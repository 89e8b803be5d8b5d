// call.ts — calls and returns as frames: precall, poscall, upvalues, to-be-closed variables.
//
// A call never becomes a JS call when the callee is a Lua function: precall pushes a frame
// (CallInfo) and the dispatch loop continues in it. A native function runs as a JS call, but
// when it needs to call back into Lua, yield, resume a coroutine or await a promise, it
// returns a request (NativeRequest) instead of results and the VM carries it out
// (transitions.ts). Results always travel on the stack: a returning frame moves them to the
// slot where its function was (`ci.func`), as many as the caller asked for (`nresults`).
// Cf. ldo.c (luaD_precall, luaD_poscall, moveresults, luaD_tryfuncTM), lfunc.c.

import { LuaClosure, NativeFunction, UpVal } from './closure.js';
import {
  CallInfo,
  CIST_C,
  LuaThread,
  LUAI_MAXSTACK,
  EXTRA_STACK_FOR_ERRORS,
  LUA_MINSTACK,
  NO_TBC,
  NO_UPVALS,
  MULTRET,
} from './state.js';
import { errorInErrorHandling } from './errors.js';
import { TM, getTMByObj } from './metamethods.js';
import { callError, runError } from './raise.js';
import { NO_SOURCE, isLuaFrame, localName, currentPc } from './debug-info.js';
import { hookCall, hookReturn } from './hooks.js';

// ============================================================================================
// Frames
// ============================================================================================

/** Push a frame (reusing the thread's list of CallInfo objects). */
export function nextCI(L: LuaThread): CallInfo {
  const ci = L.ci;
  let n = ci.next;
  if (n === null) {
    n = new CallInfo(ci);
    ci.next = n;
  }
  L.ci = n;
  n.cdepth = ci.cdepth;
  return n;
}

/**
 * Make sure a frame reaching stack index `top` fits: Lua's "stack overflow" past
 * LUAI_MAXSTACK, with a little extra room so that error handlers can still run.
 */
export function checkStack(L: LuaThread, top: number): void {
  if (top > LUAI_MAXSTACK) {
    if (!L.inStackOverflow) {
      L.inStackOverflow = true;
      runError(L, 'stack overflow');
    }
    if (top > LUAI_MAXSTACK + EXTRA_STACK_FOR_ERRORS) {
      throw errorInErrorHandling();
    }
  }
  L.ensureStack(top + LUA_MINSTACK);
}

/** Push the frame of a Lua function whose arguments are already on the stack. */
export function precallLua(L: LuaThread, func: number, nresults: number, cl: LuaClosure): CallInfo {
  const p = cl.p;
  const top = func + 1 + p.maxStackSize;
  if (top + LUA_MINSTACK > L.stack.length || top > LUAI_MAXSTACK) checkStack(L, top);
  const ci = nextCI(L);
  ci.func = func;
  ci.base = func + 1;
  ci.top = top;
  ci.nresults = nresults;
  ci.callstatus = 0;
  ci.closure = cl;
  ci.pc = 0;
  // Missing fixed parameters are nil.
  let nargs = L.top - func - 1;
  const stack = L.stack;
  for (; nargs < p.numParams; nargs++) stack[L.top++] = undefined;
  return ci;
}

/**
 * Call a native function: returns null when it finished (results moved to `func`), or its
 * frame when it made a request, which is left in L.request for the VM to carry out.
 * `nested` is 1 for a call Lua makes through C (nested.ts): the frame is one level deeper.
 */
export function precallNative(L: LuaThread, func: number, nresults: number, f: NativeFunction, nested = 0): CallInfo | null {
  const top = L.top;
  if (top + LUA_MINSTACK > L.stack.length) checkStack(L, top + LUA_MINSTACK);
  const ci = nextCI(L);
  ci.cdepth += nested;
  ci.func = func;
  ci.base = func + 1;
  ci.top = top + LUA_MINSTACK;
  ci.nresults = nresults;
  ci.callstatus = CIST_C;
  ci.closure = f;
  ci.k = null;
  ci.onError = null;
  const nargs = top - func - 1;
  ci.nargs = nargs;
  if (L.hookMask !== 0) hookCall(L, ci);
  const n = f.fn(L, func + 1, nargs);
  if (n >= 0) {
    if (L.hookMask !== 0) hookReturn(L, ci, L.top - n, n);
    poscall(L, ci, n);
    return null;
  }
  L.request = n;
  return ci;
}

/**
 * Call whatever is at stack[func] with the arguments up to L.top. Returns the new Lua frame,
 * a native frame with a pending request, or null when a native already finished. `nested` as
 * for precallNative.
 */
export function precall(L: LuaThread, func: number, nresults: number, nested = 0): CallInfo | null {
  for (;;) {
    const f = L.stack[func];
    if (f instanceof LuaClosure) {
      const ci = precallLua(L, func, nresults, f);
      ci.cdepth += nested;
      return ci;
    }
    if (f instanceof NativeFunction) return precallNative(L, func, nresults, f, nested);
    tryFuncTM(L, func);
  }
}

/** Replace a non-function at stack[func] by its __call metamethod, shifting the arguments. */
export function tryFuncTM(L: LuaThread, func: number): void {
  const stack = L.stack;
  const f = stack[func];
  const tm = getTMByObj(L.global, f, TM.CALL);
  if (tm === undefined) {
    const ci = L.ci;
    callError(L, f, isLuaFrame(ci) ? func - ci.base : NO_SOURCE);
  }
  L.ensureStack(L.top + 2);
  for (let p = L.top; p > func; p--) stack[p] = stack[p - 1];
  L.top++;
  stack[func] = tm;
}

/** A native frame returns the `n` values below L.top. */
export function poscall(L: LuaThread, ci: CallInfo, n: number): void {
  moveResults(L, ci.func, L.top - n, n, ci.nresults);
  L.ci = ci.previous!;
}

/** A native frame that made requests finally returns: the return hook, then poscall. */
export function finishNative(L: LuaThread, ci: CallInfo, n: number): void {
  if (L.hookMask !== 0) hookReturn(L, ci, L.top - n, n);
  poscall(L, ci, n);
}

/** Move `n` results from `first` to `res`, adjusted to `wanted` (MULTRET keeps all). */
export function moveResults(L: LuaThread, res: number, first: number, n: number, wanted: number): void {
  const stack = L.stack;
  switch (wanted) {
    case 0:
      L.top = res;
      return;
    case 1:
      stack[res] = n === 0 ? undefined : stack[first];
      L.top = res + 1;
      return;
    case MULTRET:
      for (let i = 0; i < n; i++) stack[res + i] = stack[first + i];
      L.top = res + n;
      return;
    default: {
      if (res + wanted > stack.length) L.ensureStack(res + wanted);
      let i = 0;
      for (; i < n && i < wanted; i++) stack[res + i] = stack[first + i];
      for (; i < wanted; i++) stack[res + i] = undefined;
      L.top = res + wanted;
    }
  }
}

// ============================================================================================
// Upvalues (cf. lfunc.c luaF_findupval, luaF_closeupval)
// ============================================================================================

/** The open upvalue for stack slot `idx`, created if needed (kept sorted by index). */
export function findUpval(L: LuaThread, idx: number): UpVal {
  const list = L.openUpvals;
  let i = list.length - 1;
  while (i >= 0 && list[i].idx > idx) i--;
  if (i >= 0 && list[i].idx === idx) return list[i];
  const uv = new UpVal(L.stack, idx);
  if (list === NO_UPVALS) L.openUpvals = [uv];
  else list.splice(i + 1, 0, uv);
  return uv;
}

/** Close every open upvalue at stack index `level` or above. */
export function closeUpvals(L: LuaThread, level: number): void {
  const list = L.openUpvals;
  let n = list.length;
  while (n > 0 && list[n - 1].idx >= level) {
    list[n - 1].close();
    n--;
  }
  list.length = n;
}

// ============================================================================================
// To-be-closed variables (cf. lfunc.c luaF_newtbcupval)
// ============================================================================================

/** Mark stack slot `idx` as a to-be-closed variable (false and nil need no closing). */
export function newTbc(L: LuaThread, idx: number): void {
  const v = L.stack[idx];
  if (v === false || v === undefined) return;
  if (getTMByObj(L.global, v, TM.CLOSE) === undefined) {
    const ci = L.ci;
    let name = '?';
    if (isLuaFrame(ci)) name = localName((ci.closure as LuaClosure).p, idx - ci.base, currentPc(ci)) ?? '?';
    runError(L, `variable '${name}' got a non-closable value`);
  }
  if (L.tbcList === NO_TBC) L.tbcList = [idx];
  else L.tbcList.push(idx);
}

/** The highest pending to-be-closed slot at or above `level`, or -1. */
export function topTbc(L: LuaThread, level: number): number {
  const list = L.tbcList;
  const n = list.length;
  return n > 0 && list[n - 1] >= level ? list[n - 1] : -1;
}

