// runtime.ts — one VM as the host sees it: running code synchronously and asynchronously,
// host functions, handles, JS objects as userdata, budgets, limits and cancellation.
//
// A run is a protected call started on the main thread (startProtected). Synchronously it
// runs to the end; a host function that returns a promise then is an error naming the
// function. Asynchronously, the run may suspend: when a host function returns a thenable
// (NativeRequest.Await: the whole chain of coroutines waits, nothing else does), and every
// `sliceInstructions` ticks so the event loop keeps turning. The driver awaits, then resumes
// the VM where it stopped, with the promise's values as the call's results or its rejection
// raised at the call. Limits and aborts end a run with an error Lua cannot catch with pcall;
// <close> variables still close on the way out.

import type { LuaValue } from '../vm/value.js';
import { LuaUserdata, typeName } from '../vm/value.js';
import { LuaTable as Table } from '../vm/table.js';
import { LuaClosure, NativeFunction } from '../vm/closure.js';
import { CallInfo, GlobalState, LuaThread, NativeRequest } from '../vm/state.js';
import type { HostIO } from '../vm/state.js';
import { LuaError } from '../vm/errors.js';
import { execute, ExecResult } from '../vm/execute.js';
import { Ev } from '../vm/transitions.js';
import { poscall } from '../vm/call.js';
import { loadProto, mainClosure, newState, startProtected, toStringBasic } from '../vm/api.js';
import type { ProtectedRun } from '../vm/api.js';
import { traceback } from '../vm/debug-info.js';
import { openLibs } from '../stdlib/index.js';
import type { LibName } from '../stdlib/index.js';
import { NodeHost } from '../host/node.js';
import { byteStringToBytes, fromByteString, toByteString, toJS, toLua } from './convert.js';
import { LuaFunction, LuaTable, LuaThreadHandle, handleTarget } from './handles.js';
import { objectMetatable } from './userdata.js';

/** Several results from a host function (`return multi(a, b)`). */
export class LuaMultiple {
  readonly values: unknown[];
  constructor(values: unknown[]) {
    this.values = values;
  }
}

export interface LuaLimits {
  /** Ticks (function entries and loop iterations) a run may use. */
  instructions?: number;
  /** Wall-clock milliseconds a run may take (checked every slice and at each await). */
  timeoutMs?: number;
}

export interface LuaOptions {
  /** Standard libraries to open (default: all). */
  libs?: readonly LibName[];
  /** Where print and io.write go (default: the process's standard output). */
  stdout?: (bytes: Uint8Array) => void;
  /** Where warnings and error reports go (default: the process's standard error). */
  stderr?: (bytes: Uint8Array) => void;
  limits?: LuaLimits;
  /** Ticks between yields to the event loop in async runs (default 200,000). */
  sliceInstructions?: number;
  /** Give Lua the host's file system, processes and environment (io, os, loadfile). Default true. */
  fs?: boolean;
}

/**
 * Default slice, in ticks (function entries and loop iterations): a few milliseconds of
 * typical Lua code, so timers and I/O stay responsive while the switch costs stay small.
 */
export const DEFAULT_SLICE = 200_000;

/** Give the event loop a turn: setImmediate where it exists (Node, Bun), else a timer. */
const nextTurn: () => Promise<void> =
  typeof (globalThis as { setImmediate?: unknown }).setImmediate === 'function'
    ? () => new Promise((r) => (globalThis as unknown as { setImmediate: (f: () => void) => void }).setImmediate(r))
    : () => new Promise((r) => setTimeout(r, 0));

interface RunState {
  signal: AbortSignal | undefined;
  deadline: number;
  ticksLeft: number;
  async: boolean;
}

export class Runtime {
  readonly G: GlobalState;
  readonly L: LuaThread;
  private readonly nodeHost: NodeHost | undefined;
  private readonly tables = new WeakMap<Table, LuaTable>();
  private readonly functions = new WeakMap<object, LuaFunction>();
  private readonly hostFunctions = new WeakMap<(...args: unknown[]) => unknown, NativeFunction>();
  private readonly objects = new WeakMap<object, LuaUserdata>();
  readonly slice: number;
  readonly limits: LuaLimits;
  /** The run executing now (runs nest when a host function calls back into Lua). */
  private run: RunState | null = null;
  private lastTraceback: string | undefined;
  closed = false;

  constructor(options: LuaOptions = {}) {
    const node = new NodeHost();
    this.nodeHost = node;
    const fs = options.fs !== false;
    const io: HostIO = {
      stdout: options.stdout ? (s) => options.stdout!(byteStringToBytes(s)) : (s) => node.stdout(s),
      stderr: options.stderr ? (s) => options.stderr!(byteStringToBytes(s)) : (s) => node.stderr(s),
      readFile: fs ? (p) => node.readFile(p) : undefined,
      readStdin: fs ? () => node.readStdin() : undefined,
      heapUsed: () => node.heapUsed(),
      fullGC: () => node.fullGC(),
      system: fs ? node.system : undefined,
    };
    this.G = newState(io);
    this.L = this.G.mainThread;
    this.slice = options.sliceInstructions ?? DEFAULT_SLICE;
    this.limits = options.limits ?? {};
    this.G.onBudget = (L) => this.onBudget(L);
    openLibs(this.L, options.libs);
  }

  // ------------------------------------------------------------------------------------------
  // Conversions and handles
  // ------------------------------------------------------------------------------------------

  toLua(v: unknown): LuaValue {
    return toLua(this, v);
  }

  toJS(v: LuaValue): unknown {
    return toJS(this, v);
  }

  tableHandle(t: Table): LuaTable {
    let h = this.tables.get(t);
    if (h === undefined) {
      h = new LuaTable(this, t);
      this.tables.set(t, h);
    }
    return h;
  }

  functionHandle(f: LuaClosure | NativeFunction): LuaFunction {
    let h = this.functions.get(f);
    if (h === undefined) {
      h = new LuaFunction(this, f);
      this.functions.set(f, h);
    }
    return h;
  }

  threadHandle(t: LuaThread): LuaThreadHandle {
    return new LuaThreadHandle(this, t);
  }

  userdataValue(u: LuaUserdata): unknown {
    return u.data;
  }

  /** The Lua object behind a moonlet handle of this runtime, if `v` is one. */
  unwrapHandle(v: object): LuaValue {
    const target = handleTarget(v);
    if (target === undefined) return undefined;
    if (target.runtime !== this) throw new TypeError('a handle of another Lua state cannot be used here');
    return target.value;
  }

  /** A JS object as userdata whose fields and methods Lua can use (userdata.ts). */
  wrapObject(obj: object): LuaUserdata {
    let u = this.objects.get(obj);
    if (u === undefined) {
      u = new LuaUserdata(obj);
      u.metatable = objectMetatable(this, obj);
      this.objects.set(obj, u);
    }
    return u;
  }

  /** A JS function as a Lua function (the same Lua value for the same JS function). */
  hostFunction(fn: (...args: unknown[]) => unknown, nameHint?: string): NativeFunction {
    let f = this.hostFunctions.get(fn);
    if (f === undefined) {
      f = this.makeHostFunction(fn, fn.name || nameHint || '?');
      this.hostFunctions.set(fn, f);
    }
    return f;
  }

  /**
   * Wrap `fn` as a native: arguments convert to JS, results back to Lua; a thrown JS error
   * becomes a Lua error (catchable by pcall) whose cause is that error; a returned thenable
   * suspends the run (async runs) or is an error (sync runs).
   */
  makeHostFunction(fn: (...args: unknown[]) => unknown, name: string, self?: unknown): NativeFunction {
    const rt = this;
    return new NativeFunction(name, (L, base, nargs) => {
      const args = new Array<unknown>(nargs);
      for (let i = 0; i < nargs; i++) args[i] = toJS(rt, L.stack[base + i]);
      let r: unknown;
      try {
        r = fn.apply(self, args);
      } catch (e) {
        throw hostError(e);
      }
      if (r !== null && typeof r === 'object' && typeof (r as PromiseLike<unknown>).then === 'function') {
        const run = rt.run;
        if (run === null || !run.async || L.global.syncDepth > 0) {
          // Avoid an unhandled rejection from a promise nobody will await.
          (r as Promise<unknown>).then?.(undefined, () => undefined);
          throw new LuaError(
            `host function '${name}' returned a promise in a synchronous run; use runAsync or callAsync to await it`,
          );
        }
        L.awaiting = r as PromiseLike<unknown>;
        return NativeRequest.Await;
      }
      return pushResults(rt, L, r);
    });
  }

  // ------------------------------------------------------------------------------------------
  // Loading and running
  // ------------------------------------------------------------------------------------------

  load(code: string | Uint8Array, chunkName?: string): LuaClosure {
    this.checkOpen();
    const bytes = typeof code === 'string' ? toByteString(code) : fromBytesRaw(code);
    const name = chunkName !== undefined ? toByteString(chunkName) : bytes;
    try {
      return mainClosure(loadProto(bytes, name, 'bt'), this.G.globals);
    } catch (e) {
      if (e instanceof LuaError) throw publicError(this, e, undefined);
      throw e;
    }
  }

  /** Call f(args) synchronously; results as JS values. */
  callSync(f: LuaValue, args: unknown[]): unknown[] {
    this.checkOpen();
    const outer = this.run;
    const state: RunState = this.newRunState(false, undefined, outer);
    this.run = state;
    try {
      const L = this.L;
      const luaArgs = args.map((a) => toLua(this, a));
      const started = startProtected(L, f, luaArgs, this.messageHandler);
      if (started.status === ExecResult.Suspended) {
        // Only a time slice can suspend a synchronous run: finish it right here.
        this.finishSync(started);
      }
      return this.results(started);
    } finally {
      this.run = outer;
      this.nodeHost?.flush();
    }
  }

  /** Call f(args), awaiting host promises and yielding to the event loop between slices. */
  async callAsync(f: LuaValue, args: unknown[], signal?: AbortSignal): Promise<unknown[]> {
    this.checkOpen();
    if (signal?.aborted) throw abortError(signal);
    const state = this.newRunState(true, signal, null);
    const previous = this.run;
    this.run = state;
    try {
      const L = this.L;
      const run = startProtected(L, f, args.map((a) => toLua(this, a)), this.messageHandler);
      this.nodeHost?.flush();
      while (run.status === ExecResult.Suspended) {
        this.run = previous;
        const resume = await this.waitForResumption(state);
        this.run = state;
        run.status = this.resumeRun(run, resume);
        this.nodeHost?.flush();
      }
      return this.results(run);
    } finally {
      this.run = previous;
      this.nodeHost?.flush();
    }
  }

  private newRunState(async: boolean, signal: AbortSignal | undefined, outer: RunState | null): RunState {
    const now = Date.now();
    const timeout = this.limits.timeoutMs;
    const limit = this.limits.instructions;
    const state: RunState = {
      signal,
      deadline: outer !== null ? outer.deadline : timeout !== undefined ? now + timeout : Infinity,
      ticksLeft: outer !== null ? outer.ticksLeft : limit ?? Infinity,
      async,
    };
    this.G.budget = Math.min(this.slice, state.ticksLeft);
    return state;
  }

  /** The budget ran out: account for it, enforce limits, and suspend async runs. */
  private onBudget(L: LuaThread): boolean {
    const run = this.run;
    const G = this.G;
    if (run === null) {
      G.budget = this.slice;
      return false;
    }
    run.ticksLeft -= this.slice;
    if (run.ticksLeft <= 0) throw uncatchable('instruction limit exceeded');
    if (Date.now() > run.deadline) throw uncatchable('timeout exceeded');
    if (run.signal?.aborted) throw abortError(run.signal);
    G.budget = Math.min(this.slice, run.ticksLeft);
    void L;
    return run.async && G.syncDepth === 0;
  }

  /** What to do when a suspended run continues. */
  private async waitForResumption(
    state: RunState,
  ): Promise<{ kind: 'values'; values: unknown[] } | { kind: 'error'; error: unknown } | { kind: 'slice' }> {
    const T = this.G.running;
    const awaited = T.awaiting;
    if (awaited === null) {
      await nextTurn();
      if (state.signal?.aborted) return { kind: 'error', error: abortError(state.signal) };
      return { kind: 'slice' };
    }
    T.awaiting = null;
    try {
      const value = await raceAbort(awaited, state.signal, state.deadline);
      return { kind: 'values', values: value instanceof LuaMultiple ? value.values : value === undefined ? [] : [value] };
    } catch (e) {
      if (e instanceof LuaError) return { kind: 'error', error: e };
      return { kind: 'error', error: hostError(e) };
    }
  }

  private resumeRun(
    run: ProtectedRun,
    resume: { kind: 'values'; values: unknown[] } | { kind: 'error'; error: unknown } | { kind: 'slice' },
  ): ExecResult {
    const T = this.G.running;
    switch (resume.kind) {
      case 'slice':
        return execute(T, run.entry, Ev.Run, null);
      case 'error':
        return execute(T, run.entry, Ev.Run, null, resume.error);
      case 'values': {
        const ci: CallInfo = T.ci;
        for (const v of resume.values) T.push(toLua(this, v));
        poscall(T, ci, resume.values.length);
        return execute(T, run.entry, Ev.Returned, ci);
      }
    }
  }

  private finishSync(run: ProtectedRun): void {
    while (run.status === ExecResult.Suspended) {
      if (this.G.running.awaiting !== null) {
        throw new LuaError('a synchronous run cannot await');
      }
      run.status = execute(this.G.running, run.entry, Ev.Run, null);
    }
  }

  /** Results of a finished protected run, or the LuaError it failed with. */
  private results(run: ProtectedRun): unknown[] {
    const L = this.L;
    const out = L.stack.slice(run.func, L.top);
    L.top = run.func;
    if (out[0] === true) {
      const values = new Array<unknown>(out.length - 1);
      for (let i = 1; i < out.length; i++) values[i - 1] = toJS(this, out[i]);
      return values;
    }
    const last = this.G.lastError;
    const cause = last !== null && last.value === out[1] ? last : undefined;
    throw publicError(this, cause ?? new LuaError(out[1]), this.lastTraceback, out[1]);
  }

  /** Runs at the error point (stack intact): remembers the traceback, keeps the value. */
  private readonly messageHandler = new NativeFunction('?', (L, base) => {
    const v = L.stack[base];
    this.lastTraceback = traceback(L, undefined, 1);
    L.push(v);
    return 1;
  });

  /** The AbortSignal of the run executing now (for host functions to pass on). */
  get currentSignal(): AbortSignal | undefined {
    return this.run?.signal;
  }

  close(): void {
    if (this.closed) return;
    try {
      this.G.gc?.closeAll(this.L);
    } finally {
      this.closed = true;
      this.nodeHost?.flush();
    }
  }

  checkOpen(): void {
    if (this.closed) throw new LuaError('the Lua state is closed');
  }
}

// ============================================================================================
// Helpers
// ============================================================================================

function fromBytesRaw(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
  return s;
}

/** Push a host function's return value as Lua results. */
function pushResults(rt: Runtime, L: LuaThread, r: unknown): number {
  if (r === undefined) return 0;
  if (r instanceof LuaMultiple) {
    for (const v of r.values) L.push(toLua(rt, v));
    return r.values.length;
  }
  L.push(toLua(rt, r));
  return 1;
}

/** A JS exception from a host function as a Lua error: the message as value, the JS error as cause. */
export function hostError(e: unknown): LuaError {
  if (e instanceof LuaError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new LuaError(toByteString(message), true, { cause: e });
}

function uncatchable(message: string, cause?: unknown): LuaError {
  const e = new LuaError(message, false, cause !== undefined ? { cause } : undefined);
  e.uncatchable = true;
  return e;
}

function abortError(signal: AbortSignal): LuaError {
  return uncatchable('run aborted', signal.reason);
}

/** Await `p`, but give up when the signal aborts or the deadline passes. */
function raceAbort(p: PromiseLike<unknown>, signal: AbortSignal | undefined, deadline: number): Promise<unknown> {
  if (signal === undefined && deadline === Infinity) return Promise.resolve(p);
  return new Promise((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onAbort = () => {
      cleanup();
      reject(abortError(signal!));
    };
    const cleanup = () => {
      signal?.removeEventListener('abort', onAbort);
      if (timer !== undefined) clearTimeout(timer);
    };
    if (signal !== undefined) {
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
    }
    if (deadline !== Infinity) {
      timer = setTimeout(() => {
        cleanup();
        reject(uncatchable('timeout exceeded'));
      }, Math.max(0, deadline - Date.now()));
    }
    Promise.resolve(p).then(
      (v) => {
        cleanup();
        resolve(v);
      },
      (e) => {
        cleanup();
        reject(e);
      },
    );
  });
}

/** The error the host sees: message, Lua value (as JS), traceback, cause. */
function publicError(rt: Runtime, e: LuaError, tb: string | undefined, value: LuaValue = e.value): LuaError {
  const message =
    typeof value === 'string'
      ? fromByteString(value)
      : value === undefined
        ? 'nil'
        : typeof value === 'object'
          ? `(error object is a ${typeName(value)} value)`
          : toStringBasic(rt.L, value);
  const out = new LuaError(value, false, e.cause !== undefined ? { cause: e.cause } : undefined);
  out.message = message;
  out.luaTraceback = tb;
  out.uncatchable = e.uncatchable;
  return out;
}
