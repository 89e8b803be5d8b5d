// jit-structure.ts — which loops compiled code writes as real JS loops, and the labelled
// blocks their forward jumps break out of.
//
// Compiled code runs each function as `run: for (;;) { switch (pc) { case 0: ... } }`, so
// that it can be entered at any instruction and jump anywhere: a jump sets `pc` and goes
// round the switch again. V8 does not see through that: every Lua jump costs a dispatch, and
// a float held across the switch loop is boxed again at each turn. A `while` loop in JS with
// the same body ran four times faster (measured on a one-multiply loop).
//
// So an innermost loop (a backward jump from J to T with no other backward jump between) is
// written as
//
//     case T: loop_T: for (;;) { ...instructions T..J... break loop_T; }
//
// Inside, a jump back to T is `continue loop_T`, a jump to J + 1 (leaving the loop) is
// `break loop_T`, a forward jump to an instruction t of the loop body is `break b_t` out of a
// labelled block `b_t: { ... }` that closes just before t, and any other jump goes round the
// switch as before. A JS loop can only be entered at its head, yet a function is entered
// again right after a call that went through the interpreter (a callee not compiled yet, a
// coroutine's yield or resume, a pcall, a Lua iterator). So the instruction after each call
// in the loop is an entry: its case label stands at the loop's head, and the head opens a
// block ending at the entry that it breaks out of when `pc` says so:
//
//     case T: case E: loop_T: for (;;) { b_E: { if (pc === E) { pc = T; break b_E; } ...
//
// (pc is then set to T, so later turns do not take that way again.) Without entries, a loop
// whose call yields at every turn (coroutines.lua) ran the rest of each turn in the
// interpreter.
//
// Blocks must nest. A block starts at its first jump and ends at its target; when two
// overlap, the one ending later is moved to start where the other starts, which is always
// possible since a block may start anywhere before its jumps.
//
// Loops are chosen in two passes. The first generates the code with every candidate loop
// and records the jumps (planJumps), the second drops loops that code outside jumps into (a
// JS loop can only be entered at its head) and places the blocks.

import type { Proto } from '../compiler/proto.js';
import { Op, getOp, getBx, getsJ } from '../compiler/opcodes.js';

/** A loop written as a JS loop: instructions head..end, `end` the backward jump. */
export interface StructuredLoop {
  head: number;
  end: number;
  /** Labelled blocks: target instruction → first instruction inside the block. */
  blocks: Map<number, number>;
  /** Instructions after head where the function may be entered: those after a call. */
  entries: number[];
}

export interface StructurePlan {
  loops: StructuredLoop[];
  /** loopAt[pc]: the loop holding instruction pc, or undefined. */
  loopAt: (StructuredLoop | undefined)[];
  /**
   * Instructions outside JS loops that get a case label (null: all of them). The others are
   * only reached by falling through from the instruction before.
   */
  labelled: boolean[] | null;
}

/**
 * Loops needing more blocks than this stay in the switch: V8 parses deeply nested blocks
 * slowly, and placing them costs up to this many rounds of a pass over every pair.
 */
const MAX_BLOCKS = 256;

/** A jump the generated code makes: from the instruction `from` to `to`. */
export interface Jump {
  from: number;
  to: number;
}

/** The loops of `p` as its backward jumps: from `end` back to `head` (FORLOOP, TFORLOOP, JMP). */
export function backwardJumps(p: Proto): { head: number; end: number }[] {
  const code = p.code;
  const back: { head: number; end: number }[] = [];
  for (let pc = 0; pc < code.length; pc++) {
    const i = code[pc];
    const op = getOp(i) as Op;
    let target = -1;
    if (op === Op.FORLOOP || op === Op.TFORLOOP) target = pc + 1 - getBx(i);
    else if (op === Op.JMP && getsJ(i) < 0) target = pc + 1 + getsJ(i);
    if (target >= 0) back.push({ head: target, end: pc });
  }
  return back;
}

/** The innermost loops of `p` that may be written as JS loops, before the jumps are known. */
export function candidateLoops(p: Proto): StructurePlan {
  const back = backwardJumps(p);
  const loops: StructuredLoop[] = [];
  for (const l of back) {
    const innermost = back.every((o) => o === l || o.end < l.head || o.end > l.end || o.head > l.end);
    // Two backward jumps to one head (a `goto` back to a loop's start): leave both alone.
    const plain = innermost && !back.some((o) => o !== l && o.head === l.head);
    if (plain) loops.push({ head: l.head, end: l.end, blocks: new Map(), entries: callReturns(p, l.head, l.end) });
  }
  return withIndex(loops, p.code.length, null);
}

/** The instructions of head..end that follow a call, after the head. */
function callReturns(p: Proto, head: number, end: number): number[] {
  const entries: number[] = [];
  for (let pc = head + 1; pc <= end; pc++) if (followsCall(p, pc)) entries.push(pc);
  return entries;
}

/** Whether instruction pc comes right after a call (CALL, TFORCALL): where a frame resumes. */
function followsCall(p: Proto, pc: number): boolean {
  if (pc === 0) return false;
  const op = getOp(p.code[pc - 1]) as Op;
  return op === Op.CALL || op === Op.TFORCALL;
}

/**
 * The final plan from the first pass's jumps: loops entered other than at their head are
 * dropped, and each loop gets the blocks its forward jumps need, nested.
 */
export function placeBlocks(p: Proto, plan: StructurePlan, jumps: Jump[], starts: number[]): StructurePlan {
  const n = p.code.length;
  const entered = plan.loops.filter(
    (l) => !jumps.some((j) => (j.from < l.head || j.from > l.end) && j.to > l.head && j.to <= l.end),
  );
  const kept: StructuredLoop[] = [];
  for (const l of entered) {
    const blocks = new Map<number, number>();
    // An entry is reached from the head (the dispatch there breaks out to it).
    for (const e of l.entries) blocks.set(e, l.head);
    for (const j of jumps) {
      if (j.from < l.head || j.from > l.end || j.to <= j.from || j.to > l.end) continue;
      const start = blocks.get(j.to);
      if (start === undefined || j.from < start) blocks.set(j.to, j.from);
    }
    if (blocks.size > MAX_BLOCKS) continue;
    // Nest: a block that starts inside another and ends after it starts where that one does.
    let rounds = 0;
    for (let changed = true; changed && rounds <= MAX_BLOCKS; rounds++) {
      changed = false;
      for (const [t1, s1] of blocks) {
        for (const [t2, s2] of blocks) {
          if (s1 < s2 && s2 < t1 && t1 < t2) {
            blocks.set(t2, s1);
            changed = true;
          }
        }
      }
    }
    if (rounds > MAX_BLOCKS) continue;
    l.blocks = blocks;
    kept.push(l);
  }
  return withIndex(kept, n, caseLabels(p, jumps, starts));
}

/**
 * The instructions compiled code can be entered at, or jumped to round the switch: the first
 * (and the one after a vararg function's VARARGPREP), the start of each region
 * (jit-regions.ts), jump targets, and the instruction after each call, where a frame resumes
 * after a callee that ran in the interpreter, a yield or an await.
 *
 * Only these get case labels. A label is a point where V8 merges the registers' values from
 * every way in, the dispatch switch included, and such a merge boxes each float a register
 * holds: with a label at every instruction, `1.0 / (ij * (ij - 1) * 0.5 + i)` allocated a
 * heap number per operation. Entering anywhere else (after a metamethod returned, say) finds
 * no label and hands over to the interpreter, which comes back at the next backward jump or
 * call: slower there, never wrong.
 */
function caseLabels(p: Proto, jumps: Jump[], starts: number[]): boolean[] {
  const code = p.code;
  const labelled = new Array<boolean>(code.length).fill(false);
  labelled[0] = true;
  if (p.isVararg && code.length > 1) labelled[1] = true;
  for (const pc of starts) labelled[pc] = true;
  for (const j of jumps) if (j.to < code.length) labelled[j.to] = true;
  for (let pc = 1; pc < code.length; pc++) if (followsCall(p, pc)) labelled[pc] = true;
  return labelled;
}

function withIndex(loops: StructuredLoop[], n: number, labelled: boolean[] | null): StructurePlan {
  const loopAt = new Array<StructuredLoop | undefined>(n).fill(undefined);
  for (const l of loops) loopAt.fill(l, l.head, l.end + 1);
  return { loops, loopAt, labelled };
}

/** The blocks of `loop` that open before instruction pc, outermost (latest end) first. */
export function blocksOpening(loop: StructuredLoop, pc: number): number[] {
  const targets: number[] = [];
  for (const [t, s] of loop.blocks) if (s === pc) targets.push(t);
  return targets.sort((x, y) => y - x);
}
