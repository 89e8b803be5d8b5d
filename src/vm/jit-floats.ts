// jit-floats.ts — which registers compiled code may keep as raw JS doubles (float registers).
//
// moonlet's value model keeps a Lua float as a JS number when its value is not integral and
// as a boxed LuaFloat when it is (0.0, 4.0), because an integral JS number is a Lua integer
// (value.ts). So every float operation in compiled code checks its result with
// Number.isInteger and may box it, and a JS local that holds floats may also hold a LuaFloat:
// V8 then keeps it as a tagged value and allocates a heap number for each float assigned to
// it. In a float loop (mandelbrot) that is one allocation per operation, and the loop runs
// about fifteen times slower than on plain doubles.
//
// A float register holds the raw double of a value that is certainly a float, so its
// operations need no check and V8 keeps it unboxed. A register qualifies when every
// instruction of the function that writes it produces a float whatever the values it reads
// (as long as it does not leave for the interpreter, which it does for a non-number):
//   - LOADF, or LOADK of a float constant;
//   - MOVE from a float register; UNM of one;
//   - DIV and POW of any numbers (Lua's `/` and `^` always give floats);
//   - ADD, SUB, MUL, MOD, IDIV (and their K and immediate forms) with an operand that is a
//     float register or a float constant (a float with any number gives a float).
// This is a greatest fixpoint: a register counts as float until one of its writers needs a
// register that turned out not to be. The proof that it holds floats goes by induction on
// execution: a value is read only after some writer wrote it, and each writer, given float
// operands where it needs them, writes a float.
//
// Values reach a float register from the stack too, when the compiled function is entered
// (the interpreter may have run part of the function, and a metamethod may have put
// anything there): jit.ts checks, on entry, that the float registers the code may still read
// hold floats (floatEntryChecks), and leaves the function to the interpreter if not.
// Parameters are never float registers: their values come from the caller.

import type { Proto } from '../compiler/proto.js';
import { Op, getOp, getA, getB, getC, getBx } from '../compiler/opcodes.js';
import { LuaFloat } from './value.js';
import type { Liveness } from './jit-liveness.js';

/** A K constant that is a float (not NaN: the sign of a NaN lives only in its box, value.ts). */
export function isFloatConstant(v: unknown): boolean {
  if (typeof v === 'number') return !Number.isInteger(v) && v === v;
  return v instanceof LuaFloat && v.n === v.n;
}

const KOPS = new Set<Op>([Op.ADDK, Op.SUBK, Op.MULK, Op.MODK, Op.IDIVK]);
const RRKOPS = new Set<Op>([Op.ADD, Op.SUB, Op.MUL, Op.MOD, Op.IDIV]);

/** Whether instruction `i` writes a float into its R[A] when the registers in `fl` hold floats. */
function writesFloat(p: Proto, i: number, fl: boolean[]): boolean {
  const op = getOp(i) as Op;
  const b = getB(i);
  const c = getC(i);
  switch (op) {
    case Op.LOADF:
      return true;
    case Op.LOADK:
      return isFloatConstant(p.k[getBx(i)]);
    case Op.MOVE:
    case Op.UNM:
    case Op.ADDI:
      return fl[b] === true;
    case Op.DIV:
    case Op.POW:
      return true;
    case Op.DIVK:
    case Op.POWK:
      return typeof p.k[c] === 'number' || p.k[c] instanceof LuaFloat;
    default:
      if (RRKOPS.has(op)) return fl[b] === true || fl[c] === true;
      if (KOPS.has(op)) return fl[b] === true || isFloatConstant(p.k[c]);
      return false;
  }
}

/** float[r]: register r is a float register (see the top of this file). */
export function floatRegisters(p: Proto, live: Liveness): boolean[] {
  const code = p.code;
  const fl: boolean[] = live.promoted.map((promoted, r) => promoted && r >= p.numParams);
  const written: boolean[] = new Array(fl.length).fill(false);
  for (const regs of live.writes) for (const r of regs) written[r] = true;
  for (let r = 0; r < fl.length; r++) if (!written[r]) fl[r] = false;
  for (let changed = true; changed; ) {
    changed = false;
    code.forEach((i, pc) => {
      const regs = live.writes[pc];
      const single = regs.length === 1 && regs[0] === getA(i) && writesFloat(p, i, fl);
      for (const r of regs) {
        if (fl[r] && !single) {
          fl[r] = false;
          changed = true;
        }
      }
    });
  }
  return fl;
}
