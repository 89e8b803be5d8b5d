// semaphore.ts — a counting semaphore with a FIFO queue of waiters, the one limit behind
// `lua.runTasks({ concurrency })`, `task.all(fns, { concurrency })` and Lua's
// `task.semaphore(n)`.
//
// Fairness is strict: `release` hands its permit straight to the oldest waiter instead of
// putting it back, so a task that asks later can never overtake one that is queued
// ("barging"), and the number of holders never exceeds the limit, not even for an instant.
//
// Waiters are plain objects with a `grant` callback: the semaphore knows nothing of tasks.
// A waiter that gives up (its task was cancelled) leaves a hole in the queue (found by a
// scan: cancellation is rare) that is skipped when it reaches the head. Cf. tokio::sync::Semaphore (FIFO, no
// barging), Python's asyncio.Semaphore.

/** Someone waiting for a permit. */
export interface SemaphoreWaiter {
  /** Called once, when the permit is handed over. */
  grant(): void;
}

export class Semaphore {
  private permits: number;
  /** FIFO of waiters; `null` marks a waiter that left. Items before `head` are consumed. */
  private queue: (SemaphoreWaiter | null)[] = [];
  private head = 0;
  private waiting = 0;

  constructor(permits: number) {
    this.permits = permits;
  }

  /** Permits free right now (0 while anyone waits). */
  available(): number {
    return this.permits;
  }

  /** Number of waiters in the queue. */
  get queued(): number {
    return this.waiting;
  }

  /** Take a permit if one is free and nobody is queued before us. */
  tryAcquire(): boolean {
    if (this.permits > 0 && this.waiting === 0) {
      this.permits--;
      return true;
    }
    return false;
  }

  /** Queue `w`; it is granted a permit by a later `release`. */
  enqueue(w: SemaphoreWaiter): void {
    this.queue.push(w);
    this.waiting++;
  }

  /** Take `w` out of the queue (it no longer wants a permit). False if it was not queued. */
  remove(w: SemaphoreWaiter): boolean {
    const q = this.queue;
    for (let i = this.head; i < q.length; i++) {
      if (q[i] === w) {
        q[i] = null;
        this.waiting--;
        if (i === this.head) this.skipRemoved();
        return true;
      }
    }
    return false;
  }

  /** Give a permit back: to the oldest waiter if there is one, else to the pool. */
  release(): void {
    if (this.waiting > 0) {
      const q = this.queue;
      this.skipRemoved();
      const w = q[this.head]!;
      q[this.head++] = null;
      this.waiting--;
      this.compact();
      w.grant();
      return;
    }
    this.permits++;
  }

  private skipRemoved(): void {
    const q = this.queue;
    while (this.head < q.length && q[this.head] === null) this.head++;
    this.compact();
  }

  /** Drop the consumed prefix once it dominates the array. */
  private compact(): void {
    const q = this.queue;
    if (this.head === q.length) {
      q.length = 0;
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > q.length) {
      this.queue = q.slice(this.head);
      this.head = 0;
    }
  }
}
