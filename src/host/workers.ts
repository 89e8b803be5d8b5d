// workers.ts — what the worker pool (src/parallel) needs from its host to run threads: spawn a
// worker from a module URL, exchange structured-clone messages, learn that it died, end it;
// and, inside a worker, reach the parent. Two adapters implement it: node-workers.ts
// (node:worker_threads: Node and Bun) and web-workers.ts (Web Workers: Deno and browsers).
// src/parallel never imports node:* itself (GUIDE §1); it asks `loadWorkerHost()`, which
// imports the right adapter dynamically, so a browser never sees a node: specifier.
//
// A worker may also ask its parent something and block until the answer (ParentPort.request,
// answered with WorkerHandle.answer): reply-line.ts says how, and where it is not available.
//
// Invariants: `events.error` and `events.exit` may both fire for one death (Node reports an
// uncaught error, then the exit); the pool treats the first as the death and ignores the rest.
// Web Workers have no exit event: a worker that ends by itself says so first (the worker
// entry posts `exiting` before os.exit), and a hung one is ended by the pool's timeouts.

/** What the pool hears from one worker. */
export interface WorkerEvents {
  message(data: unknown): void;
  /** An uncaught error in the worker (it is then dead or dying), or it could not start. */
  error(error: Error): void;
  /** The worker's thread ended (node:worker_threads only). */
  exit(code: number): void;
}

export interface SpawnOptions {
  /** Heap limit of the worker in MiB (node:worker_threads resourceLimits; ignored elsewhere). */
  memoryLimitMb?: number;
  /** A name for debuggers and thread lists. */
  name?: string;
}

/** The pool's end of one worker. */
export interface WorkerHandle {
  post(message: unknown): void;
  /** End the worker now, wherever it is; resolves once it is gone. */
  terminate(): Promise<void>;
  /** Whether this worker keeps the process alive (busy workers do; idle ones need not). */
  setKeepAlive(on: boolean): void;
  /** Answer the worker's pending `ParentPort.request`: the worker is blocked until this. */
  answer(message: unknown): void;
}

export interface WorkerHost {
  readonly kind: 'node' | 'web';
  /** Logical processors available to the process (the pool's default size). */
  cores(): number;
  spawn(url: URL, events: WorkerEvents, options: SpawnOptions): WorkerHandle;
  /** Write bytes a worker's Lua code printed to the process's stdout or stderr. */
  write(stream: 'stdout' | 'stderr', bytes: Uint8Array): void;
}

/** A worker's end of the conversation with the pool. */
export interface ParentPort {
  post(message: unknown): void;
  onMessage(handler: (data: unknown) => void): void;
  /**
   * Post `message` (it arrives as an ordinary message) and block this thread until the parent
   * answers it with `WorkerHandle.answer`; returns the answer. Undefined where the runtime
   * cannot receive a message synchronously (browsers).
   */
  readonly request: ((message: unknown) => unknown) | undefined;
}

/** node:worker_threads where it exists (Node, Bun); Web Workers otherwise (Deno, browsers). */
function useNodeWorkers(): boolean {
  const g = globalThis as { Deno?: unknown; process?: { versions?: { node?: unknown } } };
  return g.Deno === undefined && typeof g.process?.versions?.node === 'string';
}

/** The worker host of this runtime (main-thread side). */
export async function loadWorkerHost(): Promise<WorkerHost> {
  if (useNodeWorkers()) return (await import('./node-workers.js')).nodeWorkerHost;
  return (await import('./web-workers.js')).webWorkerHost;
}

/** The parent port of the worker this code runs in. */
export async function connectToParent(): Promise<ParentPort> {
  if (useNodeWorkers()) {
    const port = (await import('./node-workers.js')).nodeParentPort();
    if (port !== undefined) return port;
  }
  return await (await import('./web-workers.js')).webParentPort();
}
