// atomics.ts — the two synchronisation primitives shared memory needs: a futex mutex over one
// Int32Array cell, and blocking/async waits for a change of a sequence word.
//
// The mutex is Drepper's "mutex 2" (Futexes Are Tricky, 2011): 0 unlocked, 1 locked, 2 locked
// with possible waiters. An uncontended lock and unlock are one compare-exchange and one
// subtract; a contended lock spins briefly (critical sections here are a few hundred
// nanoseconds: a hash probe and a copy) and then sleeps in Atomics.wait, so a holder running
// a long `update` callback costs its waiters no CPU. Where the thread may not block (a
// browser's main thread) the wait degrades to spinning, which only `update` can make long.
//
// Each mutex has an owner cell beside it naming the thread that holds it (a worker's number,
// or MAIN_OWNER), so that when the pool ends a worker mid-critical-section (a task past its
// timeout inside `update`), it can release what that worker held instead of leaving every
// other thread waiting on the key forever (releaseIfOwner).
//
// Invariants: every lock() is paired with unlock() on the same thread (callers use
// try/finally); the owner cell is non-zero exactly while the mutex is held (set after
// acquiring, cleared before releasing); a sequence word only ever increases (wrapping at
// 2^32), and whoever changes the state a waiter waits for bumps it and notifies after the
// change is visible.

/** Can this thread block in Atomics.wait? (Not a browser's main thread.) */
export const CAN_BLOCK: boolean = (() => {
  try {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0);
    return true;
  } catch {
    return false;
  }
})();

/** Compare-exchanges tried before sleeping: about a microsecond of spinning. */
const SPINS = 200;

/** The owner id of the main thread (workers use their number, from 1). */
export const MAIN_OWNER = 0x7fffffff;
let owner = MAIN_OWNER;

/** Name this thread in the owner cells of the locks it takes (worker.ts, at start). */
export function setLockOwner(id: number): void {
  owner = id;
}

/** Acquire the mutex in cell `i` of `a`; `o` is its owner cell. */
export function lock(a: Int32Array, i: number, o: number): void {
  let c = Atomics.compareExchange(a, i, 0, 1);
  if (c !== 0) c = contended(a, i, c);
  Atomics.store(a, o, owner);
}

function contended(a: Int32Array, i: number, c: number): number {
  for (let n = 0; n < SPINS; n++) {
    // Read first: a plain load does not steal the cache line from the holder.
    if (Atomics.load(a, i) === 0) {
      c = Atomics.compareExchange(a, i, 0, 1);
      if (c === 0) return 0;
    }
  }
  if (c !== 2) c = Atomics.exchange(a, i, 2);
  while (c !== 0) {
    if (CAN_BLOCK) Atomics.wait(a, i, 2);
    c = Atomics.exchange(a, i, 2);
  }
  return 0;
}

/** Release the mutex in cell `i` of `a` (owner cell `o`), waking one sleeper if any. */
export function unlock(a: Int32Array, i: number, o: number): void {
  Atomics.store(a, o, 0);
  if (Atomics.sub(a, i, 1) !== 1) {
    Atomics.store(a, i, 0);
    Atomics.notify(a, i, 1);
  }
}

/**
 * Release the mutex in cell `i` if thread `dead` holds it (its owner cell says so): the pool
 * calls this once that thread is gone. Returns true if it was held.
 */
export function releaseIfOwner(a: Int32Array, i: number, o: number, dead: number): boolean {
  if (Atomics.compareExchange(a, o, dead, 0) !== dead) return false;
  Atomics.store(a, i, 0);
  Atomics.notify(a, i);
  return true;
}

/** Bump a sequence word and wake everyone waiting on it. */
export function signal(a: Int32Array, i: number): void {
  Atomics.add(a, i, 1);
  Atomics.notify(a, i);
}

/**
 * Sleep until cell `i` no longer holds `seen` (or `timeoutMs` passes). Returns false on
 * timeout. On a thread that cannot block this spins, yielding nothing: callers on such
 * threads use waitChangeAsync instead.
 */
export function waitChange(a: Int32Array, i: number, seen: number, timeoutMs: number): boolean {
  if (CAN_BLOCK) return Atomics.wait(a, i, seen, timeoutMs) !== 'timed-out';
  const end = Date.now() + timeoutMs;
  while (Atomics.load(a, i) === seen) if (Date.now() >= end) return false;
  return true;
}

type WaitAsync = (a: Int32Array, i: number, v: number, t?: number) => { async: boolean; value: Promise<string> | string };

/** Atomics.waitAsync where the engine has it (V8 and JavaScriptCore do). */
const waitAsync: WaitAsync | undefined = (Atomics as unknown as { waitAsync?: WaitAsync }).waitAsync;

/**
 * Resolve once cell `i` no longer holds `seen` (true) or `timeoutMs` passes (false), without
 * blocking the thread: the main thread keeps its event loop while it waits for workers.
 */
export async function waitChangeAsync(a: Int32Array, i: number, seen: number, timeoutMs = Infinity): Promise<boolean> {
  if (waitAsync !== undefined) {
    const r = waitAsync(a, i, seen, timeoutMs);
    const outcome = r.async ? await r.value : r.value;
    return outcome !== 'timed-out';
  }
  // No waitAsync: poll with timers (1 ms apart), never a busy loop.
  const end = Date.now() + timeoutMs;
  while (Atomics.load(a, i) === seen) {
    if (Date.now() >= end) return false;
    await new Promise((r) => setTimeout(r, 1));
  }
  return true;
}
