// clock.ts — the scheduler's notion of time: a clock (real or virtual) and a queue of timers
// ordered by due time.
//
// Real time is `performance.now()` in milliseconds, and the queue keeps at most one host
// timer armed, for its earliest entry: 100,000 `task.wait(0.01)` cost one setTimeout, not
// 100,000. Timers due in the same millisecond share a bucket (a FIFO list), and only buckets
// go in the min-heap: tasks waiting the same delay from the same loop add to one bucket and
// fire from it without a heap operation each (100,000 waits started within a second make a
// few hundred buckets). Virtual time only moves when the scheduler says so (`advanceTo`),
// which it does when every task is waiting on the clock, so a run under the virtual clock is
// deterministic and instant whatever the delays; there buckets are keyed by the exact due
// time, so no two delays are merged.
//
// Invariants: timers fire in the order of their buckets' due times, and within a bucket in
// the order they were added (so timers due at the same time fire in the order they were
// added); a cancelled timer never fires (it leaves its bucket lazily, and a bucket with no
// live timer is dropped when it reaches the top).
// Cf. Lua has no timers; this is the part of Roblox's task scheduler and tokio's timer wheel
// that moonlet needs.

/**
 * A scheduled callback, called with the timer itself. `owner` and `gen` carry what the
 * callback needs, so a waiting task costs one small object here rather than a closure and its
 * context (100,000 of them wait at once).
 */
export class Timer {
  /** The bucket it waits in; null once it fired or was cancelled. */
  bucket: TimerBucket | null = null;
  constructor(
    readonly fire: (t: Timer) => void,
    readonly owner: unknown,
    readonly gen: number,
  ) {}
}

/** Timers due at one time, in the order they were added. */
class TimerBucket {
  readonly timers: Timer[] = [];
  /** Timers in `timers` not cancelled. */
  live = 0;
  constructor(readonly due: number) {}
}

export type ClockKind = 'real' | 'virtual';

/** Longest delay a host timer takes (setTimeout's limit). */
const MAX_HOST_DELAY = 2 ** 31 - 1;

declare const performance: { now(): number } | undefined;
/**
 * Real time in milliseconds. `performance` is looked up at each call, not when this module
 * loads: on Node the first read of that global loads perf_hooks, about 2 ms that a start
 * which never waits should not pay.
 */
function realNow(): number {
  return typeof performance !== 'undefined' && typeof performance?.now === 'function' ? performance.now() : Date.now();
}

/**
 * Timers on one clock. `onDue` is called when the host timer armed for the earliest bucket
 * (real clock) goes off; `fireDue` runs every timer that is due now.
 */
export class TimerQueue {
  readonly kind: ClockKind;
  private virtualNow = 0;
  /** Binary min-heap of buckets on their due time (each due time has one bucket). */
  private heap: TimerBucket[] = [];
  /** The bucket of each due time in the heap, to add to it. */
  private buckets = new Map<number, TimerBucket>();
  /** The host timer armed for the earliest entry (real clock only). */
  private armedAt = Infinity;
  private armed: ReturnType<typeof setTimeout> | undefined = undefined;
  /** Live (not cancelled) entries: lets idle checks ignore cancelled leftovers. */
  private liveCount = 0;

  constructor(kind: ClockKind, private readonly onDue: () => void) {
    this.kind = kind;
  }

  /** Milliseconds on this clock. */
  now(): number {
    return this.kind === 'virtual' ? this.virtualNow : realNow();
  }

  /** Live timers waiting. */
  get size(): number {
    return this.liveCount;
  }

  /** Call `fire(timer)` after `ms` milliseconds of this clock (finite). */
  add(ms: number, fire: (t: Timer) => void, owner: unknown = undefined, gen = 0): Timer {
    const at = this.now() + (ms > 0 ? ms : 0);
    // The real clock fires at millisecond granularity anyway (setTimeout): timers due in the
    // same millisecond share its bucket. Rounding up: never early.
    const due = this.kind === 'real' ? Math.ceil(at) : at;
    let b = this.buckets.get(due);
    if (b === undefined) {
      b = new TimerBucket(due);
      this.buckets.set(due, b);
      this.push(b);
    }
    const t = new Timer(fire, owner, gen);
    t.bucket = b;
    b.timers.push(t);
    b.live++;
    this.liveCount++;
    if (this.kind === 'real' && due < this.armedAt) this.arm(due);
    return t;
  }

  /** Cancel a timer (it will not fire). */
  cancel(t: Timer): void {
    const b = t.bucket;
    if (b === null) return;
    t.bucket = null;
    b.live--;
    this.liveCount--;
    if (this.liveCount === 0) {
      // Nothing left: drop the leftovers and the host timer so an idle process can exit.
      this.heap.length = 0;
      this.buckets.clear();
      this.disarm();
    }
  }

  /** Due time of the earliest live timer, or Infinity. */
  nextDue(): number {
    this.dropEmpty();
    return this.heap.length > 0 ? this.heap[0].due : Infinity;
  }

  /** Virtual clock: move time forward to `at` (never backward). */
  advanceTo(at: number): void {
    if (at > this.virtualNow) this.virtualNow = at;
  }

  /** Run every live timer due by now, earliest first. */
  fireDue(): void {
    const now = this.now();
    for (;;) {
      this.dropEmpty();
      const top = this.heap[0];
      if (top === undefined || top.due > now) break;
      // Out of the map first: a timer its callbacks add for the same due time goes in a new
      // bucket, which this loop fires next (after this one, as it was added after).
      this.pop();
      this.buckets.delete(top.due);
      const ts = top.timers;
      for (let i = 0; i < ts.length; i++) {
        const t = ts[i];
        if (t.bucket !== top) continue; // cancelled
        t.bucket = null;
        top.live--;
        this.liveCount--;
        t.fire(t);
      }
    }
    if (this.kind === 'real') {
      const next = this.nextDue();
      if (next !== Infinity) this.arm(next);
    }
  }

  // ------------------------------------------------------------------------------------------
  // Host timer (real clock)
  // ------------------------------------------------------------------------------------------

  private arm(at: number): void {
    this.disarm();
    this.armedAt = at;
    // setTimeout may fire a fraction of a millisecond early: round the delay up. Beyond
    // 2^31 - 1 ms it would fire at once: wake up then and arm again.
    this.armed = setTimeout(() => {
      this.armed = undefined;
      this.armedAt = Infinity;
      this.onDue();
    }, Math.min(MAX_HOST_DELAY, Math.max(0, Math.ceil(at - realNow()))));
  }

  private disarm(): void {
    if (this.armed !== undefined) clearTimeout(this.armed);
    this.armed = undefined;
    this.armedAt = Infinity;
  }

  // ------------------------------------------------------------------------------------------
  // Heap of buckets
  // ------------------------------------------------------------------------------------------

  /** Drop buckets whose timers were all cancelled from the top of the heap. */
  private dropEmpty(): void {
    const h = this.heap;
    while (h.length > 0 && h[0].live === 0) {
      this.buckets.delete(h[0].due);
      this.pop();
    }
  }

  private push(b: TimerBucket): void {
    const h = this.heap;
    let i = h.length;
    h.push(b);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (h[parent].due <= b.due) break;
      h[i] = h[parent];
      i = parent;
    }
    h[i] = b;
  }

  private pop(): void {
    const h = this.heap;
    const last = h.pop();
    if (h.length > 0 && last !== undefined) {
      let i = 0;
      const n = h.length;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && h[r].due < h[l].due ? r : l;
        if (h[c].due >= last.due) break;
        h[i] = h[c];
        i = c;
      }
      h[i] = last;
    }
  }
}
