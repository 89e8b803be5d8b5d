// channel.ts — a bounded FIFO of messages in a SharedArrayBuffer, shared by the main thread
// and every worker: `send`, `receive`, `close`. Messages are values encoded by transfer.ts
// (copies: tables, strings, numbers with their subtype, functions with inline bytecode).
// Cf. Go's buffered channels and gopher-lua's channel library.
//
// Layout: a 64-byte header of Int32 cells, then `capacity` fixed-size slots, each an Int32
// length followed by up to `messageBytes` bytes.
//
//   [0] magic  [1] capacity  [2] slot size  [3] lock (atomics.ts mutex)
//   [4] head (index of the oldest message)  [5] count  [6] closed (0/1)
//   [7] "not empty" sequence  [8] "not full" sequence  [9] owner of the lock (atomics.ts)
//
// Invariants:
// - head, count and closed change only under the lock; every send bumps "not empty" and every
//   receive bumps "not full" (atomics.ts signal) after the change, and close bumps both, so a
//   waiter that read a sequence under the lock and then sleeps on it cannot miss a wake-up.
// - Workers wait with Atomics.wait (the thread sleeps: no spinning); the main thread waits
//   with Atomics.waitAsync, so its event loop keeps running while workers produce.
// - After close, sends fail and receives drain what is left, then report the end.

import type { LuaValue } from '../vm/value.js';
import type { GlobalState } from '../vm/state.js';
import { LuaError } from '../vm/errors.js';
import { lock, releaseIfOwner, unlock, signal, waitChange, waitChangeAsync } from './atomics.js';
import { Encoder, SHARED, decodeJS, decodeLua, sourceOf } from './transfer.js';
import type { SharedResolver } from './transfer.js';

const MAGIC = 0x4d4c4348; // "MLCH"
const HEADER = 64;
const H_MAGIC = 0;
const H_CAPACITY = 1;
const H_SLOT_SIZE = 2;
const H_LOCK = 3;
const H_HEAD = 4;
const H_COUNT = 5;
const H_CLOSED = 6;
const H_NOT_EMPTY = 7;
const H_NOT_FULL = 8;
const H_OWNER = 9;

export interface SharedChannelOptions {
  /** Messages the channel holds before `send` waits (default 64). */
  capacity?: number;
  /** Largest encoded message, in bytes (default 8192). */
  messageBytes?: number;
}

/** What a non-waiting receive found. */
export type TryReceive = { kind: 'message'; data: Uint8Array } | { kind: 'empty' } | { kind: 'closed' };
/** What a non-waiting send did. */
export type TrySend = 'sent' | 'full' | 'closed';

export class SharedChannel {
  /** Marks shared objects for transfer.ts, which sends them by name. */
  readonly [SHARED] = 'channel' as const;
  /** How `receive` finds shared objects that arrive in messages (set by the pool's registry). */
  resolveShared: SharedResolver | undefined = undefined;
  readonly name: string;
  readonly buffer: SharedArrayBuffer;
  readonly capacity: number;
  private readonly i32: Int32Array;
  private readonly u8: Uint8Array;
  private readonly slotSize: number;

  static create(name: string, options: SharedChannelOptions = {}): SharedChannel {
    const capacity = options.capacity ?? 64;
    const messageBytes = options.messageBytes ?? 8192;
    if (!Number.isInteger(capacity) || capacity <= 0 || capacity > 1 << 20) throw new RangeError('channel capacity must be a positive integer');
    if (!Number.isInteger(messageBytes) || messageBytes <= 0) throw new RangeError('channel messageBytes must be a positive integer');
    const slotSize = Math.ceil((4 + messageBytes) / 4) * 4;
    const buffer = new SharedArrayBuffer(HEADER + capacity * slotSize);
    const h = new Int32Array(buffer, 0, HEADER / 4);
    h[H_CAPACITY] = capacity;
    h[H_SLOT_SIZE] = slotSize;
    h[H_MAGIC] = MAGIC;
    return new SharedChannel(name, buffer);
  }

  constructor(name: string, buffer: SharedArrayBuffer) {
    this.name = name;
    this.buffer = buffer;
    this.i32 = new Int32Array(buffer);
    this.u8 = new Uint8Array(buffer);
    if (this.i32[H_MAGIC] !== MAGIC) throw new Error(`moonlet: buffer of channel '${name}' is not a channel`);
    this.capacity = this.i32[H_CAPACITY];
    this.slotSize = this.i32[H_SLOT_SIZE];
  }

  /** Messages waiting now. */
  size(): number {
    return Atomics.load(this.i32, H_COUNT);
  }

  get closed(): boolean {
    return Atomics.load(this.i32, H_CLOSED) !== 0;
  }

  /** Release the lock if thread `owner` held it when it was ended (pool.ts). */
  releaseLocksOf(owner: number): void {
    releaseIfOwner(this.i32, H_LOCK, H_OWNER, owner);
  }

  /** No more sends; receivers get what is queued, then the end. Waiters wake up. */
  close(): void {
    const a = this.i32;
    lock(a, H_LOCK, H_OWNER);
    a[H_CLOSED] = 1;
    unlock(a, H_LOCK, H_OWNER);
    signal(a, H_NOT_EMPTY);
    signal(a, H_NOT_FULL);
  }

  // ==========================================================================================
  // Bytes: the primitive operations
  // ==========================================================================================

  trySendBytes(data: Uint8Array): TrySend {
    if (data.length > this.slotSize - 4) {
      throw new LuaError(
        `channel '${this.name}': message of ${data.length} bytes exceeds its ${this.slotSize - 4}-byte slots (create it with a larger messageBytes)`,
        true,
      );
    }
    const a = this.i32;
    lock(a, H_LOCK, H_OWNER);
    try {
      if (a[H_CLOSED] !== 0) return 'closed';
      const count = a[H_COUNT];
      if (count === this.capacity) return 'full';
      const slot = (a[H_HEAD] + count) % this.capacity;
      const base = HEADER + slot * this.slotSize;
      a[base >> 2] = data.length;
      this.u8.set(data, base + 4);
      a[H_COUNT] = count + 1;
    } finally {
      unlock(a, H_LOCK, H_OWNER);
    }
    signal(a, H_NOT_EMPTY);
    return 'sent';
  }

  tryReceiveBytes(): TryReceive {
    const a = this.i32;
    let data: Uint8Array;
    lock(a, H_LOCK, H_OWNER);
    try {
      const count = a[H_COUNT];
      if (count === 0) return a[H_CLOSED] !== 0 ? { kind: 'closed' } : { kind: 'empty' };
      const head = a[H_HEAD];
      const base = HEADER + head * this.slotSize;
      const len = a[base >> 2];
      data = this.u8.slice(base + 4, base + 4 + len);
      a[H_HEAD] = (head + 1) % this.capacity;
      a[H_COUNT] = count - 1;
    } finally {
      unlock(a, H_LOCK, H_OWNER);
    }
    signal(a, H_NOT_FULL);
    return { kind: 'message', data };
  }

  /** Sequence word to wait on before retrying: read after a failed try. */
  private seq(cell: number): number {
    return Atomics.load(this.i32, cell);
  }

  /**
   * Send, sleeping while the channel is full (workers). Returns false if the channel is (or
   * becomes) closed, or the timeout passes ('timeout').
   */
  sendBytesBlocking(data: Uint8Array, timeoutMs = Infinity): TrySend | 'timeout' {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const seen = this.seq(H_NOT_FULL);
      const r = this.trySendBytes(data);
      if (r !== 'full') return r;
      const left = end - Date.now();
      if (left <= 0) return 'timeout';
      waitChange(this.i32, H_NOT_FULL, seen, left);
    }
  }

  /** Receive, sleeping while the channel is empty (workers). */
  receiveBytesBlocking(timeoutMs = Infinity): TryReceive | { kind: 'timeout' } {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const seen = this.seq(H_NOT_EMPTY);
      const r = this.tryReceiveBytes();
      if (r.kind !== 'empty') return r;
      const left = end - Date.now();
      if (left <= 0) return { kind: 'timeout' };
      waitChange(this.i32, H_NOT_EMPTY, seen, left);
    }
  }

  /** Send, waiting asynchronously while the channel is full (main thread). */
  async sendBytesAsync(data: Uint8Array, timeoutMs = Infinity): Promise<TrySend | 'timeout'> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const seen = this.seq(H_NOT_FULL);
      const r = this.trySendBytes(data);
      if (r !== 'full') return r;
      const left = end - Date.now();
      if (left <= 0) return 'timeout';
      await waitChangeAsync(this.i32, H_NOT_FULL, seen, left);
    }
  }

  /** Receive, waiting asynchronously while the channel is empty (main thread). */
  async receiveBytesAsync(timeoutMs = Infinity): Promise<TryReceive | { kind: 'timeout' }> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const seen = this.seq(H_NOT_EMPTY);
      const r = this.tryReceiveBytes();
      if (r.kind !== 'empty') return r;
      const left = end - Date.now();
      if (left <= 0) return { kind: 'timeout' };
      await waitChangeAsync(this.i32, H_NOT_EMPTY, seen, left);
    }
  }

  // ==========================================================================================
  // JavaScript API (main thread): values convert as the embedding API converts them
  // ==========================================================================================

  /** Send a value, waiting while the channel is full. Rejects if the channel is closed. */
  async send(value: unknown): Promise<void> {
    const e = new Encoder();
    e.js(value, 'the message');
    const r = await this.sendBytesAsync(e.finish());
    if (r === 'closed') throw new LuaError(`channel '${this.name}' is closed`);
  }

  /** Send without waiting: false when the channel is full. Throws if it is closed. */
  trySend(value: unknown): boolean {
    const e = new Encoder();
    e.js(value, 'the message');
    const r = this.trySendBytes(e.finish());
    if (r === 'closed') throw new LuaError(`channel '${this.name}' is closed`);
    return r === 'sent';
  }

  /** The next message (`done: true` once the channel is closed and drained). */
  async receive(options: { timeoutMs?: number } = {}): Promise<IteratorResult<unknown, undefined>> {
    const r = await this.receiveBytesAsync(options.timeoutMs);
    switch (r.kind) {
      case 'message':
        return { done: false, value: decodeJS(r.data, { shared: this.resolveShared })[0] };
      case 'closed':
        return { done: true, value: undefined };
      case 'timeout':
        throw new LuaError(`channel '${this.name}': receive timed out`);
      case 'empty':
        break;
    }
    throw new Error('moonlet: unreachable');
  }

  /** `for await (const v of channel)` until it is closed and drained. */
  async *[Symbol.asyncIterator](): AsyncIterator<unknown> {
    for (;;) {
      const r = await this.receive();
      if (r.done) return;
      yield r.value;
    }
  }

  // ==========================================================================================
  // Lua values (lua-lib.ts)
  // ==========================================================================================

  /** Encode a Lua value of VM `G` as a message. */
  static encodeLua(v: LuaValue, G: GlobalState): Uint8Array {
    const e = new Encoder();
    e.lua(v, sourceOf(G), 'the message');
    return e.finish();
  }

  static decodeLua(data: Uint8Array, G: GlobalState): LuaValue {
    return decodeLua(data, G)[0];
  }
}
