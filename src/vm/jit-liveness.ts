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

export function analyze(p: Proto): Liveness {
  const code = p.code;
  const n = code.length;
  const top = Math.max(p.maxStackSize, 1) - 1; // highest register
  const promoted: boolean[] = new Array(p.maxStackSize).fill(true);
  const demote = (from: number, to: number) => {
    for (let r = from; r <= to && r < promoted.length; r++) promoted[r] = false;
  };
  // What each instruction reads and (unconditionally) writes: WORDS words per instruction.
  const uses = new Uint32Array(n * WORDS);
  const defs = new Uint32Array(n * WORDS);
  const succs: number[][] = [];
  for (let pc = 0; pc < n; pc++) {
    const i = code[pc];
    const op = getOp(i) as Op;
    const a = getA(i);
    const b = getB(i);
    const c = getC(i);
    const k = getk(i);
    const at = pc * WORDS;
    let succ = [pc + 1];
    switch (op) {
      case Op.MOVE:
        set(uses, at, b);
        set(defs, at, a);
        break;
      case Op.LOADI:
      case Op.LOADF:
      case Op.LOADK:
      case Op.LOADFALSE:
      case Op.LOADTRUE:
      case Op.GETUPVAL:
      case Op.GETTABUP:
      case Op.NEWTABLE:
        set(defs, at, a);
        break;
      case Op.LOADKX:
        set(defs, at, a);
        succ = [pc + 2];
        break;
      case Op.LFALSESKIP:
        set(defs, at, a);
        succ = [pc + 2];
        break;
      case Op.LOADNIL:
        setRange(defs, at, a, a + b);
        break;
      case Op.SETUPVAL:
        set(uses, at, a);
        break;
      case Op.GETTABLE:
        set(uses, at, b);
        set(uses, at, c);
        set(defs, at, a);
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
        set(uses, at, b);
        set(defs, at, a);
        break;
      case Op.SETTABUP:
        if (!k) set(uses, at, c);
        break;
      case Op.SETTABLE:
        set(uses, at, a);
        set(uses, at, b);
        if (!k) set(uses, at, c);
        break;
      case Op.SETI:
      case Op.SETFIELD:
        set(uses, at, a);
        if (!k) set(uses, at, c);
        break;
      case Op.SELF:
        set(uses, at, b);
        if (!k) set(uses, at, c);
        set(defs, at, a);
        set(defs, at, a + 1);
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
        set(uses, at, b);
        set(uses, at, c);
        set(defs, at, a);
        break;
      case Op.MMBIN:
        set(uses, at, a);
        set(uses, at, b);
        break;
      case Op.MMBINI:
      case Op.MMBINK:
        set(uses, at, a);
        break;
      case Op.CONCAT:
        setRange(uses, at, a, a + b - 1);
        set(defs, at, a);
        break;
      case Op.CLOSE:
        break;
      case Op.TBC:
        set(uses, at, a);
        demote(a, a);
        break;
      case Op.JMP:
        succ = [pc + 1 + getsJ(i)];
        break;
      case Op.EQ:
      case Op.LT:
      case Op.LE:
        set(uses, at, a);
        set(uses, at, b);
        succ = [pc + 1, pc + 2];
        break;
      case Op.EQK:
      case Op.EQI:
      case Op.LTI:
      case Op.LEI:
      case Op.GTI:
      case Op.GEI:
      case Op.TEST:
        set(uses, at, a);
        succ = [pc + 1, pc + 2];
        break;
      case Op.TESTSET:
        // A is written only on one path: a use of B, no kill.
        set(uses, at, b);
        succ = [pc + 1, pc + 2];
        break;
      case Op.CALL:
      case Op.TAILCALL:
        if (b === 0) {
          setRange(uses, at, a, top);
          demote(a, top);
        } else setRange(uses, at, a, a + b - 1);
        if (c === 0) {
          setRange(defs, at, a, top);
          demote(a, top);
        } else if (c > 1) setRange(defs, at, a, a + c - 2);
        if (op === Op.TAILCALL) succ = [];
        break;
      case Op.RETURN:
        if (b === 0) {
          setRange(uses, at, a, top);
          demote(a, top);
        } else setRange(uses, at, a, a + b - 2);
        succ = [];
        break;
      case Op.RETURN0:
        succ = [];
        break;
      case Op.RETURN1:
        set(uses, at, a);
        succ = [];
        break;
      case Op.FORLOOP:
        setRange(uses, at, a, a + 2);
        setRange(defs, at, a, a + 1);
        set(defs, at, a + 3);
        succ = [pc + 1, pc + 1 - getBx(i)];
        break;
      case Op.FORPREP:
        setRange(uses, at, a, a + 2);
        setRange(defs, at, a, a + 3);
        succ = [pc + 1, pc + getBx(i) + 2];
        break;
      case Op.TFORPREP:
        setRange(uses, at, a, a + 3);
        demote(a + 3, a + 3);
        succ = [pc + getBx(i) + 1];
        break;
      case Op.TFORCALL:
        setRange(uses, at, a, a + 2);
        setRange(defs, at, a + 4, a + 3 + c);
        break;
      case Op.TFORLOOP:
        set(uses, at, a + 4);
        set(defs, at, a + 2);
        succ = [pc + 1, pc + 1 - getBx(i)];
        break;
      case Op.SETLIST:
        if (b === 0) {
          setRange(uses, at, a, top);
          demote(a, top);
        } else setRange(uses, at, a, a + b);
        if (k) succ = [pc + 2];
        break;
      case Op.CLOSURE: {
        const np = p.p[getBx(i)];
        for (const d of np.upvalues) {
          if (d.inStack) {
            set(uses, at, d.index);
            demote(d.index, d.index);
          }
        }
        set(defs, at, a);
        break;
      }
      case Op.VARARG:
        if (c === 0) {
          setRange(defs, at, a, top);
          demote(a, top);
        } else if (c > 1) setRange(defs, at, a, a + c - 2);
        break;
      case Op.VARARGPREP:
      case Op.EXTRAARG:
        break;
    }
    succs.push(succ.filter((s) => s >= 0 && s < n));
  }

  // Backward dataflow to a fixed point: in = uses ∪ (out − defs), out = ∪ in(successors).
  // Only the words that hold the function's registers take part; the others stay zero.
  const nw = Math.min(WORDS, (top >>> 5) + 1);
  const liveIn = new Uint32Array(n * WORDS);
  let changed = true;
  const out = new Uint32Array(WORDS);
  while (changed) {
    changed = false;
    for (let pc = n - 1; pc >= 0; pc--) {
      out.fill(0);
      for (const s of succs[pc]) for (let w = 0; w < nw; w++) out[w] |= liveIn[s * WORDS + w];
      const at = pc * WORDS;
      for (let w = 0; w < nw; w++) {
        const v = (uses[at + w] | (out[w] & ~defs[at + w])) >>> 0; // unsigned, as the array stores it
        if (v !== liveIn[at + w]) {
          liveIn[at + w] = v;
          changed = true;
        }
      }
    }
  }
  const writes = succs.map((_, pc) => {
    const regs: number[] = [];
    for (let r = 0; r <= top; r++) if ((defs[pc * WORDS + (r >>> 5)] & (1 << (r & 31))) !== 0) regs.push(r);
    const i = code[pc];
    const op = getOp(i) as Op;
    if (op === Op.TESTSET) regs.push(getA(i));
    else if (op === Op.FORLOOP) regs.push(getA(i) + 2);
    return regs.sort((x, y) => x - y);
  });
  return { promoted, liveIn, succ: succs, writes };
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
