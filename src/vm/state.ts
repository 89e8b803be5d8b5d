// state.ts — threads, call frames and the state shared by every thread of one VM.
//
// A LuaThread owns a value stack (a plain JS array that only grows, so stack indices stay
// valid) and a doubly linked list of CallInfo frames that is reused from call to call: pushing
// a frame allocates nothing once the list has grown to the program's depth. Lua functions,
// native functions, pcall boundaries, metamethod calls and coroutine bodies are all frames
// here; the VM never represents a Lua call with a JS call (GUIDE §3), which is what lets any
// of them suspend.
//
// Stack layout of a frame: `func` is the slot of the called function, its arguments follow;
// a Lua frame's registers start at `func + 1` (`base`) and it may use up to `top`. Vararg
// functions move their fixed parameters above the extra arguments (VARARGPREP), so `func`
// changes and `nextraargs` remembers by how much.
// Cf. lstate.h (lua_State, CallInfo, global_State), ldo.c.

import type { LuaValue, LuaUserdata } from './value.js';
import type { LuaError } from './errors.js';
import { LuaTable } from './table.js';
import { LuaClosure, NativeFunction, UpVal } from './closure.js';
import type { HostSystem } from '../host/host.js';

// ============================================================================================
// Limits (luaconf.h, llimits.h)
// ============================================================================================

/** Maximum stack slots of one thread (LUAI_MAXSTACK). */
export const LUAI_MAXSTACK = 1_000_000;
/** Extra slots available while handling a stack overflow (ERRORSTACKSIZE - LUAI_MAXSTACK). */
export const EXTRA_STACK_FOR_ERRORS = 200;
/** Maximum nesting of native → Lua re-entries and parser levels (LUAI_MAXCCALLS). */
export const LUAI_MAXCCALLS = 200;
/** Free slots guaranteed to a native function (LUA_MINSTACK). */
export const LUA_MINSTACK = 20;
/** `nresults` meaning "all results" (LUA_MULTRET). */
export const MULTRET = -1;

// ============================================================================================
// Call status bits (CallInfo.callstatus)
// ============================================================================================

export const CIST_C = 1 << 0; // a native function frame
export const CIST_FRESH = 1 << 1; // entry frame of a JS-level execute(): return from it
export const CIST_YPCALL = 1 << 2; // a pcall/xpcall frame: catches errors
export const CIST_TAIL = 1 << 3; // reached by a tail call
export const CIST_HOOKED = 1 << 4; // running a debug hook
export const CIST_FINOP = 1 << 5; // metamethod call: on return, finish the caller's instruction
export const CIST_LEQ = 1 << 6; // __le emulated as `not __lt(b, a)` (LUA_COMPAT_LT_LE)
export const CIST_ERRHANDLER = 1 << 7; // xpcall message handler frame
export const CIST_FIN = 1 << 8; // running a __gc finalizer
export const CIST_CLOSING = 1 << 9; // __close call made while unwinding an error
export const CIST_HOOKYIELD = 1 << 10; // last hook yielded
export const CIST_TRAN = 1 << 11; // call/return hook has transfer info
/**
 * A native whose requested calls Lua runs with lua_call (table.sort, string.gsub, load
 * readers, require): coroutine.yield inside them raises "attempt to yield across a C-call
 * boundary" as in Lua, while host awaits still work.
 */
export const CIST_NOYIELD = 1 << 12;
/** A returning frame with any of these flags needs settle (execute.ts), not just its caller resumed. */
export const CIST_SETTLE = CIST_FRESH | CIST_FINOP | CIST_ERRHANDLER | CIST_CLOSING;

/**
 * Continuation of a native frame: called when a call it requested (NativeRequest.Call)
 * returns, with that call's results on the stack above `L.ci`'s own values. Returns what a
 * native returns: a result count, or another request.
 */
export type Continuation = (L: LuaThread, ci: CallInfo) => number;

export class CallInfo {
  func = 0;
  base = 0;
  top = 0;
  nresults = 0;
  callstatus = 0;
  closure: LuaClosure | NativeFunction | null = null;
  /** Lua frames: index of the next instruction (Lua's savedpc). */
  pc = 0;
  /** Vararg Lua frames: number of extra arguments. */
  nextraargs = 0;
  /** Native frames: number of arguments it was called with. */
  nargs = 0;
  /**
   * Lua's count of nested C calls (nCcalls) at this frame, relative to its thread's `cbase`:
   * how many calls PUC Lua would have stacked in C below it (a native calling Lua, a
   * metamethod, a generic-for iterator, a message handler, a __close). moonlet runs them all
   * as frames, but keeps Lua's limit of LUAI_MAXCCALLS (nested.ts) so that runaway recursion
   * through them ends in "C stack overflow", as in Lua, not after a million frames.
   */
  cdepth = 0;
  /** Native frames: what to do when a requested call returns. */
  k: Continuation | null = null;
  /** Native frames: state kept for the continuation (a generator, a thread, a number...). */
  ctx: unknown = undefined;
  /** Native frames: stack index where the continuation's values start. */
  extra = 0;
  /** pcall frames: the message handler (xpcall), or undefined. */
  handler: LuaValue = undefined;
  /**
   * pcall frames: how the frame returns after an error was unwound to it (it pushes its
   * results and returns their count); null means pcall's `false, error`. load uses it to
   * return `nil, message`.
   */
  onError: ((L: LuaThread, ci: CallInfo, err: LuaValue) => number) | null = null;
  /** What few frames need (an error unwinding to them, hook transfer info); see `rare`. */
  private x: CallInfoExtra | null = null;
  previous: CallInfo | null;
  next: CallInfo | null = null;

  constructor(previous: CallInfo | null) {
    this.previous = previous;
  }

  /**
   * The frame's rarely used state, created on first use and kept with the frame (frames are
   * reused by later calls at the same depth, as Lua reuses its CallInfo list). Every suspended
   * thread holds its frames: 100,000 waiting tasks hold 400,000.
   */
  get rare(): CallInfoExtra {
    return (this.x ??= new CallInfoExtra());
  }

  /** pcall frames: true while closing variables after an error (reading creates nothing). */
  get unwinding(): boolean {
    return this.x !== null && this.x.unwinding;
  }
}

/** The part of a CallInfo that only error unwinding and hooks use. */
export class CallInfoExtra {
  /** pcall frames while unwinding an error: the error value being propagated. */
  err: LuaValue = undefined;
  /** pcall frames: true while closing variables after an error. */
  unwinding = false;
  /** Hooks: transfer info for call/return hooks (first value index, count). */
  ftransfer = 0;
  ntransfer = 0;
}

// ============================================================================================
// Native requests: negative return values of a NativeImpl (closure.ts)
// ============================================================================================

export const enum NativeRequest {
  /** Call the function pushed with its arguments (L.pendingCall*), then run `ci.k`. */
  Call = -1,
  /** Yield the current coroutine; the values are the native's arguments from L.yieldBase. */
  Yield = -2,
  /** Switch to the coroutine in L.switchTo (coroutine.resume / wrap). */
  Resume = -3,
  /** Suspend the whole run until L.awaiting settles (native async). */
  Await = -4,
  /** The native replaced itself by a tail call (pushed at its func slot): run that. */
  TailCall = -5,
}

export const enum ThreadStatus {
  /** Created or suspended at a yield: can be resumed. */
  Suspended,
  /** Currently running. */
  Running,
  /** Resumed another coroutine and is waiting for it. */
  Normal,
  /** Finished or died with an error. */
  Dead,
}

// ============================================================================================
// Threads
// ============================================================================================

/** Can `L` yield now (coroutine.isyieldable)? Not the main thread, not across a boundary. */
export function isYieldable(L: LuaThread): boolean {
  if (L === L.global.mainThread || L.nny > 0) return false;
  for (let ci: CallInfo | null = L.ci; ci !== null && ci !== L.baseCi; ci = ci.previous) {
    if (ci.callstatus & CIST_NOYIELD) return false;
  }
  return true;
}

/**
 * The empty lists every thread starts with (see LuaThread.openUpvals/tbcList). Never added
 * to; removing from an empty list (pop, length = 0) leaves it as it is.
 */
export const NO_UPVALS: UpVal[] = [];
export const NO_TBC: number[] = [];

export class LuaThread {
  stack: LuaValue[];
  top = 0;
  ci: CallInfo;
  readonly baseCi: CallInfo;
  status: ThreadStatus = ThreadStatus.Suspended;
  /**
   * Open upvalues sorted by stack index (ascending). Starts as the shared empty NO_UPVALS
   * (most threads never have one: 100,000 waiting tasks would hold 100,000 empty arrays);
   * findUpval gives the thread its own list before adding.
   */
  openUpvals: UpVal[] = NO_UPVALS;
  /** Stack indices of pending to-be-closed variables (ascending); NO_TBC until newTbc adds. */
  tbcList: number[] = NO_TBC;
  /** Number of non-yieldable frames (native → Lua re-entries) on this thread. */
  nny = 0;
  /** Depth of native → Lua re-entries of the JS stack (for "C stack overflow"). */
  nCcalls = 0;
  /** Nested C calls below this thread's base frame (its resumer's depth + 1); see cdepth. */
  cbase = 0;
  /** The thread that resumed this one while it runs. */
  resumer: LuaThread | null = null;
  /** Set when the thread died with an error: the error value (for coroutine.close). */
  errorValue: LuaValue = undefined;
  hasError = false;
  /** The function a fresh coroutine will run. */
  body: LuaValue = undefined;
  /** Where the values to transfer on a switch start (yield values, resume arguments). */
  transferBase = 0;
  transferCount = 0;
  /** Set by coroutine.resume/wrap natives: the thread to switch to. */
  switchTo: LuaThread | null = null;
  /** Set by natives requesting NativeRequest.Call: the function slot and wanted results. */
  pendingFunc = 0;
  pendingResults = 0;
  /** Nesting of direct calls between compiled functions running now (jit.ts). */
  jitDepth = 0;
  /**
   * Counts debug.setlocal writes into this thread's frames. Compiled code reloads all of a
   * frame's registers after a call only when this changed during it (else just the results).
   */
  localWrites = 0;
  /** The frame compiled code just returned from, when settle must look at it (jit.ts). */
  jitReturned: CallInfo | null = null;
  /** The request (NativeRequest) of the native frame on top, while the VM carries it out. */
  request = 0;
  /** True while the stack is past LUAI_MAXSTACK handling a "stack overflow" error. */
  inStackOverflow = false;
  /** Set by natives requesting NativeRequest.Await. */
  awaiting: PromiseLike<unknown> | null = null;
  /** Debug hooks (debug.sethook). */
  hook: LuaValue = undefined;
  hookMask = 0;
  baseHookCount = 0;
  hookCount = 0;
  allowHook = true;
  /** Line of the last line hook (for "line" events). */
  oldPc = 0;
  /** Userdata-like per-thread value slot for the host (e.g. the task that owns the thread). */
  owner: unknown = undefined;

  /**
   * `stackSize`: initial stack slots (the stack grows as needed). The scheduler gives its
   * task threads fewer than the default, since 100,000 of them may wait at once.
   */
  constructor(
    readonly global: GlobalState,
    stackSize = 64,
  ) {
    this.stack = new Array<LuaValue>(stackSize).fill(undefined);
    const ci = new CallInfo(null);
    ci.callstatus = CIST_C;
    ci.func = 0;
    ci.top = 1 + LUA_MINSTACK;
    this.baseCi = ci;
    this.ci = ci;
    this.top = 1;
  }

  /** Push a value at the top of the stack. */
  push(v: LuaValue): void {
    const stack = this.stack;
    const top = this.top;
    if (top >= stack.length) growStack(stack, top + 1);
    stack[top] = v;
    this.top = top + 1;
  }

  /** Make sure stack slots up to (not including) `size` exist. */
  ensureStack(size: number): void {
    if (size > this.stack.length) growStack(this.stack, size);
  }
}

/** Grow a stack array in place (keeps it packed: explicit undefined, no holes). */
export function growStack(stack: LuaValue[], size: number): void {
  let n = stack.length;
  let target = n * 2;
  if (target < size) target = size + 16;
  for (; n < target; n++) stack.push(undefined);
}

// ============================================================================================
// State shared by all threads of one VM
// ============================================================================================

/** What the VM needs from its host (host/node.ts and friends implement it). */
export interface HostIO {
  /** Write bytes (a byte string) to standard output. */
  stdout(bytes: string): void;
  /** Write bytes (a byte string) to standard error. */
  stderr(bytes: string): void;
  /** Read a whole file as bytes, or report why not (strerror text); absent: no file system. */
  readFile?(path: string): string | { error: string };
  /** Read one line of standard input without its newline (debug.debug); undefined at end. */
  readLine?(): string | undefined;
  /** Read all of standard input as bytes (loadfile(nil), dofile()). */
  readStdin?(): string | undefined;
  /** Bytes of memory in use, for collectgarbage("count"). */
  heapUsed?(): number;
  /** Ask the host's garbage collector for a full collection, if it can (collectgarbage()). */
  fullGC?(): void;
  /** Files, processes, environment, clocks for io/os/package (src/host/host.ts); absent: none. */
  system?: HostSystem;
}

/** What collectgarbage reports and sets (moonlet's collector is the host's; see gc notes). */
export interface GcSettings {
  running: boolean;
  pause: number;
  stepmul: number;
  mode: 'incremental' | 'generational';
}

/** Hooks of the weak-table and finalizer machinery (installed by the gc module). */
export interface GcHooks {
  /** A full cycle (collectgarbage "collect"); false if one is already under way. */
  collect(L: LuaThread): boolean;
  /** The VM's allocation countdown ran out: run a cycle. */
  step(L: LuaThread): void;
  /** setmetatable happened: start tracking finalizers and weak tables. */
  noteMetatable(t: LuaTable | LuaUserdata, mt: LuaTable): void;
  /** collectgarbage("count"), in bytes. */
  count(): number;
  /** lua_close: run every pending finalizer. */
  closeAll(L: LuaThread): void;
}

export class GlobalState {
  readonly registry = new LuaTable();
  readonly globals = new LuaTable();
  readonly mainThread: LuaThread;
  /** Metatables of the non-table types (string, number, boolean, nil, function, thread). */
  stringMeta: LuaTable | undefined = undefined;
  numberMeta: LuaTable | undefined = undefined;
  booleanMeta: LuaTable | undefined = undefined;
  nilMeta: LuaTable | undefined = undefined;
  functionMeta: LuaTable | undefined = undefined;
  threadMeta: LuaTable | undefined = undefined;
  io: HostIO;
  /** `warn` state: on/off, and whether a multi-part message is being assembled. */
  warnOn = false;
  warnBuffer: string | null = null;
  /**
   * Countdown of "ticks" (function entries and backward jumps) before `onBudget` is asked
   * what to do: time slices for async runs, instruction limits. Never reaches 0 when unset.
   */
  budget = Number.MAX_SAFE_INTEGER;
  /** Called when the budget runs out; returns true to suspend the run (L.ci.pc is saved). */
  onBudget: ((L: LuaThread) => boolean) | null = null;
  /** The thread currently running (or suspended last, after a run suspends). */
  running: LuaThread;
  readonly gcState: GcSettings = { running: true, pause: 200, stepmul: 100, mode: 'incremental' };
  gc: GcHooks | null = null;
  /**
   * Memory accounting, in estimated bytes: `allocated` grows with every table, closure and
   * string the VM creates; `liveAtGC` is what the last collection found alive (gc.ts). So
   * collectgarbage("count") is liveAtGC + allocated - allocatedAtGC, Lua's own estimate of
   * its memory (deterministic, unlike the host heap). The collector runs a cycle on its own
   * when `allocated` passes `gcTrigger`.
   */
  allocated = 0;
  allocatedAtGC = 0;
  liveAtGC = 0;
  gcTrigger = Number.MAX_SAFE_INTEGER;
  /** The last error the VM handled (hosts read its `cause` when a run fails). */
  lastError: LuaError | null = null;
  /** Depth of JS-level executes that cannot suspend (native → Lua re-entries). */
  syncDepth = 0;
  /** Loaded chunks by name for the host (package.loaded lives in the registry). */
  readonly loaded: LuaTable;

  constructor(io: HostIO) {
    this.io = io;
    this.mainThread = new LuaThread(this);
    this.mainThread.status = ThreadStatus.Running;
    this.running = this.mainThread;
    this.loaded = new LuaTable();
    this.registry.setStr('_LOADED', this.loaded);
    this.registry.setInt(1, this.mainThread);
    this.registry.setInt(2, this.globals);
  }
}
