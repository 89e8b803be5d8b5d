// lua.ts — `Lua`, the class embedders use: one Lua 5.4 state with its standard libraries.
//
//   const lua = new Lua({ stdout, limits: { timeoutMs: 1000 } });
//   lua.set('fetchJSON', async (url) => (await fetch(url)).json());
//   const [n] = await lua.runAsync('local d = fetchJSON(url); return #d.items');
//
// Everything here is a thin layer over Runtime (runtime.ts): argument handling, names that
// read like the ecosystem's (mlua, wasmoon, Node), and the class-exposure helper.

import type { LuaValue } from '../vm/value.js';
import { LuaTable as Table } from '../vm/table.js';
import { NativeFunction } from '../vm/closure.js';
import { Runtime, LuaMultiple } from './runtime.js';
import type { LuaOptions, RunTasksOptions, TaskResult, TaskSpec } from './runtime.js';
import { LuaFunction, LuaTable } from './handles.js';
import { classMetatable } from './userdata.js';
import { toByteString, toJS, toLua } from './convert.js';

export interface RunOptions {
  /** Chunk name for messages ("=name" shows name, "@file" shows file). Default: the code. */
  chunkName?: string;
}

export interface RunAsyncOptions extends RunOptions {
  /** Cancels the run at its next suspension point; the promise rejects with a LuaError. */
  signal?: AbortSignal;
}

/** Metamethods and statics for Lua.exposeClass. */
export interface ClassOptions {
  /** Lua metamethods by name (`__add`, `__tostring`, `__eq`, `__lt`, `__le`, `__len`,
   *  `__concat`, `__call`, `__close`, `__unm`...). They receive JS values. */
  metamethods?: Record<string, (...args: never[]) => unknown>;
  /** Called for keys the object does not have (an `__index` fallback), with the key as a JS
   *  value; like any host function it may return a promise. */
  index?: (obj: never, key: never) => unknown;
}

export class Lua {
  readonly #rt: Runtime;

  constructor(options: LuaOptions = {}) {
    this.#rt = new Runtime(options);
  }

  /** Run a chunk synchronously and return its results. */
  run(code: string | Uint8Array, options: RunOptions = {}): unknown[] {
    const f = this.#rt.load(code, options.chunkName);
    return this.#rt.callSync(f, []);
  }

  /** Run a chunk, awaiting host promises wherever Lua calls them. */
  async runAsync(code: string | Uint8Array, options: RunAsyncOptions = {}): Promise<unknown[]> {
    const f = this.#rt.load(code, options.chunkName);
    return this.#rt.callAsync(f, [], options.signal);
  }

  /**
   * Run many tasks in this VM, at most `concurrency` at a time, each as its own Lua task
   * (they interleave where they wait). Results come back in input order as settled records:
   * `{ status: 'fulfilled', values }` or `{ status: 'rejected', error }`.
   *
   *   const results = await lua.runTasks(urls.map((u) => ({ fn: fetchOne, args: [u] })), { concurrency: 4 });
   */
  runTasks(tasks: readonly TaskSpec[], options: RunTasksOptions = {}): Promise<TaskResult[]> {
    return this.#rt.runTasks(tasks, options);
  }

  /** Compile a chunk without running it. */
  load(code: string | Uint8Array, options: RunOptions = {}): LuaFunction {
    return this.#rt.functionHandle(this.#rt.load(code, options.chunkName));
  }

  /** A global variable, as a JS value. */
  get(name: string): unknown {
    return toJS(this.#rt, this.#rt.G.globals.get(toByteString(name)));
  }

  /** Set a global variable (functions become callable from Lua). */
  set(name: string, value: unknown): void {
    const v = typeof value === 'function' ? this.#rt.hostFunction(value as (...a: unknown[]) => unknown, name) : toLua(this.#rt, value);
    this.#rt.G.globals.set(toByteString(name), v);
  }

  /** A new empty table handle (or one filled from a JS array or object). */
  createTable(from?: unknown[] | Record<string, unknown>): LuaTable {
    const v = from === undefined ? new Table() : toLua(this.#rt, from);
    return this.#rt.tableHandle(v as Table);
  }

  /**
   * Make a JS class usable from Lua in one call: a global table `name` with `new(...)` (the
   * constructor) and the class's static methods; instances are userdata whose properties and
   * methods Lua reads, writes and calls (`obj.x`, `obj:move(1, 2)`), with `options`'
   * metamethods.
   */
  exposeClass(name: string, ctor: new (...args: never[]) => object, options: ClassOptions = {}): void {
    const rt = this.#rt;
    const mt = classMetatable(rt, ctor, name);
    for (const [event, fn] of Object.entries(options.metamethods ?? {})) {
      if (typeof fn !== 'function') throw new TypeError(`exposeClass: metamethod ${event} is not a function`);
      mt.setStr(toByteString(event), rt.makeHostFunction(fn as (...a: unknown[]) => unknown, event));
    }
    if (options.index !== undefined) {
      const fallback = options.index as (...a: unknown[]) => unknown;
      const original = mt.getStr('__index') as NativeFunction;
      mt.setStr(
        '__index',
        new NativeFunction('__index', (L, base, nargs) => {
          const n = original.fn(L, base, nargs);
          if (n > 0 && L.stack[L.top - 1] !== undefined) return n;
          L.top -= n;
          // As any host function: it may return a promise (awaited in async runs).
          return rt.callHost(L, base, 2, fallback, undefined, '__index');
        }),
      );
    }
    const statics: Record<string, unknown> = {};
    for (const key of Object.getOwnPropertyNames(ctor)) {
      const v = (ctor as unknown as Record<string, unknown>)[key];
      if (typeof v === 'function') statics[key] = v;
    }
    const table = toLua(rt, statics) as Table;
    table.setStr('new', rt.makeHostFunction((...args: unknown[]) => new ctor(...(args as never[])), 'new'));
    rt.G.globals.set(toByteString(name), table);
  }

  /** Several results from a host function: `return lua.multi(a, b)`. */
  multi(...values: unknown[]): LuaMultiple {
    return new LuaMultiple(values);
  }

  /**
   * The AbortSignal of the run or task in progress (host functions pass it on, e.g. to
   * fetch): it fires when that task is cancelled, aborted or times out.
   */
  get signal(): AbortSignal | undefined {
    return this.#rt.currentSignal;
  }

  /** Run pending finalizers and release the state; later calls throw. */
  close(): void {
    this.#rt.close();
  }
}

export type { LuaValue };
