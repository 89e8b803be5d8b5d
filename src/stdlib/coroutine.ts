// coroutine.ts — the coroutine library.
//
// A coroutine is a LuaThread with its own stack and frames. resume and wrap do not run the
// coroutine from JS: they move the arguments onto its stack and ask the VM to switch threads
// (NativeRequest.Resume); the VM switches back when the coroutine yields, returns or dies, and
// runs the resumer's continuation (resumeFinished / wrapFinished) to deliver the outcome.
// So resume/yield round trips cost no JS stack, and an await anywhere inside the coroutine
// suspends the whole chain of resumers.
// Cf. lcorolib.c, ldo.c (lua_resume, lua_yield).

import type { LuaValue } from '../vm/value.js';
import { NativeFunction } from '../vm/closure.js';
import type { CallInfo } from '../vm/state.js';
import { LuaThread, LUAI_MAXCCALLS, NativeRequest, ThreadStatus, isYieldable } from '../vm/state.js';
import { LuaError } from '../vm/errors.js';
import { whereLevel } from '../vm/debug-info.js';
import { arg, checkFunction, luaError, newLib, ret1, ret2, typeError } from './aux.js';
import { closeThread } from '../vm/transitions.js';

function checkCoroutine(L: LuaThread, i: number): LuaThread {
  const co = arg(L, i);
  if (!(co instanceof LuaThread)) typeError(L, i, 'thread');
  return co;
}

/** A new coroutine that will run `f`. */
export function newCoroutine(L: LuaThread, f: LuaValue): LuaThread {
  const co = new LuaThread(L.global);
  co.body = f;
  return co;
}

function co_create(L: LuaThread): number {
  const f = checkFunction(L, 1);
  return ret1(L, newCoroutine(L, f));
}

/**
 * Prepare to resume `co` with the `nargs` values at stack[from..]: checks its status, moves
 * the values (and, the first time, the body) onto its stack. Returns an error message when
 * it cannot be resumed.
 */
function prepareResume(L: LuaThread, co: LuaThread, from: number, nargs: number): string | undefined {
  if (co.status === ThreadStatus.Dead) return 'cannot resume dead coroutine';
  if (co.status !== ThreadStatus.Suspended || co === L) return 'cannot resume non-suspended coroutine';
  // The coroutine runs one nested level above its resumer (lua_resume), in JS and in Lua's
  // count (nested.ts).
  const depth = L.cbase + L.ci.cdepth;
  if (L.nCcalls >= LUAI_MAXCCALLS || depth >= LUAI_MAXCCALLS) return 'C stack overflow';
  co.nCcalls = L.nCcalls + 1;
  co.cbase = depth + 1;
  const fresh = co.ci === co.baseCi;
  co.ensureStack(co.top + nargs + 2);
  if (fresh) {
    co.transferBase = co.top;
    co.stack[co.top++] = co.body;
  }
  for (let i = 0; i < nargs; i++) co.stack[co.top++] = L.stack[from + i];
  co.transferCount = nargs;
  L.switchTo = co;
  return undefined;
}

/** Move the values the coroutine handed back (yielded or returned) onto L's stack. */
function takeTransfer(L: LuaThread, co: LuaThread): number {
  const n = co.transferCount;
  L.ensureStack(L.top + n + 1);
  for (let i = 0; i < n; i++) L.stack[L.top++] = co.stack[co.transferBase + i];
  co.top = co.transferBase;
  return n;
}

function co_resume(L: LuaThread, base: number, nargs: number): number {
  const co = checkCoroutine(L, 1);
  const msg = prepareResume(L, co, base + 1, nargs - 1);
  if (msg !== undefined) return ret2(L, false, msg);
  const ci = L.ci;
  ci.ctx = co;
  ci.k = resumeFinished;
  return NativeRequest.Resume;
}

function resumeFinished(L: LuaThread, ci: CallInfo): number {
  const co = ci.ctx as LuaThread;
  if (co.hasError && co.status === ThreadStatus.Dead) return ret2(L, false, co.errorValue);
  L.push(true);
  return 1 + takeTransfer(L, co);
}

function co_wrap(L: LuaThread): number {
  const f = checkFunction(L, 1);
  const co = newCoroutine(L, f);
  const wrapper = new NativeFunction('wrap', (L2, base, nargs) => {
    const msg = prepareResume(L2, co, base, nargs);
    if (msg !== undefined) luaError(L2, msg);
    const ci = L2.ci;
    ci.ctx = co;
    ci.k = wrapFinished;
    return NativeRequest.Resume;
  });
  return ret1(L, wrapper);
}

function wrapFinished(L: LuaThread, ci: CallInfo): number {
  const co = ci.ctx as LuaThread;
  if (co.hasError && co.status === ThreadStatus.Dead) {
    let err = co.errorValue;
    // Lua closes the dead coroutine's pending variables, then adds position information to
    // string errors before propagating them.
    const closeErr = closeThread(co, err, L);
    if (closeErr !== undefined) err = closeErr.value;
    if (typeof err === 'string') err = whereLevel(L, 1) + err;
    throw new LuaError(err);
  }
  return takeTransfer(L, co);
}

function co_yield(L: LuaThread, base: number, nargs: number): number {
  // Raised by lua_yieldk from yield's own frame: no position.
  if (L === L.global.mainThread) throw new LuaError('attempt to yield from outside a coroutine');
  if (!isYieldable(L)) throw new LuaError('attempt to yield across a C-call boundary');
  L.transferBase = base;
  L.transferCount = nargs;
  return NativeRequest.Yield;
}

function statusName(L: LuaThread, co: LuaThread): string {
  if (co === L) return 'running';
  switch (co.status) {
    case ThreadStatus.Suspended:
      return 'suspended';
    case ThreadStatus.Normal:
      return 'normal';
    case ThreadStatus.Running:
      return 'running';
    case ThreadStatus.Dead:
      return 'dead';
  }
}

function co_status(L: LuaThread): number {
  return ret1(L, statusName(L, checkCoroutine(L, 1)));
}

function co_running(L: LuaThread): number {
  return ret2(L, L, L === L.global.mainThread);
}

function co_isyieldable(L: LuaThread, _base: number, nargs: number): number {
  // Only a missing argument means the running coroutine; nil is a bad argument.
  const co = nargs >= 1 ? checkCoroutine(L, 1) : L;
  return ret1(L, isYieldable(co));
}

/** coroutine.close(co): close a suspended or dead coroutine's pending to-be-closed variables. */
function co_close(L: LuaThread): number {
  const co = checkCoroutine(L, 1);
  const status = statusName(L, co);
  if (status === 'suspended' || status === 'dead') {
    // A coroutine that died with an error reports it (once) when closed.
    const hadError = co.hasError;
    const err = hadError ? co.errorValue : undefined;
    co.hasError = false;
    co.errorValue = undefined;
    const closeErr = closeThread(co, err, L);
    if (closeErr !== undefined) return ret2(L, false, closeErr.value);
    if (hadError) return ret2(L, false, err);
    return ret1(L, true);
  }
  // A plain error (luaL_error), not an argument error: the caller's position, no "bad argument".
  luaError(L, `cannot close a ${status} coroutine`);
}

export function openCoroutine(): ReturnType<typeof newLib> {
  return newLib({
    create: co_create,
    resume: co_resume,
    yield: co_yield,
    status: co_status,
    running: co_running,
    isyieldable: co_isyieldable,
    wrap: co_wrap,
    close: co_close,
  });
}
