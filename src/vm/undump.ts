// undump.ts — reads a binary chunk (dump.ts describes the format) back into a Proto: what
// `load` does with a string that starts with "\x1b", and what worker VMs do with shipped code.
//
// Invariants:
// - Every failure is a LuaError worded as lundump.c's: "<name>: bad binary format (<why>)",
//   where <name> is the chunk name without its '@' or '=' prefix, or "binary string" when the
//   name is the chunk itself (`load(s)` without a name). Input that ends early is
//   "truncated chunk" wherever it ends; any other inconsistency is "corrupted chunk" (or the
//   header check's own reason). Never a JS TypeError or RangeError, never a hang.
// - Counts are checked against the bytes that remain before anything is allocated.
// - A Proto that comes out of here is one the VM can run without breaking its own frames:
//   verifyCode checks what execute.ts takes on trust from the compiler —
//     operands: opcodes exist; constant, upvalue and nested-function indices are in range, and
//       constants have the type the instruction assumes (string keys, numeric K operands);
//       registers are below maxStackSize where Lua's compiler keeps them there;
//     control flow: jumps and skips land on instructions (never on an EXTRAARG); companions
//       are present (a test's JMP, an arithmetic op's MMBIN, LOADKX/NEWTABLE's EXTRAARG,
//       TFORCALL's TFORLOOP); the code cannot run off its end; each FORLOOP pairs with its
//       FORPREP and loop bodies are entered only through their FORPREP;
//     frames: VARARGPREP is the first instruction exactly of vararg functions, with
//       A = numParams; RETURN/TAILCALL's C undoes its shift (numParams + 1, or 0 in fixed
//       functions) and RETURN0/RETURN1 never appear in vararg functions; B = 0 ("up to top")
//       only right after an instruction with open results at or above its first register,
//       and never as a jump target; nested closures capture existing registers/upvalues.
//   What it cannot see (types of register values: SETLIST's table, FORLOOP's counters after a
//   debug.setlocal) the VM must still check on its slow paths. Semantic nonsense that cannot
//   break the VM is left alone, as PUC Lua leaves it.
// - Bytes after the main function are ignored, as PUC Lua ignores them.
// Cf. lundump.c (checkHeader, loadFunction).

import { Proto, VarKind } from '../compiler/proto.js';
import type { LocVar, UpvalDesc } from '../compiler/proto.js';
import { Op, NUM_OPCODES, OFFSET_sJ } from '../compiler/opcodes.js';
import type { LuaValue } from './value.js';
import { LuaFloat, POS_NAN, MAX_SAFE, isInteger, isNumber, normInt } from './value.js';
import { TM } from './metamethods.js';
import { LuaError } from './errors.js';
import { intern } from './intern.js';
import {
  BODY_VERSION,
  KTag,
  LUAC_DATA,
  LUAC_FORMAT,
  LUAC_INT_BYTES,
  LUAC_NUM_BYTES,
  LUAC_VERSION,
  MAX_FUNCTION_NESTING,
  STRIPPED_SOURCE,
} from './dump.js';

/** Is `bytes` a binary chunk (does it start with LUA_SIGNATURE[0])? */
export function isBinaryChunk(bytes: string): boolean {
  return bytes.charCodeAt(0) === 0x1b;
}

/**
 * The Proto of binary chunk `bytes`. `chunkName` is the name given to load (only used in
 * messages: the Proto keeps the source name stored in the chunk, or "=?" when stripped).
 */
export function undump(bytes: string, chunkName: string): Proto {
  const name = messageName(chunkName);
  try {
    const r = new ChunkReader(bytes, name);
    // Chunks are byte strings; anything else is not one of ours.
    if (r.notBytes) r.corrupted();
    r.checkHeader();
    const nupvals = r.u8();
    const version = r.u8();
    if (version !== BODY_VERSION)
      r.fail(`unknown moonlet body version ${version}; this moonlet reads version ${BODY_VERSION}`);
    const p = readFunction(r, STRIPPED_SOURCE, 0);
    if (p.upvalues.length !== nupvals) r.corrupted();
    return p;
  } catch (e) {
    if (e instanceof LuaError) throw e;
    // A safety net: a reader bug must still look like a bad chunk to Lua code. The cause
    // keeps the original for debugging (and lets the tests notice).
    throw new LuaError(`${name}: bad binary format (corrupted chunk)`, false, { cause: e });
  }
}

/** The name lundump.c puts in messages. */
function messageName(chunkName: string): string {
  const nul = chunkName.indexOf('\0'); // a C string ends at its first NUL
  if (nul >= 0) chunkName = chunkName.slice(0, nul);
  const c = chunkName.charCodeAt(0);
  if (c === 64 /* @ */ || c === 61 /* = */) return chunkName.slice(1);
  if (c === 0x1b) return 'binary string';
  return chunkName;
}

// ============================================================================================
// Byte reader
// ============================================================================================

class ChunkReader {
  pos = 0;
  /** The chunk's bytes: typed-array reads are several times faster than charCodeAt here. */
  private readonly b: Uint8Array;
  private readonly end: number;
  /** Set when the input has a char above 255 (it is not a byte string). */
  readonly notBytes: boolean;
  private readonly view: DataView;

  constructor(
    private readonly s: string,
    readonly name: string,
  ) {
    const n = s.length;
    const b = new Uint8Array(n);
    let all = 0;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      all |= c;
      b[i] = c;
    }
    this.b = b;
    this.end = n;
    this.notBytes = all > 0xff;
    this.view = new DataView(b.buffer);
  }

  fail(why: string): never {
    throw new LuaError(`${this.name}: bad binary format (${why})`);
  }

  truncated(): never {
    this.fail('truncated chunk');
  }

  corrupted(): never {
    this.fail('corrupted chunk');
  }

  /** Fails with "truncated chunk" unless `n` more bytes are there. */
  need(n: number): void {
    if (n > this.end - this.pos) this.truncated();
  }

  u8(): number {
    if (this.pos >= this.end) this.truncated();
    return this.b[this.pos++];
  }

  /** Unsigned LEB128, at most 8 bytes and at most 2^53 - 1. */
  varint(): number {
    const pos = this.pos;
    if (pos < this.end) {
      const b = this.b[pos];
      if (b < 0x80) {
        // One byte: most counts, indices and line differences.
        this.pos = pos + 1;
        return b;
      }
    }
    return this.longVarint();
  }

  private longVarint(): number {
    let v = 0;
    let scale = 1;
    for (let i = 0; ; i++) {
      const b = this.u8();
      v += (b & 0x7f) * scale;
      if (b < 0x80) break;
      if (i === 7) this.corrupted();
      scale *= 0x80;
    }
    if (v > MAX_SAFE) this.corrupted();
    return v;
  }

  /** A zigzag varint that must fit an int32 (line numbers and their differences). */
  zvarint(): number {
    const z = this.varint();
    const v = z % 2 === 0 ? z / 2 : -(z + 1) / 2;
    if (v > 0x7fffffff || v < -0x80000000) this.corrupted();
    return v;
  }

  /** A count of items that take at least `minBytes` bytes each: more than remain is a truncation. */
  count(minBytes: number): number {
    const n = this.varint();
    this.need(n * minBytes);
    return n;
  }

  /** A non-negative int32 (line numbers, pcs). */
  int(): number {
    const v = this.varint();
    if (v > 0x7fffffff) this.corrupted();
    return v;
  }

  bytes(n: number): string {
    this.need(n);
    const start = this.pos;
    this.pos += n;
    return this.s.slice(start, this.pos);
  }

  str(): string {
    return this.bytes(this.varint());
  }

  /** An instruction; the caller has checked that the bytes are there. */
  u32(): number {
    const b = this.b;
    const p = this.pos;
    this.pos = p + 4;
    return b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24);
  }

  f64(): number | LuaFloat {
    this.need(8);
    const x = this.view.getFloat64(this.pos, true);
    const negative = (this.b[this.pos + 7] & 0x80) !== 0;
    this.pos += 8;
    if (x !== x) return negative ? NaN : POS_NAN;
    return Number.isInteger(x) ? new LuaFloat(x) : x;
  }

  i64(): number | bigint {
    this.need(8);
    const v = this.view.getBigInt64(this.pos, true);
    this.pos += 8;
    return normInt(v);
  }

  /** Lua reads each header field whole before comparing it (checkliteral). */
  literal(lit: string, why: string): void {
    this.need(lit.length);
    if (this.s.slice(this.pos, this.pos + lit.length) !== lit) this.fail(why);
    this.pos += lit.length;
  }

  /** lundump.c checkHeader, field by field, with its messages. */
  checkHeader(): void {
    if (this.u8() !== 0x1b) this.fail('not a binary chunk');
    this.literal('Lua', 'not a binary chunk');
    if (this.u8() !== LUAC_VERSION) this.fail('version mismatch');
    if (this.u8() !== LUAC_FORMAT) this.fail('format mismatch');
    this.literal(LUAC_DATA, 'corrupted chunk');
    if (this.u8() !== 4) this.fail('Instruction size mismatch');
    if (this.u8() !== 8) this.fail('lua_Integer size mismatch');
    if (this.u8() !== 8) this.fail('lua_Number size mismatch');
    this.literal(LUAC_INT_BYTES, 'integer format mismatch');
    this.literal(LUAC_NUM_BYTES, 'float format mismatch');
  }
}

// ============================================================================================
// Functions
// ============================================================================================

/** The fewest bytes a function record takes (14 one-byte fields; see dump.ts). */
const MIN_FUNCTION_BYTES = 14;

function readFunction(r: ChunkReader, parentSource: string, depth: number): Proto {
  if (depth > MAX_FUNCTION_NESTING) r.corrupted();
  const p = new Proto();
  const srcLen = r.varint();
  p.source = srcLen === 0 ? parentSource : r.bytes(srcLen - 1);
  p.lineDefined = r.int();
  p.lastLineDefined = r.int();
  p.numParams = r.u8();
  const flags = r.u8();
  if (flags > 1) r.corrupted();
  p.isVararg = flags === 1;
  p.maxStackSize = r.u8();

  const ncode = r.count(4);
  const code = new Int32Array(ncode);
  for (let i = 0; i < ncode; i++) code[i] = r.u32();
  p.code = code;

  const nk = r.count(1);
  const k: LuaValue[] = [];
  for (let i = 0; i < nk; i++) k.push(readConstant(r));
  p.k = k;

  const nup = r.count(2);
  const upvalues: UpvalDesc[] = [];
  for (let i = 0; i < nup; i++) {
    const f = r.u8();
    if (f > 7) r.corrupted();
    upvalues.push({ name: '', inStack: (f & 1) !== 0, index: r.u8(), kind: (f >> 1) as VarKind });
  }
  p.upvalues = upvalues;

  const np = r.count(MIN_FUNCTION_BYTES);
  for (let i = 0; i < np; i++) p.p.push(readFunction(r, p.source, depth + 1));

  readDebug(r, p);
  verifyCode(r, p);
  return p;
}

function readConstant(r: ChunkReader): LuaValue {
  const tag = r.u8();
  switch (tag) {
    case KTag.Nil:
      return undefined;
    case KTag.False:
      return false;
    case KTag.True:
      return true;
    case KTag.PosInt:
      return r.varint();
    case KTag.NegInt: {
      const v = r.varint();
      return v < MAX_SAFE ? -v - 1 : normInt(-BigInt(v) - 1n);
    }
    case KTag.Int64:
      return r.i64();
    case KTag.Float:
      return r.f64();
    case KTag.String:
      return intern(r.str());
    default:
      return r.corrupted();
  }
}

function readDebug(r: ChunkReader, p: Proto): void {
  const ncode = p.code.length;
  const nlines = r.count(1);
  if (nlines !== 0 && nlines !== ncode) r.corrupted();
  const lineinfo = new Int32Array(nlines);
  let line = p.lineDefined;
  for (let i = 0; i < nlines; i++) {
    line += r.zvarint();
    if (line > 0x7fffffff || line < -0x80000000) r.corrupted();
    lineinfo[i] = line;
  }
  p.lineinfo = lineinfo;

  const nloc = r.count(3);
  const locvars: LocVar[] = [];
  for (let i = 0; i < nloc; i++) {
    const name = r.str();
    const startPc = r.int();
    const endPc = r.int();
    if (startPc > ncode || endPc > ncode) r.corrupted();
    locvars.push({ name, startPc, endPc });
  }
  p.locvars = locvars;

  const nnames = r.count(1);
  if (nnames !== 0 && nnames !== p.upvalues.length) r.corrupted();
  for (let i = 0; i < nnames; i++) p.upvalues[i].name = r.str();
}

// ============================================================================================
// Code verification
// ============================================================================================

/**
 * What verifyCode checks for an opcode: one shape per operand layout. The table below maps
 * opcodes to shapes once, so that the loop switches over a small local enum (and tells
 * opcodes apart by shape) instead of comparing against every opcode in turn.
 */
const enum Shape {
  /** No such opcode. */
  Invalid,
  /** R[A] */
  A,
  /** R[A], R[B] */
  AB,
  /** R[A], R[B], R[C] */
  ABC,
  /** R[A], K[Bx] */
  LoadK,
  /** R[A], then EXTRAARG with a constant index */
  LoadKX,
  /** R[A], skips the next instruction */
  SkipA,
  /** R[A] .. R[A+B] */
  LoadNil,
  /** R[A], upvalue B */
  UpvalB,
  /** R[A], upvalue B, K[C]:string */
  GetTabUp,
  /** R[A], R[B], K[C]:string */
  GetField,
  /** upvalue A, K[B]:string, RK(C) */
  SetTabUp,
  /** R[A], R[B], RK(C) */
  SetTable,
  /** R[A], RK(C) */
  SetI,
  /** R[A], K[B]:string, RK(C) */
  SetField,
  /** R[A], then EXTRAARG */
  NewTable,
  /** R[A], R[A+1], R[B], RK(C):string */
  Self,
  /** R[A], R[B], then an MMBIN that success skips */
  ArithImm,
  /** R[A], R[B], K[C]:number, then an MMBIN */
  ArithKNum,
  /** R[A], R[B], K[C]:integer, then an MMBIN */
  ArithKInt,
  /** R[A], R[B], R[C], then an MMBIN */
  Arith,
  /** R[A], R[B], event C; after an arithmetic instruction */
  MMBin,
  /** R[A], event C; after an arithmetic instruction */
  MMBinI,
  /** R[A], K[B], event C; after an arithmetic instruction */
  MMBinK,
  /** R[A] .. R[A+B-1], B >= 2 */
  Concat,
  /** level A (may be the frame's top) */
  Close,
  /** pc += sJ */
  Jmp,
  /** R[A], R[B], then a jump */
  TestAB,
  /** R[A], K[B], then a jump */
  TestAK,
  /** R[A], then a jump */
  TestA,
  /** R[A] .. R[A+B-1]; C = 0 leaves an open result */
  Call,
  /** as Call; C = numParams + 1 in a vararg function, else 0 */
  TailCall,
  /** R[A] .. R[A+B-2]; C = numParams + 1 in a vararg function, else 0 */
  Return,
  /** no operands; never in a vararg function (it could not undo VARARGPREP's shift) */
  Return0,
  /** R[A]; never in a vararg function */
  Return1,
  ForPrep,
  ForLoop,
  TForPrep,
  TForCall,
  TForLoop,
  /** R[A] .. R[A+B], then EXTRAARG when k */
  SetList,
  /** R[A], nested function Bx */
  Closure,
  /** R[A] .. R[A+C-2], in a vararg function */
  Vararg,
  /** first instruction of a vararg function, A = numParams */
  VarargPrep,
  /** operand word of the instruction before it, never executed */
  ExtraArg,
}

const SHAPES = new Uint8Array(128); // opcodes are 7 bits; the rest stay Shape.Invalid
function shape(sh: Shape, ...ops: Op[]): void {
  for (const op of ops) SHAPES[op] = sh;
}
shape(Shape.A, Op.LOADI, Op.LOADF, Op.LOADFALSE, Op.LOADTRUE, Op.TBC);
shape(Shape.AB, Op.MOVE, Op.GETI, Op.UNM, Op.BNOT, Op.NOT, Op.LEN);
shape(Shape.ABC, Op.GETTABLE);
shape(Shape.LoadK, Op.LOADK);
shape(Shape.LoadKX, Op.LOADKX);
shape(Shape.SkipA, Op.LFALSESKIP);
shape(Shape.LoadNil, Op.LOADNIL);
shape(Shape.UpvalB, Op.GETUPVAL, Op.SETUPVAL);
shape(Shape.GetTabUp, Op.GETTABUP);
shape(Shape.GetField, Op.GETFIELD);
shape(Shape.SetTabUp, Op.SETTABUP);
shape(Shape.SetTable, Op.SETTABLE);
shape(Shape.SetI, Op.SETI);
shape(Shape.SetField, Op.SETFIELD);
shape(Shape.NewTable, Op.NEWTABLE);
shape(Shape.Self, Op.SELF);
shape(Shape.ArithImm, Op.ADDI, Op.SHRI, Op.SHLI);
shape(Shape.ArithKNum, Op.ADDK, Op.SUBK, Op.MULK, Op.MODK, Op.POWK, Op.DIVK, Op.IDIVK);
shape(Shape.ArithKInt, Op.BANDK, Op.BORK, Op.BXORK);
shape(Shape.Arith, Op.ADD, Op.SUB, Op.MUL, Op.MOD, Op.POW, Op.DIV, Op.IDIV, Op.BAND, Op.BOR, Op.BXOR, Op.SHL, Op.SHR);
shape(Shape.MMBin, Op.MMBIN);
shape(Shape.MMBinI, Op.MMBINI);
shape(Shape.MMBinK, Op.MMBINK);
shape(Shape.Concat, Op.CONCAT);
shape(Shape.Close, Op.CLOSE);
shape(Shape.Jmp, Op.JMP);
shape(Shape.TestAB, Op.EQ, Op.LT, Op.LE, Op.TESTSET);
shape(Shape.TestAK, Op.EQK);
shape(Shape.TestA, Op.EQI, Op.LTI, Op.LEI, Op.GTI, Op.GEI, Op.TEST);
shape(Shape.Call, Op.CALL);
shape(Shape.TailCall, Op.TAILCALL);
shape(Shape.Return, Op.RETURN);
shape(Shape.Return0, Op.RETURN0);
shape(Shape.Return1, Op.RETURN1);
shape(Shape.ForPrep, Op.FORPREP);
shape(Shape.ForLoop, Op.FORLOOP);
shape(Shape.TForPrep, Op.TFORPREP);
shape(Shape.TForCall, Op.TFORCALL);
shape(Shape.TForLoop, Op.TFORLOOP);
shape(Shape.SetList, Op.SETLIST);
shape(Shape.Closure, Op.CLOSURE);
shape(Shape.Vararg, Op.VARARG);
shape(Shape.VarargPrep, Op.VARARGPREP);
shape(Shape.ExtraArg, Op.EXTRAARG);
// Every opcode below NUM_OPCODES has a shape (a new opcode must get one here).
for (let op = 0; op < NUM_OPCODES; op++) {
  if (SHAPES[op] === Shape.Invalid) throw new Error(`undump: opcode ${op} has no verification shape`);
}

/** Bias of sJ and range of MMBIN events (module-local: the loop reads them often). */
const SJ_BIAS = OFFSET_sJ;
const FIRST_ARITH_EVENT: number = TM.ADD;
const LAST_ARITH_EVENT: number = TM.SHR;

// Instruction fields are decoded inline, as opcodes.ts's getters (getOp, getA, ...) do.
function shapeAt(code: Int32Array, pc: number): Shape {
  return SHAPES[code[pc] & 0x7f];
}

/** Does the instruction at `pc` leave L.top after an open number of values (an "open" result)? */
function setsTop(code: Int32Array, pc: number): boolean {
  const i = code[pc];
  const sh = SHAPES[i & 0x7f];
  return sh === Shape.TailCall || ((sh === Shape.Call || sh === Shape.Vararg) && i >>> 24 === 0);
}

/** An MMBIN belongs right after the arithmetic instruction whose failure it handles. */
function afterArith(code: Int32Array, pc: number): boolean {
  if (pc === 0) return false;
  const prev = shapeAt(code, pc - 1);
  return prev === Shape.ArithImm || prev === Shape.ArithKNum || prev === Shape.ArithKInt || prev === Shape.Arith;
}

function isStringK(k: LuaValue[], idx: number): boolean {
  return idx < k.length && typeof k[idx] === 'string';
}

/**
 * Control-flow facts about one function's code: where jumps and skips land, and the bodies of
 * numeric for loops. FORLOOP trusts the counters FORPREP prepared, so a loop's body (from
 * the instruction after its FORPREP to its FORLOOP) may only be entered through its FORPREP.
 */
class FlowCheck {
  /** marks[pc] = 1 when some jump or skip lands on pc. */
  readonly marks: Uint8Array;
  /** loopEnd[q] = pc of the FORLOOP paired with the FORPREP at q; 0 elsewhere. */
  readonly loopEnd: Int32Array;
  /** owner[pc] = pc of the FORPREP of the innermost loop whose body holds pc, or -1. */
  private readonly owner: Int32Array | null;

  constructor(private readonly code: Int32Array) {
    const n = code.length;
    this.marks = new Uint8Array(n);
    this.loopEnd = new Int32Array(n);
    this.owner = this.loopBodies();
  }

  /**
   * Pairs each FORPREP with its FORLOOP (same register, jumps that mirror each other, as
   * lparser.c forbody makes them) and records which loop body each instruction is in. Loops
   * must nest. Returns null when there are no numeric loops; throws nothing: malformed loops
   * simply stay unpaired, and the opcode checks reject their instructions.
   */
  private loopBodies(): Int32Array | null {
    const code = this.code;
    const n = code.length;
    let any = false;
    for (let q = 0; q < n; q++) {
      const i = code[q];
      if (SHAPES[i & 0x7f] !== Shape.ForPrep) continue;
      const e = q + (i >>> 15) + 1;
      if (e >= n) continue;
      const j = code[e];
      if (SHAPES[j & 0x7f] !== Shape.ForLoop || ((j >>> 7) & 0xff) !== ((i >>> 7) & 0xff) || j >>> 15 !== e - q) continue;
      this.loopEnd[q] = e;
      any = true;
    }
    if (!any) return null;
    const owner = new Int32Array(n);
    const open: number[] = []; // FORPREPs of the loops around pc, innermost last
    for (let pc = 0; pc < n; pc++) {
      while (open.length > 0 && this.loopEnd[open[open.length - 1]] < pc) open.pop();
      owner[pc] = open.length > 0 ? open[open.length - 1] : -1;
      const e = this.loopEnd[pc];
      if (e > pc) {
        // A loop inside another must end inside it; otherwise leave this one unpaired.
        if (open.length > 0 && e > this.loopEnd[open[open.length - 1]]) this.loopEnd[pc] = 0;
        else open.push(pc);
      }
    }
    return owner;
  }

  /**
   * Can control jump or skip from `from` to `t`? In range, not onto an EXTRAARG (which never
   * runs), and not into a loop body from outside it. Marks `t` as a landing site.
   */
  land(from: number, t: number): boolean {
    const code = this.code;
    if (t < 0 || t >= code.length || SHAPES[code[t] & 0x7f] === Shape.ExtraArg) return false;
    if (this.owner !== null) {
      const q = this.owner[t];
      if (q >= 0 && (from <= q || from > this.loopEnd[q])) return false;
    }
    this.marks[t] = 1;
    return true;
  }

  /** Is the instruction after `pc` of shape `sh`, and can control land after that one? */
  companion(pc: number, sh: Shape): boolean {
    return pc + 1 < this.code.length && shapeAt(this.code, pc + 1) === sh && this.land(pc, pc + 2);
  }

  /** Arithmetic instructions are followed by their MMBIN, which runs only when they fail. */
  mmbinFollows(pc: number): boolean {
    const code = this.code;
    if (pc + 1 >= code.length) return false;
    const next = shapeAt(code, pc + 1);
    return (next === Shape.MMBin || next === Shape.MMBinI || next === Shape.MMBinK) && this.land(pc, pc + 2);
  }
}

/**
 * Checks what the VM takes for granted about `p` (see the header). Registers are checked
 * where Lua's compiler keeps them below maxStackSize; an out-of-frame register could only
 * read junk from the JS stack array, not crash, so those checks stay simple.
 */
function verifyCode(r: ChunkReader, p: Proto): void {
  const code = p.code;
  const n = code.length;
  const msz = p.maxStackSize;
  const k = p.k;
  const nk = k.length;
  const nup = p.upvalues.length;
  if (n === 0 || p.numParams > msz) r.corrupted();
  // The code must not run off its end.
  const last = shapeAt(code, n - 1);
  if (last !== Shape.Return && last !== Shape.Return0 && last !== Shape.Return1 && last !== Shape.Jmp) r.corrupted();
  // A vararg function starts by adjusting its varargs, and only a vararg function does.
  if (p.isVararg !== (shapeAt(code, 0) === Shape.VarargPrep)) r.corrupted();
  // RETURN and TAILCALL undo VARARGPREP's shift of the frame by C - 1 + the extra arguments.
  const frameShift = p.isVararg ? p.numParams + 1 : 0;
  const v = new FlowCheck(code);

  for (let pc = 0; pc < n; pc++) {
    const i = code[pc];
    const a = (i >>> 7) & 0xff;
    const b = (i >>> 16) & 0xff;
    const c = i >>> 24;
    const kbit = (i >>> 15) & 1;
    const bx = i >>> 15;
    let ok: boolean;
    switch (SHAPES[i & 0x7f] as Shape) {
      case Shape.A:
        ok = a < msz;
        break;
      case Shape.AB:
        ok = a < msz && b < msz;
        break;
      case Shape.ABC:
        ok = a < msz && b < msz && c < msz;
        break;
      case Shape.LoadK:
        ok = a < msz && bx < nk;
        break;
      case Shape.LoadKX:
        ok = a < msz && v.companion(pc, Shape.ExtraArg) && code[pc + 1] >>> 7 < nk;
        break;
      case Shape.SkipA:
        ok = a < msz && v.land(pc, pc + 2);
        break;
      case Shape.LoadNil:
        ok = a + b < msz;
        break;
      case Shape.UpvalB:
        ok = a < msz && b < nup;
        break;
      case Shape.GetTabUp:
        ok = a < msz && b < nup && isStringK(k, c);
        break;
      case Shape.GetField:
        ok = a < msz && b < msz && isStringK(k, c);
        break;
      case Shape.SetTabUp:
        ok = a < nup && isStringK(k, b) && (kbit ? c < nk : c < msz);
        break;
      case Shape.SetTable:
        ok = a < msz && b < msz && (kbit ? c < nk : c < msz);
        break;
      case Shape.SetI:
        ok = a < msz && (kbit ? c < nk : c < msz);
        break;
      case Shape.SetField:
        ok = a < msz && isStringK(k, b) && (kbit ? c < nk : c < msz);
        break;
      case Shape.NewTable:
        ok = a < msz && v.companion(pc, Shape.ExtraArg);
        break;
      case Shape.Self:
        ok = a + 1 < msz && b < msz && (kbit ? isStringK(k, c) : c < msz);
        break;
      case Shape.ArithImm:
        ok = a < msz && b < msz && v.mmbinFollows(pc);
        break;
      case Shape.ArithKNum:
        ok = a < msz && b < msz && c < nk && isNumber(k[c]) && v.mmbinFollows(pc);
        break;
      case Shape.ArithKInt:
        ok = a < msz && b < msz && c < nk && isInteger(k[c]) && v.mmbinFollows(pc);
        break;
      case Shape.Arith:
        ok = a < msz && b < msz && c < msz && v.mmbinFollows(pc);
        break;
      case Shape.MMBin:
        ok = a < msz && b < msz && c >= FIRST_ARITH_EVENT && c <= LAST_ARITH_EVENT && afterArith(code, pc);
        break;
      case Shape.MMBinI:
        ok = a < msz && c >= FIRST_ARITH_EVENT && c <= LAST_ARITH_EVENT && afterArith(code, pc);
        break;
      case Shape.MMBinK:
        ok = a < msz && b < nk && c >= FIRST_ARITH_EVENT && c <= LAST_ARITH_EVENT && afterArith(code, pc);
        break;
      case Shape.Concat:
        ok = b >= 2 && a + b <= msz;
        break;
      case Shape.Close:
        ok = a <= msz;
        break;
      case Shape.Jmp:
        ok = v.land(pc, pc + 1 + ((i >>> 7) - SJ_BIAS));
        break;
      case Shape.TestAB:
        ok = a < msz && b < msz && v.companion(pc, Shape.Jmp);
        break;
      case Shape.TestAK:
        ok = a < msz && b < nk && v.companion(pc, Shape.Jmp);
        break;
      case Shape.TestA:
        ok = a < msz && v.companion(pc, Shape.Jmp);
        break;
      case Shape.Call:
        ok = a < msz && (b === 0 || a + b - 1 < msz);
        break;
      case Shape.TailCall:
        ok = a < msz && (b === 0 || a + b - 1 < msz) && c === frameShift;
        break;
      case Shape.Return:
        ok = a <= msz && (b < 2 || a + b - 2 < msz) && c === frameShift;
        break;
      case Shape.Return0:
        ok = !p.isVararg;
        break;
      case Shape.Return1:
        ok = a < msz && !p.isVararg;
        break;
      case Shape.ForPrep:
        // Skips the loop: lands after its FORLOOP (loopBodies checked the pair).
        ok = a + 3 < msz && v.loopEnd[pc] > pc && v.land(pc, pc + bx + 2);
        break;
      case Shape.ForLoop:
        // Jumps back to the start of the body of the FORPREP it pairs with.
        ok = a + 3 < msz && bx >= 1 && v.loopEnd[pc - bx] === pc && v.land(pc, pc + 1 - bx);
        break;
      case Shape.TForPrep:
        ok = a + 3 < msz && v.land(pc, pc + 1 + bx);
        break;
      case Shape.TForCall:
        // Results go to R[A+4] .. R[A+3+C]; the TFORLOOP follows.
        ok = a + 3 + c < msz && pc + 1 < n && shapeAt(code, pc + 1) === Shape.TForLoop;
        break;
      case Shape.TForLoop:
        ok = a + 4 < msz && v.land(pc, pc + 1 - bx);
        break;
      case Shape.SetList:
        ok = a + b < msz && (kbit === 0 || v.companion(pc, Shape.ExtraArg));
        break;
      case Shape.Closure:
        ok = a < msz && bx < p.p.length;
        break;
      case Shape.Vararg:
        ok = p.isVararg && a < msz && (c < 2 || a + c - 2 < msz);
        break;
      case Shape.VarargPrep:
        ok = pc === 0 && a === p.numParams;
        break;
      case Shape.ExtraArg: {
        // Only as the operand word of the instruction before it, which skips it.
        if (pc === 0) ok = false;
        else {
          const prev = code[pc - 1];
          const sh = SHAPES[prev & 0x7f];
          ok = sh === Shape.LoadKX || sh === Shape.NewTable || (sh === Shape.SetList && ((prev >>> 15) & 1) === 1);
        }
        break;
      }
      case Shape.Invalid:
        ok = false;
        break;
    }
    if (!ok) r.corrupted();
  }

  // B = 0 takes the values from its first register up to L.top, which only the instruction
  // just before sets (a call or VARARG with open results, leaving L.top at or above its own
  // register A). A jump or skip landing on it would see a stale top, and a first register above
  // the producer's could make the count negative.
  const marks = v.marks;
  for (let pc = 0; pc < n; pc++) {
    const i = code[pc];
    if (((i >>> 16) & 0xff) !== 0) continue;
    const sh = SHAPES[i & 0x7f];
    let first: number;
    if (sh === Shape.Call || sh === Shape.TailCall || sh === Shape.SetList) first = ((i >>> 7) & 0xff) + 1;
    else if (sh === Shape.Return) first = (i >>> 7) & 0xff;
    else continue;
    if (pc === 0 || !setsTop(code, pc - 1) || ((code[pc - 1] >>> 7) & 0xff) < first || marks[pc] !== 0)
      r.corrupted();
  }

  // Closures of nested functions capture this function's registers or upvalues.
  for (const child of p.p) {
    for (const uv of child.upvalues) {
      if (uv.inStack ? uv.index >= msz : uv.index >= nup) r.corrupted();
    }
  }
}
