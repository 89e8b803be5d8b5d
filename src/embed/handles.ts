// handles.ts — JS-side handles to Lua objects: LuaTable, LuaFunction, LuaThreadHandle.
//
// A handle wraps one Lua object of one runtime; the runtime hands out the same handle for the
// same object, and passing a handle back to Lua gives the object itself. Table access through
// a handle is raw (no metamethods) except `get`/`set` with `{ meta: true }`... kept simple:
// `get` and `set` are raw, as JS code usually wants plain data access.

import type { LuaValue } from '../vm/value.js';
import { LuaTable as Table } from '../vm/table.js';
import type { LuaClosure, NativeFunction } from '../vm/closure.js';
import type { LuaThread } from '../vm/state.js';
import type { Runtime } from './runtime.js';
import { rawSetChecked } from '../vm/operators.js';
import { tableToJS, toJS, toLua } from './convert.js';
import type { ToJSOptions } from './convert.js';

const targets = new WeakMap<object, { runtime: Runtime; value: LuaValue }>();

/** The runtime and Lua object behind a handle, or undefined for any other object. */
export function handleTarget(v: object): { runtime: Runtime; value: LuaValue } | undefined {
  return targets.get(v);
}

export class LuaTable {
  readonly #rt: Runtime;
  readonly #t: Table;

  constructor(rt: Runtime, t: Table) {
    this.#rt = rt;
    this.#t = t;
    targets.set(this, { runtime: rt, value: t });
  }

  /** t[key], raw. */
  get(key: unknown): unknown {
    return toJS(this.#rt, this.#t.get(toLua(this.#rt, key)));
  }

  /** t[key] = value, raw. */
  set(key: unknown, value: unknown): void {
    rawSetChecked(this.#rt.L, this.#t, toLua(this.#rt, key), toLua(this.#rt, value));
  }

  /** The border `#t` (raw). */
  get length(): number {
    return this.#t.length();
  }

  /** [key, value] pairs in `next` order. */
  *entries(): IterableIterator<[unknown, unknown]> {
    const out: LuaValue[] = [undefined, undefined];
    let key: LuaValue = undefined;
    while (this.#t.next(key, out, 0)) {
      key = out[0];
      yield [toJS(this.#rt, out[0]), toJS(this.#rt, out[1])];
    }
  }

  [Symbol.iterator](): IterableIterator<[unknown, unknown]> {
    return this.entries();
  }

  /** A deep copy as plain JS: sequences become arrays, other tables objects. */
  toJS(options: ToJSOptions = {}): unknown {
    return tableToJS(this.#rt, this.#t, options);
  }
}

export class LuaFunction {
  readonly #rt: Runtime;
  readonly #f: LuaClosure | NativeFunction;

  constructor(rt: Runtime, f: LuaClosure | NativeFunction) {
    this.#rt = rt;
    this.#f = f;
    targets.set(this, { runtime: rt, value: f });
  }

  /** Call synchronously; returns all results. */
  call(...args: unknown[]): unknown[] {
    return this.#rt.callSync(this.#f, args);
  }

  /** Call, awaiting host promises; returns all results. */
  callAsync(...args: unknown[]): Promise<unknown[]> {
    return this.#rt.callAsync(this.#f, args);
  }

  /** Call with options (an AbortSignal). */
  callWith(options: { signal?: AbortSignal }, ...args: unknown[]): Promise<unknown[]> {
    return this.#rt.callAsync(this.#f, args, options.signal);
  }
}

/** A Lua coroutine seen from JS (opaque; pass it back to Lua). */
export class LuaThreadHandle {
  constructor(rt: Runtime, t: LuaThread) {
    targets.set(this, { runtime: rt, value: t });
  }
}
