// protocol.ts — every message between the pool (main thread) and its workers, as tagged
// unions: `ToWorker` and `FromWorker`. Both sides switch over `type` exhaustively, so adding
// a message without handling it is a type error.
//
// Conversation of one worker:
//
//   main                                   worker
//   (the host adapter's reply-line setup: a port for answers, before anything else)
//   init (libs, init chunk, shared) ──▶
//                                    ◀──   ready | init-failed
//   task (fn, args, chunks it lacks,
//         chunks to drop)            ──▶                       (one task at a time)
//                                    ◀──   output*  then  result | failed
//   shared (a new table or channel)  ──▶                       (any time; ordered before
//                                                               the tasks that may use it)
//                                    ◀──   shared-request       (a name the worker lacks,
//   SharedAnswer, on the reply line  ──▶                        any time, init included:
//                                                               the worker blocks until the
//                                                               answer; host/reply-line.ts)
//                                    ◀──   exiting              (os.exit was called)
//
// Values travel as transfer.ts byte messages (Uint8Array); bytecode as binary chunks
// (dump.ts byte strings), each shipped to a worker once and named by id afterwards, until the
// pool tells the worker to drop it (`forget`: each worker holds at most the pool's
// `codeCacheSize` chunks; one it needs again is shipped again).
// Shared objects are registered on the main thread, which is the arbiter of names: a worker
// that creates one sends its own new buffer as a candidate, and the main thread keeps the
// first buffer it hears of for each kind and name (announcing it to the other workers) and
// answers every later request with that one.
// A worker that dies says nothing: the pool learns it from the host's error/exit events.

import type { LuaOptions } from '../embed/runtime.js';

/** A shared table or channel, as workers learn of it. */
export interface SharedDescriptor {
  kind: 'table' | 'channel';
  name: string;
  buffer: SharedArrayBuffer;
}

/** The main thread's answer to a `shared-request`. */
export type SharedAnswer =
  /** The candidate buffer the worker sent is now the object of that name. */
  | { kind: 'yours' }
  /** The object of that name already existed: this is its buffer. */
  | { kind: 'existing'; buffer: SharedArrayBuffer }
  /** No object of that name exists (the request carried no candidate), or it was refused. */
  | { kind: 'missing' | 'refused'; message: string };

/** A Proto's binary chunk and the pool-wide id tasks name it by. */
export interface ChunkShipment {
  id: number;
  chunk: string;
}

/** Why a task (or the init chunk) failed in a worker. */
export interface ErrorReport {
  /** The error as text (the Lua message, "input:3: boom"). */
  message: string;
  /** The worker's Lua traceback at the error. */
  traceback: string | undefined;
  /** The error value itself, encoded (absent when it cannot be copied). */
  value: Uint8Array | undefined;
}

export type ToWorker =
  | {
      type: 'init';
      workerId: number;
      libs: LuaOptions['libs'];
      fs: boolean;
      /** The init chunk as an encoded closure, or null. */
      init: Uint8Array | null;
      chunks: ChunkShipment[];
      shared: SharedDescriptor[];
    }
  | {
      type: 'task';
      taskId: number;
      /** The function, encoded once per run or map (map reuses it for every item). */
      fn: Uint8Array;
      /** The arguments, encoded as a separate message (identity is not kept across the two). */
      args: Uint8Array;
      /** Chunks named in `fn` or `args` that this worker has not been sent yet. */
      chunks: ChunkShipment[];
      /** Ids of chunks the worker may drop (before loading `chunks`): never ones this task names. */
      forget: number[];
    }
  | { type: 'shared'; item: SharedDescriptor };

export type FromWorker =
  | { type: 'ready' }
  /** `start`: the worker's VM could not be created; `init`: the init code failed. */
  | { type: 'init-failed'; phase: 'start' | 'init'; error: ErrorReport }
  | { type: 'output'; stream: 'stdout' | 'stderr'; bytes: Uint8Array }
  | { type: 'result'; taskId: number; values: Uint8Array }
  | { type: 'failed'; taskId: number; error: ErrorReport }
  | { type: 'exiting'; code: number }
  /**
   * Get or create a shared object: `candidate` is a buffer the worker made for it (null: only
   * find an existing one, for a name that arrived in a message). Answered on the reply line.
   */
  | { type: 'shared-request'; kind: 'table' | 'channel'; name: string; candidate: SharedArrayBuffer | null };

/** Exhaustiveness check for switches over message types. */
export function unreachable(x: never): never {
  throw new Error(`moonlet: unexpected message ${JSON.stringify(x)}`);
}
