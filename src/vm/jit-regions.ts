// jit-regions.ts — where the JIT splits a function with several top-level loops into one JS
// function per loop.
//
// V8 optimises a JS function from the type feedback its operations have collected. A Lua
// function that runs in phases — a main chunk that fills a table in one loop, looks keys up in
// the next, traverses it in a third — compiled to one JS function keeps meeting operations
// that never ran before: V8 deoptimises there ("insufficient type feedback"), runs the
// function unoptimised for a while and recompiles it, once per phase (measured on hash.lua:
// the first traversal ran ten times slower than the next ones). Compiled as one JS function
// per top-level loop, each phase is optimised on its own feedback, and each function is
// smaller to compile. Functions with one top-level loop or none stay whole: moving between
// regions costs a write-back and reload of the registers.
//
// A region runs from the start of its loop (including the FORPREP or TFORPREP in front of it)
// to the instruction before the next region's loop, so the straight code after a loop
// belongs to that loop's region; the first region also holds the code before its loop.

import type { Proto } from '../compiler/proto.js';
import { Op, getOp } from '../compiler/opcodes.js';
import { backwardJumps } from './jit-structure.js';

/** The first instruction of each region, ascending, starting with 0 ([0]: not split). */
export function regionStarts(p: Proto): number[] {
  const code = p.code;
  const loops = backwardJumps(p).map(({ head, end }) => {
    const before = head > 0 ? (getOp(code[head - 1]) as Op) : undefined;
    return { from: before === Op.FORPREP || before === Op.TFORPREP ? head - 1 : head, to: end };
  });
  loops.sort((x, y) => x.from - y.from);
  // The outermost loops: merge every loop into the one it overlaps.
  const outer: { from: number; to: number }[] = [];
  for (const l of loops) {
    const last = outer[outer.length - 1];
    if (last !== undefined && l.from <= last.to) last.to = Math.max(last.to, l.to);
    else outer.push({ ...l });
  }
  if (outer.length < 2) return [0];
  return [0, ...outer.slice(1).map((l) => l.from)];
}
