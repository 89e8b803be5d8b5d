// errors.ts — the one exception type that carries Lua errors through JavaScript.
//
// A Lua error is any Lua value. Inside the VM it travels as a thrown LuaError whose `value` is
// that Lua value; pcall frames catch it (call.ts), and whatever escapes to the host is the same
// LuaError, with a Lua traceback attached on the way out.
//
// Library code raises errors the way luaL_error does: a message that still needs the position
// of the Lua code that called the library function ("input:3: "). Natives do not know that
// position, so they throw with `needsWhere` set and the VM prefixes it when it catches the
// error, while the native's call frame is still on the stack. Cf. lauxlib.c luaL_error.

import type { LuaValue } from './value.js';

export class LuaError extends Error {
  /** The Lua error value (a string for most errors, but `error{}` raises a table). */
  value: LuaValue;
  /** Lua traceback (debug.traceback format), filled in when the error reaches the host. */
  luaTraceback: string | undefined = undefined;
  /** True until the VM has prefixed the message with the caller's "chunk:line:". */
  needsWhere: boolean;
  /** An error raised while handling an error (Lua's LUA_ERRERR): no message handler runs. */
  inErrorHandling = false;
  /**
   * An error Lua code cannot catch (instruction limits, timeouts, cancellation): it unwinds
   * through pcall and coroutine boundaries to the host's entry, running __close on the way.
   */
  uncatchable = false;

  constructor(value: LuaValue, needsWhere = false, options?: { cause?: unknown }) {
    // Lua code raises errors as a matter of course (pcall(error, x) in a loop), and recording
    // the JS stack cost most of the time of one (8-12 µs of ~12). The stack of moonlet's own
    // functions says nothing to a Lua program; the host gets a fresh error with its stack
    // (embed/runtime.ts publicError), and an exception from JS code keeps its own as `cause`.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(typeof value === 'string' ? value : describeErrorValue(value), options);
    Error.stackTraceLimit = limit;
    this.name = 'LuaError';
    this.value = value;
    this.needsWhere = needsWhere;
  }
}

function describeErrorValue(v: LuaValue): string {
  if (v === undefined) return 'nil';
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  return `(error object is a ${v === null ? 'nil' : typeof v === 'object' ? (v.constructor?.name ?? 'object') : typeof v} value)`;
}

/** Lua's LUA_ERRERR: an error while handling an error; no message handler runs for it. */
export function errorInErrorHandling(): LuaError {
  const e = new LuaError('error in error handling');
  e.inErrorHandling = true;
  return e;
}

/** Raise a library error (luaL_error): the VM adds the calling Lua function's position. */
export function throwLibError(message: string): never {
  throw new LuaError(message, true);
}
