// jit-inline.ts — small Lua functions run in place at the call sites of compiled code.
//
// A call costs compiled code a frame (precallLua), a spill of the caller's registers, the
// callee's entry and its return: for a function of a few arithmetic instructions that is most
// of the work. spectral_norm calls `A(i, j)` (eight instructions) in its inner loop; oop's
// `p:dot(o)`, `c:tick()` and `add3(x)` are as small. Such a callee can be written into its
// caller instead, guarded by a check that the function called is the one it was written from.
//
// Which function a call site calls is known only when it runs. compileProto compiles a
// function while one of its frames is live (on a call or at a hot loop), so it can look at
// that frame: the instruction that loaded the call's function register (GETUPVAL, GETTABUP,
// MOVE, GETFIELD, SELF) names where the function comes from, and the frame's upvalues and
// registers say what is there now (speculateCallee). Raw table reads only: looking runs no
// Lua code. A stale or wrong guess costs nothing but the guard: the compiled code checks
// `fn.p === proto` at each call and otherwise calls as usual.
//
// Which callees qualify (inlinable): straight-line code (no jumps, no calls, no loops, no
// closures, no varargs) ending in RETURN0 or RETURN1, made of moves, loads, upvalue reads,
// arithmetic and table reads, with at most one effect (SETFIELD or SETUPVAL) that no fallible
// instruction follows. The inlined body runs only fast paths; anything else (a metamethod, a
// string operand, a missing field of a table with a metatable) leaves it for the real call
// (`bail`) before any effect has happened, so the callee then runs from its start exactly as
// if it had been called in the first place. An inlined call has no frame, which nothing can
// observe: compiled code never runs with hooks set, and the body cannot raise an error or
// reach a debug function.
//
// The body is written in SSA form (straight-line code makes that trivial): each instruction
// defines a fresh JS local, and an instruction whose result is certainly a Lua float (a
// division, arithmetic with a float constant or a float) defines a raw double that is boxed
// (boxF) only where a Lua value is needed. V8 then keeps A's arithmetic in registers.

import type { Proto } from '../compiler/proto.js';
import { Op, OFFSET_sBx, OFFSET_sC, getOp, getA, getB, getC, getk, getBx } from '../compiler/opcodes.js';
import type { LuaValue } from './value.js';
import { LuaFloat } from './value.js';
import { LuaTable } from './table.js';
import { LuaClosure } from './closure.js';
import type { UpVal } from './closure.js';
import { ARITH_K, arithFast, numberLiteral } from './jit-arith.js';
import { isFloatConstant } from './jit-floats.js';

/** What compileProto can see of the frame it compiles for (speculation only). */
export interface FramePeek {
  upvals: UpVal[];
  stack: LuaValue[];
  base: number;
}

/** What the inlined body needs from its caller's code generator (jit.ts Gen). */
export interface InlineHost {
  cache(n: number): number;
  cachedGet(t: string, key: string, j: number): string;
  cachedSet(t: string, keyValue: string, v: string, j: number, slow: string): string;
  factoryConst(name: string, init: string): string;
}

/** Callees longer than this are not inlined (the caller's code grows with each copy). */
const MAX_INLINE_INSTRUCTIONS = 40;

/** Steps through __index tables when looking at a method (speculation gives up after). */
const MAX_PEEK_CHAIN = 8;

// ============================================================================================
// Which function a call site calls
// ============================================================================================

/**
 * The function the CALL at `pc` of `p` is likely to call, if inlinable, as seen in the live
 * frame `peek`; null otherwise. The nearest earlier instruction whose A is the call's
 * register is taken as the one that loaded the function (a wrong guess only fails the guard).
 */
export function speculateCallee(p: Proto, pc: number, peek: FramePeek): Proto | null {
  const a = getA(p.code[pc]);
  for (let q = pc - 1; q >= 0; q--) {
    const i = p.code[q];
    if (getA(i) !== a) continue;
    const v = loadedValue(p, i, peek);
    return v instanceof LuaClosure && inlinable(v.p) ? v.p : null;
  }
  return null;
}

/** What instruction `i` would load into its register now, for the loads a function comes from. */
function loadedValue(p: Proto, i: number, peek: FramePeek): LuaValue {
  const reg = (r: number) => peek.stack[peek.base + r];
  const upval = (u: number) => (u < peek.upvals.length ? peek.upvals[u].value : undefined);
  switch (getOp(i)) {
    case Op.GETUPVAL:
      return upval(getB(i));
    case Op.MOVE:
      return reg(getB(i));
    case Op.GETTABUP:
      return lookup(upval(getB(i)), p.k[getC(i)]);
    case Op.GETFIELD:
      return lookup(reg(getB(i)), p.k[getC(i)]);
    case Op.SELF:
      return getk(i) !== 0 ? lookup(reg(getB(i)), p.k[getC(i)]) : undefined;
    default:
      return undefined;
  }
}

/** t[key] by raw reads, through __index tables (no metamethod function runs). */
function lookup(t: LuaValue, key: LuaValue): LuaValue {
  if (typeof key !== 'string') return undefined;
  for (let n = 0; n < MAX_PEEK_CHAIN && t instanceof LuaTable; n++) {
    const v = t.getStr(key);
    if (v !== undefined) return v;
    t = t.metatable?.getStr('__index');
  }
  return undefined;
}

// ============================================================================================
// Which functions qualify
// ============================================================================================

/** Instructions that can never bail: after the effect, only these may follow. */
function infallible(op: Op): boolean {
  switch (op) {
    case Op.MOVE:
    case Op.LOADI:
    case Op.LOADF:
    case Op.LOADK:
    case Op.LOADFALSE:
    case Op.LOADTRUE:
    case Op.LOADNIL:
    case Op.GETUPVAL:
    case Op.MMBIN:
    case Op.MMBINI:
    case Op.MMBINK:
    case Op.RETURN0:
    case Op.RETURN1:
      return true;
    default:
      return false;
  }
}

/** Whether `p` can be written into a caller (see the top of this file). Cached on the Proto. */
export function inlinable(p: Proto): boolean {
  const memo = inlinableMemo.get(p);
  if (memo !== undefined) return memo;
  const r = checkInlinable(p);
  inlinableMemo.set(p, r);
  return r;
}

const inlinableMemo = new WeakMap<Proto, boolean>();

function checkInlinable(p: Proto): boolean {
  if (p.isVararg || p.p.length > 0) return false;
  let effect = false;
  for (let pc = 0; pc < p.code.length && pc < MAX_INLINE_INSTRUCTIONS; pc++) {
    const op = getOp(p.code[pc]);
    if (effect && !infallible(op)) return false;
    if (op === Op.RETURN0 || op === Op.RETURN1) return true;
    if (op === Op.SETFIELD || op === Op.SETUPVAL) effect = true;
    else if (!supported(op)) return false;
  }
  return false;
}

/** The instructions inlineBody writes out (besides the effects and returns). */
function supported(op: Op): boolean {
  if (infallible(op) || ARITH_K[op] !== undefined) return true;
  switch (op) {
    case Op.GETTABUP:
    case Op.GETFIELD:
    case Op.GETI:
    case Op.GETTABLE:
    case Op.ADDI:
    case Op.ADD:
    case Op.SUB:
    case Op.MUL:
    case Op.MOD:
    case Op.POW:
    case Op.DIV:
    case Op.IDIV:
    case Op.BAND:
    case Op.BOR:
    case Op.BXOR:
    case Op.UNM:
    case Op.NOT:
      return true;
    default:
      return false;
  }
}

// ============================================================================================
// The inlined body
// ============================================================================================

/** A register's current definition: a JS expression, and whether it is a raw double (float). */
interface Def {
  expr: string;
  raw: boolean;
}

/**
 * JS that runs `callee`'s body (inlinable) for the closure in the JS local `fn` on the Lua
 * values `args` (JS expressions, read as often as needed), running `bail` (a jump out of the
 * inlined code to the real call) before any effect whenever a fast path does not apply.
 * `code` defines the result, `result` is its JS expression as a Lua value.
 */
export function inlineBody(host: InlineHost, callee: Proto, fn: string, args: string[], bail: string): { code: string; result: string } {
  const boxF = host.factoryConst('boxF', 'H.boxF');
  const out: string[] = [];
  let fresh = 0;
  const define = () => `lv${fresh++}`;
  const regs: Def[] = [];
  for (let r = 0; r < callee.maxStackSize; r++) regs.push({ expr: r < callee.numParams && r < args.length ? args[r] : 'undefined', raw: false });
  /** Register r as a Lua value. */
  const V = (r: number) => (regs[r].raw ? `${boxF}(${regs[r].expr})` : regs[r].expr);
  /** Register r as a double for float arithmetic (bails on a non-number or a boxed NaN). */
  const D = (r: number) => {
    if (regs[r].raw) return regs[r].expr;
    const x = define();
    out.push(`let ${x}; { const a = ${regs[r].expr}; if (typeof a === 'number') ${x} = a; else if (a instanceof LuaFloat && a.n === a.n) ${x} = a.n; else ${bail} }`);
    return x;
  };
  const setRaw = (r: number, expr: string) => {
    const x = define();
    out.push(`const ${x} = ${expr};`);
    regs[r] = { expr: x, raw: true };
  };
  const setValue = (r: number, code: (dst: string) => string) => {
    const x = define();
    out.push(`let ${x}; ${code(x)}`);
    regs[r] = { expr: x, raw: false };
  };
  /** A float constant of the callee as a double, or undefined. */
  const floatK = (idx: number) => {
    const v = callee.k[idx];
    if (!isFloatConstant(v)) return undefined;
    return numberLiteral(typeof v === 'number' ? v : (v as LuaFloat).n);
  };
  const table = (t: string, body: string) => `{ const t = ${t}; if (t instanceof LuaTable) { ${body} } else ${bail} }`;
  /** `dst = t[key]` raw, for a string constant key; a miss with a metatable bails. */
  const field = (t: string, key: string, dst: string) => {
    const j = host.cache(1);
    return table(t, `let v; ${host.cachedGet('t', JSON.stringify(key), j)} if (v === undefined && t.metatable !== undefined) ${bail} ${dst} = v;`);
  };
  const upval = (u: number) => `${fn}.upvals[${u}].stack[${fn}.upvals[${u}].idx]`;

  for (let pc = 0; ; pc++) {
    const i = callee.code[pc];
    const op = getOp(i) as Op;
    const a = getA(i);
    const b = getB(i);
    const c = getC(i);
    switch (op) {
      case Op.RETURN0:
        return { code: out.join('\n'), result: 'undefined' };
      case Op.RETURN1:
        return { code: out.join('\n'), result: V(a) };
      case Op.MOVE:
        regs[a] = regs[b];
        break;
      case Op.LOADI:
        regs[a] = { expr: String((i >>> 15) - OFFSET_sBx), raw: false };
        break;
      case Op.LOADF:
        regs[a] = { expr: numberLiteral((i >>> 15) - OFFSET_sBx), raw: true };
        break;
      case Op.LOADK: {
        const v = callee.k[getBx(i)];
        const fk = floatK(getBx(i));
        if (fk !== undefined) regs[a] = { expr: fk, raw: true };
        else if (typeof v === 'number' || typeof v === 'string') regs[a] = { expr: typeof v === 'number' ? numberLiteral(v) : JSON.stringify(v), raw: false };
        else regs[a] = { expr: `${fn}.p.k[${getBx(i)}]`, raw: false };
        break;
      }
      case Op.LOADFALSE:
      case Op.LOADTRUE:
        regs[a] = { expr: op === Op.LOADTRUE ? 'true' : 'false', raw: false };
        break;
      case Op.LOADNIL:
        for (let r = a; r <= a + b; r++) regs[r] = { expr: 'undefined', raw: false };
        break;
      case Op.GETUPVAL:
        setValue(a, (x) => `${x} = ${upval(b)};`);
        break;
      case Op.GETTABUP: {
        const key = callee.k[c];
        if (typeof key !== 'string') setValue(a, () => bail);
        else setValue(a, (x) => field(upval(b), key, x));
        break;
      }
      case Op.GETFIELD: {
        const key = callee.k[c];
        const t = V(b);
        if (typeof key !== 'string') setValue(a, () => bail);
        else setValue(a, (x) => field(t, key, x));
        break;
      }
      case Op.GETI: {
        const t = V(b);
        setValue(a, (x) => table(t, `const v = t.getInt(${c}); if (v === undefined && t.metatable !== undefined) ${bail} ${x} = v;`));
        break;
      }
      case Op.GETTABLE: {
        const t = V(b);
        const key = V(c);
        setValue(a, (x) =>
          table(t, `const key = ${key}; if (typeof key !== 'number' || !Number.isInteger(key)) ${bail} const v = t.getInt(key); if (v === undefined && t.metatable !== undefined) ${bail} ${x} = v;`),
        );
        break;
      }
      case Op.SETFIELD: {
        const key = callee.k[b];
        const v = getk(i) !== 0 ? constantValue(callee, c, fn) : V(c);
        const t = V(a);
        if (typeof key !== 'string') out.push(bail);
        else out.push(table(t, host.cachedSet('t', key, v, host.cache(1), bail)));
        break;
      }
      case Op.SETUPVAL:
        out.push(`{ const uv = ${fn}.upvals[${b}]; uv.stack[uv.idx] = ${V(a)}; }`);
        break;
      case Op.UNM:
        if (regs[b].raw) setRaw(a, `-(${regs[b].expr})`);
        else setValue(a, (x) => `{ const v = ${V(b)}; if (typeof v === 'number' && v !== 0 && v === v) ${x} = -v; else ${bail} }`);
        break;
      case Op.NOT:
        setValue(a, (x) => `{ const v = ${V(b)}; ${x} = v === undefined || v === false; }`);
        break;
      case Op.MMBIN:
      case Op.MMBINI:
      case Op.MMBINK:
        // Reached only after the arithmetic before it took its fast path.
        break;
      case Op.ADDI: {
        const imm = c - OFFSET_sC;
        if (regs[b].raw) setRaw(a, `${regs[b].expr} + ${imm}`);
        else setValue(a, (x) => arithFast(Op.ADD, V(b), String(imm), { expr: String(imm), num: imm, isFloat: false }, x, bail));
        break;
      }
      default: {
        const kop = ARITH_K[op];
        if (kop !== undefined) {
          const kv = callee.k[c];
          const num = typeof kv === 'number' ? kv : kv instanceof LuaFloat ? kv.n : undefined;
          if (num === undefined) {
            out.push(bail);
            break;
          }
          const fk = floatK(c);
          if (isRawOp(kop) && (fk !== undefined || regs[b].raw)) setRaw(a, `${D(b)} ${symbol(kop)} ${numberLiteral(num)}`);
          else {
            const lit = numberLiteral(num);
            setValue(a, (x) => arithFast(kop, V(b), lit, { expr: lit, num, isFloat: fk !== undefined }, x, bail));
          }
          break;
        }
        // ADD SUB MUL MOD POW DIV IDIV BAND BOR BXOR on two registers.
        if (isRawOp(op) && (op === Op.DIV || regs[b].raw || regs[c].raw)) {
          const x = D(b);
          const y = D(c);
          setRaw(a, `${x} ${symbol(op)} ${y}`);
        } else {
          const x = V(b);
          const y = V(c);
          setValue(a, (d) => arithFast(op, x, y, null, d, bail));
        }
      }
    }
  }
}

/** Operations computed on raw doubles when their result is certainly a float. */
function isRawOp(op: Op): boolean {
  return op === Op.ADD || op === Op.SUB || op === Op.MUL || op === Op.DIV;
}

function symbol(op: Op): string {
  return op === Op.ADD ? '+' : op === Op.SUB ? '-' : op === Op.MUL ? '*' : '/';
}

/** A constant operand (RK) of the callee as a Lua value expression. */
function constantValue(callee: Proto, idx: number, fn: string): string {
  const v = callee.k[idx];
  if (typeof v === 'number') return numberLiteral(v);
  if (typeof v === 'string') return JSON.stringify(v);
  return `${fn}.p.k[${idx}]`;
}
