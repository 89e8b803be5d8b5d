// transitions.ts — everything between two Lua instructions that is not a plain call or
// return: natives' requests (call me back, yield, resume, await), continuations of native
// frames, metamethod frames finishing, coroutine switches, and error unwinding.
//
// `settle` is a small state machine the dispatch loop consults whenever it leaves the fast
// path. Its input is an event (a frame was pushed, a frame returned) and its output is the
// thread whose top frame is a Lua frame ready to run, or null when the entry frame of this
// execute() returned, or SUSPENDED. Because every step keeps its state in frames, a
// coroutine switch or an await is a change of `G.running`, never a JS call that must unwind.
//
// Errors travel as JS exceptions only from the raise point to the dispatch loop's catch;
// `handleError` then finds the nearest protected frame (pcall, xpcall, a coroutine's base,
// the host's entry), runs the message handler as a frame, closes to-be-closed variables
// as frames, and makes the protected frame return `false, error`.
// Cf. ldo.c (luaD_throw, luaD_pcall, lua_resume, lua_yield), lcorolib.c.

import type { LuaValue } from './value.js';
import { LuaError } from './errors.js';
import {
  CallInfo,
  CIST_C,
  CIST_CLOSING,
  CIST_ERRHANDLER,
  CIST_FINOP,
  CIST_NOYIELD,
  CIST_FRESH,
  CIST_YPCALL,
  LuaThread,
  NativeRequest,
  ThreadStatus,
  LUAI_MAXCCALLS,
  LUAI_MAXSTACK,
} from './state.js';
import { precall, poscall, finishNative, closeUpvals, topTbc } from './call.js';
import { callMeta } from './operators.js';
import { finishOp } from './execute.js';
import { TM, getTMByObj } from './metamethods.js';
import { where, runtimePosition } from './debug-info.js';
import { ArithError } from './arith.js';
import { callSync } from './api.js';
import { precallNested, checkNested, ERRERR_DEPTH } from './nested.js';

export const enum Ev {
  /** L.ci is a Lua frame ready to run. */
  Run,
  /** Frame `evCi` just returned (its results moved, L.ci popped). */
  Returned,
  /** A frame was pushed: a Lua frame to run, or a native frame with a request. */
  Pushed,
}

/** Returned by settle when the run must suspend (await, time slice). */
export const SUSPENDED = Symbol('suspended');

/**
 * Carry out whatever happened until a Lua frame is ready to run. Returns that frame's thread,
 * null when `entry` returned, or SUSPENDED.
 */
export function settle(
  L: LuaThread,
  entry: CallInfo,
  ev: Ev,
  ret: CallInfo | null,
): LuaThread | null | typeof SUSPENDED {
  const G = L.global;
  for (;;) {
    if (ev === Ev.Pushed) {
      const ci = L.ci;
      if ((ci.callstatus & CIST_C) === 0) return L;
      const code = L.request;
      L.request = 0;
      switch (code as NativeRequest) {
        case NativeRequest.Call: {
          const nci = precallNested(L, L.pendingFunc, L.pendingResults);
          if (nci === null) {
            ev = Ev.Returned;
            ret = L.ci.next;
          }
          continue;
        }
        case NativeRequest.Yield: {
          const R = L.resumer!;
          L.status = ThreadStatus.Suspended;
          L.resumer = null;
          L = switchTo(R);
          const n = runContinuation(R);
          if (n < 0) ev = Ev.Pushed;
          else {
            ev = Ev.Returned;
            ret = R.ci.next;
          }
          continue;
        }
        case NativeRequest.Resume: {
          const co = L.switchTo!;
          L.switchTo = null;
          L.status = ThreadStatus.Normal;
          co.resumer = L;
          L = switchTo(co);
          if (co.ci === co.baseCi) {
            // First resume: call the body, which the resume native pushed with its arguments.
            // Lua checks the nesting limit for that call too: at the limit the coroutine dies.
            if (co.cbase >= LUAI_MAXCCALLS) checkNested(co, co.cbase);
            const nci = precall(co, co.transferBase, -1);
            if (nci === null) {
              ev = Ev.Returned;
              ret = co.ci.next;
            }
            continue;
          }
          // Resumed at a yield: the yield's frame returns the resume arguments.
          const yci = co.ci;
          finishNative(co, yci, co.transferCount);
          ev = Ev.Returned;
          ret = yci;
          continue;
        }
        case NativeRequest.Await:
          G.running = L;
          return SUSPENDED;
        default:
          throw new Error(`moonlet: unknown native request ${code}`);
      }
    }
    if (ev === Ev.Run) return L;

    // ---- Ev.Returned: frame `ret` returned to L.ci ------------------------------------------
    const done = ret!;
    if (done === entry) {
      G.running = L;
      return null;
    }
    const flags = done.callstatus;
    if (flags & CIST_ERRHANDLER) {
      // The message handler's result is the error value; now unwind to the pcall.
      const err = L.stack[done.func];
      const target = findProtected(L, entry);
      if (target === null) throw new LuaError(err);
      if (target === 'coroutine') {
        const r = coroutineDied(L, err);
        L = r.thread;
        ev = r.ev;
        ret = r.ci;
        continue;
      }
      ev = beginUnwind(L, target, err);
      ret = target;
      continue;
    }
    if (flags & CIST_CLOSING) {
      const target = L.ci;
      ev = continueUnwind(L, target);
      ret = target;
      continue;
    }
    const caller = L.ci;
    if (caller === L.baseCi) {
      // A coroutine's body returned: it is dead, hand its results to the resumer.
      const co = L;
      co.status = ThreadStatus.Dead;
      co.transferBase = done.func;
      co.transferCount = co.top - done.func;
      const R = co.resumer!;
      co.resumer = null;
      L = switchTo(R);
      const n = runContinuation(R);
      if (n < 0) ev = Ev.Pushed;
      else {
        ev = Ev.Returned;
        ret = R.ci.next;
      }
      continue;
    }
    if (caller.callstatus & CIST_C) {
      const n = runContinuation(L);
      if (n < 0) ev = Ev.Pushed;
      else {
        ev = Ev.Returned;
        ret = L.ci.next;
      }
      continue;
    }
    if (flags & CIST_FINOP && finishOp(L, caller)) {
      ev = Ev.Pushed;
      continue;
    }
    return L;
  }
}

/** Make `T` the running thread. */
function switchTo(T: LuaThread): LuaThread {
  T.status = ThreadStatus.Running;
  T.global.running = T;
  return T;
}

/**
 * Run the continuation of the native frame on top of L (its requested call returned, or
 * the coroutine it resumed came back). If it finishes, pop it; return its result count or
 * request (the request is left in L.request).
 */
function runContinuation(L: LuaThread): number {
  const ci = L.ci;
  const k = ci.k;
  if (k === null) throw new Error('moonlet: native frame resumed without a continuation');
  const n = k(L, ci);
  if (n >= 0) finishNative(L, ci, n);
  else L.request = n;
  return n;
}

// ============================================================================================
// Errors
// ============================================================================================

/** The Lua error value for anything thrown while running Lua. */
export function errorValue(L: LuaThread, e: unknown): LuaError {
  if (e instanceof LuaError) {
    if (e.needsWhere) {
      const ci = L.ci;
      const at = (ci.callstatus & CIST_C) !== 0 ? ci.previous : ci;
      if (typeof e.value === 'string') e.value = where(at) + e.value;
      e.needsWhere = false;
    }
    return e;
  }
  if (e instanceof ArithError) return new LuaError(runtimePosition(L.ci) + e.message);
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return new LuaError(where(L.ci) + 'stack overflow', false, { cause: e });
  }
  const message = e instanceof Error ? e.message : String(e);
  if ((globalThis as { MOONLET_TRACE?: boolean }).MOONLET_TRACE) console.error(e);
  return new LuaError(message, false, { cause: e });
}

/**
 * Handle an exception caught by the dispatch loop while thread L ran. Returns what the loop
 * must do next; rethrows when the error leaves this execute() (no protected frame above
 * `entry`).
 */
export function handleError(
  L: LuaThread,
  e: unknown,
  entry: CallInfo,
): { thread: LuaThread; ev: Ev; ci: CallInfo | null } {
  const err = errorValue(L, e);
  L.global.lastError = err;
  const target = findProtected(L, entry, err.uncatchable);
  if (target === null) {
    // Leave this execute(): the native that called into Lua sees the exception.
    L.ci = entry.previous!;
    throw err;
  }
  if (target === 'coroutine') {
    if (err.uncatchable) {
      // The coroutine dies and the error goes on in its resumer, where resume cannot catch it.
      // Its pending <close> variables close first (with the error), as they would on the main
      // thread: a limit or a cancellation runs every <close> handler on its way out.
      const R = L.resumer!;
      L.resumer = null;
      closeThread(L, err.value);
      return handleError(switchTo(R), err, entry);
    }
    return coroutineDied(L, err.value);
  }
  if (target.unwinding) {
    // An error inside a __close method while unwinding: it replaces the error.
    target.rare.err = err.value;
    L.ci = target;
    return { thread: L, ev: continueUnwind(L, target), ci: target };
  }
  if (target.handler !== undefined && !err.inErrorHandling) {
    // Lua calls the handler one nested level above the error (nested.ts). A handler that
    // keeps failing climbs until the call at LUAI_MAXCCALLS, whose handler gets "C stack
    // overflow" instead, and gives up with "error in error handling" a few levels later.
    let depth = L.ci.cdepth + 1;
    let value = err.value;
    if (L.cbase + depth >= ERRERR_DEPTH) {
      const ev = beginUnwind(L, target, 'error in error handling');
      return { thread: L, ev, ci: target };
    }
    if (L.cbase + depth === LUAI_MAXCCALLS) {
      value = runtimePosition(L.ci) + 'C stack overflow';
      depth++;
    }
    // Call the message handler above everything, with the stack of the error intact.
    const func = Math.max(L.top, L.ci.top);
    L.ensureStack(func + 3);
    L.stack[func] = target.handler;
    L.stack[func + 1] = value;
    L.top = func + 2;
    const nci = precall(L, func, 1);
    if (nci === null) {
      const ev = beginUnwind(L, target, L.stack[func]);
      return { thread: L, ev, ci: target };
    }
    nci.cdepth = depth;
    // Lua calls the handler with luaD_callnoyield: a yield in it is an error, which calls the
    // handler again, until "error in error handling".
    nci.callstatus |= CIST_ERRHANDLER | CIST_NOYIELD;
    return { thread: L, ev: Ev.Pushed, ci: null };
  }
  const ev = beginUnwind(L, target, err.value);
  return { thread: L, ev, ci: target };
}

/** The nearest frame that catches errors: a pcall frame, or 'coroutine' for a coroutine's
 * base, or null when the error must leave through `entry`. */
function findProtected(L: LuaThread, entry: CallInfo, uncatchable = false): CallInfo | 'coroutine' | null {
  for (let ci: CallInfo | null = L.ci; ci !== null; ci = ci.previous) {
    // Errors Lua cannot catch stop only at the host's entry frames (pcall frames that are
    // also the entry of an execute()).
    if (ci.callstatus & CIST_YPCALL && (!uncatchable || ci.callstatus & CIST_FRESH)) return ci;
    if (ci === entry) return null;
    if (ci === L.baseCi) return L === L.global.mainThread ? null : 'coroutine';
  }
  return null;
}

/**
 * A coroutine ended with an error: mark it dead, switch back to its resumer and run the
 * resumer's continuation (which reports or re-raises the error).
 */
function coroutineDied(co: LuaThread, err: LuaValue): { thread: LuaThread; ev: Ev; ci: CallInfo | null } {
  co.status = ThreadStatus.Dead;
  co.hasError = true;
  co.errorValue = err;
  const R = co.resumer!;
  co.resumer = null;
  const T = switchTo(R);
  const n = runContinuation(T);
  if (n < 0) return { thread: T, ev: Ev.Pushed, ci: null };
  return { thread: T, ev: Ev.Returned, ci: T.ci.next };
}

/** Start unwinding to pcall frame `target` with error `err`. */
function beginUnwind(L: LuaThread, target: CallInfo, err: LuaValue): Ev {
  L.ci = target;
  const x = target.rare;
  x.unwinding = true;
  x.err = err;
  return continueUnwind(L, target);
}

/**
 * Close upvalues and to-be-closed variables above `target`'s protected region, one __close
 * call at a time (each a frame marked CIST_CLOSING that comes back here), then make the
 * pcall frame return `false, err`.
 */
function continueUnwind(L: LuaThread, target: CallInfo): Ev {
  const level = target.extra;
  closeUpvals(L, level);
  const stack = L.stack;
  for (;;) {
    const idx = topTbc(L, level);
    if (idx < 0) break;
    L.tbcList.pop();
    const v = stack[idx];
    const func = idx + 2;
    L.ensureStack(func + 4);
    stack[func] = getTMByObj(L.global, v, TM.CLOSE);
    stack[func + 1] = v;
    stack[func + 2] = target.rare.err;
    L.top = func + 3;
    const nci = precall(L, func, 0);
    if (nci !== null) {
      // From the pcall frame, far below the error: no limit to check (nested.ts).
      nci.cdepth = target.cdepth + 1;
      nci.callstatus |= CIST_CLOSING;
      return Ev.Pushed;
    }
  }
  const x = target.rare;
  x.unwinding = false;
  if (level < LUAI_MAXSTACK) L.inStackOverflow = false;
  const err = x.err;
  x.err = undefined;
  L.ensureStack(level + 3);
  L.top = level;
  let n: number;
  if (target.onError !== null) n = target.onError(L, target, err);
  else {
    stack[level] = false;
    stack[level + 1] = err;
    L.top = level + 2;
    n = 2;
  }
  poscall(L, target, n);
  return Ev.Returned;
}

// ============================================================================================
// Closing variables in normal flow (OP_CLOSE, OP_RETURN)
// ============================================================================================

/**
 * Close upvalues at or above `level` and call pending __close methods one at a time with
 * `err` (nil in normal flow). Returns true when a __close frame is pending; the instruction
 * re-executes when it returns (finishOp), so each call closes the next variable.
 */
export function closeStep(L: LuaThread, ci: CallInfo, level: number, err: LuaValue, _isReturn: boolean): boolean {
  closeUpvals(L, level);
  const stack = L.stack;
  for (;;) {
    const idx = topTbc(L, level);
    if (idx < 0) return false;
    L.tbcList.pop();
    const v = stack[idx];
    const func = Math.max(L.top, ci.top);
    L.ensureStack(func + 4);
    stack[func] = getTMByObj(L.global, v, TM.CLOSE);
    stack[func + 1] = v;
    stack[func + 2] = err;
    if (callMeta(L, func, 2, 0)) return true;
  }
}

/**
 * Close the pending to-be-closed variables of a suspended or dead coroutine, calling each
 * __close(value, err) on the coroutine's own stack (lua_closethread). An error in one of them
 * replaces `err` for the next ones; the last such error is returned. Leaves the coroutine dead.
 * The calls nest above `from`, the thread closing it: a chain of coroutines each closing the
 * next from a __close ends in "C stack overflow", as in Lua, not in a JS stack overflow.
 */
export function closeThread(co: LuaThread, err: LuaValue, from: LuaThread = co): LuaError | undefined {
  const G = co.global;
  let failure: LuaError | undefined;
  if (from !== co) {
    co.nCcalls = from.nCcalls;
    co.cbase = from.cbase + from.ci.cdepth;
  }
  // Lua unwinds the frames first: the __close calls run from the coroutine's base.
  co.ci = co.baseCi;
  closeUpvals(co, 0);
  const saved = co.status;
  co.status = ThreadStatus.Running;
  while (co.tbcList.length > 0) {
    const idx = co.tbcList.pop()!;
    const v = co.stack[idx];
    const func = Math.max(co.top, idx + 1);
    co.ensureStack(func + 4);
    co.stack[func] = getTMByObj(G, v, TM.CLOSE);
    co.stack[func + 1] = v;
    co.stack[func + 2] = err;
    co.top = func + 3;
    try {
      callSync(co, func, 0);
    } catch (e) {
      failure = errorValue(co, e);
      err = failure.value;
    }
  }
  void saved;
  co.status = ThreadStatus.Dead;
  co.ci = co.baseCi;
  co.top = 1;
  return failure;
}
