// jit-spills.ts — which registers' stack slots already hold their JS locals' values, so that
// compiled code writes back (spills) only the others before a call.
//
// Before a call, compiled code spills the registers the callee or the interpreter may read
// (jit.ts Gen.readable: the live ones and the locals in scope). Most of them did not change
// since the last spill or since the function was entered, which loads every register from
// the stack: in a loop that calls a function, a dozen stores per call were rewriting the
// values already there.
//
// A register is clean at an instruction when, on every path that reaches it, its stack slot
// was made equal to its JS local (entry, a spill, a reload) and neither changed since (a
// forward "must" dataflow: the clean set at an instruction is the intersection over the
// paths into it). What changes them:
//   - an instruction's writes to registers make those dirty (jit-liveness.ts `writes`);
//   - a call spills what may be read and then makes clean only what it reloads: the callee's
//     frame starts at the call's register, so every slot from there up may hold other values;
//   - a table, closure or string allocation may run a collection step, whose finalizers use
//     the stack above the instruction's register in the same way.
// Entering the compiled function anywhere loads all registers, so entries add nothing.

import type { Proto } from '../compiler/proto.js';
import { Op, getOp, getA, getB, getC } from '../compiler/opcodes.js';
import { WORDS } from './jit-liveness.js';
import type { Liveness } from './jit-liveness.js';

/** The CALL at pc, if jit.ts may compute it in place as a one-argument math function. */
export function inlineMathCall(p: Proto, pc: number): boolean {
  const i = p.code[pc];
  return getB(i) === 2 && getC(i) === 2 && !methodCall(p, pc);
}

/** The CALL at pc, if jit.ts may compute it in place as setmetatable(t, mt). */
export function inlineSetmetatableCall(p: Proto, pc: number): boolean {
  const i = p.code[pc];
  const c = getC(i);
  return getB(i) === 3 && (c === 1 || c === 2) && !methodCall(p, pc);
}

/**
 * Whether the CALL at pc calls what a SELF looked up (`obj:m(x)`): never math.sqrt or
 * setmetatable in practice, so it gets no inline path. That matters beyond the test it
 * saves: a call with an inline path leaves the registers it did not spill dirty after it
 * (the inline way skips the spill), and the next call spills them again (oop.lua: nine stores
 * per method call). The nearest earlier instruction naming the call's register in its A field
 * is taken as its writer; getting that wrong only costs speed, since the inline paths check
 * the function they call at run time.
 */
function methodCall(p: Proto, pc: number): boolean {
  const a = getA(p.code[pc]);
  for (let q = pc - 1; q >= 0; q--) {
    const i = p.code[q];
    if (getA(i) === a) return getOp(i) === Op.SELF;
  }
  return false;
}

/**
 * Registers clean on entry to each instruction (WORDS words per instruction; see the top of
 * this file). `readable(pc)` is what a call at pc spills; `inlinePath(pc)` tells whether the
 * call at pc has a path that writes its result without spilling or calling (a math function,
 * setmetatable, an inlined Lua function).
 */
export function cleanRegisters(
  p: Proto,
  live: Liveness,
  readable: (pc: number) => Iterable<number>,
  hasInlinePath: (pc: number) => boolean,
): Uint32Array {
  const code = p.code;
  const n = code.length;
  const top = WORDS * 32;
  const preds: number[][] = Array.from({ length: n }, () => []);
  live.succ.forEach((succ, pc) => {
    for (const s of succ) preds[s].push(pc);
  });
  const cleanIn = new Uint32Array(n * WORDS).fill(0xffffffff);
  const cleanOut = new Uint32Array(n * WORDS).fill(0xffffffff);
  const cur = new Uint32Array(WORDS);
  // The words that hold the function's registers; the others stay all ones and are never read.
  const nw = Math.min(WORDS, Math.max(1, (p.maxStackSize + 31) >>> 5));
  // (Once per call, not at each round of the fixpoint: it scans back for a SELF.)
  const inlinePath = Array.from(code, (i, pc) => getOp(i) === Op.CALL && hasInlinePath(pc));
  const clear = (from: number, to: number) => {
    const last = Math.min(to, top - 1);
    for (let r = from; r <= last; ) {
      if ((r & 31) === 0 && r + 31 <= last) {
        cur[r >>> 5] = 0; // a whole word at once (a call clears every register above it)
        r += 32;
      } else {
        cur[r >>> 5] &= ~(1 << (r & 31));
        r++;
      }
    }
  };
  const mark = (r: number) => {
    if (r < top) cur[r >>> 5] |= 1 << (r & 31);
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (let pc = 0; pc < n; pc++) {
      cur.fill(0xffffffff);
      for (const q of preds[pc]) for (let w = 0; w < nw; w++) cur[w] &= cleanOut[q * WORDS + w];
      for (let w = 0; w < nw; w++) cleanIn[pc * WORDS + w] = cur[w];
      const i = code[pc];
      const op = getOp(i) as Op;
      const a = getA(i);
      if (op === Op.CALL) {
        const c = getC(i);
        const inline = inlinePath[pc];
        if (!inline) for (const r of readable(pc)) mark(r);
        clear(a, Infinity);
        if (!inline) for (let r = a; r <= a + c - 2; r++) mark(r);
      } else if (op === Op.TFORCALL) {
        for (const r of readable(pc)) mark(r);
        clear(a + 4, Infinity);
        for (let r = a + 4; r <= a + 3 + getC(i); r++) mark(r);
      } else if (op === Op.NEWTABLE || op === Op.CONCAT || op === Op.CLOSURE) {
        clear(a, Infinity);
      } else {
        for (const r of live.writes[pc]) clear(r, r);
      }
      for (let w = 0; w < nw; w++) {
        const v = cur[w] >>> 0;
        if (v !== cleanOut[pc * WORDS + w]) {
          cleanOut[pc * WORDS + w] = v;
          changed = true;
        }
      }
    }
  }
  return cleanIn;
}
