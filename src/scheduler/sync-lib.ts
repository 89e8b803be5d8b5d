// sync-lib.ts — synchronisation between Lua tasks: `task.semaphore(n)` and
// `task.channel([capacity])`, added to the `task` table by task-lib.ts.
//
//   local sem = task.semaphore(2)            local ch = task.channel(10)
//   sem:acquire() ... sem:release()          ch:send(v)     -- waits while the buffer is full
//   sem:available()                          ch:receive()   -- waits while empty; nil, "closed"
//                                            ch:close()     for v in ch:values() do ... end
//
// Both are FIFO and fair: a released permit goes to the oldest waiter (semaphore.ts), a sent
// value to the oldest waiting receiver, and a waiting sender's value is taken in the order
// senders arrived. An unbuffered channel (capacity 0, the default, as in Go) is a rendezvous:
// `send` returns once a receiver has the value.
//
// Cancellation never loses anything: a waiter that is cancelled leaves its queue; one that
// was already handed a permit gives it back, one that was handed a value puts it back at the
// front of the channel (detach, scheduler.ts).
// Cf. Go channels, tokio::sync::{Semaphore, mpsc}, copas.semaphore / copas.queue.

import type { LuaValue } from '../vm/value.js';
import { LuaUserdata } from '../vm/value.js';
import { LuaTable } from '../vm/table.js';
import { NativeFunction } from '../vm/closure.js';
import type { LuaThread } from '../vm/state.js';
import { NativeRequest } from '../vm/state.js';
import { LuaError } from '../vm/errors.js';
import { arg, argError, checkIntegerNumber, newLib, optDouble, ret1, ret2, typeError } from '../stdlib/aux.js';
import { PARK } from './scheduler.js';
import type { Scheduler, Task } from './scheduler.js';
import { Semaphore } from './semaphore.js';
import type { SemaphoreWaiter } from './semaphore.js';

function suspend(L: LuaThread): number {
  L.awaiting = PARK;
  return NativeRequest.Await;
}

// ============================================================================================
// Semaphores
// ============================================================================================

class LuaSemaphore extends LuaUserdata {
  readonly sem: Semaphore;
  constructor(n: number, meta: LuaTable) {
    super(null);
    this.sem = new Semaphore(n);
    this.data = this;
    this.metatable = meta;
  }
}

function checkSemaphore(L: LuaThread): LuaSemaphore {
  const v = arg(L, 1);
  if (!(v instanceof LuaSemaphore)) typeError(L, 1, 'semaphore');
  return v;
}

// ============================================================================================
// Channels
// ============================================================================================

/** A task waiting in a channel's queue. `dead` once it left (cancelled); `handed` once served. */
interface ChannelWaiter {
  readonly task: Task;
  gen: number;
  value: LuaValue;
  handed: boolean;
  dead: boolean;
}

/** A FIFO with O(1) shift. */
class Fifo<T> {
  private items: (T | undefined)[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(v: T): void {
    this.items.push(v);
  }

  unshift(v: T): void {
    if (this.head > 0) this.items[--this.head] = v;
    else this.items.unshift(v);
  }

  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const v = this.items[this.head];
    this.items[this.head++] = undefined;
    if (this.head === this.items.length) {
      this.items.length = 0;
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return v;
  }
}

class Channel extends LuaUserdata {
  readonly buffer = new Fifo<LuaValue>();
  readonly receivers = new Fifo<ChannelWaiter>();
  readonly senders = new Fifo<ChannelWaiter>();
  closed = false;
  constructor(
    readonly capacity: number,
    meta: LuaTable,
  ) {
    super(null);
    this.data = this;
    this.metatable = meta;
  }
}

function checkChannel(L: LuaThread): Channel {
  const v = arg(L, 1);
  if (!(v instanceof Channel)) typeError(L, 1, 'channel');
  return v;
}

// ============================================================================================
// The library
// ============================================================================================

/** Add `semaphore` and `channel` to the task table `lib`. */
export function openSyncLib(sched: Scheduler, lib: LuaTable): void {
  // ---- semaphores -----------------------------------------------------------------------------

  const semMeta = new LuaTable();

  function task_semaphore(L: LuaThread): number {
    const n = checkIntegerNumber(L, 1);
    if (n < 0) argError(L, 1, 'negative number of permits');
    return ret1(L, new LuaSemaphore(n, semMeta));
  }

  function sem_acquire(L: LuaThread): number {
    const { sem } = checkSemaphore(L);
    if (sem.tryAcquire()) return 0;
    const me = sched.waitingTask(L);
    let gen = 0;
    let granted = false;
    const w: SemaphoreWaiter = {
      grant: () => {
        granted = true;
        sched.wake(me, gen, []);
      },
    };
    sem.enqueue(w);
    gen = sched.park(me, () => {
      // Cancelled: leave the queue, or pass on a permit we were given but never used.
      if (granted) sem.release();
      else sem.remove(w);
    });
    return suspend(L);
  }

  function sem_release(L: LuaThread): number {
    checkSemaphore(L).sem.release();
    return 0;
  }

  function sem_available(L: LuaThread): number {
    return ret1(L, checkSemaphore(L).sem.available());
  }

  semMeta.setStr('__index', newLib({ acquire: sem_acquire, release: sem_release, available: sem_available }));
  semMeta.setStr('__name', 'semaphore');

  // ---- channels -------------------------------------------------------------------------------

  const chMeta = new LuaTable();

  function task_channel(L: LuaThread): number {
    const cap = optDouble(L, 1, 0);
    if (!(cap >= 0) || !(Number.isInteger(cap) || cap === Infinity)) {
      argError(L, 1, 'capacity must be a non-negative integer or math.huge');
    }
    return ret1(L, new Channel(cap, chMeta));
  }

  /** Give `v` to the oldest live receiver; false if none waits. */
  function handToReceiver(ch: Channel, v: LuaValue): boolean {
    for (;;) {
      const r = ch.receivers.shift();
      if (r === undefined) return false;
      if (r.dead) continue;
      if (sched.wake(r.task, r.gen, [v])) {
        r.handed = true;
        r.value = v;
        return true;
      }
    }
  }

  /** Take the value of the oldest live sender (and let it go on); undefined if none waits. */
  function takeFromSender(ch: Channel): ChannelWaiter | undefined {
    for (;;) {
      const s = ch.senders.shift();
      if (s === undefined) return undefined;
      if (s.dead) continue;
      if (sched.wake(s.task, s.gen, [])) {
        s.handed = true;
        return s;
      }
    }
  }

  function ch_send(L: LuaThread): number {
    const ch = checkChannel(L);
    const v = arg(L, 2);
    if (v === undefined) argError(L, 2, 'non-nil value expected');
    if (ch.closed) throw new LuaError('send on a closed channel', true);
    if (handToReceiver(ch, v)) return 0;
    if (ch.buffer.length < ch.capacity) {
      ch.buffer.push(v);
      return 0;
    }
    const me = sched.waitingTask(L);
    const w: ChannelWaiter = { task: me, gen: 0, value: v, handed: false, dead: false };
    ch.senders.push(w);
    w.gen = sched.park(me, () => {
      if (!w.handed) w.dead = true;
    });
    return suspend(L);
  }

  /** receive's work: pushes the value (or nil, "closed"), or parks; returns what a native returns. */
  function receive(L: LuaThread, ch: Channel, iterator: boolean): number {
    if (ch.buffer.length > 0) {
      const v = ch.buffer.shift();
      // Room in the buffer now: the oldest waiting sender's value moves in.
      const s = takeFromSender(ch);
      if (s !== undefined) ch.buffer.push(s.value);
      return ret1(L, v);
    }
    const s = takeFromSender(ch);
    if (s !== undefined) return ret1(L, s.value);
    if (ch.closed) return iterator ? 0 : ret2(L, undefined, 'closed');
    const me = sched.waitingTask(L);
    const w: ChannelWaiter = { task: me, gen: 0, value: undefined, handed: false, dead: false };
    ch.receivers.push(w);
    w.gen = sched.park(me, () => {
      if (!w.handed) {
        w.dead = true;
        return;
      }
      // We were handed a value but are cancelled before taking it: it goes back in front.
      if (!handToReceiver(ch, w.value)) ch.buffer.unshift(w.value);
    });
    return suspend(L);
  }

  function ch_receive(L: LuaThread): number {
    return receive(L, checkChannel(L), false);
  }

  function ch_close(L: LuaThread): number {
    const ch = checkChannel(L);
    if (ch.closed) return 0;
    ch.closed = true;
    for (let r = ch.receivers.shift(); r !== undefined; r = ch.receivers.shift()) {
      if (!r.dead) sched.wake(r.task, r.gen, [undefined, 'closed']);
    }
    for (let s = ch.senders.shift(); s !== undefined; s = ch.senders.shift()) {
      if (!s.dead) sched.wakeError(s.task, s.gen, new LuaError('send on a closed channel', true));
    }
    return 0;
  }

  const valuesIter = new NativeFunction('values', (L) => receive(L, checkChannel(L), true));

  function ch_values(L: LuaThread): number {
    const ch = checkChannel(L);
    return ret2(L, valuesIter, ch);
  }

  chMeta.setStr(
    '__index',
    newLib({ send: ch_send, receive: ch_receive, close: ch_close, values: ch_values }),
  );
  chMeta.setStr('__name', 'channel');

  lib.setStr('semaphore', new NativeFunction('semaphore', task_semaphore));
  lib.setStr('channel', new NativeFunction('channel', task_channel));
}
