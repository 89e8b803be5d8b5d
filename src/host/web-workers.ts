// web-workers.ts — the worker host over Web Workers (Deno, browsers; Bun has them too). See
// workers.ts for the contract. Module workers load the same worker.js the Node adapter does.
//
// Web Workers report uncaught errors (`error` events, whose default action we prevent so the
// host does not also crash) but not their end: the pool relies on the worker's own `exiting`
// message and on task timeouts. Idle workers cannot be made not to keep a Deno process alive:
// close the pool.
//
// Each worker gets a reply line (reply-line.ts) as its first message. Answers are read with
// receiveMessageOnPort, which Deno provides in its node:worker_threads (it works on Web
// MessagePorts); browsers have none, so there workers cannot make synchronous requests.

import type { ParentPort, WorkerHost } from './workers.js';
import { isReplyLineSetup, openReplyLine, requester } from './reply-line.js';
import type { ReceiveSync } from './reply-line.js';

/** The parts of the Web Worker API used here (tsconfig has no DOM library). */
interface WebWorker {
  postMessage(message: unknown, transfer?: unknown[]): void;
  terminate(): void;
  onmessage: ((e: { data: unknown }) => void) | null;
  onerror: ((e: { message?: string; error?: unknown; preventDefault(): void }) => void) | null;
  onmessageerror: ((e: { data: unknown }) => void) | null;
}
type WebWorkerCtor = new (url: URL | string, options: { type: 'module'; name?: string }) => WebWorker;

interface WorkerScope {
  postMessage(message: unknown): void;
  onmessage: ((e: { data: unknown }) => void) | null;
}

const g = globalThis as unknown as {
  Worker?: WebWorkerCtor;
  navigator?: { hardwareConcurrency?: number };
  Deno?: { stdout: { writeSync(b: Uint8Array): number }; stderr: { writeSync(b: Uint8Array): number } };
};

const decoder = new TextDecoder();

export const webWorkerHost: WorkerHost = {
  kind: 'web',

  cores(): number {
    return g.navigator?.hardwareConcurrency ?? 1;
  },

  spawn(url, events, options) {
    if (g.Worker === undefined) throw new Error('moonlet: this runtime has neither node:worker_threads nor Web Workers');
    const w = new g.Worker(url, { type: 'module', name: options.name });
    w.onmessage = (e) => events.message(e.data);
    w.onerror = (e) => {
      e.preventDefault();
      events.error(e.error instanceof Error ? e.error : new Error(e.message ?? 'worker error'));
    };
    w.onmessageerror = () => events.error(new Error('a message from the worker could not be deserialised'));
    const line = openReplyLine();
    w.postMessage(line.setup, line.transfer);
    return {
      post: (m) => w.postMessage(m),
      terminate: async () => {
        line.close();
        w.terminate();
      },
      setKeepAlive: () => undefined,
      answer: (m) => line.answer(m),
    };
  },

  write(stream, bytes) {
    const deno = g.Deno;
    if (deno !== undefined) {
      const out = stream === 'stdout' ? deno.stdout : deno.stderr;
      let off = 0;
      while (off < bytes.length) off += out.writeSync(bytes.subarray(off));
      return;
    }
    const text = decoder.decode(bytes).replace(/\n$/, '');
    if (stream === 'stdout') console.log(text);
    else console.error(text);
  },
};

/** The parent port of a Web Worker (its global scope). */
export async function webParentPort(): Promise<ParentPort> {
  const scope = globalThis as unknown as WorkerScope;
  const receive = await synchronousReceive();
  const post = (m: unknown): void => scope.postMessage(m);
  let ask: ((message: unknown) => unknown) | undefined;
  return {
    post,
    onMessage: (handler) => {
      scope.onmessage = (e) => {
        if (isReplyLineSetup(e.data)) {
          if (receive !== undefined) ask = requester(e.data, post, receive);
        } else handler(e.data);
      };
    },
    request:
      receive === undefined
        ? undefined
        : (m) => {
            if (ask === undefined) throw new Error('moonlet: no reply line from the pool yet');
            return ask(m);
          },
  };
}

/**
 * receiveMessageOnPort where the runtime has one (Deno's node:worker_threads). The specifier
 * is computed so that bundlers for browsers do not try to resolve a node: module.
 */
async function synchronousReceive(): Promise<ReceiveSync | undefined> {
  if (g.Deno === undefined) return undefined;
  const specifier = ['node', 'worker_threads'].join(':');
  try {
    const mod = (await import(specifier)) as { receiveMessageOnPort?: ReceiveSync };
    return mod.receiveMessageOnPort;
  } catch {
    return undefined;
  }
}
