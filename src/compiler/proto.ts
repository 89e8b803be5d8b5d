// proto.ts — a compiled function: the unit the compiler produces, the VM runs, string.dump
// serialises and the worker pool ships between isolates.
//
// Invariants:
// - `code` holds Lua 5.4 instructions (opcodes.ts); `lineinfo[pc]` is the source line of
//   instruction `pc` (absolute, one entry per instruction: moonlet does not need Lua's
//   compressed relative encoding in memory; the binary chunk format may compress it).
// - `k` holds only nil, booleans, numbers and strings (LuaValue without reference types).
// - `upvalues[i].inStack` means the upvalue captures register `index` of the enclosing
//   function; otherwise it is the enclosing function's upvalue `index`.
// - `maxStackSize` is the number of registers the function needs (at most 255).
// Cf. lobject.h (Proto, Upvaldesc, LocVar).

import type { LuaValue } from '../vm/value.js';

/** Kind of a local variable, as Lua's Vardesc.kind. */
export const enum VarKind {
  /** Regular variable. */
  Regular = 0,
  /** `<const>` variable. */
  Const = 1,
  /** `<close>` variable. */
  ToClose = 2,
  /** Compile-time constant: no register; references use its value. */
  CompileTimeConst = 3,
}

export interface UpvalDesc {
  /** Name, for debug information ("" when stripped). */
  name: string;
  /** Captures a register of the enclosing function (true) or one of its upvalues (false). */
  inStack: boolean;
  /** Register or upvalue index in the enclosing function. */
  index: number;
  kind: VarKind;
}

export interface LocVar {
  name: string;
  /** First instruction where the variable is active. */
  startPc: number;
  /** First instruction where the variable is dead. */
  endPc: number;
}

export class Proto {
  code: Int32Array = new Int32Array(0);
  lineinfo: Int32Array = new Int32Array(0);
  k: LuaValue[] = [];
  p: Proto[] = [];
  upvalues: UpvalDesc[] = [];
  locvars: LocVar[] = [];
  numParams = 0;
  isVararg = false;
  maxStackSize = 2;
  /** Chunk name as given to load ("@file.lua", "=stdin", or the source itself). */
  source = '?';
  lineDefined = 0;
  lastLineDefined = 0;
  /**
   * The VM's compiled form of this function (vm/jit.ts): undefined until it gets hot, null if
   * it cannot be compiled. Typed loosely so the compiler does not depend on the VM.
   */
  jit: ((...args: never[]) => number) | null | undefined = undefined;
  /** Calls and loop iterations left before the VM compiles this function. */
  hot = 200;
}
