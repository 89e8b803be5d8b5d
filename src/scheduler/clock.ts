// clock.ts — the scheduler's notion of time: a clock (real or virtual) and a queue of timers
// ordered by due time.
//
// Real time is `performance.now()` in milliseconds, and the queue keeps at most one host
// timer armed, for its earliest entry: 100,000 `task.wait(0.01)` cost one setTimeout, not
// 100,000. Virtual time only moves when the scheduler says so (`advanceTo`), which it does
// when every task is waiting on the clock, so a run under the virtual clock is deterministic
// and instant whatever the delays.
//
// Invariants: timers due at the same time fire in the order they were added (`seq` breaks
// ties); a cancelled timer never fires (it is dropped lazily when it reaches the top).
// Cf. Lua has no timers; this is the part of Roblox's task scheduler and tokio's timer wheel
// that moonlet needs.

/**
 * A scheduled callback, called with the timer itself. `owner`, `gen` and `start` carry what
 * the callback needs, so a waiting task costs one object here rather than a closure and its
 * context (at 100,000 waiting tasks, that is a tenth of the heap).
 */
export class Timer {
  cancelled = false;
  constructor(
    readonly at: number,
    readonly seq: number,
    readonly fire: (t: Timer) => void,
    readonly owner: unknown,
    readonly gen: number,
    /** The delay asked for (`at - ms` is when the timer was added). */
    readonly ms: number,
  ) {}
}

export type ClockKind = 'real' | 'virtual';

/** Longest delay a host timer takes (setTimeout's limit). */
const MAX_HOST_DELAY = 2 ** 31 - 1;

declare const performance: { now(): number } | undefined;
const realNow: () => number =
  typeof performance !== 'undefined' && typeof performance?.now === 'function' ? () => performance!.now() : () => Date.now();

/**
 * Timers on one clock. `onArm` is told when the earliest due time changes (the real clock
 * arms a host timer for it); `fireDue` runs every timer that is due now.
 */
export class TimerQueue {
  readonly kind: ClockKind;
  private virtualNow = 0;
  private seq = 0;
  /** Binary min-heap on (at, seq). */
  private heap: Timer[] = [];
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
    const delay = ms > 0 ? ms : 0;
    const t = new Timer(this.now() + delay, this.seq++, fire, owner, gen, delay);
    this.push(t);
    this.liveCount++;
    if (this.kind === 'real' && t.at < this.armedAt) this.arm(t.at);
    return t;
  }

  /** Cancel a timer (it will not fire). */
  cancel(t: Timer): void {
    if (t.cancelled) return;
    t.cancelled = true;
    this.liveCount--;
    if (this.liveCount === 0) {
      // Nothing left: drop the leftovers and the host timer so an idle process can exit.
      this.heap.length = 0;
      this.disarm();
    }
  }

  /** Due time of the earliest live timer, or Infinity. */
  nextDue(): number {
    this.dropCancelled();
    return this.heap.length > 0 ? this.heap[0].at : Infinity;
  }

  /** Virtual clock: move time forward to `at` (never backward). */
  advanceTo(at: number): void {
    if (at > this.virtualNow) this.virtualNow = at;
  }

  /** Run every live timer due by now, earliest first. */
  fireDue(): void {
    const now = this.now();
    for (;;) {
      this.dropCancelled();
      const top = this.heap[0];
      if (top === undefined || top.at > now) break;
      this.pop();
      top.cancelled = true;
      this.liveCount--;
      top.fire(top);
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
  // Heap
  // ------------------------------------------------------------------------------------------

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.heap[0].cancelled) this.pop();
  }

  private push(t: Timer): void {
    const h = this.heap;
    let i = h.length;
    h.push(t);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(t, h[parent])) break;
      h[i] = h[parent];
      i = parent;
    }
    h[i] = t;
  }

  private pop(): Timer | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last !== undefined) {
      let i = 0;
      const n = h.length;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && before(h[r], h[l]) ? r : l;
        if (!before(h[c], last)) break;
        h[i] = h[c];
        i = c;
      }
      h[i] = last;
    }
    return top;
  }
}

function before(a: Timer, b: Timer): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
