// task-lib.ts — the Lua `task` library: Roblox's vocabulary (spawn, defer, delay, wait,
// cancel) plus what Roblox lacks (awaiting a task, all, allSettled, race, timeout), with
// times in seconds. Semaphores and channels are in sync-lib.ts.
//
//   local h = task.spawn(fetch, url)      -- runs now, until it first waits
//   task.defer(f, ...)                    -- runs after the current task next waits
//   task.delay(0.5, f, ...)               -- runs after half a second
//   local dt = task.wait(0.1)             -- seconds actually waited
//   h:await()  h:status()  task.cancel(h) -- results or error; "running"/"waiting"/"done"/...
//   task.all(fns, { concurrency = 4 })    -- list of table.pack'ed results; first error cancels
//   task.allSettled(fns)                  -- list of { ok = true, n, ... } / { ok = false, error }
//   task.race(fns)                        -- first to finish wins, the others are cancelled
//   task.timeout(2, f, ...)               -- true, results... / false, "timeout"
//
// A waiting native parks its task with the scheduler and returns NativeRequest.Await with
// L.awaiting = PARK; the scheduler resumes it with values (or an error) later. Natives that
// start tasks run them nested (they are separate entries on their own threads), then check
// whether their own task was cancelled meanwhile.
// Cf. Roblox's task library, Lune's @lune/task, JavaScript's Promise.all/allSettled/race.

import type { LuaValue } from '../vm/value.js';
import { isFunction, mkFloat, typeName } from '../vm/value.js';
import { LuaTable } from '../vm/table.js';
import type { LuaThread } from '../vm/state.js';
import { NativeRequest } from '../vm/state.js';
import { LuaError } from '../vm/errors.js';
import { metaField } from '../vm/api.js';
import { arg, argError, checkTable, luaError, newLib, optDouble, ret1, typeError } from '../stdlib/aux.js';
import { PARK, Task, stopError } from './scheduler.js';
import type { Scheduler } from './scheduler.js';
import type { Timer } from './clock.js';
import { Semaphore } from './semaphore.js';
import { openSyncLib } from './sync-lib.js';

/** The error a cancelled task's awaiter sees (catchable), and the one that stops it. */
const CANCELLED = 'cancelled';
const TIMEOUT = 'timeout';

// ============================================================================================
// Helpers
// ============================================================================================

function checkTask(L: LuaThread, i: number): Task {
  const v = arg(L, i);
  if (!(v instanceof Task)) typeError(L, i, 'task');
  return v;
}

/** A function, or a value with a __call metamethod. */
function checkCallable(L: LuaThread, i: number): LuaValue {
  const v = arg(L, i);
  if (isFunction(v) || (v !== undefined && metaField(L, v, '__call') !== undefined)) return v;
  typeError(L, i, 'function');
}

/** Arguments i.. of the running native. */
function restArgs(L: LuaThread, base: number, nargs: number, from: number): LuaValue[] {
  return from > nargs ? [] : L.stack.slice(base + from - 1, base + nargs);
}

/** Seconds (optional argument) as milliseconds, never negative or NaN; Infinity: forever. */
function optMillis(L: LuaThread, i: number): number {
  const s = optDouble(L, i, 0);
  return s > 0 ? s * 1000 : 0;
}

/** table.pack(...) */
function pack(values: readonly LuaValue[]): LuaTable {
  const t = new LuaTable();
  for (let i = 0; i < values.length; i++) t.setInt(i + 1, values[i]);
  t.setStr('n', values.length);
  return t;
}

/** Push a suspension: the native's task waits until the scheduler wakes it. */
function suspend(L: LuaThread): number {
  L.awaiting = PARK;
  return NativeRequest.Await;
}

/** The error awaiting a settled, unsuccessful task raises (catchable). */
function outcomeError(t: Task): LuaError | undefined {
  const s = t.state;
  if (s.kind === 'failed') return new LuaError(s.error, false, s.cause?.cause !== undefined ? { cause: s.cause.cause } : undefined);
  if (s.kind === 'cancelled') return new LuaError(CANCELLED);
  return undefined;
}

/** The functions of a list argument (`task.all(fns)`), checked. */
function checkFunctionList(L: LuaThread, i: number): LuaValue[] {
  const list = checkTable(L, i);
  const n = list.length();
  const out: LuaValue[] = [];
  for (let k = 1; k <= n; k++) {
    const f = list.getInt(k);
    if (!(isFunction(f) || (f !== undefined && metaField(L, f, '__call') !== undefined))) {
      argError(L, i, `function expected at index ${k}, got ${typeName(f)}`);
    }
    out.push(f);
  }
  return out;
}

/** `{ concurrency = n }` (optional) as a limit; Infinity when absent. */
function optConcurrency(L: LuaThread, i: number): number {
  const opts = arg(L, i);
  if (opts === undefined) return Infinity;
  if (!(opts instanceof LuaTable)) typeError(L, i, 'table');
  const c = opts.getStr('concurrency');
  if (c === undefined) return Infinity;
  const n = typeof c === 'number' ? c : typeof c === 'bigint' ? Number(c) : NaN;
  if (!(n >= 1) || !Number.isInteger(n)) argError(L, i, "'concurrency' must be a positive integer");
  return n;
}

// ============================================================================================
// The library
// ============================================================================================

/** Build the `task` table over a scheduler (and the handles' metatable). */
export function openTaskLib(sched: Scheduler): LuaTable {
  /**
   * Wait for a group of tasks: `decide(t, i)` is told about each as it settles and returns
   * the outcome once the group is decided (values, or an error to raise), else null. Starts the tasks
   * (at most `limit` at a time) nested in the caller; if the outcome is known before anything
   * waits, returns it at once, else parks the caller until it is.
   */
  function joinGroup(
    L: LuaThread,
    fns: readonly LuaValue[],
    limit: number,
    decide: (t: Task, index: number, tasks: readonly Task[]) => Outcome | null,
  ): number {
    const me = sched.waitingTask(L);
    const tasks = fns.map((f) => {
      const t = sched.newTask(f);
      t.observed = true;
      return t;
    });
    let outcome: Outcome | null = null;
    let gen = -1;
    const finishWith = (o: Outcome): void => {
      if (outcome !== null) return;
      outcome = o;
      // The group is decided: stop the tasks still going (their <close> handlers run now).
      for (const t of tasks) if (!t.settled) sched.cancel(t, stopError(CANCELLED));
      if (gen >= 0) deliver(me, gen, o);
    };
    tasks.forEach((t, i) =>
      t.onSettled(() => {
        if (outcome !== null) return;
        const o = decide(t, i, tasks);
        if (o !== null) finishWith(o);
      }),
    );
    const sem = limit < tasks.length ? new Semaphore(limit) : null;
    for (const t of tasks) {
      if (outcome !== null) break;
      if (sem !== null) sched.startLimited(t, sem, true);
      else sched.startNow(t);
    }
    const stopAll = (): void => {
      outcome ??= { ok: false, error: new LuaError(CANCELLED) };
      for (const t of tasks) if (!t.settled) sched.cancel(t, stopError(CANCELLED));
    };
    try {
      sched.checkInterrupt();
    } catch (e) {
      stopAll(); // we were cancelled while starting them: they go with us
      throw e;
    }
    if (outcome !== null) return deliverNow(L, outcome);
    // If the waiting task is cancelled, its group goes with it.
    gen = sched.park(me, stopAll);
    return suspend(L);
  }

  function deliver(me: Task, gen: number, o: Outcome): void {
    if (o.ok) sched.wake(me, gen, o.values);
    else sched.wakeError(me, gen, o.error);
  }

  function deliverNow(L: LuaThread, o: Outcome): number {
    if (!o.ok) throw o.error;
    for (const v of o.values) L.push(v);
    return o.values.length;
  }

  // ---- task.spawn / defer / delay ------------------------------------------------------------

  function task_spawn(L: LuaThread, base: number, nargs: number): number {
    const f = checkCallable(L, 1);
    if (!sched.canNest()) luaError(L, 'too many nested task starts (C stack overflow)');
    const t = sched.newTask(f, restArgs(L, base, nargs, 2));
    sched.startNow(t);
    sched.checkInterrupt();
    return ret1(L, t);
  }

  function task_defer(L: LuaThread, base: number, nargs: number): number {
    const f = checkCallable(L, 1);
    const t = sched.newTask(f, restArgs(L, base, nargs, 2));
    sched.enqueueStart(t);
    return ret1(L, t);
  }

  function task_delay(L: LuaThread, base: number, nargs: number): number {
    const ms = optMillis(L, 1);
    const f = checkCallable(L, 2);
    const t = sched.newTask(f, restArgs(L, base, nargs, 3));
    if (ms !== Infinity) sched.startAfter(t, ms); // else it waits until cancelled
    return ret1(L, t);
  }

  // ---- task.wait -----------------------------------------------------------------------------

  function task_wait(L: LuaThread): number {
    const ms = optMillis(L, 1);
    const me = sched.waitingTask(L);
    if (ms === 0) {
      // At least one turn of the event loop.
      const start = sched.timers.now();
      const gen = sched.park(me);
      sched.onNextTurn(() => sched.wake(me, gen, [mkFloat((sched.timers.now() - start) / 1000)]));
    } else {
      const gen = sched.park(me);
      // task.wait(math.huge) waits until cancelled: no timer (virtual time must not jump to
      // infinity for it).
      if (ms !== Infinity) {
        // The start time stays in this native's frame (its continuation state), which is on
        // top of the stopped thread until the timer wakes it: the timer itself stays small.
        L.ci.ctx = sched.timers.now();
        me.detach = sched.addTimer(ms, wakeWaiter, me, gen);
      }
    }
    return suspend(L);
  }

  /** A task.wait timer fired: resume its task with the seconds it waited. */
  function wakeWaiter(t: Timer): void {
    const task = t.owner as Task;
    if (task.parkGen !== t.gen || task.at === null) return; // cancelled meanwhile
    const start = task.at.ci.ctx as number;
    sched.wake(task, t.gen, [mkFloat((sched.timers.now() - start) / 1000)]);
  }

  // ---- task.cancel, handle:await(), handle:status() -----------------------------------------

  function task_cancel(L: LuaThread): number {
    const t = checkTask(L, 1);
    sched.cancel(t, stopError(CANCELLED));
    // Cancelling oneself (or a task that started us) stops here.
    sched.checkInterrupt();
    return 0;
  }

  function h_await(L: LuaThread): number {
    const t = checkTask(L, 1);
    t.observed = true;
    const s = t.state;
    switch (s.kind) {
      case 'done':
        for (const v of s.values) L.push(v);
        return s.values.length;
      case 'failed':
      case 'cancelled':
        throw outcomeError(t)!;
      case 'pending':
      case 'running':
      case 'waiting':
      case 'ready':
        break;
      default: {
        const never: never = s;
        return never;
      }
    }
    const me = sched.waitingTask(L);
    if (me === t) luaError(L, 'a task cannot await itself');
    const gen = sched.park(me);
    t.onSettled(() => {
      const s2 = t.state;
      if (s2.kind === 'done') sched.wake(me, gen, s2.values);
      else sched.wakeError(me, gen, outcomeError(t));
    });
    return suspend(L);
  }

  function h_status(L: LuaThread): number {
    return ret1(L, checkTask(L, 1).statusName());
  }

  // ---- all / allSettled / race / timeout ------------------------------------------------------

  function task_all(L: LuaThread): number {
    const fns = checkFunctionList(L, 1);
    const limit = optConcurrency(L, 2);
    const results = new LuaTable();
    let remaining = fns.length;
    if (remaining === 0) return ret1(L, results);
    return joinGroup(L, fns, limit, (t, i) => {
      const s = t.state;
      if (s.kind === 'done') {
        results.setInt(i + 1, pack(s.values));
        return --remaining === 0 ? { ok: true, values: [results] } : null;
      }
      return { ok: false, error: outcomeError(t)! };
    });
  }

  function task_allSettled(L: LuaThread): number {
    const fns = checkFunctionList(L, 1);
    const limit = optConcurrency(L, 2);
    const results = new LuaTable();
    let remaining = fns.length;
    if (remaining === 0) return ret1(L, results);
    return joinGroup(L, fns, limit, (t, i) => {
      const s = t.state;
      let record: LuaTable;
      if (s.kind === 'done') {
        record = pack(s.values);
        record.setStr('ok', true);
      } else {
        record = new LuaTable();
        record.setStr('ok', false);
        record.setStr('error', s.kind === 'failed' ? s.error : CANCELLED);
      }
      results.setInt(i + 1, record);
      return --remaining === 0 ? { ok: true, values: [results] } : null;
    });
  }

  function task_race(L: LuaThread): number {
    const fns = checkFunctionList(L, 1);
    if (fns.length === 0) argError(L, 1, 'empty list');
    return joinGroup(L, fns, Infinity, (t) => {
      const s = t.state;
      return s.kind === 'done' ? { ok: true, values: s.values } : { ok: false, error: outcomeError(t)! };
    });
  }

  function task_timeout(L: LuaThread, base: number, nargs: number): number {
    const ms = optMillis(L, 1);
    const f = checkCallable(L, 2);
    const me = sched.waitingTask(L);
    const child = sched.newTask(f, restArgs(L, base, nargs, 3));
    child.observed = true;
    let outcome: Outcome | null = null;
    let gen = -1;
    let timer: ReturnType<Scheduler['addTimer']> | null = null;
    const finishWith = (o: Outcome): void => {
      if (outcome !== null) return;
      outcome = o;
      if (timer !== null) sched.cancelTimer(timer);
      if (gen >= 0) deliver(me, gen, o);
    };
    child.onSettled(() => {
      const s = child.state;
      finishWith(s.kind === 'done' ? { ok: true, values: [true, ...s.values] } : { ok: false, error: outcomeError(child)! });
    });
    sched.startNow(child);
    sched.checkInterrupt();
    if (outcome !== null) return deliverNow(L, outcome);
    if (ms !== Infinity) timer = sched.addTimer(ms, () => {
      if (outcome !== null) return;
      const o: Outcome = { ok: true, values: [false, TIMEOUT] };
      outcome = o;
      sched.cancel(child, stopError(TIMEOUT));
      deliver(me, gen, o);
    });
    gen = sched.park(me, () => {
      outcome = { ok: false, error: new LuaError(CANCELLED) };
      if (timer !== null) sched.cancelTimer(timer);
      sched.cancel(child, stopError(CANCELLED));
    });
    return suspend(L);
  }

  // ---- registration ---------------------------------------------------------------------------

  const methods = newLib({ await: h_await, status: h_status, cancel: task_cancel });
  const meta = new LuaTable();
  meta.setStr('__index', methods);
  meta.setStr('__name', 'task');
  sched.taskMeta = meta;

  const lib = newLib({
    spawn: task_spawn,
    defer: task_defer,
    delay: task_delay,
    wait: task_wait,
    cancel: task_cancel,
    all: task_all,
    allSettled: task_allSettled,
    race: task_race,
    timeout: task_timeout,
  });
  openSyncLib(sched, lib);
  return lib;
}

/** How a group wait ends: values for the waiting call, or an error raised there. */
type Outcome = { readonly ok: true; readonly values: readonly LuaValue[] } | { readonly ok: false; readonly error: LuaError };
