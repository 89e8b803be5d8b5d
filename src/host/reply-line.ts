// reply-line.ts — how a worker asks its parent something and blocks until the answer, which
// an ordinary message cannot do: a worker's messages are delivered only when its event loop
// runs, and a worker in the middle of a Lua call does not return to it.
//
// The request goes up as an ordinary message. The answer comes back on a MessagePort of its
// own (one per worker, handed over in a first `ReplyLineSetup` message), read synchronously
// with node:worker_threads' receiveMessageOnPort, after sleeping in Atomics.wait on a flag
// the parent raises once the answer is posted: the worker uses no CPU while it waits.
//
// receiveMessageOnPort exists in Node, in Bun and in Deno's Node compatibility layer (there it
// reads Web Workers' MessagePorts too); browsers have no synchronous receive, so there a
// worker cannot ask (ParentPort.request is undefined).
//
// Invariants: a worker has at most one request outstanding (its thread is blocked until the
// answer), so one flag and one port per worker suffice; the parent posts the answer before
// raising the flag, so a worker that wakes finds it on the port.

/** The parts of a MessagePort used here (node:worker_threads' and the Web's both have them). */
export interface LinePort {
  postMessage(message: unknown): void;
  close(): void;
}

/** Key of the first message the parent sends a worker: the answer port and the flag. */
const SETUP_KEY = 'moonletReplyLine';

/** The first message of every worker: where its answers arrive. */
export interface ReplyLineSetup {
  [SETUP_KEY]: true;
  port: LinePort;
  /** One Int32 cell: 0 while a request waits, 1 once its answer is on the port. */
  flag: Int32Array;
}

const WAITING = 0;
const ANSWERED = 1;

/** The parent's end of one worker's reply line. */
export interface ReplyLine {
  /** Post this (with `transfer`) to the worker before anything else. */
  readonly setup: ReplyLineSetup;
  /** The worker's port, to move with `setup` (MessagePort objects: the adapters' own type). */
  readonly transfer: unknown[];
  /** Answer the worker's pending request: it wakes up with `message`. */
  answer(message: unknown): void;
  close(): void;
}

/** Open a reply line for a worker about to be spawned (parent side). */
export function openReplyLine(): ReplyLine {
  const { port1, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  return {
    setup: { [SETUP_KEY]: true, port: port2, flag },
    transfer: [port2],
    answer(message) {
      port1.postMessage(message);
      Atomics.store(flag, 0, ANSWERED);
      Atomics.notify(flag, 0);
    },
    close() {
      port1.close();
    },
  };
}

export function isReplyLineSetup(data: unknown): data is ReplyLineSetup {
  return typeof data === 'object' && data !== null && (data as Partial<ReplyLineSetup>)[SETUP_KEY] === true;
}

/** node:worker_threads' receiveMessageOnPort. */
export type ReceiveSync = (port: LinePort) => { message: unknown } | undefined;

/**
 * The worker's `request`: post the message with `post`, sleep until the flag rises, take the
 * answer from the port. Throws if the answer does not arrive (the parent is gone).
 */
export function requester(setup: ReplyLineSetup, post: (message: unknown) => void, receive: ReceiveSync): (message: unknown) => unknown {
  const { port, flag } = setup;
  return (message) => {
    Atomics.store(flag, 0, WAITING);
    post(message);
    Atomics.wait(flag, 0, WAITING);
    // The answer was posted before the flag rose; should a runtime still be handing it over,
    // give it a few milliseconds.
    for (let tries = 0; tries < 1000; tries++) {
      const got = receive(port);
      if (got !== undefined) return got.message;
      Atomics.wait(flag, 0, ANSWERED, 1);
    }
    throw new Error('moonlet: the pool did not answer a worker request');
  };
}
