// sort-comparator.ts — recognising table.sort comparators that are exactly `return a < b`
// or `return a > b` on their two parameters.
//
// table.sort calls its comparator by request, one Lua call per comparison (about 3.5 million
// for 200000 elements). The most common comparators are these two one-liners. When every
// element is a number or every one a string (the condition of sortPrimitive), such a
// comparator can run no Lua code but its own `<`: no metamethod, no error, no yield or await.
// Its result is the JS `<` of the two values, so the sort can compare them directly and the
// outcome is the same, even for NaNs, because lsort makes the same comparisons in the same
// order. Anything that could observe the calls — a hook, an upvalue, any other instruction —
// leaves the function unrecognised and the sort calls it.
//
// The bytecode is what luac (and moonlet's compiler) emits for `return x < y` (here for
// x > y, which Lua compiles as y < x):
//   LT 1 0 1; JMP 1; LFALSESKIP 2; LOADTRUE 2; RETURN1 2; RETURN0
// Cf. lcode.c (jumponcond, exp2reg for a comparison).

import type { LuaValue } from '../vm/value.js';
import { LuaClosure } from '../vm/closure.js';
import { Op, getA, getB, getOp, getk, getsJ } from '../compiler/opcodes.js';

/** The comparator is `return a < b` (its first parameter less than its second). */
export const ASCENDING = 1;
/** The comparator is `return a > b` (Lua's `b < a`). */
export const DESCENDING = 2;
/** Anything else: call it. */
export const OTHER = 0;

/** The opcodes after the comparison, the same for both orders. */
const TAIL = [Op.JMP, Op.LFALSESKIP, Op.LOADTRUE, Op.RETURN1, Op.RETURN0];

/** ASCENDING, DESCENDING or OTHER for a comparator value. */
export function comparatorOrder(f: LuaValue): number {
  if (!(f instanceof LuaClosure)) return OTHER;
  const p = f.p;
  const code = p.code;
  if (p.numParams !== 2 || p.isVararg || p.upvalues.length !== 0 || code.length !== 6) return OTHER;
  for (let i = 0; i < TAIL.length; i++) if (getOp(code[i + 1]) !== TAIL[i]) return OTHER;
  // JMP over LFALSESKIP to LOADTRUE; both load register 2, which RETURN1 returns.
  if (getsJ(code[1]) !== 1 || getA(code[2]) !== 2 || getA(code[3]) !== 2 || getA(code[4]) !== 2) return OTHER;
  const lt = code[0];
  if (getOp(lt) !== Op.LT || getk(lt) !== 1) return OTHER;
  const a = getA(lt);
  const b = getB(lt);
  if (a === 0 && b === 1) return ASCENDING;
  if (a === 1 && b === 0) return DESCENDING;
  return OTHER;
}
