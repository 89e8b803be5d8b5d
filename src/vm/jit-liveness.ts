// jit-liveness.ts — which registers compiled code may keep in JS locals, and which of them hold
// values still needed at each instruction (backward dataflow over the bytecode).
//
// The JIT (jit.ts) keeps registers in JS local variables, where V8 holds numbers unboxed,
// and writes them back to the thread's stack only where something else will read the stack:
// when it hands over to the interpreter, calls, returns, or may suspend. Writing back only the
// registers that are live there (read later on some path before being overwritten) keeps
// those spills cheap.
//
// Registers that other code reaches through the stack itself are never kept in locals:
// registers captured by closures (open upvalues point into the stack), to-be-closed variables
// (the VM closes them from the stack), and registers that multiple-result instructions fill or
// read up to a dynamic top.
// Cf. the register semantics in lopcodes.h.

import type { Proto } from '../compiler/proto.js';
import { Op, getOp, getA, getB, getC, getk, getBx, getsJ } from '../compiler/opcodes.js';

/** Words per register set: 8 × 32 bits covers the 255 registers a function can have. */
export const WORDS = 8;

export interface Liveness {
  /** promoted[r]: register r lives in a JS local in compiled code. */
  promoted: boolean[];
  /** Registers live on entry to each instruction (WORDS words per instruction). */
  liveIn: Uint32Array;
  /** The instructions each instruction may continue at, within the function. */
  succ: number[][];
  /**
   * The registers each instruction may write, on any path (what it surely writes, plus
   * TESTSET's A and the step FORLOOP's slow path may rewrite).
   */
  writes: number[][];
}

function set(s: Uint32Array, at: number, r: number): void {
  s[at + (r >>> 5)] |= 1 << (r & 31);
}

function setRange(s: Uint32Array, at: number, from: number, to: number): void {
  for (let r = from; r <= to; r++) set(s, at, r);
}

/** Registers an instruction reads and (unconditionally) writes, and where it may go next. */
interface Effect {
  uses: Uint32Array;
  defs: Uint32Array;
  succ: number[];
}

export function analyze(p: Proto): Liveness {
  const code = p.code;
  const n = code.length;
  const top = Math.max(p.maxStackSize, 1) - 1; // highest register
  const promoted: boolean[] = new Array(p.maxStackSize).fill(true);
  const demote = (from: number, to: number) => {
    for (let r = from; r <= to && r < promoted.length; r++) promoted[r] = false;
  };
  const effects: Effect[] = [];
  for (let pc = 0; pc < n; pc++) {
    const i = code[pc];
    const op = getOp(i) as Op;
    const a = getA(i);
    const b = getB(i);
    const c = getC(i);
    const k = getk(i);
    const uses = new Uint32Array(WORDS);
    const defs = new Uint32Array(WORDS);
    let succ = [pc + 1];
    switch (op) {
      case Op.MOVE:
        set(uses, 0, b);
        set(defs, 0, a);
        break;
      case Op.LOADI:
      case Op.LOADF:
      case Op.LOADK:
      case Op.LOADFALSE:
      case Op.LOADTRUE:
      case Op.GETUPVAL:
      case Op.GETTABUP:
      case Op.NEWTABLE:
        set(defs, 0, a);
        break;
      case Op.LOADKX:
        set(defs, 0, a);
        succ = [pc + 2];
        break;
      case Op.LFALSESKIP:
        set(defs, 0, a);
        succ = [pc + 2];
        break;
      case Op.LOADNIL:
        setRange(defs, 0, a, a + b);
        break;
      case Op.SETUPVAL:
        set(uses, 0, a);
        break;
      case Op.GETTABLE:
        set(uses, 0, b);
        set(uses, 0, c);
        set(defs, 0, a);
        break;
      case Op.GETI:
      case Op.GETFIELD:
      case Op.ADDI:
      case Op.ADDK:
      case Op.SUBK:
      case Op.MULK:
      case Op.MODK:
      case Op.POWK:
      case Op.DIVK:
      case Op.IDIVK:
      case Op.BANDK:
      case Op.BORK:
      case Op.BXORK:
      case Op.SHRI:
      case Op.SHLI:
      case Op.UNM:
      case Op.BNOT:
      case Op.NOT:
      case Op.LEN:
        set(uses, 0, b);
        set(defs, 0, a);
        break;
      case Op.SETTABUP:
        if (!k) set(uses, 0, c);
        break;
      case Op.SETTABLE:
        set(uses, 0, a);
        set(uses, 0, b);
        if (!k) set(uses, 0, c);
        break;
      case Op.SETI:
      case Op.SETFIELD:
        set(uses, 0, a);
        if (!k) set(uses, 0, c);
        break;
      case Op.SELF:
        set(uses, 0, b);
        if (!k) set(uses, 0, c);
        set(defs, 0, a);
        set(defs, 0, a + 1);
        break;
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
      case Op.SHL:
      case Op.SHR:
        set(uses, 0, b);
        set(uses, 0, c);
        set(defs, 0, a);
        break;
      case Op.MMBIN:
        set(uses, 0, a);
        set(uses, 0, b);
        break;
      case Op.MMBINI:
      case Op.MMBINK:
        set(uses, 0, a);
        break;
      case Op.CONCAT:
        setRange(uses, 0, a, a + b - 1);
        set(defs, 0, a);
        break;
      case Op.CLOSE:
        break;
      case Op.TBC:
        set(uses, 0, a);
        demote(a, a);
        break;
      case Op.JMP:
        succ = [pc + 1 + getsJ(i)];
        break;
      case Op.EQ:
      case Op.LT:
      case Op.LE:
        set(uses, 0, a);
        set(uses, 0, b);
        succ = [pc + 1, pc + 2];
        break;
      case Op.EQK:
      case Op.EQI:
      case Op.LTI:
      case Op.LEI:
      case Op.GTI:
      case Op.GEI:
      case Op.TEST:
        set(uses, 0, a);
        succ = [pc + 1, pc + 2];
        break;
      case Op.TESTSET:
        // A is written only on one path: a use of B, no kill.
        set(uses, 0, b);
        succ = [pc + 1, pc + 2];
        break;
      case Op.CALL:
      case Op.TAILCALL:
        if (b === 0) {
          setRange(uses, 0, a, top);
          demote(a, top);
        } else setRange(uses, 0, a, a + b - 1);
        if (c === 0) {
          setRange(defs, 0, a, top);
          demote(a, top);
        } else if (c > 1) setRange(defs, 0, a, a + c - 2);
        if (op === Op.TAILCALL) succ = [];
        break;
      case Op.RETURN:
        if (b === 0) {
          setRange(uses, 0, a, top);
          demote(a, top);
        } else setRange(uses, 0, a, a + b - 2);
        succ = [];
        break;
      case Op.RETURN0:
        succ = [];
        break;
      case Op.RETURN1:
        set(uses, 0, a);
        succ = [];
        break;
      case Op.FORLOOP:
        setRange(uses, 0, a, a + 2);
        setRange(defs, 0, a, a + 1);
        set(defs, 0, a + 3);
        succ = [pc + 1, pc + 1 - getBx(i)];
        break;
      case Op.FORPREP:
        setRange(uses, 0, a, a + 2);
        setRange(defs, 0, a, a + 3);
        succ = [pc + 1, pc + getBx(i) + 2];
        break;
      case Op.TFORPREP:
        setRange(uses, 0, a, a + 3);
        demote(a + 3, a + 3);
        succ = [pc + getBx(i) + 1];
        break;
      case Op.TFORCALL:
        setRange(uses, 0, a, a + 2);
        setRange(defs, 0, a + 4, a + 3 + c);
        break;
      case Op.TFORLOOP:
        set(uses, 0, a + 4);
        set(defs, 0, a + 2);
        succ = [pc + 1, pc + 1 - getBx(i)];
        break;
      case Op.SETLIST:
        if (b === 0) {
          setRange(uses, 0, a, top);
          demote(a, top);
        } else setRange(uses, 0, a, a + b);
        if (k) succ = [pc + 2];
        break;
      case Op.CLOSURE: {
        const np = p.p[getBx(i)];
        for (const d of np.upvalues) {
          if (d.inStack) {
            set(uses, 0, d.index);
            demote(d.index, d.index);
          }
        }
        set(defs, 0, a);
        break;
      }
      case Op.VARARG:
        if (c === 0) {
          setRange(defs, 0, a, top);
          demote(a, top);
        } else if (c > 1) setRange(defs, 0, a, a + c - 2);
        break;
      case Op.VARARGPREP:
      case Op.EXTRAARG:
        break;
    }
    effects.push({ uses, defs, succ: succ.filter((s) => s >= 0 && s < n) });
  }

  // Backward dataflow to a fixed point: in = uses ∪ (out − defs), out = ∪ in(successors).
  const liveIn = new Uint32Array(n * WORDS);
  let changed = true;
  const out = new Uint32Array(WORDS);
  while (changed) {
    changed = false;
    for (let pc = n - 1; pc >= 0; pc--) {
      const e = effects[pc];
      out.fill(0);
      for (const s of e.succ) for (let w = 0; w < WORDS; w++) out[w] |= liveIn[s * WORDS + w];
      for (let w = 0; w < WORDS; w++) {
        const v = (e.uses[w] | (out[w] & ~e.defs[w])) >>> 0; // unsigned, as the array stores it
        if (v !== liveIn[pc * WORDS + w]) {
          liveIn[pc * WORDS + w] = v;
          changed = true;
        }
      }
    }
  }
  const writes = effects.map((e, pc) => {
    const regs: number[] = [];
    for (let r = 0; r <= top; r++) if ((e.defs[r >>> 5] & (1 << (r & 31))) !== 0) regs.push(r);
    const i = code[pc];
    const op = getOp(i) as Op;
    if (op === Op.TESTSET) regs.push(getA(i));
    else if (op === Op.FORLOOP) regs.push(getA(i) + 2);
    return regs.sort((x, y) => x - y);
  });
  return { promoted, liveIn, succ: effects.map((e) => e.succ), writes };
}

/** The registers of `liveIn` at instruction `pc`, as a list. */
export function liveAt(l: Liveness, pc: number): number[] {
  const regs: number[] = [];
  for (let w = 0; w < WORDS; w++) {
    let bits = l.liveIn[pc * WORDS + w];
    while (bits !== 0) {
      const b = 31 - Math.clz32(bits & -bits);
      regs.push(w * 32 + b);
      bits &= bits - 1;
    }
  }
  return regs;
}
