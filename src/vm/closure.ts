// closure.ts — functions and upvalues.
//
// A LuaClosure is a Proto plus its upvalue cells. An UpVal is open while the variable it
// captures is still a live register: it then reads and writes `stack[idx]` of the owning
// thread's stack. When the variable goes out of scope the VM closes it: the value moves into a
// one-element array of its own and `idx` becomes 0, so reads and writes keep the same shape,
// `uv.stack[uv.idx]`, with no branch on the hot path. Closures created in the same scope share
// the same UpVal objects (the thread keeps its open upvalues sorted by stack index).
//
// A NativeFunction is a function written in TypeScript (the standard library and host
// functions). Its calling convention mirrors lua_CFunction: it receives the thread, the stack
// index of its first argument and the argument count, pushes its results at `L.top`, and
// returns how many it pushed. A negative return is a request to the VM (call.ts): call a
// function and continue in the native's continuation, yield, await, or switch threads.
// Cf. lfunc.c, lobject.h (UpVal, LClosure, CClosure).

import type { Proto } from '../compiler/proto.js';
import type { LuaValue } from './value.js';
import type { LuaThread } from './state.js';

export class UpVal {
  constructor(
    /** The owning thread's stack while open; a private one-element array once closed. */
    public stack: LuaValue[],
    public idx: number,
  ) {}

  /** True once the VM has closed this upvalue. */
  closed = false;

  get value(): LuaValue {
    return this.stack[this.idx];
  }

  set value(v: LuaValue) {
    this.stack[this.idx] = v;
  }

  close(): void {
    this.stack = [this.stack[this.idx]];
    this.idx = 0;
    this.closed = true;
  }
}

export class LuaClosure {
  constructor(
    readonly p: Proto,
    readonly upvals: UpVal[],
  ) {}
}

/**
 * The body of a native function. Arguments are `L.stack[base .. base + nargs - 1]`;
 * `L.top === base + nargs` on entry. Push results at `L.top` and return their count.
 */
export type NativeImpl = (L: LuaThread, base: number, nargs: number) => number;

/** Natives the JIT may inline when their argument is a plain number (jit.ts). */
export const enum InlineOp {
  None,
  Sqrt,
  Abs,
  Floor,
  Ceil,
  /** setmetatable(t, mt): the class pattern's constructor call (see jit.ts setMetatableInline). */
  SetMetatable,
}

export class NativeFunction {
  /** Lua values the native's JS closure holds on to, for the collector (gc.ts) to see. */
  refs: LuaValue[] | undefined = undefined;
  /** Set on a few math functions that compiled code computes inline. */
  inline: InlineOp = InlineOp.None;

  constructor(
    /** Name used in tracebacks and messages when the call site gives none. */
    readonly name: string,
    readonly fn: NativeImpl,
  ) {}
}
