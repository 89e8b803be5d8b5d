// hooks.ts — debug hooks: call, return, line and count events (debug.sethook).
//
// The dispatch loop checks `L.hookMask` once per instruction (a field load that stays in
// cache) and calls in here only when some hook is set. A hook is an ordinary Lua function run
// re-entrantly (callSync) with the hooked frame marked CIST_HOOKED, exactly as Lua runs hooks
// from C: they cannot yield, and while one runs no other hook fires (`allowHook`).
// Cf. ldo.c (luaD_hook, luaD_hookcall, rethook), ldebug.c (luaG_traceexec).

import type { LuaValue } from './value.js';
import { LuaClosure } from './closure.js';
import { CallInfo, CIST_HOOKED, CIST_TAIL, LuaThread } from './state.js';
import { callSync } from './api.js';

export const MASK_CALL = 1;
export const MASK_RET = 2;
export const MASK_LINE = 4;
export const MASK_COUNT = 8;

export type HookEvent = 'call' | 'return' | 'line' | 'count' | 'tail call';

/** Run the thread's hook function for `event` (luaD_hook + ldblib's hookf). */
export function runHook(L: LuaThread, event: HookEvent, line: number, ftransfer = 0, ntransfer = 0): void {
  const hook = L.hook;
  if (hook === undefined || !L.allowHook) return;
  const ci = L.ci;
  const savedTop = L.top;
  const savedCiTop = ci.top;
  // The hook runs above everything the frame uses.
  if (L.top < ci.top) L.top = ci.top;
  const func = L.top;
  L.ensureStack(func + 4);
  L.stack[func] = hook;
  L.stack[func + 1] = event;
  L.stack[func + 2] = line >= 0 ? line : undefined;
  L.top = func + 3;
  const x = ci.rare;
  x.ftransfer = ftransfer;
  x.ntransfer = ntransfer;
  ci.callstatus |= CIST_HOOKED;
  L.allowHook = false;
  try {
    callSync(L, func, 0);
  } finally {
    L.allowHook = true;
    ci.callstatus &= ~CIST_HOOKED;
    ci.top = savedCiTop;
    L.top = savedTop;
  }
}

/** Call hook for a frame that is starting (Lua frames: before the first instruction). */
export function hookCall(L: LuaThread, ci: CallInfo): void {
  L.oldPc = 0;
  if ((L.hookMask & MASK_CALL) === 0) return;
  const event: HookEvent = ci.callstatus & CIST_TAIL ? 'tail call' : 'call';
  const np = ci.closure instanceof LuaClosure ? ci.closure.p.numParams : ci.nargs;
  runHook(L, event, -1, 1, np);
}

/** Return hook for frame `ci` returning `n` values starting at stack[first]. */
export function hookReturn(L: LuaThread, ci: CallInfo, first: number, n: number): void {
  if (L.hookMask & MASK_RET) {
    const savedCi = L.ci;
    L.ci = ci;
    try {
      runHook(L, 'return', -1, first - ci.func, n);
    } finally {
      L.ci = savedCi;
    }
  }
  // The caller continues: its line hook must not fire again for the line it is on.
  const caller = ci.previous;
  if (caller !== null && caller.closure instanceof LuaClosure) L.oldPc = caller.pc - 1;
}

/**
 * Before executing instruction `pc` of Lua frame `ci`: count and line events
 * (luaG_traceexec). `ci.pc` must already hold pc + 1.
 */
export function traceExec(L: LuaThread, ci: CallInfo, pc: number): void {
  const mask = L.hookMask;
  if ((mask & (MASK_LINE | MASK_COUNT)) === 0) return;
  let countHook = false;
  if (mask & MASK_COUNT) {
    if (--L.hookCount <= 0) {
      L.hookCount = L.baseHookCount;
      countHook = true;
    }
  }
  if (!countHook && (mask & MASK_LINE) === 0) return;
  if (countHook) runHook(L, 'count', -1);
  if (mask & MASK_LINE) {
    const p = (ci.closure as LuaClosure).p;
    const lines = p.lineinfo;
    const oldPc = L.oldPc < p.code.length ? L.oldPc : 0;
    // Without debug information (stripped code) only "new function"/backward-jump events
    // fire, with no line.
    if (pc <= oldPc || (lines.length > 0 && lines[oldPc] !== lines[pc])) {
      runHook(L, 'line', lines.length > 0 ? lines[pc] : -1);
    }
    L.oldPc = pc;
  }
}

/** debug.sethook's mask string to bits ("c", "r", "l"), plus count. */
export function makeMask(s: string, count: number): number {
  let mask = 0;
  if (s.includes('c')) mask |= MASK_CALL;
  if (s.includes('r')) mask |= MASK_RET;
  if (s.includes('l')) mask |= MASK_LINE;
  if (count > 0) mask |= MASK_COUNT;
  return mask;
}

export function unmakeMask(mask: number): string {
  let s = '';
  if (mask & MASK_CALL) s += 'c';
  if (mask & MASK_RET) s += 'r';
  if (mask & MASK_LINE) s += 'l';
  return s;
}

export type { LuaValue };
