// node-workers.ts — the worker host over node:worker_threads (Node.js; Bun implements the same
// module). See workers.ts for the contract.
//
// Workers are spawned with stdout/stderr not piped to the parent's streams: Lua output reaches
// the pool as messages (worker.ts) and is written here with synchronous writes, the way
// host/node.ts writes the main VM's output, so the two interleave in program order.
//
// Each worker gets a reply line (reply-line.ts) as its first message, for synchronous requests.

import { Worker, parentPort, receiveMessageOnPort } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import * as os from 'node:os';
import * as fs from 'node:fs';
import type { ParentPort, WorkerHost } from './workers.js';
import { isReplyLineSetup, openReplyLine, requester } from './reply-line.js';

export const nodeWorkerHost: WorkerHost = {
  kind: 'node',

  cores(): number {
    return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  },

  spawn(url, events, options) {
    const w = new Worker(url, {
      name: options.name,
      resourceLimits: options.memoryLimitMb !== undefined ? { maxOldGenerationSizeMb: options.memoryLimitMb } : undefined,
    });
    w.on('message', (m) => events.message(m));
    w.on('error', (e) => events.error(e instanceof Error ? e : new Error(String(e))));
    w.on('messageerror', (e) => events.error(e instanceof Error ? e : new Error(String(e))));
    w.on('exit', (code) => events.exit(code));
    const line = openReplyLine();
    w.postMessage(line.setup, line.transfer as MessagePort[]);
    return {
      post: (m) => w.postMessage(m),
      terminate: async () => {
        line.close();
        await w.terminate();
      },
      setKeepAlive: (on) => (on ? w.ref() : w.unref()),
      answer: (m) => line.answer(m),
    };
  },

  write(stream, bytes) {
    const fd = stream === 'stdout' ? 1 : 2;
    let off = 0;
    while (off < bytes.length) {
      try {
        off += fs.writeSync(fd, bytes, off, bytes.length - off);
      } catch (e) {
        // A non-blocking pipe that is full: try again (as host/node.ts does).
        if ((e as { code?: string }).code !== 'EAGAIN') throw e;
      }
    }
  },
};

/** The parent port when this code runs in a worker thread, else undefined. */
export function nodeParentPort(): ParentPort | undefined {
  const port = parentPort;
  if (port === null) return undefined;
  let ask: ((message: unknown) => unknown) | undefined;
  const post = (m: unknown): void => port.postMessage(m);
  return {
    post,
    onMessage: (handler) =>
      port.on('message', (m) => {
        if (isReplyLineSetup(m)) ask = requester(m, post, (p) => receiveMessageOnPort(p as MessagePort));
        else handler(m);
      }),
    request: (m) => {
      if (ask === undefined) throw new Error('moonlet: no reply line from the pool yet');
      return ask(m);
    },
  };
}
