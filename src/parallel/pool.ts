// pool.ts — `LuaPool`: a pool of worker threads, each with its own Lua VM, running Lua
// functions in parallel. The main thread compiles code once, ships bytecode (each chunk once
// per worker), copies values across (transfer.ts), and shares memory through shared tables
// and channels (shared-table.ts, channel.ts).
//
//   const pool = new LuaPool({ size: 4, init: 'function fib(n) ... end' });
//   const [x] = await pool.run('return fib(...)', 30);
//   const squares = await pool.map('local x = ... return x * x', [1, 2, 3]);
//   const hits = pool.shared.table('hits');          // visible to every worker, by name
//   pool.install(lua);                               // `parallel.map/run` for that Lua VM
//   await pool.close();
//
// Scheduling: one FIFO queue; each worker runs one task at a time (so a task is never queued
// inside a worker that may die: a death loses at most the task it was running).
//
// Code caches, bounded by `codeCacheSize` (a pool fed endlessly new code stays bounded):
// - Code strings compiled on the main thread: an LRU of PreparedFunctions. A prepared function
//   holds its Protos, so a queued or running task keeps what it names alive however old.
// - Chunks each worker holds: the pool keeps, per worker, the ids it has sent it in
//   least-recently-used order; past the limit, the next task tells the worker which to drop
//   (never one that task names), and a dropped chunk a later task needs is shipped again.
//   There is no pool-wide store of chunks: a chunk is made from the Proto the task holds
//   (transfer.ts chunkOf caches it per Proto, weakly).
//
// Faults, and what must stay true through them:
// - A Lua error rejects only its task (LuaError with the worker's message and traceback).
// - A worker that dies (uncaught host error, os.exit, out of memory, a task past its
//   `timeoutMs`, an aborted task) rejects only the task it was running, and is replaced. No
//   task is retried, so none runs twice; every queued task waits for a live worker.
// - Each task settles exactly once (TaskState `done` is terminal); messages from a worker
//   already declared dead are ignored.
// - `close()` waits for every queued and running task, then ends the workers; it resolves
//   after faults too. `terminate()` rejects what is pending and ends the workers now.
// - Init code that fails, or workers that die three times in a row before becoming ready,
//   break the pool: pending and later tasks reject with that reason instead of respawning
//   forever.
// Cf. GUIDE §6; gopher-lua (an LState per goroutine, shared compiled prototypes), Roblox's
// Parallel Luau (actors, SharedTable).

import type { Proto } from '../compiler/proto.js';
import type { LuaValue } from '../vm/value.js';
import { typeName } from '../vm/value.js';
import { LuaClosure, NativeFunction } from '../vm/closure.js';
import type { GlobalState } from '../vm/state.js';
import { LuaError } from '../vm/errors.js';
import { loadProto } from '../vm/api.js';
import type { LuaOptions } from '../embed/runtime.js';
import type { Lua } from '../embed/lua.js';
import { handleTarget } from '../embed/handles.js';
import { toByteString } from '../embed/convert.js';
import { loadWorkerHost } from '../host/workers.js';
import type { WorkerHandle, WorkerHost } from '../host/workers.js';
import type { ChunkShipment, ErrorReport, FromWorker, ToWorker } from './protocol.js';
import { unreachable } from './protocol.js';
import { Encoder, chunkOf, decodeJS, decodeLua, sourceOf } from './transfer.js';
import { SharedTable } from './shared-table.js';
import type { SharedJSValue, SharedTableOptions } from './shared-table.js';
import { SharedChannel } from './channel.js';
import type { SharedChannelOptions } from './channel.js';
import { SharedRegistry } from './shared-registry.js';
import { makeParallelLib } from './lua-lib.js';
import type { PoolBridge } from './lua-lib.js';

export { SharedTable, SharedChannel, SharedRegistry };
export type { SharedTableOptions, SharedChannelOptions, SharedJSValue };

export interface LuaPoolOptions {
  /** Number of workers (default: the number of logical processors). */
  size?: number;
  /** Lua code each worker runs once when it starts (define functions, load modules). */
  init?: string | Uint8Array;
  /** Libraries opened in each worker (default: all the standard ones and `task`). */
  libs?: LuaOptions['libs'];
  /** Give workers' Lua the file system, processes and environment (default true). */
  fs?: boolean;
  /** Default time limit of a task, from the moment a worker starts it. */
  timeoutMs?: number;
  /** Heap limit of each worker in MiB (node:worker_threads only): a worker past it dies. */
  memoryLimitMb?: number;
  /** Where workers' `print` / io.write output goes (default: the process's stdout). */
  stdout?: (bytes: Uint8Array) => void;
  /** Where workers' stderr output goes (default: the process's stderr). */
  stderr?: (bytes: Uint8Array) => void;
  /**
   * Compiled code kept ready (default 1024): code strings the main thread keeps compiled, and
   * chunks each worker keeps loaded; the least recently used go first and are compiled or
   * shipped again if needed later.
   */
  codeCacheSize?: number;
}

export interface PoolRunOptions {
  /** Time limit of this task once started (overrides the pool's). */
  timeoutMs?: number;
  /** Cancels the task: dropped if still queued; its worker is stopped and replaced if running. */
  signal?: AbortSignal;
  /** Chunk name when the function is given as code (default: the code, as Lua's load does). */
  chunkName?: string;
}

export interface PoolMapOptions extends PoolRunOptions {
  /** At most this many items of this map run at once (default: as many as there are workers). */
  concurrency?: number;
}

/** Something the pool can run: Lua code, or a Lua function of some `Lua` state (a handle). */
export type PoolFunction = string | Uint8Array | object;

// ============================================================================================
// Tasks and workers
// ============================================================================================

/** A function ready to ship: encoded once, with the Protos it names by id (kept alive here). */
interface PreparedFunction {
  data: Uint8Array;
  protos: Map<number, Proto>;
}

/** Why a task failed, before it is turned into a LuaError for its caller (JS or a Lua VM). */
type TaskFailure =
  | { kind: 'lua'; report: ErrorReport; workerId: number }
  | { kind: 'died'; message: string }
  | { kind: 'refused'; message: string };

type TaskState =
  | { kind: 'queued' }
  | { kind: 'running'; worker: WorkerSlot; timer: ReturnType<typeof setTimeout> | undefined }
  | { kind: 'done' };

interface Task {
  id: number;
  fn: PreparedFunction;
  args: Uint8Array;
  argProtos: Map<number, Proto>;
  timeoutMs: number | undefined;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
  state: TaskState;
  resolve(values: Uint8Array): void;
  reject(failure: TaskFailure): void;
}

type WorkerState = { kind: 'starting' } | { kind: 'idle' } | { kind: 'busy'; task: Task } | { kind: 'dead' };

interface WorkerSlot {
  id: number;
  handle: WorkerHandle;
  state: WorkerState;
  /** Chunk ids this worker holds, least recently used first. */
  known: Set<number>;
}

/** Consecutive deaths before `ready` that break the pool. */
const MAX_START_FAILURES = 3;

const DEFAULT_CODE_CACHE = 1024;

const NOTHING_TO_FORGET: number[] = [];

const WORKER_URL = new URL('./worker.js', import.meta.url);

// ============================================================================================
// The pool
// ============================================================================================

export class LuaPool {
  /** Shared tables and channels, visible to every worker and to installed Lua VMs. */
  readonly shared: SharedRegistry;
  /** Resolves once every worker has started and run the init code (rejects if it cannot). */
  readonly ready: Promise<void>;

  readonly #options: LuaPoolOptions;
  #size: number | undefined;
  #host: WorkerHost | undefined;
  readonly #workers = new Set<WorkerSlot>();
  readonly #queue: Task[] = [];
  readonly #running = new Set<Task>();
  #nextTask = 1;
  #nextWorker = 1;
  #startFailures = 0;
  /** Set once the pool can run nothing more (init failed, terminated, no workers). */
  #broken: string | undefined;
  #closing = false;
  #drained: (() => void) | undefined;
  #readyCount = 0;
  #readySettle: { resolve(): void; reject(e: Error): void } | undefined;
  // Bytecode shipping: each Proto gets a pool-wide id while it lives.
  readonly #protoIds = new WeakMap<Proto, number>();
  #nextProto = 1;
  /** Compiled code strings, least recently used first, so the same code is compiled (and encoded) once. */
  readonly #compiled = new Map<string, PreparedFunction>();
  readonly #codeCacheSize: number;
  readonly #init: PreparedFunction | null;
  /** Counters for benchmarks and tests. */
  readonly #stats = { tasks: 0, replaced: 0, chunksShipped: 0, chunkBytes: 0, chunksDropped: 0, lastDeath: undefined as string | undefined };

  constructor(options: LuaPoolOptions = {}) {
    this.#options = options;
    if (options.size !== undefined && (!Number.isInteger(options.size) || options.size < 1)) {
      throw new RangeError('LuaPool size must be a positive integer');
    }
    this.#codeCacheSize = options.codeCacheSize ?? DEFAULT_CODE_CACHE;
    if (!Number.isInteger(this.#codeCacheSize) || this.#codeCacheSize < 1) {
      throw new RangeError('LuaPool codeCacheSize must be a positive integer');
    }
    // navigator.hardwareConcurrency where the runtime has it (Node 21+, Deno, Bun, browsers);
    // otherwise the host adapter's count once it has loaded.
    this.#size = options.size ?? (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency;
    this.shared = new SharedRegistry((d, exceptWorker) => this.#broadcast({ type: 'shared', item: d }, exceptWorker));
    // Compile the init code here, once: a syntax error surfaces now, in the caller's stack.
    this.#init = options.init !== undefined ? this.#prepare(options.init, '=init') : null;
    this.ready = new Promise<void>((resolve, reject) => {
      this.#readySettle = { resolve, reject };
    });
    this.ready.catch(() => undefined); // callers need not await it
    loadWorkerHost().then(
      (host) => {
        this.#host = host;
        this.#size ??= Math.max(1, host.cores());
        try {
          if (this.#broken === undefined) for (let i = 0; i < this.#size; i++) this.#spawn();
        } catch (e) {
          this.#break(`cannot start workers: ${e instanceof Error ? e.message : String(e)}`);
        }
      },
      (e: unknown) => this.#break(`cannot start workers: ${e instanceof Error ? e.message : String(e)}`),
    );
  }

  /** Number of workers (without a `size` option on Node 20: 1 until the host's core count is known). */
  get size(): number {
    return this.#size ?? 1;
  }

  /** Counters: tasks settled, workers replaced (and why the last one died), chunks shipped
   *  and their bytes, chunks workers were told to drop; tasks queued and running; live
   *  workers; the code caches' sizes (both at most `codeCacheSize`, except while one task
   *  names more Protos than that). */
  stats(): {
    tasks: number;
    replaced: number;
    lastDeath: string | undefined;
    chunksShipped: number;
    chunkBytes: number;
    chunksDropped: number;
    queued: number;
    running: number;
    workers: number;
    /** Code strings kept compiled on the main thread. */
    codeCached: number;
    /** The most chunks any live worker holds. */
    chunksHeld: number;
  } {
    let chunksHeld = 0;
    for (const w of this.#workers) chunksHeld = Math.max(chunksHeld, w.known.size);
    return {
      ...this.#stats,
      queued: this.#queue.length,
      running: this.#running.size,
      workers: this.#workers.size,
      codeCached: this.#compiled.size,
      chunksHeld,
    };
  }

  // ==========================================================================================
  // Running
  // ==========================================================================================

  /**
   * Run `fn` (Lua code, whose arguments are `...`, or a Lua function handle) in a worker with
   * `args` copied there; resolves with its results copied back.
   */
  run(fn: PoolFunction, ...args: unknown[]): Promise<unknown[]> {
    return this.runWith({}, fn, ...args);
  }

  /** `run` with options (timeout, AbortSignal, chunk name). */
  async runWith(options: PoolRunOptions, fn: PoolFunction, ...args: unknown[]): Promise<unknown[]> {
    const prepared = this.#prepareJS(fn, options.chunkName);
    const e = this.#encoder();
    for (let i = 0; i < args.length; i++) e.js(args[i], `argument #${i + 1}`);
    const values = await this.#submit(prepared, e, options).catch((f: TaskFailure) => {
      throw jsError(f);
    });
    return decodeJS(values, { shared: this.shared.resolve });
  }

  /**
   * Call `fn` once per item (code receives the item as `...`), at most `concurrency` at a
   * time; resolves with each call's first result, in item order. The first failure rejects
   * the map, and its items not yet started are not run.
   */
  async map(fn: PoolFunction, items: readonly unknown[], options: PoolMapOptions = {}): Promise<unknown[]> {
    const prepared = this.#prepareJS(fn, options.chunkName);
    const results = await this.#mapPrepared(
      prepared,
      items.length,
      (i) => {
        const e = this.#encoder();
        e.js(items[i], `item #${i + 1}`);
        return e;
      },
      options,
    ).catch((f: TaskFailure | LuaError) => {
      throw f instanceof LuaError ? f : jsError(f);
    });
    return results.map((r) => decodeJS(r, { shared: this.shared.resolve })[0]);
  }

  /**
   * Give a Lua VM the `parallel` library backed by this pool: `parallel.run`, `parallel.map`
   * (they wait like host promises, so call them from `runAsync`) and `parallel.shared`.
   */
  install(lua: Lua, name = 'parallel'): void {
    const target = handleTarget(lua.createTable());
    if (target === undefined) throw new TypeError('install expects a Lua instance');
    const G = target.runtime.G;
    const lib = makeParallelLib(G, {
      blocking: false,
      pool: this.#bridge,
      shared: {
        table: (n, o) => this.shared.table(n, o),
        channel: (n, o) => this.shared.channel(n, o),
        find: this.shared.resolve,
      },
    });
    const key = toByteString(name);
    G.globals.setStr(key, lib);
    G.loaded.setStr(key, lib);
  }

  /**
   * What the Lua library calls: values stay Lua values end to end. The function and the
   * values are encoded before these return, so a value that cannot be copied is an error at
   * the Lua call (with its position), not a rejection later.
   */
  readonly #bridge: PoolBridge = {
    run: (G, f, args) => {
      const prepared = this.#prepareLua(f, G);
      const e = this.#encoder();
      for (let i = 0; i < args.length; i++) e.lua(args[i], sourceOf(G), `argument #${i + 2}`);
      return this.#submit(prepared, e, {}).then(
        (values) => decodeLua(values, G),
        (failure: TaskFailure) => {
          throw luaError(failure, G);
        },
      );
    },
    map: (G, f, items, concurrency) => {
      const prepared = this.#prepareLua(f, G);
      const src = sourceOf(G);
      const encoded = items.map((item, i) => {
        const e = this.#encoder();
        e.lua(item, src, `item [${i + 1}]`);
        return e;
      });
      return this.#mapPrepared(prepared, items.length, (i) => encoded[i], { concurrency }).then(
        (results) => results.map((r) => decodeLua(r, G)[0]),
        (failure: TaskFailure | LuaError) => {
          throw failure instanceof LuaError ? failure : luaError(failure, G);
        },
      );
    },
  };

  /** Items 0..n-1 through `submit` with bounded concurrency; raw result messages in order. */
  #mapPrepared(
    fn: PreparedFunction,
    n: number,
    encodeItem: (i: number) => Encoder,
    options: PoolMapOptions,
  ): Promise<Uint8Array[]> {
    const limit = options.concurrency ?? Infinity;
    if (!(limit >= 1)) return Promise.reject(new RangeError('map concurrency must be at least 1'));
    const results = new Array<Uint8Array>(n);
    return new Promise((resolve, reject) => {
      let next = 0;
      let inflight = 0;
      let done = 0;
      let failed = false;
      const launch = (): void => {
        while (!failed && inflight < limit && next < n) {
          const i = next++;
          let args: Encoder;
          try {
            args = encodeItem(i);
          } catch (e) {
            failed = true;
            reject(e);
            return;
          }
          inflight++;
          this.#submit(fn, args, options).then(
            (values) => {
              inflight--;
              results[i] = values;
              if (++done === n) resolve(results);
              else launch();
            },
            (failure: TaskFailure) => {
              inflight--;
              if (!failed) {
                failed = true;
                reject(failure);
              }
            },
          );
        }
      };
      if (n === 0) resolve(results);
      else launch();
    });
  }

  /** Queue a task; resolves with its encoded results or rejects with a TaskFailure. */
  #submit(fn: PreparedFunction, args: Encoder, options: PoolRunOptions): Promise<Uint8Array> {
    if (this.#broken !== undefined) return Promise.reject({ kind: 'refused', message: this.#broken } satisfies TaskFailure);
    if (this.#closing) return Promise.reject({ kind: 'refused', message: 'the pool is closing' } satisfies TaskFailure);
    if (options.signal?.aborted) return Promise.reject({ kind: 'refused', message: 'task aborted' } satisfies TaskFailure);
    return new Promise<Uint8Array>((resolve, reject) => {
      const task: Task = {
        id: this.#nextTask++,
        fn,
        args: args.finish(),
        argProtos: args.protos,
        timeoutMs: options.timeoutMs ?? this.#options.timeoutMs,
        signal: options.signal,
        onAbort: undefined,
        state: { kind: 'queued' },
        resolve,
        reject,
      };
      if (task.signal !== undefined) {
        task.onAbort = () => this.#abort(task);
        task.signal.addEventListener('abort', task.onAbort, { once: true });
      }
      this.#queue.push(task);
      this.#pump();
    });
  }

  // ==========================================================================================
  // Preparing functions: compile once, name Protos by id
  // ==========================================================================================

  #encoder(): Encoder {
    return new Encoder({ protoId: (p) => this.#protoId(p) });
  }

  #protoId(p: Proto): number {
    let id = this.#protoIds.get(p);
    if (id === undefined) {
      id = this.#nextProto++;
      this.#protoIds.set(p, id);
    }
    return id;
  }

  /**
   * Code compiled and encoded as a closure once: running the same code again costs a Map
   * lookup (the encoding of a chunk is the same every time: its only upvalue is _ENV). The
   * cache keeps the `codeCacheSize` most recently used code strings.
   */
  #prepare(code: string | Uint8Array, chunkName: string | undefined): PreparedFunction {
    const bytes = typeof code === 'string' ? toByteString(code) : bytesToByteString(code);
    const name = chunkName !== undefined ? toByteString(chunkName) : bytes;
    const cacheKey = chunkName !== undefined ? `${name}\0${bytes}` : bytes;
    const compiled = this.#compiled;
    let prepared = compiled.get(cacheKey);
    if (prepared !== undefined) {
      // Most recently used goes last (a Map iterates in insertion order).
      compiled.delete(cacheKey);
      compiled.set(cacheKey, prepared);
      return prepared;
    }
    const e = this.#encoder();
    e.chunk(loadProto(bytes, name, 'bt'));
    prepared = { data: e.finish(), protos: e.protos };
    if (compiled.size >= this.#codeCacheSize) compiled.delete(compiled.keys().next().value!);
    compiled.set(cacheKey, prepared);
    return prepared;
  }

  #prepareJS(fn: PoolFunction, chunkName: string | undefined): PreparedFunction {
    if (typeof fn === 'string' || fn instanceof Uint8Array) return this.#prepare(fn, chunkName);
    const target = typeof fn === 'object' && fn !== null ? handleTarget(fn) : undefined;
    if (target === undefined || !(target.value instanceof LuaClosure || target.value instanceof NativeFunction)) {
      throw new TypeError('the pool runs Lua code (a string) or a Lua function (a LuaFunction handle); JavaScript functions cannot run in a worker');
    }
    return this.#prepareLua(target.value, target.runtime.G, 'the function');
  }

  #prepareLua(f: LuaValue, G: GlobalState, where = 'argument #1'): PreparedFunction {
    if (!(f instanceof LuaClosure || f instanceof NativeFunction)) {
      throw new LuaError(`bad argument #1 (function expected, got ${typeName(f)})`);
    }
    const e = this.#encoder();
    e.lua(f, sourceOf(G), where);
    return { data: e.finish(), protos: e.protos };
  }

  // ==========================================================================================
  // Workers
  // ==========================================================================================

  #spawn(): void {
    const host = this.#host!;
    const id = this.#nextWorker++;
    let slot: WorkerSlot | undefined;
    const handle = host.spawn(
      WORKER_URL,
      {
        message: (m) => slot !== undefined && this.#onMessage(slot, m as FromWorker),
        error: (e) => slot !== undefined && this.#onDeath(slot, `worker ${id} died: ${e.message}`),
        exit: (code) => slot !== undefined && this.#onDeath(slot, `worker ${id} exited (code ${code})`),
      },
      { memoryLimitMb: this.#options.memoryLimitMb, name: `moonlet worker ${id}` },
    );
    slot = { id, handle, state: { kind: 'starting' }, known: new Set() };
    this.#workers.add(slot);
    const chunks: ChunkShipment[] = [];
    if (this.#init !== null) this.#ship(slot, this.#init.protos, chunks);
    handle.post({
      type: 'init',
      workerId: id,
      libs: this.#options.libs,
      fs: this.#options.fs !== false,
      init: this.#init?.data ?? null,
      chunks,
      shared: this.shared.descriptors(),
    } satisfies ToWorker);
  }

  /**
   * Note `protos` as the most recently used chunks of `w`, adding to `out` those it does not
   * hold (never sent, or dropped since).
   */
  #ship(w: WorkerSlot, protos: Map<number, Proto>, out: ChunkShipment[]): void {
    const known = w.known;
    for (const [id, p] of protos) {
      if (known.delete(id)) {
        known.add(id);
        continue;
      }
      known.add(id);
      const chunk = chunkOf(p);
      out.push({ id, chunk });
      this.#stats.chunksShipped++;
      this.#stats.chunkBytes += chunk.length;
    }
  }

  /**
   * The chunks `w` should drop to hold at most `codeCacheSize`: its least recently used, never
   * one `task` names (those were just noted as the most recent, so the scan stops at them).
   */
  #evict(w: WorkerSlot, task: Task): number[] {
    const known = w.known;
    const excess = known.size - this.#codeCacheSize;
    const out: number[] = [];
    for (const id of known) {
      if (out.length >= excess || task.fn.protos.has(id) || task.argProtos.has(id)) break;
      out.push(id);
    }
    for (const id of out) known.delete(id);
    this.#stats.chunksDropped += out.length;
    return out;
  }

  #onMessage(w: WorkerSlot, msg: FromWorker): void {
    if (w.state.kind === 'dead') return;
    switch (msg.type) {
      case 'ready':
        this.#startFailures = 0;
        if (++this.#readyCount >= this.size) this.#readySettle?.resolve();
        w.state = { kind: 'idle' };
        w.handle.setKeepAlive(false);
        this.#pump();
        return;
      case 'init-failed':
        this.#break(
          msg.phase === 'init' ? `the pool's init code failed: ${msg.error.message}` : `workers cannot start: ${msg.error.message}`,
        );
        return;
      case 'output':
        if (msg.stream === 'stdout') (this.#options.stdout ?? ((b) => this.#host!.write('stdout', b)))(msg.bytes);
        else (this.#options.stderr ?? ((b) => this.#host!.write('stderr', b)))(msg.bytes);
        return;
      case 'result':
      case 'failed': {
        if (w.state.kind !== 'busy' || w.state.task.id !== msg.taskId) return;
        const task = w.state.task;
        w.state = { kind: 'idle' };
        w.handle.setKeepAlive(false);
        if (msg.type === 'result') this.#finish(task, { kind: 'ok', values: msg.values });
        else this.#finish(task, { kind: 'failed', failure: { kind: 'lua', report: msg.error, workerId: w.id } });
        this.#pump();
        return;
      }
      case 'exiting':
        this.#onDeath(w, `worker ${w.id} exited (os.exit(${msg.code}))`);
        return;
      case 'shared-request':
        // The worker is blocked until this answer (it may be starting: init code may ask too).
        w.handle.answer(this.shared.answer(msg.kind, msg.name, msg.candidate, w.id));
        return;
      default:
        unreachable(msg);
    }
  }

  /** A worker is gone (or must go): fail its task, end it, replace it. Idempotent. */
  #onDeath(w: WorkerSlot, reason: string): void {
    const state = w.state;
    if (state.kind === 'dead') return;
    w.state = { kind: 'dead' };
    this.#workers.delete(w);
    this.#stats.lastDeath = reason;
    // Once the thread is gone, free the shared-table and channel locks it may have held.
    void w.handle.terminate().then(
      () => this.shared.releaseLocksOf(w.id),
      () => this.shared.releaseLocksOf(w.id),
    );
    if (state.kind === 'busy') this.#finish(state.task, { kind: 'failed', failure: { kind: 'died', message: reason } });
    if (state.kind === 'starting' && ++this.#startFailures >= MAX_START_FAILURES) {
      this.#break(`workers keep dying before they are ready (last: ${reason})`);
      return;
    }
    if (this.#broken === undefined && !(this.#closing && this.#queue.length === 0)) {
      this.#stats.replaced++;
      this.#spawn();
    }
    this.#pump();
  }

  /** Start queued tasks on idle workers. */
  #pump(): void {
    if (this.#queue.length > 0) {
      for (const w of this.#workers) {
        if (w.state.kind !== 'idle') continue;
        const task = this.#queue.shift();
        if (task === undefined) break;
        this.#start(w, task);
      }
    }
    if (this.#queue.length === 0 && this.#running.size === 0) this.#drained?.();
  }

  #start(w: WorkerSlot, task: Task): void {
    const chunks: ChunkShipment[] = [];
    this.#ship(w, task.fn.protos, chunks);
    if (task.argProtos.size > 0) this.#ship(w, task.argProtos, chunks);
    const forget = w.known.size > this.#codeCacheSize ? this.#evict(w, task) : NOTHING_TO_FORGET;
    const timer =
      task.timeoutMs !== undefined
        ? setTimeout(() => this.#onDeath(w, `task timed out after ${task.timeoutMs} ms (worker ${w.id} was stopped and replaced)`), task.timeoutMs)
        : undefined;
    task.state = { kind: 'running', worker: w, timer };
    this.#running.add(task);
    w.state = { kind: 'busy', task };
    w.handle.setKeepAlive(true);
    w.handle.post({ type: 'task', taskId: task.id, fn: task.fn.data, args: task.args, chunks, forget } satisfies ToWorker);
  }

  #abort(task: Task): void {
    const state = task.state;
    switch (state.kind) {
      case 'queued': {
        const i = this.#queue.indexOf(task);
        if (i >= 0) this.#queue.splice(i, 1);
        this.#finish(task, { kind: 'failed', failure: { kind: 'died', message: 'task aborted' } });
        this.#pump();
        return;
      }
      case 'running':
        this.#onDeath(state.worker, `task aborted (worker ${state.worker.id} was stopped and replaced)`);
        return;
      case 'done':
        return;
      default:
        unreachable(state);
    }
  }

  /** Settle a task once. */
  #finish(task: Task, outcome: { kind: 'ok'; values: Uint8Array } | { kind: 'failed'; failure: TaskFailure }): void {
    const state = task.state;
    if (state.kind === 'done') return;
    if (state.kind === 'running' && state.timer !== undefined) clearTimeout(state.timer);
    task.state = { kind: 'done' };
    this.#running.delete(task);
    if (task.onAbort !== undefined) task.signal!.removeEventListener('abort', task.onAbort);
    this.#stats.tasks++;
    if (outcome.kind === 'ok') task.resolve(outcome.values);
    else task.reject(outcome.failure);
  }

  #broadcast(msg: ToWorker, exceptWorker?: number): void {
    for (const w of this.#workers) if (w.state.kind !== 'dead' && w.id !== exceptWorker) w.handle.post(msg);
  }

  /** The pool cannot run anything more: fail what waits, end the workers. */
  #break(reason: string): void {
    if (this.#broken !== undefined) return;
    this.#broken = reason;
    this.#readySettle?.reject(new LuaError(reason));
    for (const task of this.#queue.splice(0)) this.#finish(task, { kind: 'failed', failure: { kind: 'refused', message: reason } });
    for (const w of [...this.#workers]) {
      const state = w.state;
      w.state = { kind: 'dead' };
      this.#workers.delete(w);
      void w.handle.terminate().catch(() => undefined);
      if (state.kind === 'busy') this.#finish(state.task, { kind: 'failed', failure: { kind: 'died', message: reason } });
    }
    this.#drained?.();
  }

  // ==========================================================================================
  // Ending
  // ==========================================================================================

  /** Wait for every queued and running task, then end the workers. New tasks are refused. */
  async close(): Promise<void> {
    this.#closing = true;
    await this.ready.catch(() => undefined);
    if (this.#queue.length > 0 || this.#running.size > 0) {
      await new Promise<void>((resolve) => {
        this.#drained = resolve;
        this.#pump();
      });
    }
    await this.#endWorkers();
  }

  /** End the workers now: queued and running tasks reject. */
  async terminate(): Promise<void> {
    this.#closing = true;
    this.#break('the pool was terminated');
    await this.ready.catch(() => undefined);
    await this.#endWorkers();
  }

  async #endWorkers(): Promise<void> {
    const all = [...this.#workers];
    this.#workers.clear();
    for (const w of all) w.state = { kind: 'dead' };
    await Promise.all(all.map((w) => w.handle.terminate().catch(() => undefined)));
    this.#broken ??= 'the pool is closed';
  }
}

// ============================================================================================
// Errors for callers
// ============================================================================================

/** A task failure as the LuaError a JavaScript caller sees. */
function jsError(f: TaskFailure): LuaError {
  switch (f.kind) {
    case 'lua': {
      let value: unknown = f.report.message;
      if (f.report.value !== undefined) {
        try {
          value = decodeJS(f.report.value)[0];
        } catch {
          // An error value that JS cannot hold (a function): the message says enough.
        }
      }
      const e = new LuaError(value as LuaValue);
      e.message = f.report.message;
      e.luaTraceback = f.report.traceback;
      return e;
    }
    case 'died':
    case 'refused':
      return new LuaError(f.message);
  }
}

/** A task failure as the LuaError raised in a Lua VM (`parallel.run`): its value is Lua's. */
function luaError(f: TaskFailure, G: GlobalState): LuaError {
  switch (f.kind) {
    case 'lua': {
      let value: LuaValue = toByteString(f.report.message);
      if (f.report.value !== undefined) {
        try {
          value = decodeLua(f.report.value, G)[0];
        } catch {
          // Keep the message.
        }
      }
      const e = new LuaError(value);
      e.message = f.report.message;
      e.luaTraceback = f.report.traceback;
      return e;
    }
    case 'died':
    case 'refused':
      return new LuaError(toByteString(f.message));
  }
}

function bytesToByteString(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
  return s;
}
