// nested.ts — Lua's limit on nested C calls ("C stack overflow"), kept by a VM that has none.
//
// PUC Lua runs a Lua function called from C (pcall's function, a metamethod, a generic-for
// iterator, a message handler, a __close method, a sort comparator...) in a new C-level
// luaV_execute, and counts those levels in L->nCcalls: at LUAI_MAXCCALLS (200) it raises
// "C stack overflow", and past 220 it gives up with "error in error handling". moonlet runs
// all of them as frames on one loop, so nothing in JS would stop a recursion through pcall
// or __index until the Lua stack is full — a million slots, by which time a recursion like
// `function f() return pcall(f) end` has built returns that take hours to unwind. So each
// frame carries Lua's count (CallInfo.cdepth, plus its thread's cbase) and the calls Lua
// makes through C go through here.

import { errorInErrorHandling } from './errors.js';
import { CallInfo, LuaThread, LUAI_MAXCCALLS } from './state.js';
import { precall, precallLua } from './call.js';
import type { LuaClosure } from './closure.js';
import { runError } from './raise.js';

/** Past this many nested calls Lua stops calling message handlers (LUAI_MAXCCALLS / 10 * 11). */
export const ERRERR_DEPTH = (LUAI_MAXCCALLS / 10) * 11;

/**
 * The depth of a call Lua would make through C from the running frame: one more than the
 * frame's. Raises "C stack overflow" when it reaches LUAI_MAXCCALLS; the levels just above
 * stay open so that a message handler can still run, as in Lua (luaE_checkcstack).
 */
export function nestedDepth(L: LuaThread): number {
  const depth = L.ci.cdepth + 1;
  if (L.cbase + depth >= LUAI_MAXCCALLS) checkNested(L, L.cbase + depth);
  return depth;
}

/** Lua's luaE_checkcstack for a call at `total` nested levels. */
export function checkNested(L: LuaThread, total: number): void {
  if (total === LUAI_MAXCCALLS) runError(L, 'C stack overflow');
  if (total >= ERRERR_DEPTH) throw errorInErrorHandling();
}

/**
 * precall for a call PUC Lua makes through C: the new frame is one nested level deeper, set
 * before a native callee runs (it may finish, or fail, inside precall).
 */
export function precallNested(L: LuaThread, func: number, nresults: number): CallInfo | null {
  nestedDepth(L);
  return precall(L, func, nresults, 1);
}

/** A generic for calling its Lua iterator (OP_TFORCALL: a luaD_call in Lua). */
export function precallIterator(L: LuaThread, func: number, nresults: number, cl: LuaClosure): void {
  const depth = nestedDepth(L);
  precallLua(L, func, nresults, cl).cdepth = depth;
}
