// runtime.ts — one VM as the host sees it: running code synchronously and asynchronously,
// host functions, handles, JS objects as userdata, budgets, limits and cancellation.
//
// A synchronous run is a protected call started on the main thread (startProtected) that runs
// to the end; a host function that returns a promise then is an error naming the function.
// Every asynchronous run is a task of the scheduler (src/scheduler): its own thread, which
// may suspend when a host function returns a thenable (NativeRequest.Await: the whole chain of
// coroutines waits, nothing else does), at the `task` library's waits, and every
// `sliceInstructions` ticks so the event loop keeps turning. The scheduler awaits, then
// resumes the VM where it stopped, with the promise's values as the call's results or its
// rejection raised at the call. Limits, aborts and cancellation end a run with an error Lua
// cannot catch with pcall; <close> variables still close on the way out.

import type { LuaValue } from '../vm/value.js';
import { LuaUserdata, typeName } from '../vm/value.js';
import { LuaTable as Table } from '../vm/table.js';
import { LuaClosure, NativeFunction } from '../vm/closure.js';
import { GlobalState, LuaThread, NativeRequest } from '../vm/state.js';
import type { HostIO } from '../vm/state.js';
import { LuaError } from '../vm/errors.js';
import { execute, ExecResult } from '../vm/execute.js';
import { Ev } from '../vm/transitions.js';
import { loadProto, mainClosure, newState, startProtected, toStringBasic } from '../vm/api.js';
import type { ProtectedRun } from '../vm/api.js';
import { traceback } from '../vm/debug-info.js';
import { openLibs } from '../stdlib/index.js';
import type { LibName } from '../stdlib/index.js';
import { Scheduler, Task, stopError } from '../scheduler/scheduler.js';
import type { RunState, SchedulerHost } from '../scheduler/scheduler.js';
import { Semaphore } from '../scheduler/semaphore.js';
import { openTaskLib } from '../scheduler/task-lib.js';
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
  /** Libraries to open (default: all the standard ones and `task`). */
  libs?: readonly (LibName | 'task')[];
  /** Where print and io.write go (default: the process's standard output). */
  stdout?: (bytes: Uint8Array) => void;
  /** Where warnings and error reports go (default: the process's standard error). */
  stderr?: (bytes: Uint8Array) => void;
  limits?: LuaLimits;
  /** Ticks between yields to the event loop in async runs (default 200,000). */
  sliceInstructions?: number;
  /** Give Lua the host's file system, processes and environment (io, os, loadfile). Default true. */
  fs?: boolean;
  /**
   * Time for `task.wait`, `task.delay`, `task.timeout` and runTasks' `timeoutMs`: 'real'
   * (default) or 'virtual' (simulated: advances instantly, only when every task waits on
   * the clock, so runs are deterministic).
   */
  clock?: 'real' | 'virtual';
  /**
   * Called with the error of a task that failed and that nothing awaited (default: print
   * `moonlet: task error: <message>` and its traceback on stderr).
   */
  onTaskError?: (error: LuaError) => void;
}

/** A task for `runTasks`: a Lua function, a chunk of code, a JS function, or one with arguments. */
export type TaskSpec =
  | LuaFunction
  | string
  | ((...args: never[]) => unknown)
  | { fn: LuaFunction | string | ((...args: never[]) => unknown); args?: unknown[]; chunkName?: string };

/** One task's outcome, as Promise.allSettled reports it. */
export type TaskResult = { status: 'fulfilled'; values: unknown[] } | { status: 'rejected'; error: LuaError };

export interface RunTasksOptions {
  /** At most this many tasks in flight (default: all at once). FIFO: input order. */
  concurrency?: number;
  /** Cancels every task not finished yet; they are reported as rejected ('run aborted'). */
  signal?: AbortSignal;
  /** Per-task time limit from its start, on the Lua state's clock ('timeout exceeded'). */
  timeoutMs?: number;
}

/**
 * Default slice, in ticks (function entries and loop iterations): a few milliseconds of
 * typical Lua code, so timers and I/O stay responsive while the switch costs stay small.
 */
export const DEFAULT_SLICE = 200_000;

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
  /** The tasks of this VM (async runs, runTasks, the Lua `task` library). */
  readonly scheduler: Scheduler;
  private readonly onTaskError: ((error: LuaError) => void) | undefined;
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
    // A bound method, not an arrow function: measured with Node 20, an arrow closure stored
    // here kept each new state alive through young-generation collections, V8 then allocated
    // the tables of later states directly in the old generation, and `new Lua()` in a loop
    // cost 1.1 ms instead of 0.03 ms (bench/interop.mjs).
    this.G.onBudget = this.onBudget.bind(this);
    this.onTaskError = options.onTaskError;
    this.scheduler = new Scheduler(this.G, this.schedulerHost(), { clock: options.clock });
    const libs = options.libs;
    openLibs(this.L, libs?.filter((l): l is LibName => l !== 'task'));
    if (libs === undefined || libs.includes('task')) {
      const t = openTaskLib(this.scheduler);
      this.G.loaded.setStr('task', t);
      this.G.globals.setStr('task', t);
    }
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
    return new NativeFunction(name, (L, base, nargs) => this.callHost(L, base, nargs, fn, self, name));
  }

  /**
   * Call host function `fn` with `this` = `self` and the `nargs` Lua values at `base` as
   * arguments, as a native does: push its results and return their count, or request an
   * await for a thenable. Natives that find their JS function at call time (methods of
   * objects, exposeClass' index fallback) call this directly.
   */
  callHost(L: LuaThread, base: number, nargs: number, fn: (...args: unknown[]) => unknown, self: unknown, name: string): number {
    const rt = this;
    {
      // Up to three arguments are passed without an arguments array, and numbers, booleans
      // and nil without a conversion call: most host functions take a few plain values, and
      // a Lua→JS call costs about a tenth of a microsecond.
      const stack = L.stack;
      let r: unknown;
      try {
        switch (nargs) {
          case 0:
            r = fn.call(self);
            break;
          case 1:
            r = fn.call(self, argToJS(rt, stack[base]));
            break;
          case 2:
            r = fn.call(self, argToJS(rt, stack[base]), argToJS(rt, stack[base + 1]));
            break;
          case 3:
            r = fn.call(self, argToJS(rt, stack[base]), argToJS(rt, stack[base + 1]), argToJS(rt, stack[base + 2]));
            break;
          default: {
            const args = new Array<unknown>(nargs);
            for (let i = 0; i < nargs; i++) args[i] = argToJS(rt, stack[base + i]);
            r = fn.apply(self, args);
          }
        }
      } catch (e) {
        throw hostError(rt, e);
      }
      if (typeof r === 'number' && Number.isSafeInteger(r) && r !== 0) {
        L.push(r);
        return 1;
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
    }
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
    const state: RunState = this.newRunState(outer);
    const previousThread = this.G.running;
    this.run = state;
    try {
      const L = this.L;
      // A plain loop (not args.map) and numbers passed as they are: a call of a small Lua
      // function from JS costs a fraction of a microsecond, so every allocation shows.
      const n = args.length;
      const luaArgs = n === 0 ? NO_ARGS : new Array<LuaValue>(n);
      for (let i = 0; i < n; i++) {
        const a = args[i];
        luaArgs[i] = typeof a === 'number' && Number.isSafeInteger(a) && a !== 0 ? a : toLua(this, a);
      }
      const started = startProtected(L, f, luaArgs, this.messageHandler);
      if (started.status === ExecResult.Suspended) {
        // Only a time slice can suspend a synchronous run: finish it right here.
        this.finishSync(started);
      }
      return this.results(started);
    } finally {
      this.run = outer;
      this.G.running = previousThread;
      this.nodeHost?.flush();
    }
  }

  /**
   * Call f(args) as a task: host promises are awaited, the `task` library can wait, and the
   * event loop turns between slices. Resolves with its results, or rejects with its error.
   */
  async callAsync(f: LuaValue, args: unknown[], signal?: AbortSignal): Promise<unknown[]> {
    this.checkOpen();
    if (signal?.aborted) throw abortError(signal);
    const sched = this.scheduler;
    const task = sched.newTask(f, args.map((a) => toLua(this, a)));
    task.observed = true;
    const onAbort = (): void => sched.cancel(task, abortError(signal!));
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      await new Promise<void>((resolve) => {
        task.onSettled(() => resolve());
        sched.startNow(task);
        this.nodeHost?.flush();
      });
    } finally {
      signal?.removeEventListener('abort', onAbort);
      this.nodeHost?.flush();
    }
    const r = this.settledRecord(task);
    if (r.status === 'rejected') throw r.error;
    return r.values;
  }

  /**
   * Run each task in the same VM, at most `concurrency` at a time (FIFO, input order);
   * results come back in input order, each settled on its own.
   */
  async runTasks(specs: readonly TaskSpec[], options: RunTasksOptions = {}): Promise<TaskResult[]> {
    this.checkOpen();
    const { signal, timeoutMs } = options;
    const concurrency = options.concurrency ?? Infinity;
    if (!(concurrency >= 1) || (concurrency !== Infinity && !Number.isInteger(concurrency))) {
      throw new RangeError(`runTasks: concurrency must be a positive integer (got ${concurrency})`);
    }
    if (timeoutMs !== undefined && !(timeoutMs >= 0)) {
      throw new RangeError(`runTasks: timeoutMs must be a non-negative number (got ${timeoutMs})`);
    }
    const sched = this.scheduler;
    const results = new Array<TaskResult>(specs.length);
    const tasks = specs.map((spec, i): Task | null => {
      let fn: LuaValue;
      let args: LuaValue[];
      try {
        [fn, args] = this.taskSpec(spec, i);
      } catch (e) {
        if (!(e instanceof LuaError)) throw e;
        results[i] = { status: 'rejected', error: e };
        return null;
      }
      const t = sched.newTask(fn, args);
      t.observed = true;
      t.timeoutMs = timeoutMs;
      return t;
    });
    await new Promise<void>((resolve) => {
      let remaining = 0;
      const onAbort = (): void => {
        for (const t of tasks) if (t !== null && !t.settled) sched.cancel(t, abortError(signal!));
      };
      const done = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      tasks.forEach((t, i) => {
        if (t === null) return;
        remaining++;
        t.onSettled(() => {
          results[i] = this.settledRecord(t);
          if (--remaining === 0) done();
        });
      });
      if (remaining === 0) return done();
      if (signal !== undefined) {
        if (signal.aborted) return onAbort();
        signal.addEventListener('abort', onAbort, { once: true });
      }
      const limit = new Semaphore(concurrency);
      for (const t of tasks) if (t !== null && t.state.kind === 'pending') sched.startLimited(t, limit, true);
      this.nodeHost?.flush();
    });
    this.nodeHost?.flush();
    return results;
  }

  /** A runTasks entry as a Lua function and arguments (compile errors throw LuaErrors). */
  private taskSpec(spec: TaskSpec, i: number): [LuaValue, LuaValue[]] {
    const fnOf = (f: unknown, chunkName?: string): LuaValue => {
      if (typeof f === 'string') return this.load(f, chunkName);
      if (typeof f === 'function') return this.hostFunction(f as (...a: unknown[]) => unknown);
      if (f instanceof LuaFunction) return this.unwrapHandle(f);
      throw new TypeError(`runTasks: task ${i + 1} is not a Lua function, a chunk, a function or { fn, args }`);
    };
    if (spec !== null && typeof spec === 'object' && !(spec instanceof LuaFunction)) {
      return [fnOf(spec.fn, spec.chunkName), (spec.args ?? []).map((a) => toLua(this, a))];
    }
    return [fnOf(spec), []];
  }

  /** A settled task as the host sees it. */
  private settledRecord(t: Task): TaskResult {
    const s = t.state;
    switch (s.kind) {
      case 'done':
        return { status: 'fulfilled', values: s.values.map((v) => toJS(this, v)) };
      case 'failed':
        return { status: 'rejected', error: publicError(this, s.cause ?? new LuaError(s.error), s.traceback, s.error) };
      case 'cancelled':
        return { status: 'rejected', error: publicError(this, s.reason, undefined) };
      case 'pending':
      case 'running':
      case 'waiting':
      case 'ready':
        throw new Error(`moonlet: task not settled (${s.kind})`);
      default: {
        const never: never = s;
        return never;
      }
    }
  }

  private newRunState(outer: RunState | null): RunState {
    const timeout = this.limits.timeoutMs;
    const limit = this.limits.instructions;
    const state: RunState = {
      signal: undefined,
      // Date.now() only when there is a deadline to compute: it is a fifth of a small call.
      deadline: outer !== null ? outer.deadline : timeout !== undefined ? Date.now() + timeout : Infinity,
      ticksLeft: outer !== null ? outer.ticksLeft : limit ?? Infinity,
      async: false,
      interrupt: null,
    };
    this.G.budget = Math.min(this.slice, state.ticksLeft);
    return state;
  }

  /** The budget ran out: account for it, enforce limits and cancellation, suspend tasks. */
  private onBudget(L: LuaThread): boolean {
    const run = this.run;
    const G = this.G;
    if (run === null) {
      G.budget = this.slice;
      return false;
    }
    run.ticksLeft -= this.slice;
    // A limit ends the run with an error that unwinds to the host. Each <close> handler met on
    // the way gets one more slice to run in (the budget would otherwise be spent, and the
    // handler's first tick would raise the same error again before it did anything); a
    // handler that loops past that slice is ended by the same error.
    if (run.ticksLeft <= 0) {
      G.budget = this.slice;
      throw uncatchable('instruction limit exceeded');
    }
    if (Date.now() > run.deadline) {
      G.budget = this.slice;
      throw uncatchable('timeout exceeded');
    }
    const interrupt = run.interrupt;
    if (interrupt !== null) {
      run.interrupt = null;
      throw interrupt;
    }
    G.budget = Math.min(this.slice, run.ticksLeft);
    void L;
    return run.async && G.syncDepth === 0;
  }

  /** What the scheduler needs from this runtime. */
  private schedulerHost(): SchedulerHost {
    return {
      getRun: () => this.run,
      setRun: (run) => {
        this.run = run;
        // The budget is shared by whatever runs: a task may not start with more than a slice
        // (or than its own instruction limit) before it is asked to stop.
        if (run !== null) this.G.budget = Math.min(this.G.budget, this.slice, run.ticksLeft);
      },
      awaitedValues: (v) =>
        v instanceof LuaMultiple ? v.values.map((x) => toLua(this, x)) : v === undefined ? [] : [toLua(this, v)],
      awaitedError: (e) => hostError(this, e),
      reportTaskError: (t) => this.reportTaskError(t),
      taskLimits: () => this.limits,
      flush: () => this.nodeHost?.flush(),
    };
  }

  /** A failed task nobody awaited: onTaskError, or `moonlet: task error:` on stderr. */
  private reportTaskError(t: Task): void {
    const s = t.state;
    if (s.kind !== 'failed') return;
    const err = publicError(this, s.cause ?? new LuaError(s.error), s.traceback, s.error);
    if (this.onTaskError !== undefined) {
      this.onTaskError(err);
      return;
    }
    const msg = typeof s.error === 'string' ? s.error : toByteString(err.message);
    this.G.io.stderr(`moonlet: task error: ${msg}\n${s.traceback !== undefined ? s.traceback + '\n' : ''}`);
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
    const stack = L.stack;
    const func = run.func;
    const top = L.top;
    L.top = func;
    if (stack[func] === true) {
      const values = new Array<unknown>(top - func - 1);
      for (let i = func + 1; i < top; i++) {
        const v = stack[i];
        values[i - func - 1] = typeof v === 'number' || typeof v === 'boolean' || v === undefined ? v : toJS(this, v);
      }
      return values;
    }
    const err = stack[func + 1];
    const last = this.G.lastError;
    const cause = last !== null && last.value === err ? last : undefined;
    throw publicError(this, cause ?? new LuaError(err), this.lastTraceback, err);
  }

  /** Runs at the error point (stack intact): remembers the traceback, keeps the value. */
  private readonly messageHandler = new NativeFunction('?', (L, base) => {
    const v = L.stack[base];
    // The last frame of a synchronous run is the host's protected entry ("[C]: in ?"), which
    // says nothing to the host: dropped, so sync and async runs report the same frames.
    this.lastTraceback = traceback(L, undefined, 1).replace(/\n\t\[C\]: in \?$/, '');
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
      this.scheduler.cancelAll(() => stopError('the Lua state is closed'));
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

const NO_ARGS: LuaValue[] = [];

/** A Lua argument for a host function: plain values as they are, the rest through toJS. */
function argToJS(rt: Runtime, v: LuaValue): unknown {
  return typeof v === 'number' || typeof v === 'boolean' || v === undefined ? v : toJS(rt, v);
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

/**
 * A JS exception from a host function as a Lua error: the message as value, the JS error as
 * cause. A LuaError the host received from a nested run and rethrew carries JS values (see
 * publicError): its value goes back to Lua as the Lua object it came from.
 */
export function hostError(rt: Runtime, e: unknown): LuaError {
  if (e instanceof LuaError) {
    if (!publicErrors.has(e)) return e;
    const inner = new LuaError(toLua(rt, e.value), false, e.cause !== undefined ? { cause: e.cause } : undefined);
    inner.uncatchable = e.uncatchable;
    return inner;
  }
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

/** LuaErrors handed to the host, whose `value` is a JS value rather than a Lua one. */
const publicErrors = new WeakSet<LuaError>();

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
  // The error value as JS sees every Lua value (convert.ts): a string decoded from UTF-8, a
  // table as its LuaTable handle...
  out.value = toJS(rt, value) as LuaValue;
  publicErrors.add(out);
  out.message = message;
  out.luaTraceback = tb;
  out.uncatchable = e.uncatchable;
  // LuaError records no JS stack (errors.ts); the host's error shows where the host was.
  Error.captureStackTrace?.(out, publicError);
  return out;
}
