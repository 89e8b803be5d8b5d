// jit-arith.ts — the JS that compiled code runs for Lua constants and arithmetic.
//
// Shared by jit.ts (a function's own instructions) and jit-inline.ts (a small callee's body
// written into its caller): both need the same constant literals and the same arithmetic fast
// paths, whose results follow value.ts exactly (integers stay integers while they are safe
// JS integers, else the bigint helpers; float results with integral values are boxed).
// Anything the fast path does not cover runs the caller's `slow` code.

import type { Proto } from '../compiler/proto.js';
import { Op } from '../compiler/opcodes.js';
import { LuaFloat, MAX_SAFE } from './value.js';
import type { LuaValue } from './value.js';
import { ArithOp, floatResult } from './arith.js';

/** A number as a JS literal (infinities, NaN and -0 included). */
export function numberLiteral(v: number): string {
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  if (v !== v) return 'NaN';
  return Object.is(v, -0) ? '-0' : String(v);
}

/** A K constant: its JS expression and, for numbers, the value and subtype. */
export interface Const {
  expr: string;
  num: number | undefined;
  isFloat: boolean;
}

/** Constant `idx` of `p` as the compiled code of `p` itself names it (`k` is p.k there). */
export function constant(p: Proto, idx: number): Const {
  const v = p.k[idx];
  if (typeof v === 'number') return { expr: numberLiteral(v), num: v, isFloat: !Number.isInteger(v) };
  if (v instanceof LuaFloat && v.n === v.n) return { expr: `k[${idx}]`, num: v.n, isFloat: true };
  if (typeof v === 'string') return { expr: JSON.stringify(v), num: undefined, isFloat: false };
  return { expr: `k[${idx}]`, num: undefined, isFloat: false };
}

/**
 * JS for `dst = a op b` (value.ts rules: integers stay integers while safe, else the bigint
 * path; integral float results are boxed). Plain numbers first, then boxed floats; anything
 * else runs `slow`.
 */
export function arithFast(op: Op, a: string, b: string, bConst: Const | null, dst: string, slow: string): string {
  const bIsNum = bConst !== null && bConst.num !== undefined;
  const bNum = bIsNum ? numberLiteral(bConst!.num!) : 'b';
  const guard = bIsNum && !(bConst!.expr.startsWith('k[')) ? `typeof a === 'number'` : `typeof a === 'number' && typeof b === 'number'`;
  const bInt = bIsNum ? (bConst!.isFloat ? 'false' : 'true') : 'Number.isInteger(b)';
  const box = `(Number.isInteger(r) ? new LuaFloat(r) : r)`;
  // Either operand a boxed float (1.0, -0.0): float arithmetic on the unboxed values, in a
  // helper (the path is rare; written out, it made each operation's code twice as long).
  const floatPath = (aop: ArithOp) => `else { const r = H.boxedFloatArith(${aop}, a, b); if (r !== undefined) ${dst} = r; else ${slow} }`;
  let body: string;
  let fl = '';
  switch (op) {
    case Op.ADD:
    case Op.SUB:
    case Op.MUL: {
      const sym = op === Op.ADD ? '+' : op === Op.SUB ? '-' : '*';
      const big = op === Op.ADD ? 'H.intAdd' : op === Op.SUB ? 'H.intSub' : 'H.intMul';
      const fix = op === Op.MUL ? ' + 0' : '';
      if (bIsNum && bConst!.isFloat) body = `const r = a ${sym} ${bNum}; ${dst} = ${box};`;
      else {
        body =
          `const r = a ${sym} ${bNum};` +
          ` if (Number.isInteger(r)) { if (Number.isInteger(a) && ${bInt}) ${dst} = r >= -${MAX_SAFE} && r <= ${MAX_SAFE} ? r${fix} : ${big}(a, ${bNum});` +
          ` else ${dst} = new LuaFloat(r); } else ${dst} = r;`;
      }
      fl = floatPath(op === Op.ADD ? ArithOp.ADD : op === Op.SUB ? ArithOp.SUB : ArithOp.MUL);
      break;
    }
    case Op.DIV:
      body = `const r = a / ${bNum}; ${dst} = ${box};`;
      fl = floatPath(ArithOp.DIV);
      break;
    case Op.POW:
      body = `const r = H.floatPow(a, ${bNum}); ${dst} = ${box};`;
      fl = floatPath(ArithOp.POW);
      break;
    case Op.MOD:
      body =
        bIsNum && bConst!.isFloat
          ? `const r = H.floatMod(a, ${bNum}); ${dst} = ${box};`
          : `if (Number.isInteger(a) && ${bInt}) { if (${bNum} === 0) ${slow} ${dst} = H.intMod(a, ${bNum}); } else { const r = H.floatMod(a, ${bNum}); ${dst} = ${box}; }`;
      break;
    case Op.IDIV:
      body =
        bIsNum && bConst!.isFloat
          ? `const r = Math.floor(a / ${bNum}); ${dst} = ${box};`
          : `if (Number.isInteger(a) && ${bInt}) { if (${bNum} === 0) ${slow} ${dst} = H.intIdiv(a, ${bNum}); } else { const r = Math.floor(a / ${bNum}); ${dst} = ${box}; }`;
      break;
    case Op.BAND:
    case Op.BOR:
    case Op.BXOR: {
      const sym = op === Op.BAND ? '&' : op === Op.BOR ? '|' : '^';
      return `{ const a = ${a}, b = ${b}; if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b) ${dst} = a ${sym} b; else ${slow} }`;
    }
    default:
      return slow;
  }
  return `{ const a = ${a}, b = ${b}; if (${guard}) { ${body} } ${fl || `else ${slow}`} }`;
}

export const ARITH_K: Partial<Record<Op, Op>> = {
  [Op.ADDK]: Op.ADD,
  [Op.SUBK]: Op.SUB,
  [Op.MULK]: Op.MUL,
  [Op.MODK]: Op.MOD,
  [Op.POWK]: Op.POW,
  [Op.DIVK]: Op.DIV,
  [Op.IDIVK]: Op.IDIV,
  [Op.BANDK]: Op.BAND,
  [Op.BORK]: Op.BOR,
  [Op.BXORK]: Op.BXOR,
};

/**
 * At run time, `a op b` for + - * / ^ when either operand is a boxed float (an integral float
 * such as 1.0 or -0.0, value.ts) and neither is NaN: the float result (arith.ts floatResult).
 * Undefined for anything else, which the caller's slow path handles.
 */
export function boxedFloatArith(op: ArithOp, a: LuaValue, b: LuaValue): LuaValue | undefined {
  const x = typeof a === 'number' ? a : a instanceof LuaFloat ? a.n : undefined;
  const y = typeof b === 'number' ? b : b instanceof LuaFloat ? b.n : undefined;
  if (x === undefined || y === undefined || x !== x || y !== y) return undefined;
  if (!(a instanceof LuaFloat || b instanceof LuaFloat)) return undefined;
  return floatResult(op, a as number | LuaFloat, b as number | LuaFloat);
}
