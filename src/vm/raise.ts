// raise.ts — the runtime errors the VM itself raises, worded exactly as Lua's.
//
// Every function here throws a LuaError whose message already carries the position of the
// running Lua frame ("input:3: attempt to index a nil value (local 't')"), so callers must
// have saved the frame's pc (ci.pc) before calling. Cf. ldebug.c (luaG_typeerror,
// luaG_opinterror, luaG_ordererror, luaG_concaterror, luaG_tointerror, luaG_runerror).

import type { LuaValue } from './value.js';
import { isNumber, toIntegerStrict } from './value.js';
import { LuaError } from './errors.js';
import type { LuaThread } from './state.js';
import { objTypeName, varInfo, runtimePosition, funcNameFromCall, NO_SOURCE } from './debug-info.js';
import type { ValueSource } from './debug-info.js';

/** luaG_runerror: message prefixed with the running Lua frame's position. */
export function runError(L: LuaThread, msg: string): never {
  throw new LuaError(runtimePosition(L.ci) + msg);
}

/** "attempt to <op> a <type> value (<kind> '<name>')" */
export function typeError(L: LuaThread, v: LuaValue, op: string, src: ValueSource): never {
  runError(L, `attempt to ${op} a ${objTypeName(v)} value${varInfo(L, src)}`);
}

/** Call of a non-callable value: names it from the calling instruction (luaG_callerror). */
export function callError(L: LuaThread, v: LuaValue, src: ValueSource): never {
  const name = funcNameFromCall(L.ci);
  const extra = name !== undefined ? ` (${name.kind} '${name.name}')` : varInfo(L, src);
  runError(L, `attempt to call a ${objTypeName(v)} value${extra}`);
}

/** Arithmetic or bitwise operand error: blames the first operand that is not a number. */
export function opIntError(
  L: LuaThread,
  a: LuaValue,
  b: LuaValue,
  srcA: ValueSource,
  srcB: ValueSource,
  msg: string,
): never {
  if (!isNumber(a)) typeError(L, a, msg, srcA);
  typeError(L, b, msg, srcB);
}

/** Bitwise operand that is a float without an integer value. */
export function toIntError(L: LuaThread, a: LuaValue, b: LuaValue, srcA: ValueSource, srcB: ValueSource): never {
  const src = toIntegerStrict(a) === undefined ? srcA : srcB;
  runError(L, `number${varInfo(L, src)} has no integer representation`);
}

export function orderError(L: LuaThread, a: LuaValue, b: LuaValue): never {
  const t1 = objTypeName(a);
  const t2 = objTypeName(b);
  if (t1 === t2) runError(L, `attempt to compare two ${t1} values`);
  runError(L, `attempt to compare ${t1} with ${t2}`);
}

export function concatError(L: LuaThread, a: LuaValue, b: LuaValue, srcA: ValueSource, srcB: ValueSource): never {
  if (typeof a === 'string' || isNumber(a)) typeError(L, b, 'concatenate', srcB);
  typeError(L, a, 'concatenate', srcA);
}

/** "bad 'for' initial value (number expected, got table)" (luaG_forerror). */
export function forError(L: LuaThread, v: LuaValue, what: 'initial value' | 'limit' | 'step'): never {
  runError(L, `bad 'for' ${what} (number expected, got ${objTypeName(v)})`);
}

export { NO_SOURCE };
