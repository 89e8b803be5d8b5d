// worker.ts — the entry point of a pool worker: one Lua VM per worker thread, running the
// init chunk once and then tasks one at a time, as the pool (pool.ts) sends them.
//
// A task is a function (bytecode named by id; the chunks the worker has not seen come with
// the task) and its arguments, encoded by transfer.ts. The worker decodes them into its VM,
// runs the call protected (a message handler takes the traceback at the error point, as the
// embedding API does), and answers with the results encoded the same way, or with an error
// report: message, traceback and the error value when it can be copied.
//
// Invariants:
// - Exactly one answer (`result` or `failed`) per task, after any `output` it produced, so
//   the pool settles each task once and prints its output before its promise settles.
// - A call runs as a task of the VM's scheduler (src/scheduler), as `runAsync` does, so the
//   `task` library works inside workers (waits, spawn, timeouts); channel receives block this
//   thread in Atomics.wait (lua-lib.ts), which is what a worker is for. Tasks the call spawns
//   and does not await go on running in this VM after the call has answered.
// - `os.exit` does not end the thread behind the pool's back: it posts `exiting`, and the
//   pool ends this worker and replaces it (the same on every runtime).
// - Shared objects: one per kind and name pool-wide, decided by the main thread. A name this
//   worker has not heard of is asked for with a synchronous request (the thread blocks until
//   the main thread's event loop answers: host/reply-line.ts); the worker sends a buffer it
//   made as the candidate, and uses whichever buffer the answer names. Entries are never
//   replaced once known (a broadcast of a name already known is the same object).
// - Chunks: the worker holds the Protos the pool sent, until a task's `forget` list names
//   them; the pool never names a chunk it has told the worker to drop without sending it again.
// Cf. the seed's one-VM-per-thread model (GUIDE §6), gopher-lua's LState per goroutine.

import type { Proto } from '../compiler/proto.js';
import type { LuaValue } from '../vm/value.js';
import { LuaFloat, numberToString } from '../vm/value.js';
import { LuaTable } from '../vm/table.js';
import { NativeFunction } from '../vm/closure.js';
import type { GlobalState, LuaThread } from '../vm/state.js';
import { LuaError } from '../vm/errors.js';
import type { Scheduler } from '../scheduler/scheduler.js';
import { Lua } from '../embed/lua.js';
import { handleTarget } from '../embed/handles.js';
import type { Runtime } from '../embed/runtime.js';
import { fromByteString } from '../embed/convert.js';
import { connectToParent } from '../host/workers.js';
import type { ParentPort } from '../host/workers.js';
import type { ChunkShipment, ErrorReport, FromWorker, SharedAnswer, SharedDescriptor, ToWorker } from './protocol.js';
import { unreachable } from './protocol.js';
import { Decoder, Encoder, encodeLuaValues, protoOf, sourceOf } from './transfer.js';
import { SharedTable } from './shared-table.js';
import { sharedKey } from './shared-registry.js';
import { SharedChannel } from './channel.js';
import { makeParallelLib } from './lua-lib.js';
import { setLockOwner } from './atomics.js';

/** Output is sent to the pool in pieces of at most this many bytes (and at each task's end). */
const OUTPUT_FLUSH = 1 << 16;

class WorkerVM {
  readonly G: GlobalState;
  readonly L: LuaThread;
  private readonly protos = new Map<number, Proto>();
  private readonly shared = new Map<string, SharedTable | SharedChannel>();
  private readonly out: Record<'stdout' | 'stderr', Uint8Array[]> = { stdout: [], stderr: [] };
  private outBytes = 0;
  private readonly scheduler: Scheduler;

  constructor(
    private readonly port: ParentPort,
    msg: Extract<ToWorker, { type: 'init' }>,
  ) {
    const lua = new Lua({
      libs: msg.libs,
      fs: msg.fs,
      stdout: (b) => this.write('stdout', b),
      stderr: (b) => this.write('stderr', b),
    });
    // The VM behind the public API: tasks run on it directly so values keep their Lua types.
    const rt = handleTarget(lua.createTable())!.runtime as Runtime;
    this.G = rt.G;
    this.L = rt.L;
    this.scheduler = rt.scheduler;
    setLockOwner(msg.workerId);
    for (const d of msg.shared) this.addShared(d);
    const parallel = makeParallelLib(this.G, {
      blocking: true,
      workerId: msg.workerId,
      shared: {
        table: (name, options) => this.sharedObject('table', name, () => SharedTable.create(name, options)) as SharedTable,
        channel: (name, options) => this.sharedObject('channel', name, () => SharedChannel.create(name, options)) as SharedChannel,
        find: (kind, name) => this.sharedObject(kind, name, null),
      },
    });
    this.G.globals.setStr('parallel', parallel);
    this.G.loaded.setStr('parallel', parallel);
    this.replaceExit();
    this.addChunks(msg.chunks);
  }

  // ------------------------------------------------------------------------------------------
  // Messages
  // ------------------------------------------------------------------------------------------

  /** Run the init chunk; true when the worker is ready for tasks. */
  async init(init: Uint8Array | null): Promise<boolean> {
    if (init === null) return true;
    const r = await this.call(init, new Uint8Array(0));
    this.flushOutput();
    if (r.kind === 'failed') {
      this.post({ type: 'init-failed', phase: 'init', error: r.error });
      return false;
    }
    return true;
  }

  async task(msg: Extract<ToWorker, { type: 'task' }>): Promise<void> {
    for (let i = 0; i < msg.forget.length; i++) this.protos.delete(msg.forget[i]);
    this.addChunks(msg.chunks);
    const r = await this.call(msg.fn, msg.args);
    this.flushOutput();
    if (r.kind === 'failed') this.post({ type: 'failed', taskId: msg.taskId, error: r.error });
    else this.post({ type: 'result', taskId: msg.taskId, values: r.values });
  }

  /** Learn of a shared object (init list, broadcast, answer); a known name keeps its object. */
  addShared(d: SharedDescriptor): SharedTable | SharedChannel {
    const key = sharedKey(d.kind, d.name);
    let obj = this.shared.get(key);
    if (obj === undefined) {
      obj = d.kind === 'table' ? new SharedTable(d.name, d.buffer) : new SharedChannel(d.name, d.buffer);
      this.shared.set(key, obj);
    }
    return obj;
  }

  private addChunks(chunks: ChunkShipment[]): void {
    for (const c of chunks) this.protos.set(c.id, protoOf(c.chunk));
  }

  /**
   * The shared object `name`: known here, or else asked of the main thread, offering the one
   * `create` makes (null: only find an existing one). Errors are LuaErrors (lua-lib.ts adds
   * the caller's position); `create` throws RangeError for bad options, before any request.
   */
  private sharedObject(
    kind: 'table' | 'channel',
    name: string,
    create: (() => SharedTable | SharedChannel) | null,
  ): SharedTable | SharedChannel {
    const found = this.shared.get(sharedKey(kind, name));
    if (found !== undefined) return found;
    const request = this.port.request;
    if (request === undefined) {
      const how = kind === 'table' ? 'pool.shared.table' : 'pool.shared.channel';
      throw new LuaError(
        `shared ${kind} '${name}' is not known to this worker, and workers cannot ask the main thread for it in this runtime (no synchronous message receive): create it on the main thread first (${how}('${name}') or parallel.shared.${kind} in the main VM)`,
        true,
      );
    }
    const candidate = create?.() ?? null;
    let answer: SharedAnswer;
    try {
      answer = request({ type: 'shared-request', kind, name, candidate: candidate?.buffer ?? null } satisfies FromWorker) as SharedAnswer;
    } catch (e) {
      throw new LuaError(`cannot get shared ${kind} '${name}' from the main thread: ${e instanceof Error ? e.message : String(e)}`, true);
    }
    switch (answer.kind) {
      case 'yours':
        this.shared.set(sharedKey(kind, name), candidate!);
        return candidate!;
      case 'existing':
        return this.addShared({ kind, name, buffer: answer.buffer });
      case 'missing':
      case 'refused':
        throw new LuaError(answer.message, true);
      default:
        return unreachable(answer);
    }
  }

  private post(msg: FromWorker): void {
    this.port.post(msg);
  }

  // ------------------------------------------------------------------------------------------
  // Running a call
  // ------------------------------------------------------------------------------------------

  /** Decode f and its arguments, run f as a scheduler task, encode the outcome. */
  private async call(fn: Uint8Array, args: Uint8Array): Promise<{ kind: 'ok'; values: Uint8Array } | { kind: 'failed'; error: ErrorReport }> {
    const G = this.G;
    const protoById = (id: number): Proto => {
      const p = this.protos.get(id);
      if (p === undefined) throw new Error(`moonlet: worker has no chunk ${id}`);
      return p;
    };
    let f: LuaValue;
    let argv: LuaValue[];
    try {
      f = new Decoder(fn, { protoById }).lua(G);
      argv = new Decoder(args, { protoById }).allLua(G);
    } catch (e) {
      return { kind: 'failed', error: report(e instanceof LuaError ? e.value : String(e), undefined, G) };
    }
    const sched = this.scheduler;
    const task = sched.newTask(f, argv);
    task.observed = true;
    await new Promise<void>((resolve) => {
      task.onSettled(() => resolve());
      sched.startNow(task);
    });
    const state = task.state;
    switch (state.kind) {
      case 'done':
        try {
          return { kind: 'ok', values: encodeLuaValues(state.values, sourceOf(G), 'result').finish() };
        } catch (e) {
          if (e instanceof LuaError) return { kind: 'failed', error: report(e.value, undefined, G) };
          throw e;
        }
      case 'failed':
        // Errors Lua cannot catch (os.exit's) carry no traceback worth showing.
        return { kind: 'failed', error: report(state.error, state.cause?.uncatchable ? undefined : state.traceback, G) };
      case 'cancelled':
        return { kind: 'failed', error: report(state.reason.value, undefined, G) };
      case 'pending':
      case 'running':
      case 'waiting':
      case 'ready':
        throw new Error(`moonlet: worker task not settled (${state.kind})`);
      default:
        return unreachable(state);
    }
  }

  // ------------------------------------------------------------------------------------------
  // Output and os.exit
  // ------------------------------------------------------------------------------------------

  private write(stream: 'stdout' | 'stderr', bytes: Uint8Array): void {
    if (stream === 'stderr') this.flushOutput(); // keep stdout before stderr, as C's stdio does
    this.out[stream].push(bytes);
    this.outBytes += bytes.length;
    if (stream === 'stderr' || this.outBytes >= OUTPUT_FLUSH) this.flushOutput();
  }

  private flushOutput(): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      const parts = this.out[stream];
      if (parts.length === 0) continue;
      let n = 0;
      for (const p of parts) n += p.length;
      const bytes = new Uint8Array(n);
      let at = 0;
      for (const p of parts) {
        bytes.set(p, at);
        at += p.length;
      }
      this.out[stream] = [];
      this.post({ type: 'output', stream, bytes });
    }
    this.outBytes = 0;
  }

  /**
   * os.exit([code]): tell the pool, which ends and replaces this worker; meanwhile the run
   * unwinds with an error Lua cannot catch, so nothing else runs here.
   */
  private replaceExit(): void {
    const os = this.G.loaded.getStr('os');
    if (!(os instanceof LuaTable)) return;
    os.setStr(
      'exit',
      new NativeFunction('exit', (L, base, nargs) => {
        const v = nargs > 0 ? L.stack[base] : undefined;
        const code = v === undefined || v === true ? 0 : v === false ? 1 : typeof v === 'number' ? v : 1;
        this.flushOutput();
        this.post({ type: 'exiting', code });
        const e = new LuaError(`os.exit(${code}) in a worker`);
        e.uncatchable = true;
        throw e;
      }),
    );
  }
}

/** An error report for the pool: the message as text, the traceback, the value if copyable. */
function report(value: LuaValue, tb: string | undefined, G: GlobalState): ErrorReport {
  let message: string;
  if (typeof value === 'string') message = fromByteString(value);
  else if (value === undefined) message = 'nil';
  else if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') message = String(value);
  else if (value instanceof LuaFloat) message = numberToString(value);
  else message = `(error object is a ${value instanceof LuaTable ? 'table' : 'non-string'} value)`;
  let encoded: Uint8Array | undefined;
  try {
    const e = new Encoder();
    e.lua(value, sourceOf(G), 'the error value');
    encoded = e.finish();
  } catch {
    encoded = undefined;
  }
  return { message, traceback: tb, value: encoded };
}

// ============================================================================================
// Entry
// ============================================================================================

const port = await connectToParent();
let vm: WorkerVM | null = null;

port.onMessage((data) => {
  const msg = data as ToWorker;
  switch (msg.type) {
    case 'init': {
      try {
        vm = new WorkerVM(port, msg);
        void vm.init(msg.init).then((ok) => ok && port.post({ type: 'ready' } satisfies FromWorker));
      } catch (e) {
        const error: ErrorReport = { message: e instanceof Error ? e.message : String(e), traceback: undefined, value: undefined };
        port.post({ type: 'init-failed', phase: 'start', error } satisfies FromWorker);
      }
      return;
    }
    case 'task':
      void vm!.task(msg);
      return;
    case 'shared':
      vm!.addShared(msg.item);
      return;
    default:
      unreachable(msg);
  }
});
