// jit.ts — compiles hot functions' bytecode to JavaScript, so V8 optimises Lua code directly.
//
// An interpreter pays for every instruction: fetch, decode, dispatch through a switch, and
// generic operand access. For a hot Proto, this file writes a JS function that performs the
// same instructions with all of that resolved at compile time: operands are constants,
// numeric K operands are literals, a comparison and its jump are one `if`, and instructions
// run in straight-line order (a `switch (pc)` is consulted only when entering the function
// and at jumps). V8 then compiles that function like any JS.
//
// The compiled function handles the common cases — plain numbers, plain tables, calls and
// returns — and leaves everything else to the interpreter: it saves the instruction's index
// in `ci.pc` and returns EXIT_INTERPRET, and the interpreter executes that instruction (slow
// path, metamethods, errors) and continues until the next backward jump or call, where it
// hands control back. So semantics live in one place (execute.ts), and the VM stays
// stackless: a Lua call still pushes a frame and returns to the dispatch loop.
//
// Registers live in JS locals (`r3`), where V8 keeps numbers unboxed, and are written back
// to the thread's stack (spilled) only where other code reads the stack: before handing
// over to the interpreter, calls, returns, a possible suspension or a collection — and then
// only the registers still live there (jit-liveness.ts). Each entry reloads them.
//
// Compiled code never runs with hooks set (execute.ts checks), sets `ci.pc` before anything
// that can raise an error, and honours the tick budget at backward jumps.

import type { Proto } from '../compiler/proto.js';
import { Op, OFFSET_sBx, OFFSET_sC, getOp, getA, getB, getC, getk, getBx, getsJ } from '../compiler/opcodes.js';
import type { LuaValue } from './value.js';
import { LuaFloat, MAX_SAFE } from './value.js';
import { STRING_BYTES } from './gc.js';
import { LuaTable, SMALL_HASH } from './table.js';
import { LuaClosure, NativeFunction, UpVal } from './closure.js';
import type { CallInfo, GlobalState, LuaThread } from './state.js';
import { CIST_C, CIST_SETTLE, CIST_TAIL } from './state.js';
import { precallLua, precallNative, moveResults, findUpval, closeUpvals } from './call.js';
import { precallIterator } from './nested.js';
import { intAdd, intSub, intMul, intMod, intIdiv, floatMod, floatPow, cPow } from './arith.js';
import { concatString, rawEquals } from './operators.js';
import { TM, setTableMetatable } from './metamethods.js';
import { analyze, liveAt, WORDS } from './jit-liveness.js';
import { cleanRegisters, inlineMathCall, inlineSetmetatableCall } from './jit-spills.js';
import { regionStarts } from './jit-regions.js';
import { floatRegisters, isFloatConstant } from './jit-floats.js';
import { candidateLoops, placeBlocks, blocksOpening } from './jit-structure.js';
import type { Jump, StructurePlan } from './jit-structure.js';
import type { Liveness } from './jit-liveness.js';
import { InlineOp } from './closure.js';
import { ARITH_K, arithFast, boxedFloatArith, constant, numberLiteral } from './jit-arith.js';
import { inlineBody, speculateCallee } from './jit-inline.js';
import type { FramePeek } from './jit-inline.js';

/** Results of a compiled function (what the dispatch loop does next). */
export const EXIT_INTERPRET = 0; // interpret from ci.pc
export const EXIT_NEWFRAME = 1; // L.ci changed: continue at newframe
export const EXIT_RETURNED = 2; // a frame returned and settle must decide (L.jitReturned)
export const EXIT_SUSPEND = 3; // the budget asked to suspend

export type CompiledFunction = (L: LuaThread, ci: CallInfo, cl: LuaClosure) => number;

/**
 * When functions get compiled: 'auto' after JIT_THRESHOLD calls and loop iterations,
 * 'eager' at once (the test suite runs everything this way too), 'off' never.
 */
export const jitSettings: { mode: 'auto' | 'eager' | 'off'; dump?: (p: Proto, source: string) => void } = { mode: 'auto' };

/** Calls and loop iterations before a function is compiled (Proto.hot starts here). */
export const JIT_THRESHOLD = 200;

/** Apply jitSettings to a freshly loaded function and its nested functions. */
export function prepareProto(p: Proto): void {
  if (jitSettings.mode === 'auto') return;
  const stack = [p];
  while (stack.length > 0) {
    const q = stack.pop()!;
    if (jitSettings.mode === 'off') q.jit = null;
    else q.hot = 0;
    for (const c of q.p) stack.push(c);
  }
}
/** Larger functions stay interpreted (compile time grows with size; main chunks run once). */
const MAX_INSTRUCTIONS = 4000;

/** What execute.ts provides to compiled code (functions that live there). */
export interface JitRuntime {
  loadf(v: number): LuaFloat;
  forPrep(L: LuaThread, stack: LuaValue[], ra: number): boolean;
  forLoopSlow(stack: LuaValue[], ra: number): boolean;
  collectStep(L: LuaThread, top: number): void;
}

let runtime: JitRuntime | null = null;

/** execute.ts registers its helpers once (it imports this module, not the other way round). */
export function setJitRuntime(r: JitRuntime): void {
  runtime = r;
}

/**
 * Compile `p` (once): its function, or null when it cannot or should not be compiled.
 * `peek` is the frame of `p` being run, if any: what its calls call now (jit-inline.ts).
 */
export function compileProto(p: Proto, peek: FramePeek | null = null): CompiledFunction | null {
  if (p.code.length > MAX_INSTRUCTIONS || runtime === null) return null;
  // Whatever fails here (a function V8 will not parse, nested too deep) stays interpreted.
  try {
    const leaves = peek !== null ? inlinedCalls(p, peek) : new Map<number, Proto>();
    // Twice: the first pass tells which loops can be JS loops and where their blocks go.
    const facts = new Facts(p, leaves);
    const candidates = candidateLoops(p);
    const plan = placeBlocks(p, candidates, generate(facts, candidates).jumps, regionStarts(p));
    const source = assemble(p, generate(facts, plan));
    jitSettings.dump?.(p, source);
    // The helpers reach the generated code as the factory's parameters: no globals involved.
    const factory = new Function(
      'H',
      'LuaTable',
      'LuaClosure',
      'NativeFunction',
      'LuaFloat',
      'UpVal',
      'P',
      `"use strict"; ${source}`,
    ) as (
      h: unknown,
      t: typeof LuaTable,
      c: typeof LuaClosure,
      n: typeof NativeFunction,
      f: typeof LuaFloat,
      u: typeof UpVal,
      leafProtos: Proto[],
    ) => CompiledFunction;
    return factory(helpers(), LuaTable, LuaClosure, NativeFunction, LuaFloat, UpVal, facts.leafProtos);
  } catch {
    return null;
  }
}

/**
 * The CALLs of `p` that get an inlined path (jit-inline.ts), with the function each was
 * written from: calls with fixed arguments and at most one result, whose function `peek`
 * shows to be inlinable.
 */
function inlinedCalls(p: Proto, peek: FramePeek): Map<number, Proto> {
  const leaves = new Map<number, Proto>();
  p.code.forEach((i, pc) => {
    if (getOp(i) !== Op.CALL || getB(i) === 0 || getC(i) === 0 || getC(i) > 2) return;
    const callee = speculateCallee(p, pc, peek);
    if (callee !== null) leaves.set(pc, callee);
  });
  return leaves;
}

/** The functions inlined somewhere in a compiled function, each once: the factory's `P`. */
function distinct(leaves: Map<number, Proto>): Proto[] {
  return [...new Set(leaves.values())];
}

/**
 * Compiled CONCAT builds strings up to this length; longer ones go through the interpreter,
 * which reports a result past what a JS string can hold.
 */
const MAX_JIT_CONCAT = 1 << 28;

/**
 * setmetatable(t, mt) called from compiled code, when `f` is the real setmetatable and the call
 * cannot fail: t a table whose metatable is not protected, mt a table or nil. Returns false
 * (nothing done) otherwise, and the call goes the usual way. No frame is pushed: hooks, the
 * only way to see one, never run with compiled code.
 */
function setMetatableInline(L: LuaThread, f: LuaValue, t: LuaValue, mt: LuaValue): boolean {
  if (!(f instanceof NativeFunction) || f.inline !== InlineOp.SetMetatable || !(t instanceof LuaTable)) return false;
  if (!(mt === undefined || mt instanceof LuaTable)) return false;
  const old = t.metatable;
  if (old !== undefined && old.getStr('__metatable') !== undefined) return false;
  setTableMetatable(L.global, t, mt);
  return true;
}

// Float registers (jit-floats.ts) hold raw doubles; these convert at their edges.

/** A float register's double from the value on the stack (NaN for a value that is no number: dead). */
function toF(v: LuaValue): number {
  return typeof v === 'number' ? v : v instanceof LuaFloat ? v.n : NaN;
}

/** A float register's double as a Lua value: floats with integral values are boxed. */
function boxF(x: number): number | LuaFloat {
  return Number.isInteger(x) ? new LuaFloat(x) : x;
}

/** Whether a stack value can enter a float register: a float, and not a NaN with its sign in a box. */
function isF(v: LuaValue): boolean {
  return typeof v === 'number' ? !Number.isInteger(v) : v instanceof LuaFloat && v.n === v.n;
}

/** Marks "this lookup needs the interpreter's slow path" (a function __index, a loop). */
const SLOW = Symbol('slow');

// Field caches. Each GETFIELD/SELF/SETFIELD/GETTABUP/SETTABUP site with a constant string key
// remembers the hash slot where it last found its key, in the compiled function's `sc`
// (an Int32Array). The generated code checks `t.hkeys[slot] === key`: tables built by the same
// constructor or the same sequence of assignments hold a key at the same slot, so for the
// instances of a class, the class itself and the globals table the check replaces a Map
// probe. The check is sufficient because a key occupies one slot of hkeys (a tombstone keeps
// its slot and reads as nil, compaction builds new arrays). A miss finds the slot the usual
// way (LuaTable.slot) and updates the cache.

/**
 * t[key] raw, through the cache at sc[j]. A miss in a table whose keys array is shared
 * (a record constructor's, LuaTable.keysShared) is remembered in absent[j]: the next table
 * with that array misses at once (an instance looked up for a method of its class).
 */
function cachedGet(t: LuaTable, key: string, sc: Int32Array, j: number, absent?: unknown[]): LuaValue {
  let s = sc[j];
  if (t.hkeys[s] !== key) {
    s = t.slot(key);
    if (s < 0) {
      if (absent !== undefined && t.keysShared) absent[j] = t.hkeys;
      return undefined;
    }
    sc[j] = s;
  }
  return t.hvals[s];
}

/**
 * After a raw miss of `key` in `t`: the lookup through __index chains of plain tables (the
 * usual class pattern), as finishGet does, with the caches sc[j] (the metatable's __index
 * field) and sc[j + 1] (the key in the table it names); SLOW for a function __index or a very
 * long chain, which the interpreter handles.
 */
function getStrChain(t: LuaTable, key: string, sc: Int32Array, j: number): LuaValue | typeof SLOW {
  for (let n = 0; n < 100; n++) {
    const mt = t.metatable;
    if (mt === undefined || (mt.tmAbsent & (1 << TM.INDEX)) !== 0) return undefined;
    const idx = cachedGet(mt, '__index', sc, j);
    if (idx === undefined) {
      mt.tmAbsent |= 1 << TM.INDEX;
      return undefined;
    }
    if (!(idx instanceof LuaTable)) return SLOW;
    const v = cachedGet(idx, key, sc, j + 1);
    if (v !== undefined) return v;
    t = idx;
  }
  return SLOW;
}

/**
 * `s:m(...)` on a string: the method `key` from the table that the string metatable's
 * `__index` names (the string library), with the caches sc[j] (that `__index` field) and
 * sc[j + 1] (the key in the library). SLOW when strings have no metatable, its `__index` is
 * not a table, or the key is missing from a library table that has a metatable itself: the
 * interpreter does those.
 */
function getStrMethod(G: GlobalState, key: string, sc: Int32Array, j: number): LuaValue | typeof SLOW {
  const mt = G.stringMeta;
  if (mt === undefined) return SLOW;
  const idx = cachedGet(mt, '__index', sc, j);
  if (!(idx instanceof LuaTable)) return SLOW;
  const v = cachedGet(idx, key, sc, j + 1);
  return v !== undefined || idx.metatable === undefined ? v : SLOW;
}

function helpers(): Record<string, unknown> {
  const r = runtime!;
  return {
    ...r,
    getStrChain,
    getStrMethod,
    boxedFloatArith,
    cachedGet,
    concatString,
    setMetatableInline,
    SLOW,
    precallLua,
    precallIterator,
    precallNative,
    moveResults,
    findUpval,
    closeUpvals,
    intAdd,
    intSub,
    intMul,
    intMod,
    intIdiv,
    floatMod,
    floatPow,
    cPow,
    toF,
    boxF,
    isF,
    rawEquals,
    MAX_SAFE,
  };
}

// ============================================================================================
// Code generation
// ============================================================================================

/**
 * What both generation passes over a function use and neither changes: computed once per
 * compilation (the compiler runs cold, in V8's interpreter, so each pass over the code counts).
 */
class Facts {
  /** What is live where (jit-liveness.ts). */
  readonly live: Liveness;
  /** float[r]: register r holds a raw double (jit-floats.ts). */
  readonly float: boolean[];
  /** The functions inlined in this one, each once, as the factory's `P` holds them. */
  readonly leafProtos: Proto[];
  /** Registers clean on entry to each instruction (jit-spills.ts), computed on first use. */
  clean: Uint32Array | null = null;
  constructor(
    readonly p: Proto,
    /** CALLs with an inlined path, and the function each was written from (inlinedCalls). */
    readonly leaves: Map<number, Proto>,
  ) {
    this.live = analyze(p);
    this.float = floatRegisters(p, this.live);
    this.leafProtos = distinct(leaves);
  }
}

/** Per-function generation context: which registers are locals, what is live where. */
class Gen {
  readonly out: string[] = [];
  /** Entries of the field caches (`sc`) used so far. */
  caches = 0;
  readonly p: Proto;
  readonly live: Liveness;
  /** float[r]: register r holds a raw double (jit-floats.ts). */
  readonly float: boolean[];
  /** CALLs with an inlined path, and the function each was written from (inlinedCalls). */
  readonly leaves: Map<number, Proto>;
  /** The jumps the code makes (the first pass's result: jit-structure.ts). */
  readonly jumps: Jump[] = [];
  constructor(
    readonly facts: Facts,
    readonly plan: StructurePlan,
  ) {
    this.p = facts.p;
    this.live = facts.live;
    this.float = facts.float;
    this.leaves = facts.leaves;
    this.leafProtos = facts.leafProtos;
  }

  /** The functions inlined in this one, each once, as the factory's `P` holds them. */
  readonly leafProtos: Proto[];

  /** Constants made once per compiled function, beside it: name → initialiser. */
  readonly consts = new Map<string, string>();

  /** A constant computed once when the function is compiled (its name in the code). */
  factoryConst(name: string, init: string): string {
    this.consts.set(name, init);
    return name;
  }

  /** `n` fresh field-cache entries: the index of the first. */
  cache(n: number): number {
    const j = this.caches;
    this.caches += n;
    return j;
  }

  /**
   * JS that sets `v` to t[key] raw for the table `t` (a JS expression) and constant string
   * `key` (its JS literal), through the field cache sc[j].
   */
  cachedGet(t: string, key: string, j: number): string {
    return `const hk = ${t}.hkeys, s = sc[${j}]; if (hk[s] === ${key}) v = ${t}.hvals[s]; else if (hk === absent[${j}]) v = undefined; else v = H.cachedGet(${t}, ${key}, sc, ${j}, absent);`;
  }

  /**
   * After a raw miss (`v` undefined) of `key` in `t`: the lookup through `__index` (getStrChain),
   * with its first step written out for the class pattern, a table whose metatable's
   * `__index` is a table that has the key (caches sc[j + 1] and sc[j + 2]).
   */
  chainGet(t: string, key: string, j: number, exit: string): string {
    return (
      `if (v === undefined && ${t}.metatable !== undefined) { const mt = ${t}.metatable, ms = sc[${j + 1}], ks = sc[${j + 2}]; let idx;` +
      ` if (mt.hkeys[ms] === "__index" && (idx = mt.hvals[ms]) instanceof LuaTable && idx.hkeys[ks] === ${key}) v = idx.hvals[ks];` +
      ` if (v === undefined) { v = H.getStrChain(${t}, ${key}, sc, ${j + 1}); if (v === H.SLOW) ${exit} } }`
    );
  }

  /**
   * JS that sets `v` to the method `key` of strings (getStrMethod), with the library lookup
   * written out (caches sc[j + 1] and sc[j + 2], the ones chainGet uses for tables).
   */
  stringMethod(key: string, j: number, exit: string): string {
    return (
      `let v, idx; const mt = G.stringMeta, ms = sc[${j + 1}], ks = sc[${j + 2}];` +
      ` if (mt !== undefined && mt.hkeys[ms] === "__index" && (idx = mt.hvals[ms]) instanceof LuaTable && idx.hkeys[ks] === ${key}) v = idx.hvals[ks];` +
      ` if (v === undefined) { v = H.getStrMethod(G, ${key}, sc, ${j + 1}); if (v === H.SLOW) ${exit} }`
    );
  }

  /**
   * JS for t[key] = v with a constant string key, raw, when the table has no metatable or
   * already has the key (no __newindex then); otherwise `slow`.
   */
  cachedSet(t: string, keyValue: string, v: string, j: number, slow: string): string {
    const key = JSON.stringify(keyValue);
    // A raw assignment of a "__" key may add a metamethod: setStr clears the table's
    // absent-metamethod cache, the direct store must too.
    const clear = keyValue.startsWith('__') ? ` ${t}.tmAbsent = 0;` : '';
    return (
      `{ const hv = ${t}.hvals, x = ${v}; let s = sc[${j}]; if (${t}.hkeys[s] !== ${key}) { s = ${t}.slot(${key}); if (s >= 0) sc[${j}] = s; }` +
      ` if (s >= 0 && hv[s] !== undefined) { if (x !== undefined) { hv[s] = x;${clear} } else ${t}.setStr(${key}, x); }` +
      ` else if (${t}.metatable === undefined) ${t}.setStr(${key}, x); else ${slow} }`
    );
  }

  /**
   * A register's value as a JS expression (a float register's boxed as Lua values are). Only
   * float instructions (floatInstruction) assign float registers: an assignment to this
   * expression elsewhere would not even parse, and the function would stay interpreted.
   */
  R(r: number): string {
    if (this.float[r]) return `boxF(r${r})`;
    return this.live.promoted[r] === true ? `r${r}` : `stack[base + ${r}]`;
  }

  /** The JS statement that loads promoted register r from the stack into its local. */
  load(r: number): string {
    // (The unary plus tells V8 the result is a number: a float register must never look
    // like it might hold anything else, or V8 keeps it boxed — see jit-floats.ts.)
    return this.float[r] ? `r${r} = +toF(stack[base + ${r}])` : `r${r} = stack[base + ${r}]`;
  }

  /** Stores of the promoted registers among `regs` back to the stack. */
  spillRegs(regs: Iterable<number>): string {
    let s = '';
    for (const r of regs) if (this.live.promoted[r] === true) s += `stack[base + ${r}] = ${this.R(r)}; `;
    return s;
  }

  /**
   * Spill what is live at `pc` (what the code from `pc` on may read), and the registers of the
   * local variables in scope there even if dead: whatever runs while the stack is in charge
   * (a callee, a metamethod, a hook in the interpreter, a suspended coroutine's inspector) may
   * read them with debug.getlocal.
   */
  spill(pc: number): string {
    return this.spillRegs(this.readable(pc));
  }

  /**
   * The spill before the call at `pc`: what the callee or the interpreter may read (as spill)
   * except the registers whose stack slots already hold their values (jit-spills.ts).
   */
  spillBefore(pc: number): string {
    const clean = (this.facts.clean ??= cleanRegisters(
      this.p,
      this.live,
      (q) => this.readable(q),
      (q) => this.leaves.has(q) || inlineMathCall(this.p, q) || inlineSetmetatableCall(this.p, q),
    ));
    return this.spillRegs([...this.readable(pc)].filter((r) => (clean[pc * WORDS + (r >>> 5)] & (1 << (r & 31))) === 0));
  }

  /** The registers code from `pc` on may read: the live ones and the locals in scope. */
  readable(pc: number): Set<number> {
    const regs = new Set(liveAt(this.live, pc));
    for (let r = activeLocals(this.p, pc) - 1; r >= 0; r--) regs.add(r);
    return regs;
  }

  /** Reload promoted registers from..to from the stack. */
  reload(from: number, to: number): string {
    let s = '';
    for (let r = from; r <= to; r++) if (this.live.promoted[r] === true) s += `${this.load(r)}; `;
    return s;
  }

  /**
   * Leave instruction `pc` to the interpreter: out of the dispatch loop to the function's
   * exit, which spills the registers (see assemble for why it is not done here).
   */
  exit(pc: number): string {
    return `{ xpc = ${pc}; break run; }`;
  }

  /** Index of the instruction a JMP at `pc` goes to. */
  jumpTarget(pc: number): number {
    return pc + 1 + getsJ(this.p.code[pc]);
  }

  /**
   * A jump from instruction `from` to `to` (jit-structure.ts): inside a loop written as a JS
   * loop, `continue` or `break` to a label where it can, else round the dispatch switch. A
   * backward jump lets the tick budget suspend the run there.
   */
  jumpTo(from: number, to: number): string {
    this.jumps.push({ from, to });
    // (G.onBudget is read after the loop: V8 boxes the floats of a loop that holds an
    // operation it has no type feedback for, and this one has none until the budget runs out.)
    let budget = to <= from ? `if (--G.budget <= 0) { xpc = ${to}; xk = ${LEAVE_BUDGET}; break run; } ` : '';
    if (to <= from && this.float.includes(true)) budget += `if (++spins > ${LOOP_SPINS}) { xpc = ${to}; xk = ${EXIT_REGION}; break run; } `;
    const loop = this.plan.loopAt[from];
    if (loop !== undefined) {
      if (to === loop.head) return `${budget}continue loop_${loop.head};`;
      if (to === loop.end + 1) return `break loop_${loop.head};`;
      if (to > from && to <= loop.end) return `break b_${to};`;
    }
    return `${budget}pc = ${to}; continue run;`;
  }

  /** A test at `pc` followed by a JMP: the jump is taken when `cond` equals k. */
  condJump(pc: number, cond: string, k: number): string {
    const target = this.jumpTarget(pc + 1);
    return `if ((${cond}) !== ${k === 1}) { ${this.jumpTo(pc, pc + 2)} } ${this.jumpTo(pc, target)}`;
  }
}

/**
 * The end of a return (L.ci already the caller): a plain Lua caller resumes at once (in its
 * compiled code, if it called us from there), anything else goes to settle. This is
 * execute.ts's returnToLuaCaller, written out: a call to it at every return cost fib and
 * spectral_norm a few percent.
 */
const RETURNED = `if ((ci.callstatus & ${CIST_SETTLE}) === 0 && (L.ci.callstatus & ${CIST_C}) === 0) return 1; L.jitReturned = ci; return 2;`;

/** JS for the number a plain or boxed float `v` holds, else undefined. */
function unboxed(v: string): string {
  return `(typeof ${v} === 'number' ? ${v} : ${v} instanceof LuaFloat ? ${v}.n : undefined)`;
}

/** Inline code for a math native called with one plain number `x` (see InlineOp). */
function inlineMath(dst: string): string {
  return (
    `switch (f.inline) {` +
    ` case ${InlineOp.Sqrt}: { const r = Math.sqrt(x); ${dst} = Number.isInteger(r) ? new LuaFloat(r) : r; break; }` +
    ` case ${InlineOp.Abs}: { const r = Math.abs(x); ${dst} = Number.isInteger(x) ? r : Number.isInteger(r) ? new LuaFloat(r) : r; break; }` +
    ` case ${InlineOp.Floor}: { const r = Math.floor(x); ${dst} = r >= -${MAX_SAFE} && r <= ${MAX_SAFE} ? r + 0 : undefined; break; }` +
    ` default: { const r = Math.ceil(x); ${dst} = r >= -${MAX_SAFE} && r <= ${MAX_SAFE} ? r + 0 : undefined; } }`
  );
}

/** What generate writes: the pieces `assemble` puts together into the compiled function. */
interface Generated {
  /** Entry code: locals for the stack, constants, upvalues, base and pc. */
  entry: string;
  /** The vararg prologue (VARARGPREP's frame move), run on entry at pc 0; '' if none. */
  varargs: string;
  /** Loads of the promoted registers into their locals. */
  registers: string;
  /** The code of each instruction, from its `case pc:` label. */
  cases: string[];
  /** Stores of every promoted register back to the stack. */
  spillAll: string;
  /** Entries of the field caches (`sc`). */
  caches: number;
  /** Declarations of the constants made once beside the function (Gen.factoryConst). */
  consts: string;
  /** The jumps the code makes (for jit-structure.ts). */
  jumps: Jump[];
  /** Whether the function has float registers (then it has a dispatcher: LOOP_SPINS). */
  floats: boolean;
}

/** Result of a region's function when execution continues in another region (at ci.pc). */
const EXIT_REGION = 4;
/** Why the dispatch loop was left (`xk`) when the tick budget ran out at a backward jump. */
const LEAVE_BUDGET = -1;
/**
 * Backward jumps a compiled function with float registers takes in one call before it
 * returns to its dispatcher, which calls it again at once. A loop that runs long in a
 * function's first call makes V8 compile the function while it runs (on-stack replacement),
 * and code compiled that way keeps float registers boxed, allocating at each iteration.
 * Called again and again, the function is optimised the usual way, which keeps them raw as
 * long as V8 can tell they only hold numbers (Gen.load). mandelbrot: 254 young-generation
 * collections, then 27, and 0.65 -> 0.51 s. Functions without float registers are left
 * alone: returning made fannkuch a third slower.
 */
const LOOP_SPINS = 4096;

/**
 * The factory body: the field caches, then the compiled function. A function with several
 * top-level loops becomes one JS function per region (jit-regions.ts) and a dispatcher that
 * runs the region holding ci.pc; a jump out of a region writes the registers back and hands
 * over to the dispatcher. Names follow the function's first line, so that profiles tell
 * compiled functions apart.
 */
function assemble(p: Proto, g: Generated): string {
  const name = `lua_line_${p.lineDefined}`;
  // The field caches live beside the function, one set per Proto (see cachedGet).
  const caches = `const sc = new Int32Array(${g.caches}), absent = new Array(${g.caches}).fill(null);${g.consts}`;
  // Every way out of the dispatch loop but calls and returns breaks out of it to one exit
  // after the loop, which spills every register and says what next by `xk` (0: interpret
  // from xpc; EXIT_REGION; LEAVE_BUDGET). The spill code is written once instead of at every
  // exit, and stays out of the loop V8 optimises.
  const leaveRun =
    `${g.spillAll}ci.pc = xpc; if (xk === ${LEAVE_BUDGET}) return G.onBudget !== null && G.onBudget(L) ? ${EXIT_SUSPEND} : ${EXIT_INTERPRET}; return xk;`;
  const body = (from: number, to: number, leave: string, withVarargs: boolean) =>
    `${g.entry}\n${withVarargs ? g.varargs : ''}\n${g.registers}\nlet xpc = 0, xk = 0, spins = 0;\nrun: for (;;) { switch (pc) {\n${g.cases.slice(from, to).join('\n')}\n${leave}\n} }\n${leaveRun}`;
  const starts = regionStarts(p);
  if (starts.length === 1 && !g.floats) {
    return `${caches}\nreturn function ${name}(L, ci, cl) {\n${body(0, g.cases.length, 'default: { xpc = pc; break run; }', true)}\n};`;
  }
  const parts = [caches];
  const ends = [...starts.slice(1), g.cases.length];
  const regionOf = new Array<number>(g.cases.length);
  starts.forEach((from, k) => {
    const to = ends[k];
    regionOf.fill(k, from, to);
    // Falling off the region's last instruction, or jumping out of the region.
    // (An instruction of the region without a case label is inside a JS loop: interpreted.)
    const leave = `{ xpc = ${to}; xk = ${EXIT_REGION}; break run; }\ndefault: { xpc = pc; if (pc < ${from} || pc >= ${to}) xk = ${EXIT_REGION}; break run; }`;
    parts.push(`function ${name}_region${k}(L, ci, cl) {\n${body(from, to, leave, k === 0)}\n}`);
  });
  if (starts.length === 1) {
    parts.push(`return function ${name}(L, ci, cl) { for (;;) { const r = ${name}_region0(L, ci, cl); if (r !== ${EXIT_REGION}) return r; } };`);
    return parts.join('\n');
  }
  parts.push(`const regions = [${starts.map((_, k) => `${name}_region${k}`).join(', ')}];`);
  parts.push(`const regionOf = new Uint16Array([${regionOf.join(', ')}]);`);
  parts.push(
    `return function ${name}(L, ci, cl) { for (;;) { const r = regions[regionOf[ci.pc]](L, ci, cl); if (r !== ${EXIT_REGION}) return r; } };`,
  );
  return parts.join('\n');
}

/** After instruction `pc`: the end of the JS loop if `pc` ends a structured loop. */
function closeLoop(g: Gen, pc: number): void {
  const loop = g.plan.loopAt[pc];
  if (loop !== undefined && loop.end === pc) g.out.push(`break loop_${loop.head}; }`);
}

/** The pieces of the compiled function for `p` (see Generated), with its loops as `plan` says. */
function generate(facts: Facts, plan: StructurePlan): Generated {
  const g = new Gen(facts, plan);
  const { p, live } = facts;
  const { out } = g;
  const R = (r: number) => g.R(r);
  const code = p.code;
  const nregs = p.maxStackSize;
  const entry = 'const stack = L.stack, k = cl.p.k, upvals = cl.upvals, G = L.global;\nlet base = ci.base, pc = ci.pc;';
  let varargs = '';
  if (p.isVararg) {
    // VARARGPREP (always instruction 0 of a vararg function) moves the frame: do it before
    // the registers are loaded.
    const nfix = getA(code[0]);
    varargs = `if (pc === 0) { const func = ci.func; const actual = L.top - func - 1; ci.nextraargs = actual - ${nfix}; L.ensureStack(L.top + ${nregs + 2}); stack[L.top++] = stack[func]; for (let j = 1; j <= ${nfix}; j++) { stack[L.top++] = stack[func + j]; stack[func + j] = undefined; } ci.func += actual + 1; ci.top += actual + 1; ci.base = ci.func + 1; base = ci.base; pc = 1; }`;
  }
  const locals: string[] = [];
  const all: number[] = [];
  // Entered at instruction 0 (a call), the registers above the parameters hold nothing the
  // code will read before writing: they start as 0 (a small integer, a type that costs V8
  // nothing; `undefined` made it keep spectral_norm's registers boxed) instead of being
  // loaded. fib 2-4% faster. Float registers are loaded as ever (their entry check), and a
  // vararg function's frame moves at instruction 0.
  const lateLoads: string[] = [];
  for (let r = 0; r < nregs; r++) {
    if (g.live.promoted[r]) {
      if (!p.isVararg && r >= p.numParams && !g.float[r]) {
        locals.push(`r${r} = 0`);
        lateLoads.push(`${g.load(r)};`);
      } else locals.push(g.load(r));
      all.push(r);
    }
  }
  let registers = locals.length > 0 ? `let ${locals.join(', ')};` : '';
  if (lateLoads.length > 0) registers += ` if (pc !== 0) { ${lateLoads.join(' ')} }`;
  if (g.float.includes(true)) {
    g.factoryConst('toF', 'H.toF');
    g.factoryConst('boxF', 'H.boxF');
    registers += `\nif (!${floatEntryCheck(g)}(stack, base, pc)) return 0;`;
  }
  const caseStart: number[] = [];
  for (let pc = 0; pc < code.length; pc++) {
    closeLoop(g, pc - 1);
    caseStart.push(out.length);
    const i = code[pc];
    const op = getOp(i) as Op;
    const a = getA(i);
    const b = getB(i);
    const c = getC(i);
    const kk = getk(i);
    const exit = () => g.exit(pc);
    const loop = g.plan.loopAt[pc];
    if (loop === undefined) {
      if (g.plan.labelled === null || g.plan.labelled[pc]) out.push(`case ${pc}:`);
    } else {
      // A JS loop: its head carries the case labels of the entries inside it too.
      if (pc === loop.head) out.push(`${[pc, ...loop.entries].map((e) => `case ${e}:`).join(' ')}\nloop_${pc}: for (;;) {`);
      else if (loop.blocks.has(pc)) out.push('}');
      for (const t of blocksOpening(loop, pc)) out.push(`b_${t}: {`);
      // Entering the function inside the loop (jit-structure.ts): on to the entry.
      if (pc === loop.head) for (const e of loop.entries) out.push(`if (pc === ${e}) { pc = ${pc}; break b_${e}; }`);
    }
    const float = floatInstruction(g, pc);
    if (float !== null) {
      out.push(float);
      continue;
    }
    switch (op) {
      case Op.MOVE:
        out.push(`${R(a)} = ${R(b)};`);
        break;
      case Op.LOADI:
        out.push(`${R(a)} = ${(i >>> 15) - OFFSET_sBx};`);
        break;
      case Op.LOADF: {
        // The boxed float is made once, beside the function (LuaFloat is immutable).
        const v = (i >>> 15) - OFFSET_sBx;
        out.push(`${R(a)} = ${g.factoryConst(`float_${v < 0 ? 'm' + -v : v}`, `H.loadf(${v})`)};`);
        break;
      }
      case Op.LOADK: {
        const kc = constant(p, getBx(i));
        out.push(`${R(a)} = ${kc.num !== undefined && !kc.expr.startsWith('k[') ? kc.expr : `k[${getBx(i)}]`};`);
        break;
      }
      case Op.LOADFALSE:
        out.push(`${R(a)} = false;`);
        break;
      case Op.LFALSESKIP:
        out.push(`${R(a)} = false; ${g.jumpTo(pc, pc + 2)}`);
        break;
      case Op.LOADTRUE:
        out.push(`${R(a)} = true;`);
        break;
      case Op.LOADNIL:
        for (let r = a; r <= a + b; r++) out.push(`${R(r)} = undefined;`);
        break;
      case Op.GETUPVAL:
        out.push(`{ const uv = upvals[${b}]; ${R(a)} = uv.stack[uv.idx]; }`);
        break;
      case Op.SETUPVAL:
        out.push(`{ const uv = upvals[${b}]; uv.stack[uv.idx] = ${R(a)}; }`);
        break;
      case Op.GETTABUP: {
        const key = JSON.stringify(p.k[c]);
        const j = g.cache(1);
        out.push(
          `{ const uv = upvals[${b}]; const t = uv.stack[uv.idx]; if (t instanceof LuaTable) { let v; ${g.cachedGet('t', key, j)} if (v !== undefined || t.metatable === undefined) ${R(a)} = v; else ${exit()} } else ${exit()} }`,
        );
        break;
      }
      case Op.GETFIELD: {
        const key = JSON.stringify(p.k[c]);
        const j = g.cache(3);
        out.push(
          `{ const t = ${R(b)}; if (t instanceof LuaTable) { let v; ${g.cachedGet('t', key, j)} ${g.chainGet('t', key, j, exit())} ${R(a)} = v; } else ${exit()} }`,
        );
        break;
      }
      case Op.GETI:
        out.push(
          `{ const t = ${R(b)}; if (t instanceof LuaTable) { const v = t.getInt(${c}); if (v !== undefined || t.metatable === undefined) ${R(a)} = v; else ${exit()} } else ${exit()} }`,
        );
        break;
      case Op.GETTABLE:
        out.push(
          `{ const t = ${R(b)}, key = ${R(c)}; if (t instanceof LuaTable) { const v = typeof key === 'number' && Number.isInteger(key) ? t.getInt(key) : typeof key === 'string' ? t.getStr(key) : t.get(key); if (v !== undefined || t.metatable === undefined) ${R(a)} = v; else ${exit()} } else ${exit()} }`,
        );
        break;
      case Op.SETTABUP: {
        const v = kk ? constant(p, c).expr : R(c);
        const j = g.cache(1);
        out.push(`{ const uv = upvals[${a}]; const t = uv.stack[uv.idx]; if (t instanceof LuaTable) ${g.cachedSet('t', p.k[b] as string, v, j, exit())} else ${exit()} }`);
        break;
      }
      case Op.SETFIELD: {
        const v = kk ? constant(p, c).expr : R(c);
        const j = g.cache(1);
        out.push(`{ const t = ${R(a)}; if (t instanceof LuaTable) ${g.cachedSet('t', p.k[b] as string, v, j, exit())} else ${exit()} }`);
        break;
      }
      case Op.SETI: {
        const v = kk ? constant(p, c).expr : R(c);
        out.push(
          `{ const t = ${R(a)}; if (t instanceof LuaTable && (t.metatable === undefined || t.getInt(${b}) !== undefined)) t.setInt(${b}, ${v}); else ${exit()} }`,
        );
        break;
      }
      case Op.SETTABLE: {
        const v = kk ? constant(p, c).expr : R(c);
        out.push(
          `{ const t = ${R(a)}, key = ${R(b)}; if (t instanceof LuaTable && t.metatable === undefined) { if (typeof key === 'number' && Number.isInteger(key)) t.setInt(key, ${v}); else if (typeof key === 'string') t.setStr(key, ${v}); else ${exit()} } else ${exit()} }`,
        );
        break;
      }
      case Op.NEWTABLE: {
        // The EXTRAARG that follows is an empty case: execution falls through it.
        const fields = recordFields(p, pc);
        if (fields.length === 0) {
          out.push(
            `${R(a)} = new LuaTable(); if ((G.allocated += 56) > G.gcTrigger) { ${g.spill(pc + 2)}stack[base + ${a}] = ${R(a)}; ci.pc = ${pc + 2}; H.collectStep(L, base + ${a + 1}); }`,
          );
          break;
        }
        // `{ x = x, y = y }`: the table and its fields at once. All the tables this
        // constructor makes share one keys array (LuaTable.keysShared: copied on the first new
        // key), and the fields take slots 0, 1, ... as the SETFIELDs would give them. A nil
        // value leaves its key out, as SETFIELD does: then the SETFIELDs run.
        const end = pc + 2 + fields.length;
        const keys = g.factoryConst(`keys_${pc}`, `[${fields.map((f) => JSON.stringify(f.key)).join(', ')}]`);
        const vals = fields.map((f) => (f.constant ? constant(p, f.value).expr : R(f.value)));
        out.push(
          `{ const t = new LuaTable(); ${vals.map((v, n) => `const v${n} = ${v};`).join(' ')}` +
            ` if (${vals.map((_, n) => `v${n} !== undefined`).join(' && ')}) { t.hkeys = ${keys}; t.keysShared = true; t.hvals = [${vals.map((_, n) => `v${n}`).join(', ')}]; }` +
            ` else { ${fields.map((f, n) => `t.setStr(${JSON.stringify(f.key)}, v${n});`).join(' ')} }` +
            ` ${R(a)} = t; if ((G.allocated += ${56 + 16 * fields.length}) > G.gcTrigger) { ${g.spill(end)}stack[base + ${a}] = t; ci.pc = ${end}; H.collectStep(L, base + ${a + 1}); } ${g.jumpTo(pc, end)} }`,
        );
        break;
      }
      case Op.SELF: {
        if (kk && typeof p.k[c] === 'string') {
          const key = JSON.stringify(p.k[c]);
          const j = g.cache(3);
          out.push(
            `{ const t = ${R(b)}; if (t instanceof LuaTable) { let v; ${g.cachedGet('t', key, j)} ${g.chainGet('t', key, j, exit())} ${R(a + 1)} = t; ${R(a)} = v; }` +
              ` else if (typeof t === 'string') { ${g.stringMethod(key, j, exit())} ${R(a + 1)} = t; ${R(a)} = v; } else ${exit()} }`,
          );
        } else out.push(exit());
        break;
      }
      case Op.ADDI: {
        const imm = c - OFFSET_sC;
        out.push(arithFast(Op.ADD, R(b), String(imm), { expr: String(imm), num: imm, isFloat: false }, R(a), exit()));
        break;
      }
      case Op.ADDK:
      case Op.SUBK:
      case Op.MULK:
      case Op.MODK:
      case Op.POWK:
      case Op.DIVK:
      case Op.IDIVK:
      case Op.BANDK:
      case Op.BORK:
      case Op.BXORK: {
        const kc = constant(p, c);
        if (kc.num === undefined) out.push(exit());
        else out.push(arithFast(ARITH_K[op]!, R(b), numberLiteral(kc.num), { ...kc, expr: numberLiteral(kc.num) }, R(a), exit()));
        break;
      }
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
        out.push(arithFast(op, R(b), R(c), null, R(a), exit()));
        break;
      case Op.MMBIN:
      case Op.MMBINI:
      case Op.MMBINK:
        // Reached only by falling through after the arithmetic before it succeeded (when it
        // needs a metamethod the interpreter runs both): nothing to do. Never an entry point.
        break;
      case Op.UNM:
        out.push(`{ const v = ${R(b)}; if (typeof v === 'number' && v !== 0 && v === v) ${R(a)} = -v; else ${exit()} }`);
        break;
      case Op.NOT:
        out.push(`{ const v = ${R(b)}; ${R(a)} = v === undefined || v === false; }`);
        break;
      case Op.LEN:
        out.push(
          `{ const v = ${R(b)}; if (typeof v === 'string') ${R(a)} = v.length; else if (v instanceof LuaTable && v.metatable === undefined) ${R(a)} = v.length(); else ${exit()} }`,
        );
        break;
      case Op.JMP:
        out.push(g.jumpTo(pc, g.jumpTarget(pc)));
        break;
      case Op.EQ:
        out.push(
          `{ const a = ${R(a)}, b = ${R(b)}; let cond; if (a === b) cond = typeof a !== 'object' || H.rawEquals(a, b); else if (typeof a !== 'object' && typeof b !== 'object' && typeof a === typeof b) cond = false; else ${exit()} ${g.condJump(pc, 'cond', kk)} }`,
        );
        break;
      case Op.LT:
      case Op.LE: {
        // Plain numbers, or floats with integral values (boxed); anything else (strings,
        // bigints, metamethods) in the interpreter.
        const sym = op === Op.LT ? '<' : '<=';
        out.push(
          `{ const a = ${R(a)}, b = ${R(b)}; if (typeof a === 'number' && typeof b === 'number') { ${g.condJump(pc, `a ${sym} b`, kk)} }` +
            ` else { const x = ${unboxed('a')}, y = ${unboxed('b')}; if (x !== undefined && y !== undefined) { ${g.condJump(pc, `x ${sym} y`, kk)} } else ${exit()} } }`,
        );
        break;
      }
      case Op.EQK: {
        const kv = p.k[b];
        const cond =
          typeof kv === 'string'
            ? `a === ${JSON.stringify(kv)}`
            : typeof kv === 'number' && !Number.isInteger(kv)
              ? `a === ${numberLiteral(kv)}`
              : `H.rawEquals(a, k[${b}])`;
        out.push(`{ const a = ${R(a)}; ${g.condJump(pc, cond, kk)} }`);
        break;
      }
      case Op.EQI: {
        const imm = b - OFFSET_sC;
        out.push(
          `{ const a = ${R(a)}; const cond = typeof a === 'number' ? a === ${imm} : a instanceof LuaFloat ? a.n === ${imm} : false; ${g.condJump(pc, 'cond', kk)} }`,
        );
        break;
      }
      case Op.LTI:
      case Op.LEI:
      case Op.GTI:
      case Op.GEI: {
        const imm = b - OFFSET_sC;
        const sym = op === Op.LTI ? '<' : op === Op.LEI ? '<=' : op === Op.GTI ? '>' : '>=';
        out.push(
          `{ const a = ${R(a)}; if (typeof a === 'number') { ${g.condJump(pc, `a ${sym} ${imm}`, kk)} } else if (a instanceof LuaFloat) { ${g.condJump(pc, `a.n ${sym} ${imm}`, kk)} } else ${exit()} }`,
        );
        break;
      }
      case Op.TEST:
        out.push(`{ const v = ${R(a)}; ${g.condJump(pc, 'v !== undefined && v !== false', kk)} }`);
        break;
      case Op.TESTSET: {
        const target = g.jumpTarget(pc + 1);
        out.push(
          `{ const v = ${R(b)}; if ((v === undefined || v === false) === ${kk === 1}) { ${g.jumpTo(pc, pc + 2)} } ${R(a)} = v; ${g.jumpTo(pc, target)} }`,
        );
        break;
      }
      case Op.CALL: {
        const nresults = c - 1;
        const last = nresults >= 0 ? a + nresults - 1 : nregs - 1;
        out.push('{');
        const leaf = g.leaves.get(pc);
        if (leaf !== undefined) {
          // The callee's body written here (jit-inline.ts), when it is the function called.
          const n = g.leafProtos.indexOf(leaf);
          const proto = g.factoryConst(`leaf_${n}`, `P[${n}]`);
          const args = range(a + 1, a + b - 1).map(R);
          const body = inlineBody(g, leaf, 'lf', args, `break inl_${pc};`);
          const store = nresults === 1 ? `${R(a)} = ${body.result};` : '';
          out.push(`inl_${pc}: { const lf = ${R(a)}; if (lf instanceof LuaClosure && lf.p === ${proto}) {\n${body.code}\n${store} ${g.jumpTo(pc, pc + 1)} } }`);
        }
        // A one-argument math function on a plain number: computed here, no call at all.
        if (leaf === undefined && inlineMathCall(p, pc)) {
          out.push(
            `const f = ${R(a)}, x = ${R(a + 1)}; if (f instanceof NativeFunction && f.inline !== 0 && f.inline <= ${InlineOp.Ceil} && typeof x === 'number') { let res; ${inlineMath('res')} if (res !== undefined) { ${R(a)} = res; ${g.jumpTo(pc, pc + 1)} } }`,
          );
        }
        // setmetatable(t, mt) on plain tables: done here, no frame (base.ts sets the rest).
        if (leaf === undefined && inlineSetmetatableCall(p, pc)) {
          const set = nresults === 1 ? `${R(a)} = ${R(a + 1)}; ` : '';
          out.push(`if (H.setMetatableInline(L, ${R(a)}, ${R(a + 1)}, ${R(a + 2)})) { ${set}${g.jumpTo(pc, pc + 1)} }`);
        }
        out.push(g.spillBefore(pc));
        if (b !== 0) out.push(`L.top = base + ${a + b};`);
        out.push(`const fn = stack[base + ${a}], lw = L.localWrites; ci.pc = ${pc + 1};`);
        // Results are on the stack. The callee may also have changed other registers with
        // debug.setlocal: then the interpreter carries on from the stack (reloading them here
        // instead would merge stack values into every register's type and slow down all
        // float code: nbody ran at half speed).
        const reload = `${g.reload(a, last)}if (L.localWrites !== lw) return 0;`;
        out.push(`if (fn instanceof LuaClosure) { H.precallLua(L, base + ${a}, ${nresults}, fn);`);
        out.push(directCall(nresults, reload));
        out.push('} else {');
        out.push(`if (!(fn instanceof NativeFunction)) { ci.pc = ${pc}; return 0; }`);
        out.push(`if (H.precallNative(L, base + ${a}, ${nresults}, fn) !== null) return 1;`);
        if (nresults >= 0) out.push('L.top = ci.top;');
        out.push('if (L.hookMask !== 0) return 0;');
        out.push(reload);
        out.push('}');
        out.push('}');
        break;
      }
      case Op.TAILCALL: {
        // `return f(args)`. A Lua callee takes over this frame (moved down to ci.func, as
        // the interpreter does) and the dispatch loop enters it; a native runs as a CALL
        // with all its results, and the RETURN that follows returns them.
        const nparams1 = c; // a vararg function's fixed parameters + 1: its frame moved up
        out.push('{');
        // `return setmetatable(t, mt)`: done here; the RETURN that follows returns t.
        const next = code[pc + 1];
        if (b === 3 && !kk && getOp(next) === Op.RETURN && getA(next) === a && getB(next) === 0) {
          out.push(
            `if (H.setMetatableInline(L, ${R(a)}, ${R(a + 1)}, ${R(a + 2)})) { stack[base + ${a}] = ${R(a + 1)}; L.top = base + ${a + 1}; ${g.jumpTo(pc, pc + 1)} }`,
          );
        }
        if (b !== 0) out.push(g.spillRegs(range(a, a + b - 1)));
        else out.push(g.spillBefore(pc));
        out.push(b !== 0 ? `L.top = base + ${a + b}; const nargs = ${b};` : `const nargs = L.top - (base + ${a});`);
        out.push(`ci.pc = ${pc + 1}; const fn = stack[base + ${a}];`);
        out.push(`if (!(fn instanceof LuaClosure) && !(fn instanceof NativeFunction)) ${exit()}`);
        if (kk) out.push('H.closeUpvals(L, base);');
        // A compiled callee runs from here (the JS stack holds this frame's call until it
        // returns, bounded by MAX_DIRECT_DEPTH like a call): handing the new frame to the
        // dispatch loop instead would also make our compiled caller exit and re-enter.
        const tailEnter = `${COMPILED_CALLEE} L.jitDepth++; const r = cf(L, nci, fn); L.jitDepth--; return r === 0 ? 1 : r;`;
        out.push(
          `if (fn instanceof LuaClosure) { const func = ci.func${nparams1 !== 0 ? ` - (ci.nextraargs + ${nparams1})` : ''}; for (let j = 0; j < nargs; j++) stack[func + j] = stack[base + ${a} + j]; L.top = func + nargs; const saved = ci.callstatus, depth = ci.cdepth; L.ci = ci.previous; const nci = H.precallLua(L, func, ci.nresults, fn); nci.callstatus = saved | ${CIST_TAIL}; nci.cdepth = depth; ${tailEnter} }`,
        );
        out.push(`if (H.precallNative(L, base + ${a}, -1, fn) !== null) return 1; if (L.hookMask !== 0) return 0;`);
        out.push('}');
        break;
      }
      case Op.RETURN: {
        if (kk) {
          out.push(exit());
          break;
        }
        out.push('{');
        if (b !== 0) out.push(g.spillRegs(range(a, a + b - 2)));
        out.push(b !== 0 ? `const n = ${b - 1};` : `const n = L.top - (base + ${a});`);
        out.push(`ci.pc = ${pc + 1};`);
        if (c !== 0) out.push(`ci.func -= ci.nextraargs + ${c};`);
        out.push(`H.moveResults(L, ci.func, base + ${a}, n, ci.nresults); L.ci = ci.previous;`);
        out.push(`${RETURNED} }`);
        break;
      }
      case Op.RETURN0:
        out.push(
          `{ ci.pc = ${pc + 1}; let nres = ci.nresults; L.ci = ci.previous; L.top = base - 1; for (; nres > 0; nres--) stack[L.top++] = undefined; ${RETURNED} }`,
        );
        break;
      case Op.RETURN1:
        out.push(
          `{ ci.pc = ${pc + 1}; let nres = ci.nresults; L.ci = ci.previous; if (nres === 0) L.top = base - 1; else { stack[base - 1] = ${R(a)}; L.top = base; for (; nres > 1; nres--) stack[L.top++] = undefined; } ${RETURNED} }`,
        );
        break;
      case Op.FORLOOP: {
        const target = pc + 1 - getBx(i);
        const [r0, r1, r2, r3] = [R(a), R(a + 1), R(a + 2), R(a + 3)];
        out.push(
          `{ const step = ${r2}, count = ${r1}, idx = ${r0}; let again; if (typeof step === 'number' && typeof count === 'number' && typeof idx === 'number') { again = count > 0; if (again) { ${r1} = count - 1; const v = idx + step; ${r0} = v; ${r3} = v; } } else { ${g.spillRegs(range(a, a + 3))}again = H.forLoopSlow(stack, base + ${a}); ${g.reload(a, a + 3)}} if (again) { ${g.jumpTo(pc, target)} } }`,
        );
        break;
      }
      case Op.FORPREP: {
        // Small integers (execute.ts forPrep's fast path) here; anything else through forPrep.
        const skipTo = pc + getBx(i) + 2;
        const small = (x: string) => `typeof ${x} === 'number' && Number.isInteger(${x}) && Math.abs(${x}) <= ${2 ** 50}`;
        out.push(
          `{ const init = ${R(a)}, limit = ${R(a + 1)}, step = ${R(a + 2)}; if (${small('init')} && ${small('limit')} && ${small('step')} && step !== 0) {` +
            ` if (step > 0 ? init > limit : init < limit) { ${g.jumpTo(pc, skipTo)} }` +
            ` ${R(a + 1)} = step > 0 ? Math.floor((limit - init) / step) : Math.floor((init - limit) / -step); ${R(a + 3)} = init; }` +
            ` else { ${g.spillRegs(range(a, a + 3))}ci.pc = ${pc + 1}; const skip = H.forPrep(L, stack, base + ${a}); ${g.reload(a, a + 3)}if (skip) { ${g.jumpTo(pc, skipTo)} } } }`,
        );
        break;
      }
      case Op.TFORCALL: {
        out.push('{');
        out.push(`${R(a + 4)} = ${R(a)}; ${R(a + 5)} = ${R(a + 1)}; ${R(a + 6)} = ${R(a + 2)};`);
        out.push(g.spillBefore(pc) + g.spillRegs(range(a + 4, a + 6)));
        out.push(`L.top = base + ${a + 7}; ci.pc = ${pc + 1};`);
        out.push(`const fn = stack[base + ${a + 4}], lw = L.localWrites; if (fn instanceof LuaClosure) { H.precallIterator(L, base + ${a + 4}, ${c}, fn); return 1; }`);
        out.push(`if (!(fn instanceof NativeFunction)) { ci.pc = ${pc}; return 0; }`);
        out.push(`if (H.precallNative(L, base + ${a + 4}, ${c}, fn) !== null) return 1; L.top = ci.top; if (L.hookMask !== 0) return 0;`);
        // The iterator's results; the interpreter carries on if it used debug.setlocal here.
        out.push(`${g.reload(a + 4, a + 3 + c)}if (L.localWrites !== lw) return 0;`);
        out.push('}');
        break;
      }
      case Op.TFORLOOP: {
        const target = pc + 1 - getBx(i);
        out.push(`{ const v = ${R(a + 4)}; if (v !== undefined) { ${R(a + 2)} = v; ${g.jumpTo(pc, target)} } }`);
        break;
      }
      case Op.CLOSURE:
        out.push(
          `{ const np = cl.p.p[${getBx(i)}]; const d = np.upvalues; const uvs = new Array(d.length); for (let j = 0; j < d.length; j++) uvs[j] = d[j].inStack ? H.findUpval(L, base + d[j].index) : upvals[d[j].index]; ${R(a)} = new LuaClosure(np, uvs); if ((G.allocated += 40 + 8 * d.length) > G.gcTrigger) { ${g.spill(pc + 1)}stack[base + ${a}] = ${R(a)}; ci.pc = ${pc + 1}; H.collectStep(L, base + ${a + 1}); } }`,
        );
        break;
      case Op.VARARG: {
        const wanted = c - 1;
        if (wanted < 0) out.push(exit());
        else {
          out.push(`{ const nextra = ci.nextraargs, from = ci.func - nextra;`);
          for (let j = 0; j < wanted; j++) out.push(`${R(a + j)} = ${j} < nextra ? stack[from + ${j}] : undefined;`);
          out.push('}');
        }
        break;
      }
      case Op.SETLIST: {
        if (kk || b === 0) out.push(exit());
        else {
          out.push(`{ const t = ${R(a)}; L.top = ci.top;`);
          const items = range(a + 1, a + b).map(R);
          // A fresh constructor's first items (the usual case): its array in one allocation.
          if (c === 0) out.push(`if (t.arr.length === 0 && t.hkeys.length === 0) t.arr = [${items.join(', ')}]; else {`);
          items.forEach((v, j) => out.push(`t.setListItem(${c + j + 1}, ${v});`));
          if (c === 0) out.push('}');
          out.push(`t.finishList(${c + b}); }`);
        }
        break;
      }
      case Op.CONCAT: {
        // Strings and numbers only (numbers as tostring writes them), and not near the
        // longest string JS allows; anything else (__concat, errors) is the interpreter's.
        const parts = range(a, a + b - 1).map((r, j) => `p${j}`);
        const convert = range(a, a + b - 1)
          .map((r, j) => `const p${j} = H.concatString(${R(r)});`)
          .join(' ');
        const defined = parts.map((x) => `${x} !== undefined`).join(' && ');
        const length = parts.map((x) => `${x}.length`).join(' + ');
        out.push(
          `{ ${convert} if (!(${defined}) || ${length} > ${MAX_JIT_CONCAT}) ${exit()}` +
            ` const s = ${parts.join(' + ')}; ${R(a)} = s;` +
            ` if ((G.allocated += s.length + ${STRING_BYTES}) > G.gcTrigger) { ${g.spill(pc + 1)}stack[base + ${a}] = s; ci.pc = ${pc + 1}; H.collectStep(L, base + ${a + 1}); } }`,
        );
        break;
      }
      case Op.VARARGPREP:
        // Done by the prologue before the registers were loaded.
        break;
      case Op.EXTRAARG:
        // Follows NEWTABLE (fallen through), LOADKX or SETLIST (which leave first): no code.
        break;
      default:
        // CLOSE, TBC, TFORPREP, SHL/SHR/SHLI/SHRI, BNOT, LOADKX: rare or
        // costly anyway; the interpreter runs them.
        out.push(exit());
        break;
    }
  }
  closeLoop(g, code.length - 1);
  caseStart.push(out.length);
  const cases = Array.from({ length: code.length }, (_, pc) => out.slice(caseStart[pc], caseStart[pc + 1]).join('\n'));
  return { entry, varargs, registers, cases, spillAll: g.spillRegs(all), caches: g.caches, jumps: g.jumps, floats: g.float.includes(true), consts: [...g.consts].map(([name, init]) => ` const ${name} = ${init};`).join('') };
}

/** Nesting of direct calls between compiled functions (a JS call each) before the
 * dispatch loop takes over again, which keeps the JS stack small. */
export const MAX_DIRECT_DEPTH = 100;

/**
 * `cf`, the compiled code of the Lua function `fn` whose frame was just pushed, when it may run
 * as a JS call from here; else the dispatch loop takes the frame (return EXIT_NEWFRAME).
 */
const COMPILED_CALLEE = `const cf = fn.p.jit; if (typeof cf !== 'function' || L.jitDepth >= ${MAX_DIRECT_DEPTH} || L.hookMask !== 0 || --G.budget <= 0) return 1;`;

/**
 * After precallLua pushed the callee's frame: if the callee is compiled, run it right here (a
 * JS call, no trip through the dispatch loop). When it returns to this frame, reload the
 * results and carry on; anything else (it called on, left work to the interpreter, suspended)
 * is passed up, with this frame's registers already spilled and ci.pc set.
 */
function directCall(nresults: number, reloadResults: string): string {
  return (
    `${COMPILED_CALLEE} L.jitDepth++; const r = cf(L, L.ci, fn); L.jitDepth--;` +
    ` if (r !== 1 || L.ci !== ci) return r === 0 ? 1 : r;` +
    ` ${nresults >= 0 ? 'L.top = ci.top; ' : ''}${reloadResults}`
  );
}

/**
 * The code of instruction `pc` when it involves float registers (jit-floats.ts), else null:
 * float arithmetic into a float register on raw doubles, and comparisons of float registers.
 * An operand that is not a float register is checked to be a number (else the interpreter
 * runs the instruction, as for any slow path).
 */
function floatInstruction(g: Gen, pc: number): string | null {
  const p = g.p;
  const i = p.code[pc];
  const op = getOp(i) as Op;
  const a = getA(i);
  const b = getB(i);
  const c = getC(i);
  const kk = getk(i);
  const fl = g.float;
  const exit = g.exit(pc);
  // Operands as doubles: `pre` declares and checks those that are not float registers.
  let pre = '';
  let n = 0;
  const operand = (r: number): string => {
    if (fl[r]) return `r${r}`;
    const v = `v${n}`;
    const x = `x${n++}`;
    pre += `const ${v} = ${g.R(r)}; const ${x} = typeof ${v} === 'number' ? ${v} : ${v} instanceof LuaFloat && ${v}.n === ${v}.n ? +${v}.n : undefined; if (${x} === undefined) ${exit} `;
    return x;
  };
  const kNumber = (v: unknown): string | null =>
    typeof v === 'number' ? numberLiteral(v) : v instanceof LuaFloat ? numberLiteral(v.n) : null;
  switch (op) {
    case Op.LT:
    case Op.LE: {
      if (!fl[a] && !fl[b]) return null;
      const x = operand(a);
      const y = operand(b);
      return `{ ${pre}${g.condJump(pc, `${x} ${op === Op.LT ? '<' : '<='} ${y}`, kk)} }`;
    }
    case Op.LTI:
    case Op.LEI:
    case Op.GTI:
    case Op.GEI: {
      if (!fl[a]) return null;
      const sym = op === Op.LTI ? '<' : op === Op.LEI ? '<=' : op === Op.GTI ? '>' : '>=';
      return `{ ${g.condJump(pc, `r${a} ${sym} ${b - OFFSET_sC}`, kk)} }`;
    }
    case Op.EQI:
      return fl[a] ? `{ ${g.condJump(pc, `r${a} === ${b - OFFSET_sC}`, kk)} }` : null;
    case Op.EQK: {
      if (!fl[a]) return null;
      const v = kNumber(p.k[b]);
      return `{ ${g.condJump(pc, v === null ? 'false' : `r${a} === ${v}`, kk)} }`;
    }
    case Op.EQ:
      return fl[a] && fl[b] ? `{ ${g.condJump(pc, `r${a} === r${b}`, kk)} }` : null;
    default:
      break;
  }
  if (!fl[a]) return null;
  // Instructions that write a float register (the writers jit-floats.ts allows).
  const dst = `r${a}`;
  switch (op) {
    case Op.LOADF:
      return `${dst} = ${(i >>> 15) - OFFSET_sBx};`;
    case Op.LOADK: {
      const v = p.k[getBx(i)];
      return isFloatConstant(v) ? `${dst} = ${kNumber(v)};` : null;
    }
    case Op.MOVE:
      return `${dst} = r${b};`;
    case Op.UNM:
      // A NaN's negation is a NaN whose sign only a box keeps: the interpreter's.
      return `{ const v = r${b}; if (v === v) ${dst} = -v; else ${exit} }`;
    case Op.ADDI:
      return `${dst} = r${b} + ${c - OFFSET_sC};`;
    default:
      break;
  }
  const arith = op in ARITH_K ? ARITH_K[op]! : op;
  const x = operand(b);
  let y: string | null;
  if (op in ARITH_K) y = kNumber(p.k[c]);
  else y = operand(c);
  if (y === null) return null;
  switch (arith) {
    case Op.ADD:
      return `{ ${pre}${dst} = ${x} + ${y}; }`;
    case Op.SUB:
      return `{ ${pre}${dst} = ${x} - ${y}; }`;
    case Op.MUL:
      return `{ ${pre}${dst} = ${x} * ${y}; }`;
    case Op.DIV:
      return `{ ${pre}${dst} = ${x} / ${y}; }`;
    case Op.MOD:
      return `{ ${pre}${dst} = +H.floatMod(${x}, ${y}); }`;
    case Op.IDIV:
      return `{ ${pre}${dst} = Math.floor(${x} / ${y}); }`;
    case Op.POW:
      return `{ ${pre}const r = +H.cPow(${x}, ${y}); if (r === r) ${dst} = r; else ${exit} }`;
    default:
      return null;
  }
}

/**
 * The entry check of a function with float registers: a factory-level function of the entry
 * pc that tells whether the float registers the code may still read there (live, or locals in
 * scope, which debug.getlocal reads) hold floats on the stack. Its name.
 */
function floatEntryCheck(g: Gen): string {
  const groups = new Map<string, number[]>();
  for (let pc = 0; pc < g.p.code.length; pc++) {
    const floats = [...g.readable(pc)].filter((r) => g.float[r]).sort((x, y) => x - y);
    if (floats.length === 0) continue;
    const cond = floats.map((r) => `isF(stack[base + ${r}])`).join(' && ');
    const pcs = groups.get(cond);
    if (pcs === undefined) groups.set(cond, [pc]);
    else pcs.push(pc);
  }
  g.factoryConst('isF', 'H.isF');
  const cases = [...groups].map(([cond, pcs]) => `${pcs.map((pc) => `case ${pc}:`).join(' ')} return ${cond};`).join(' ');
  return g.factoryConst('floatsOk', `(stack, base, pc) => { switch (pc) { ${cases} } return true; }`);
}

/** A field of a record constructor: SETFIELD of constant string `key` to register or K `value`. */
interface RecordField {
  key: string;
  value: number;
  constant: boolean;
}

/**
 * The SETFIELDs that directly follow the NEWTABLE at `pc` (and its EXTRAARG) and fill the new
 * table with distinct constant string keys from registers or constants (`{ x = x, y = 1 }`),
 * up to the size a table scans without a map; [] if there are none.
 */
function recordFields(p: Proto, pc: number): RecordField[] {
  const a = getA(p.code[pc]);
  const fields: RecordField[] = [];
  for (let q = pc + 2; q < p.code.length && fields.length < SMALL_HASH; q++) {
    const i = p.code[q];
    if (getOp(i) !== Op.SETFIELD || getA(i) !== a) break;
    const key = p.k[getB(i)];
    const value = getC(i);
    if (typeof key !== 'string' || fields.some((f) => f.key === key) || (!getk(i) && value === a)) break;
    fields.push({ key, value, constant: getk(i) === 1 });
  }
  return fields;
}

/** How many local variables are in scope at `pc`: they occupy registers 0..n-1 (cf. luaF_getlocalname). */
function activeLocals(p: Proto, pc: number): number {
  let n = 0;
  for (const v of p.locvars) {
    if (v.startPc > pc) break;
    if (pc < v.endPc) n++;
  }
  return n;
}

function range(from: number, to: number): number[] {
  const r: number[] = [];
  for (let x = from; x <= to; x++) r.push(x);
  return r;
}
