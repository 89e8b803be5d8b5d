// scheduler.ts — many Lua tasks in one VM, interleaved on the JS event loop (GUIDE §5).
//
// A task is a LuaThread running one protected call (startProtected), so it has its own stack
// and frames and can stop anywhere: at `task.wait`, at a host promise, at a semaphore or a
// channel, or when its time slice runs out. Stopping is the VM's suspension (execute returns
// ExecResult.Suspended with the state in the frames); the scheduler decides when and how the
// task goes on: with values for the call it stopped in, or with an error raised there.
//
// Only one task executes at a time. A task runs
//   - "now", nested inside whatever called `startNow` (task.spawn, lua.runAsync, cancel), until
//     it first stops: that is a separate entry into the VM on its own thread, so the caller's
//     `G.running`, `G.syncDepth` and run state (limits, signal) are saved and restored; or
//   - from the ready queue, which `pump` drains in a microtask. Time slices and `task.wait()`
//     wait for the next macrotask turn (setImmediate) so timers and I/O keep flowing.
//
// Invariants:
//   - a task's `state` says where it is (TaskState); `waiting` and `ready` tasks have a
//     `parkGen`, and any wake-up carrying an older generation is stale and ignored (a task
//     cancelled while its promise is pending must not be resumed by that promise later);
//   - `detach` undoes whatever the task is parked on (a timer, a queue entry, a granted
//     permit not yet used); it runs when the task is cancelled before it resumes;
//   - a cancelled task never waits again: the error is raised at its wait point (or at its next
//     budget check if it was running), it unwinds through pcall and coroutines running
//     `<close>` handlers, and any later wait in those handlers fails at once.
// Cf. Roblox's task scheduler, Lune's `task` library, mlua's LocalSet + semaphore recipe.

import type { LuaValue } from '../vm/value.js';
import { LuaUserdata } from '../vm/value.js';
import type { LuaTable } from '../vm/table.js';
import { NativeFunction } from '../vm/closure.js';
import { LuaThread, ThreadStatus } from '../vm/state.js';
import type { CallInfo, GlobalState } from '../vm/state.js';
import { LuaError } from '../vm/errors.js';
import { execute, ExecResult } from '../vm/execute.js';
import { Ev } from '../vm/transitions.js';
import { poscall } from '../vm/call.js';
import { startProtected } from '../vm/api.js';
import { traceback } from '../vm/debug-info.js';
import { Timer, TimerQueue } from './clock.js';
import type { ClockKind } from './clock.js';
import { Semaphore } from './semaphore.js';
import type { SemaphoreWaiter } from './semaphore.js';

// ============================================================================================
// Run state: what a running piece of Lua is subject to
// ============================================================================================

/**
 * The limits and cancellation a run of Lua code is subject to while it executes. A task is
 * one; the Runtime's synchronous runs are another. The Runtime's budget handler reads the
 * current one.
 */
export interface RunState {
  /** The AbortSignal host functions see as `lua.signal`. */
  readonly signal: AbortSignal | undefined;
  /** Wall-clock deadline (Date.now() ms) of `limits.timeoutMs`, or Infinity. */
  deadline: number;
  /** Ticks left under `limits.instructions`, or Infinity. */
  ticksLeft: number;
  /** Can this run suspend (await, time slices)? */
  readonly async: boolean;
  /** An error to raise at the next check (a cancellation requested while running). */
  interrupt: LuaError | null;
}

/** Where a task stands. `pending`: created, not started (deferred, delayed, queued on a limit). */
export type TaskState =
  | { readonly kind: 'pending' }
  | { readonly kind: 'running' }
  | { readonly kind: 'waiting' }
  | { readonly kind: 'ready' }
  | { readonly kind: 'done'; readonly values: LuaValue[] }
  | {
      readonly kind: 'failed';
      readonly error: LuaValue;
      /** The LuaError that carried it (its `cause` is a host function's JS error). */
      readonly cause: LuaError | undefined;
      readonly traceback: string | undefined;
    }
  | { readonly kind: 'cancelled'; readonly reason: LuaError };

const PENDING: TaskState = { kind: 'pending' };
const RUNNING: TaskState = { kind: 'running' };
const WAITING: TaskState = { kind: 'waiting' };
const READY: TaskState = { kind: 'ready' };

/** How a stopped task goes on. */
type Resume =
  | { readonly kind: 'start' }
  | { readonly kind: 'continue' }
  | { readonly kind: 'values'; readonly values: readonly LuaValue[] }
  | { readonly kind: 'error'; readonly error: unknown };

const START: Resume = { kind: 'start' };
const CONTINUE: Resume = { kind: 'continue' };
const NO_VALUES: Resume = { kind: 'values', values: [] };
const NO_ARGS: readonly LuaValue[] = [];

/**
 * What a native sets `L.awaiting` to when it parked its task with the scheduler (task.wait,
 * a semaphore, a channel...): not a promise, the wake-up comes through `Scheduler.wake`.
 */
export const PARK: PromiseLike<unknown> = Object.freeze({
  then(): PromiseLike<unknown> {
    throw new Error('moonlet: the scheduler park marker is not a promise');
  },
}) as PromiseLike<unknown>;

/** Initial stack slots of a task's thread: the entry, a small function and LUA_MINSTACK. */
const TASK_STACK = 32;

/** How the task's protected entry frame reads in a traceback. */
const ENTRY_FRAME = '\n\t[C]: in ?';

/** Nesting of "run now" entries (spawn inside spawn...) before we refuse, as LUAI_MAXCCALLS. */
const MAX_NESTED = 180;

/** What undoes a park: a function, or a timer to cancel. */
export type Detach = (() => void) | Timer;

/** Uncatchable error used to stop a task (cancel, abort, timeout). */
export function stopError(message: string, cause?: unknown): LuaError {
  const e = new LuaError(message, false, cause !== undefined ? { cause } : undefined);
  e.uncatchable = true;
  return e;
}

// ============================================================================================
// Tasks
// ============================================================================================

/**
 * One Lua task. It is its own Lua handle: a userdata whose metatable (set by the task
 * library) gives `await`, `status` and `cancel`.
 */
export class Task extends LuaUserdata implements RunState {
  state: TaskState = PENDING;
  /** The function and arguments, until the task starts. */
  fn: LuaValue;
  args: readonly LuaValue[] | null;
  thread: LuaThread | null = null;
  entry: CallInfo | null = null;
  /** Stack slot of the protected call's results on `thread`. */
  func = 0;
  /** The thread to resume (the task's own, or a coroutine it resumed that stopped). */
  at: LuaThread | null = null;
  resume: Resume = START;
  parkGen = 0;
  queueGen = 0;
  /** Undo the current park (see the header): a function, or a timer to cancel. */
  detach: Detach | null = null;
  /** Why the task was cancelled (it ends `cancelled` whatever its protected call returns). */
  cancelReason: LuaError | null = null;
  interrupt: LuaError | null = null;
  /** Called once when the task settles. */
  private settledCallbacks: ((t: Task) => void)[] | null = null;
  /** Someone takes responsibility for its error (an awaiter, a group, the host). */
  observed = false;
  /** The scheduler's list of unsettled tasks. */
  prevLive: Task | null = null;
  nextLive: Task | null = null;
  /** What few tasks use (limits, timeouts, signals, tracebacks), created on first use. */
  private x: TaskExtra | null = null;

  private get ext(): TaskExtra {
    return (this.x ??= new TaskExtra());
  }

  // RunState (the Runtime's budget handler reads these).
  get deadline(): number {
    return this.x === null ? Infinity : this.x.deadline;
  }
  set deadline(v: number) {
    this.ext.deadline = v;
  }
  get ticksLeft(): number {
    return this.x === null ? Infinity : this.x.ticksLeft;
  }
  set ticksLeft(v: number) {
    this.ext.ticksLeft = v;
  }
  get async(): boolean {
    return true;
  }

  /** The task runs on a thread it does not own (startOn: the CLI's main chunk). */
  get borrowed(): boolean {
    return this.x !== null && this.x.borrowed;
  }
  set borrowed(v: boolean) {
    this.ext.borrowed = v;
  }
  /** Message handler of the protected call (undefined: the scheduler's, which keeps tracebacks). */
  get handler(): LuaValue {
    return this.x?.handler;
  }
  set handler(v: LuaValue) {
    this.ext.handler = v;
  }
  /** Traceback at the error point of a failed task. */
  get traceback(): string | undefined {
    return this.x?.traceback;
  }
  set traceback(v: string | undefined) {
    this.ext.traceback = v;
  }
  /** A permit of a concurrency limit, given back when the task settles. */
  get permit(): Semaphore | null {
    return this.x === null ? null : this.x.permit;
  }
  set permit(v: Semaphore | null) {
    this.ext.permit = v;
  }
  /** Per-task timeout on the scheduler's clock (runTasks' timeoutMs), armed at start. */
  get timeoutMs(): number | undefined {
    return this.x?.timeoutMs;
  }
  set timeoutMs(v: number | undefined) {
    if (v !== undefined || this.x !== null) this.ext.timeoutMs = v;
  }
  get timer(): Timer | null {
    return this.x === null ? null : this.x.timer;
  }
  set timer(v: Timer | null) {
    this.ext.timer = v;
  }
  get wallTimer(): ReturnType<typeof setTimeout> | undefined {
    return this.x?.wallTimer;
  }
  set wallTimer(v: ReturnType<typeof setTimeout> | undefined) {
    this.ext.wallTimer = v;
  }

  constructor(fn: LuaValue, args: readonly LuaValue[], metatable: LuaTable | undefined) {
    super(null);
    this.data = this;
    this.metatable = metatable;
    this.fn = fn;
    this.args = args;
  }

  /** The AbortSignal of this task, created on first use (most tasks never need one). */
  get signal(): AbortSignal {
    const x = this.ext;
    if (x.controller === null) {
      x.controller = new AbortController();
      if (this.cancelReason !== null) x.controller.abort(abortReason(this.cancelReason));
    }
    return x.controller.signal;
  }

  /** Abort the task's signal, if anyone asked for it. */
  abortSignal(reason: LuaError): void {
    const c = this.x?.controller;
    if (c != null && !c.signal.aborted) c.abort(abortReason(reason));
  }

  get settled(): boolean {
    const k = this.state.kind;
    return k === 'done' || k === 'failed' || k === 'cancelled';
  }

  /** Run `cb` when the task settles (at once if it has). */
  onSettled(cb: (t: Task) => void): void {
    if (this.settled) {
      cb(this);
      return;
    }
    if (this.settledCallbacks === null) this.settledCallbacks = [cb];
    else this.settledCallbacks.push(cb);
  }

  /** Take the settle callbacks (once). */
  takeCallbacks(): ((t: Task) => void)[] | null {
    const cbs = this.settledCallbacks;
    this.settledCallbacks = null;
    return cbs;
  }

  /** The status name Lua sees (`handle:status()`). */
  statusName(): string {
    const s = this.state;
    switch (s.kind) {
      case 'pending':
      case 'waiting':
      case 'ready':
        return 'waiting';
      case 'running':
        return 'running';
      case 'done':
        return 'done';
      case 'failed':
        return 'failed';
      case 'cancelled':
        return 'cancelled';
      default: {
        const never: never = s;
        return never;
      }
    }
  }
}

/** The rarely used part of a task (most tasks are small: 100,000 of them wait at once). */
class TaskExtra {
  deadline = Infinity;
  ticksLeft = Infinity;
  borrowed = false;
  handler: LuaValue = undefined;
  traceback: string | undefined = undefined;
  permit: Semaphore | null = null;
  timeoutMs: number | undefined = undefined;
  timer: Timer | null = null;
  wallTimer: ReturnType<typeof setTimeout> | undefined = undefined;
  controller: AbortController | null = null;
}

function abortReason(e: LuaError): unknown {
  return e.cause !== undefined ? e.cause : e;
}

// ============================================================================================
// The scheduler
// ============================================================================================

/** What the scheduler needs from its embedder (the Runtime, or the CLI). */
export interface SchedulerHost {
  /** The run state in force now, and switching it (the Runtime's budget handler reads it). */
  getRun(): RunState | null;
  setRun(run: RunState | null): void;
  /** Lua values from what a host promise resolved to (LuaMultiple gives several). */
  awaitedValues(v: unknown): LuaValue[];
  /** A Lua error from what a host promise rejected with. */
  awaitedError(e: unknown): LuaError;
  /** A failed task nobody awaited (the `onTaskError` option). */
  reportTaskError(task: Task): void;
  /** Limits each new task starts with (ticks, wall-clock milliseconds). */
  taskLimits(): { instructions?: number; timeoutMs?: number };
  /** Flush buffered output after a batch of work. */
  flush(): void;
}

export interface SchedulerOptions {
  clock?: ClockKind;
}

type Immediate = (f: () => void) => void;
const setImmediateFn: Immediate =
  typeof (globalThis as { setImmediate?: unknown }).setImmediate === 'function'
    ? (f) => (globalThis as unknown as { setImmediate: Immediate }).setImmediate(f)
    : (f) => void setTimeout(f, 0);

export class Scheduler {
  readonly G: GlobalState;
  readonly timers: TimerQueue;
  /** Metatable of task handles (set by the task library). */
  taskMeta: LuaTable | undefined = undefined;
  /** The task executing now (innermost), or null. */
  current: Task | null = null;
  /**
   * Tasks created and not settled, oldest first: an intrusive doubly linked list through
   * `Task.prevLive/nextLive` (a Set's rehashing costs more at 100,000 tasks).
   */
  private liveHead: Task | null = null;
  private liveTail: Task | null = null;
  private liveCount = 0;
  /** Host promises being awaited (virtual time stands still while any is pending). */
  private hostPending = 0;
  private depth = 0;
  // Ready queue: parallel arrays of tasks and the queue generation they were queued with.
  private readyTasks: (Task | undefined)[] = [];
  private readyGens: number[] = [];
  private readyHead = 0;
  private pumping = false;
  private pumpScheduled = false;
  /** A time slice ran out: stop draining and let the event loop turn. */
  private sliceExpired = false;
  private turnQueue: (() => void)[] = [];
  private turnScheduled = false;
  private idleCheckScheduled = false;
  private unobserved: Task[] = [];
  private idleWaiters: (() => void)[] = [];

  constructor(
    G: GlobalState,
    private readonly host: SchedulerHost,
    options: SchedulerOptions = {},
  ) {
    this.G = G;
    this.timers = new TimerQueue(options.clock ?? 'real', () => this.timersDue());
  }

  // ------------------------------------------------------------------------------------------
  // Creating and starting tasks
  // ------------------------------------------------------------------------------------------

  newTask(fn: LuaValue, args: readonly LuaValue[] = NO_ARGS): Task {
    const t = new Task(fn, args, this.taskMeta);
    t.prevLive = this.liveTail;
    if (this.liveTail !== null) this.liveTail.nextLive = t;
    else this.liveHead = t;
    this.liveTail = t;
    this.liveCount++;
    return t;
  }

  /** Number of tasks not settled yet. */
  get live(): number {
    return this.liveCount;
  }

  private unlinkLive(t: Task): void {
    const { prevLive, nextLive } = t;
    if (prevLive !== null) prevLive.nextLive = nextLive;
    else this.liveHead = nextLive;
    if (nextLive !== null) nextLive.prevLive = prevLive;
    else this.liveTail = prevLive;
    t.prevLive = t.nextLive = null;
    this.liveCount--;
  }

  /** Can a task be started now, nested in the current JS stack? */
  canNest(): boolean {
    return this.depth < MAX_NESTED;
  }

  /** Run a pending task now until it first stops (task.spawn's "starts now"). */
  startNow(task: Task): void {
    if (task.state !== PENDING) return;
    if (!this.canNest()) {
      this.enqueueStart(task);
      return;
    }
    task.resume = START;
    this.runStep(task);
  }

  /**
   * Run `fn(args)` now as a task on an existing thread that is not running anything (the
   * main thread of a standalone interpreter), with message handler `handler`: it behaves as
   * a plain protected call on that thread unless it waits, and then it is a task like any
   * other. The caller awaits it with `onSettled` when it has not settled on return.
   */
  startOn(thread: LuaThread, fn: LuaValue, args: readonly LuaValue[], handler: LuaValue): Task {
    const task = this.newTask(fn, args);
    task.thread = thread;
    task.borrowed = true;
    task.handler = handler;
    task.observed = true;
    this.startNow(task);
    return task;
  }

  /** Start a pending task from the ready queue (after the current task next stops). */
  enqueueStart(task: Task): void {
    if (task.state !== PENDING) return;
    task.resume = START;
    task.detach = null;
    this.enqueue(task);
  }

  /** Start a pending task after `ms` on the scheduler's clock (task.delay). */
  startAfter(task: Task, ms: number): void {
    task.detach = this.addTimer(ms, (t) => this.enqueueStart(t.owner as Task), task);
  }

  /**
   * Start `task` when `limit` gives it a permit (FIFO), now (`nested`) or from the ready
   * queue; the permit is given back when the task settles.
   */
  startLimited(task: Task, limit: Semaphore, nested: boolean): void {
    if (limit.tryAcquire()) {
      task.permit = limit;
      if (nested) this.startNow(task);
      else this.enqueueStart(task);
      return;
    }
    const w: SemaphoreWaiter = {
      grant: () => {
        if (task.state !== PENDING) {
          limit.release();
          return;
        }
        task.permit = limit;
        this.enqueueStart(task);
      },
    };
    limit.enqueue(w);
    task.detach = () => limit.remove(w);
  }

  // ------------------------------------------------------------------------------------------
  // Parking and waking (for natives that make their task wait)
  // ------------------------------------------------------------------------------------------

  /**
   * The task that may wait now, or raise the error a wait must raise: outside any task, inside
   * a synchronous call from a native, or in a task being cancelled.
   */
  waitingTask(L: LuaThread): Task {
    const t = this.current;
    if (t === null || this.host.getRun() !== t) {
      throw new LuaError(
        t === null
          ? 'attempt to wait outside a task (use runAsync, callAsync or runTasks)'
          : 'attempt to wait across a native call boundary',
        true,
      );
    }
    if (L.global.syncDepth > 0) throw new LuaError('attempt to wait across a native call boundary', true);
    this.checkInterrupt();
    if (t.cancelReason !== null) throw stopError(t.cancelReason.message, t.cancelReason.cause);
    return t;
  }

  /** Raise a cancellation requested for the current task while it was running. */
  checkInterrupt(): void {
    const t = this.current;
    if (t !== null && t.interrupt !== null) {
      const e = t.interrupt;
      t.interrupt = null;
      throw e;
    }
  }

  /**
   * Park `task` (about to stop with L.awaiting = PARK): returns the generation its wake-up
   * must carry. `detach` undoes the registration if the task is cancelled first.
   */
  park(task: Task, detach: Detach | null = null): number {
    task.detach = detach;
    return ++task.parkGen;
  }

  /** Resume a parked task with values for the call it stopped in. */
  wake(task: Task, gen: number, values: readonly LuaValue[]): boolean {
    return this.wakeWith(task, gen, values.length === 0 ? NO_VALUES : { kind: 'values', values });
  }

  /** Resume a parked task by raising `error` where it stopped. */
  wakeError(task: Task, gen: number, error: unknown): boolean {
    return this.wakeWith(task, gen, { kind: 'error', error });
  }

  private wakeWith(task: Task, gen: number, resume: Resume, schedule = true): boolean {
    if (task.parkGen !== gen || task.state !== WAITING) return false;
    task.resume = resume;
    task.state = READY;
    this.enqueue(task, schedule);
    return true;
  }

  /** Run `f` on the next turn of the event loop (after timers and I/O had their turn). */
  onNextTurn(f: () => void): void {
    this.turnQueue.push(f);
    if (!this.turnScheduled) {
      this.turnScheduled = true;
      setImmediateFn(this.turn);
    }
  }

  /** Call `fire(timer)` after `ms` of the scheduler's clock (owner, gen: for `fire`). */
  addTimer(ms: number, fire: (t: Timer) => void, owner?: unknown, gen = 0): Timer {
    const t = this.timers.add(ms, fire, owner, gen);
    this.noteTimer();
    return t;
  }

  cancelTimer(t: Timer): void {
    this.timers.cancel(t);
  }

  // ------------------------------------------------------------------------------------------
  // Cancelling
  // ------------------------------------------------------------------------------------------

  /**
   * Cancel `task` with `reason` (an uncatchable error). A task that has not started settles
   * at once; a waiting one is resumed now with the error raised where it waits, so its
   * `<close>` handlers have run when this returns; a running one (on the JS stack below us)
   * gets the error at its next check.
   */
  cancel(task: Task, reason: LuaError): void {
    const s = task.state;
    switch (s.kind) {
      case 'done':
      case 'failed':
      case 'cancelled':
        return;
      case 'pending':
        task.cancelReason = reason;
        this.detachNow(task);
        task.queueGen++;
        task.abortSignal(reason);
        task.fn = undefined;
        task.args = null;
        this.settle(task, { kind: 'cancelled', reason });
        return;
      case 'running':
        if (task.cancelReason === null) {
          task.cancelReason = reason;
          task.interrupt = reason;
        }
        task.abortSignal(reason);
        return;
      case 'waiting':
      case 'ready':
        if (task.cancelReason !== null) return; // already unwinding
        task.cancelReason = reason;
        this.detachNow(task);
        task.parkGen++;
        task.queueGen++;
        task.abortSignal(reason);
        task.resume = { kind: 'error', error: reason };
        if (this.canNest()) this.runStep(task);
        else {
          task.state = READY;
          this.enqueue(task);
        }
        return;
      default: {
        const never: never = s;
        return never;
      }
    }
  }

  /** Cancel every task that has not settled, oldest first (closing the state). */
  cancelAll(reason: () => LuaError): void {
    const all: Task[] = [];
    for (let t = this.liveHead; t !== null; t = t.nextLive) all.push(t);
    for (const t of all) this.cancel(t, reason());
  }

  private detachNow(task: Task): void {
    const d = task.detach;
    task.detach = null;
    if (d === null) return;
    if (d instanceof Timer) this.timers.cancel(d);
    else d();
  }

  // ------------------------------------------------------------------------------------------
  // Running
  // ------------------------------------------------------------------------------------------

  /**
   * Run `task` from where it stands until it finishes or stops. Saves and restores what the
   * code we may be nested in depends on: the current task, the run state, G.running and
   * G.syncDepth (a task started from a native's synchronous callback may still suspend).
   */
  runStep(task: Task): void {
    const G = this.G;
    const host = this.host;
    const prevTask = this.current;
    const prevRun = host.getRun();
    const prevDepth = G.syncDepth;
    const prevRunning = G.running;
    const resume = task.resume;
    task.resume = CONTINUE;
    task.detach = null;
    task.state = RUNNING;
    this.current = task;
    this.depth++;
    G.syncDepth = 0;
    if (resume.kind === 'start') this.prepareStart(task);
    host.setRun(task);
    let status: ExecResult = ExecResult.Done;
    let stoppedAt: LuaThread | null = null;
    let crash: unknown = undefined;
    try {
      status = this.exec(task, resume);
      if (status === ExecResult.Suspended) stoppedAt = G.running;
    } catch (e) {
      // Only a bug can get past the task's protected entry: fail the task, keep the others.
      crash = e;
    } finally {
      this.depth--;
      this.current = prevTask;
      host.setRun(prevRun);
      G.syncDepth = prevDepth;
      G.running = prevRunning;
    }
    if (crash !== undefined) this.finishCrashed(task, crash);
    else if (stoppedAt !== null) this.stopped(task, stoppedAt);
    else this.finish(task);
  }

  private prepareStart(task: Task): void {
    const limits = this.host.taskLimits();
    if (limits.instructions !== undefined) task.ticksLeft = limits.instructions;
    if (limits.timeoutMs !== undefined) {
      const ms = limits.timeoutMs;
      task.deadline = Date.now() + ms;
      task.wallTimer = setTimeout(() => this.cancel(task, stopError('timeout exceeded')), ms);
    }
    if (task.timeoutMs !== undefined) {
      task.timer = this.addTimer(task.timeoutMs, () => this.cancel(task, stopError('timeout exceeded')));
    }
    if (this.G.budget > task.ticksLeft) this.G.budget = task.ticksLeft;
  }

  private exec(task: Task, resume: Resume): ExecResult {
    const G = this.G;
    switch (resume.kind) {
      case 'start': {
        let th = task.thread;
        if (th === null) {
          // A fresh thread's default 64 slots are more than most tasks use; at 100,000 waiting
          // tasks the difference is a tenth of the heap. The stack grows as needed (ensureStack).
          th = new LuaThread(G, TASK_STACK);
          // Lua's coroutine.yield cannot leave a task's body (it has no resumer): make the
          // thread non-yieldable, as the main thread is. Waiting uses the scheduler instead.
          th.nny = 1;
          th.owner = task;
          th.status = ThreadStatus.Running;
          task.thread = th;
        }
        const fn = task.fn;
        const args = task.args ?? NO_ARGS;
        task.fn = undefined;
        task.args = null;
        const run = startProtected(th, fn, args, task.handler ?? this.messageHandler);
        task.entry = run.entry;
        task.func = run.func;
        return run.status;
      }
      case 'continue': {
        const T = task.at!;
        G.running = T;
        return execute(T, task.entry!, Ev.Run, null);
      }
      case 'error': {
        const T = task.at!;
        G.running = T;
        return execute(T, task.entry!, Ev.Run, null, resume.error);
      }
      case 'values': {
        const T = task.at!;
        const ci = T.ci;
        const vs = resume.values;
        T.ensureStack(T.top + vs.length + 1);
        for (let i = 0; i < vs.length; i++) T.stack[T.top++] = vs[i];
        poscall(T, ci, vs.length);
        G.running = T;
        return execute(T, task.entry!, Ev.Returned, ci);
      }
      default: {
        const never: never = resume;
        return never;
      }
    }
  }

  /** The task stopped on thread T: find out what it waits for. */
  private stopped(task: Task, T: LuaThread): void {
    task.at = T;
    const awaited = T.awaiting;
    T.awaiting = null;
    task.state = WAITING;
    if (awaited === null) {
      // A time slice ran out (also while a cancelled task unwinds): continue on the next turn
      // of the event loop.
      this.sliceExpired = true;
      const gen = ++task.parkGen;
      this.onNextTurn(() => this.wakeWith(task, gen, CONTINUE));
      return;
    }
    if (task.cancelReason !== null) {
      // Cancelled while running, then it awaited a host promise: a cancelled task does not
      // wait, so it goes on at once with the error (the pending one if not raised yet).
      if (awaited !== PARK) Promise.resolve(awaited).then(undefined, noop);
      const err = task.interrupt ?? stopError(task.cancelReason.message, task.cancelReason.cause);
      task.interrupt = null;
      this.detachNow(task);
      task.parkGen++;
      task.resume = { kind: 'error', error: err };
      task.state = READY;
      this.enqueue(task);
      return;
    }
    if (awaited !== PARK) this.awaitHost(task, awaited);
  }

  /** Wait for a host promise, then resume with its values or raise its rejection. */
  private awaitHost(task: Task, p: PromiseLike<unknown>): void {
    const gen = ++task.parkGen;
    this.hostPending++;
    let pending = true;
    const done = (): boolean => {
      if (!pending) return false;
      pending = false;
      this.hostPending--;
      if (task.parkGen !== gen) {
        this.noteIdle();
        return false;
      }
      task.detach = null;
      return true;
    };
    task.detach = () => {
      done();
    };
    Promise.resolve(p).then(
      (v) => {
        if (!done()) return;
        let values: LuaValue[];
        try {
          values = this.host.awaitedValues(v);
        } catch (e) {
          this.wakeError(task, gen, this.host.awaitedError(e));
          return;
        }
        if (this.wakeWith(task, gen, values.length === 0 ? NO_VALUES : { kind: 'values', values }, false)) this.drainNow();
      },
      (e) => {
        if (!done()) return;
        if (this.wakeWith(task, gen, { kind: 'error', error: this.host.awaitedError(e) }, false)) this.drainNow();
      },
    );
  }

  /**
   * A host promise settled: this callback already is a microtask, so the ready queue is
   * drained here rather than in one more microtask. That halves the event-loop work of an
   * await (queueMicrotask also costs an async-hooks scope in Node).
   */
  private drainNow(): void {
    if (this.pumping) return;
    if (this.pumpScheduled) return; // a pump is queued anyway: keep the FIFO order it drains in
    this.pump();
  }

  /** Runs at the error point of a task's protected call: keep the traceback for reports. */
  private readonly messageHandler = new NativeFunction('?', (L, base) => {
    const v = L.stack[base];
    const t = this.current;
    if (t !== null && t.cancelReason === null) {
      // The bottom frame is the protected entry itself, which says nothing to the reader.
      const tb = traceback(L, undefined, 1);
      t.traceback = tb.endsWith(ENTRY_FRAME) ? tb.slice(0, -ENTRY_FRAME.length) : tb;
    }
    L.push(v);
    return 1;
  });

  // ------------------------------------------------------------------------------------------
  // Settling
  // ------------------------------------------------------------------------------------------

  /** The protected call returned: [true, values...] or [false, error] on the task's stack. */
  private finish(task: Task): void {
    const th = task.thread!;
    const func = task.func;
    const stack = th.stack;
    let state: TaskState;
    if (task.cancelReason !== null) {
      state = { kind: 'cancelled', reason: task.cancelReason };
    } else if (stack[func] === true) {
      state = { kind: 'done', values: th.top > func + 1 ? stack.slice(func + 1, th.top) : [] };
    } else {
      const error = stack[func + 1];
      const last = this.G.lastError;
      state = {
        kind: 'failed',
        error,
        cause: last !== null && last.value === error ? last : undefined,
        traceback: task.traceback,
      };
    }
    th.top = func;
    if (!task.borrowed) th.status = ThreadStatus.Dead;
    this.settle(task, state);
  }

  private finishCrashed(task: Task, e: unknown): void {
    const err = e instanceof LuaError ? e : new LuaError(e instanceof Error ? e.message : String(e), false, { cause: e });
    if (task.thread !== null && !task.borrowed) task.thread.status = ThreadStatus.Dead;
    this.settle(
      task,
      task.cancelReason !== null
        ? { kind: 'cancelled', reason: task.cancelReason }
        : { kind: 'failed', error: err.value, cause: err, traceback: undefined },
    );
  }

  private settle(task: Task, state: TaskState): void {
    task.state = state;
    this.unlinkLive(task);
    task.thread = null;
    task.at = null;
    task.entry = null;
    task.detach = null;
    task.interrupt = null;
    if (task.timer !== null) {
      this.timers.cancel(task.timer);
      task.timer = null;
    }
    if (task.wallTimer !== undefined) {
      clearTimeout(task.wallTimer);
      task.wallTimer = undefined;
    }
    const permit = task.permit;
    if (permit !== null) {
      task.permit = null;
      permit.release();
    }
    const cbs = task.takeCallbacks();
    if (cbs !== null) for (const cb of cbs) cb(task);
    if (state.kind === 'failed' && !task.observed) {
      if (this.unobserved.length === 0) setImmediateFn(this.reportUnobserved);
      this.unobserved.push(task);
    }
    if (this.live === 0 && this.idleWaiters.length > 0) {
      const ws = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of ws) w();
    }
  }

  /** Failed tasks nobody claimed within a turn of the event loop go to onTaskError. */
  private readonly reportUnobserved = (): void => {
    const list = this.unobserved;
    this.unobserved = [];
    for (const t of list) {
      if (t.observed) continue;
      try {
        this.host.reportTaskError(t);
      } catch (e) {
        // A throwing onTaskError must not swallow the other reports: rethrow it on its own.
        queueMicrotask(() => {
          throw e;
        });
      }
    }
    this.host.flush();
  };

  /** Resolves when no task is left unsettled. */
  idle(): Promise<void> {
    if (this.live === 0) return Promise.resolve();
    return new Promise((r) => this.idleWaiters.push(r));
  }

  // ------------------------------------------------------------------------------------------
  // The ready queue and the event loop
  // ------------------------------------------------------------------------------------------

  /** Queue a ready task; `schedule` false: the caller drains the queue itself (drainNow). */
  private enqueue(task: Task, schedule = true): void {
    this.readyTasks.push(task);
    this.readyGens.push(++task.queueGen);
    if (schedule && !this.pumping && !this.pumpScheduled) {
      this.pumpScheduled = true;
      queueMicrotask(this.pump);
    }
  }

  /** Run ready tasks until none is left or a time slice ran out. */
  private readonly pump = (): void => {
    this.pumpScheduled = false;
    if (this.pumping) return;
    this.pumping = true;
    try {
      const tasks = this.readyTasks;
      const gens = this.readyGens;
      while (this.readyHead < tasks.length && !this.sliceExpired) {
        const i = this.readyHead++;
        const task = tasks[i]!;
        const gen = gens[i];
        tasks[i] = undefined;
        if (task.queueGen !== gen) continue;
        task.queueGen++;
        this.runStep(task);
      }
      if (this.readyHead === tasks.length) {
        tasks.length = 0;
        gens.length = 0;
        this.readyHead = 0;
      } else if (this.readyHead > 4096 && this.readyHead * 2 > tasks.length) {
        this.readyTasks = tasks.slice(this.readyHead);
        this.readyGens = gens.slice(this.readyHead);
        this.readyHead = 0;
      }
    } finally {
      this.pumping = false;
    }
    if (this.readyHead < this.readyTasks.length) {
      // Stopped by a time slice: carry on after the event loop's turn.
      this.onNextTurn(noop);
    }
    this.host.flush();
    this.noteIdle();
  };

  private readonly turn = (): void => {
    this.turnScheduled = false;
    this.sliceExpired = false;
    const q = this.turnQueue;
    this.turnQueue = [];
    for (let i = 0; i < q.length; i++) q[i]();
    this.pump();
  };

  private timersDue(): void {
    this.timers.fireDue();
    this.noteTimer();
  }

  // ------------------------------------------------------------------------------------------
  // Virtual time: advances only when every task waits on the clock (or on other tasks)
  // ------------------------------------------------------------------------------------------

  private noteTimer(): void {
    if (this.timers.kind === 'virtual') this.noteIdle();
  }

  private noteIdle(): void {
    if (this.timers.kind !== 'virtual' || this.idleCheckScheduled) return;
    this.idleCheckScheduled = true;
    setImmediateFn(this.idleCheck);
  }

  private readonly idleCheck = (): void => {
    this.idleCheckScheduled = false;
    if (this.timers.size === 0) return;
    const busy =
      this.pumping ||
      this.readyHead < this.readyTasks.length ||
      this.turnQueue.length > 0 ||
      this.hostPending > 0;
    if (busy) return; // the pump or the promise that ends the busy state checks again
    this.timers.advanceTo(this.timers.nextDue());
    this.timers.fireDue();
    this.noteIdle();
  };
}

function noop(): void {}
