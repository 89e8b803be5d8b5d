// opcodes.ts — THE opcode table. Everything else about opcodes derives from it: the enum,
// the names the disassembler prints, the operand modes, the flags the debug interface uses,
// and docs/bytecode.md (scripts/gen-bytecode-doc.mjs).
//
// moonlet runs Lua 5.4's instruction set with Lua 5.4's encoding, so that `moonlet --dump`
// reads like `luac -l`, binary chunks carry 4-byte instructions as PUC's header announces,
// and the names in error messages ("local 'x'", "field 'y'") come from the same symbolic
// execution of the bytecode that Lua uses (debug-info.ts).
//
// Encoding (32 bits, least significant first):
//   iABC   op:7 A:8 k:1 B:8 C:8
//   iABx   op:7 A:8 Bx:17
//   iAsBx  op:7 A:8 sBx:17   (Bx - 65535)
//   iAx    op:7 Ax:25
//   isJ    op:7 sJ:25        (value - 16777215)
// Cf. lopcodes.h, lopcodes.c.

export const enum OpMode {
  iABC,
  iABx,
  iAsBx,
  iAx,
  isJ,
}

export const enum Op {
  MOVE,
  LOADI,
  LOADF,
  LOADK,
  LOADKX,
  LOADFALSE,
  LFALSESKIP,
  LOADTRUE,
  LOADNIL,
  GETUPVAL,
  SETUPVAL,
  GETTABUP,
  GETTABLE,
  GETI,
  GETFIELD,
  SETTABUP,
  SETTABLE,
  SETI,
  SETFIELD,
  NEWTABLE,
  SELF,
  ADDI,
  ADDK,
  SUBK,
  MULK,
  MODK,
  POWK,
  DIVK,
  IDIVK,
  BANDK,
  BORK,
  BXORK,
  SHRI,
  SHLI,
  ADD,
  SUB,
  MUL,
  MOD,
  POW,
  DIV,
  IDIV,
  BAND,
  BOR,
  BXOR,
  SHL,
  SHR,
  MMBIN,
  MMBINI,
  MMBINK,
  UNM,
  BNOT,
  NOT,
  LEN,
  CONCAT,
  CLOSE,
  TBC,
  JMP,
  EQ,
  LT,
  LE,
  EQK,
  EQI,
  LTI,
  LEI,
  GTI,
  GEI,
  TEST,
  TESTSET,
  CALL,
  TAILCALL,
  RETURN,
  RETURN0,
  RETURN1,
  FORLOOP,
  FORPREP,
  TFORPREP,
  TFORCALL,
  TFORLOOP,
  SETLIST,
  CLOSURE,
  VARARG,
  VARARGPREP,
  EXTRAARG,
}

export const NUM_OPCODES = Op.EXTRAARG + 1;

export interface OpInfo {
  readonly name: string;
  readonly mode: OpMode;
  /** Sets register A (used by the debug interface to find who last wrote a register). */
  readonly setsA: boolean;
  /** A test: the next instruction is a jump. */
  readonly isTest: boolean;
  /** An MMBIN-family instruction: it only runs when the arithmetic before it failed. */
  readonly isMMBin: boolean;
  /** Uses L.top set by the previous instruction (B or C == 0 forms). */
  readonly usesTop: boolean;
  /** Sets L.top for the next instruction (C == 0 forms). */
  readonly setsTop: boolean;
  /** What it does, in Lua's notation. */
  readonly meaning: string;
}

function op(
  name: string,
  mode: OpMode,
  flags: { a?: 1; t?: 1; mm?: 1; it?: 1; ot?: 1 },
  meaning: string,
): OpInfo {
  return {
    name,
    mode,
    setsA: flags.a === 1,
    isTest: flags.t === 1,
    isMMBin: flags.mm === 1,
    usesTop: flags.it === 1,
    setsTop: flags.ot === 1,
    meaning,
  };
}

const ABC = OpMode.iABC;
const ABx = OpMode.iABx;
const AsBx = OpMode.iAsBx;
const Ax = OpMode.iAx;
const sJ = OpMode.isJ;

/** The table. A `Record` so that tsc rejects a missing opcode. */
export const OPCODES: Record<Op, OpInfo> = {
  [Op.MOVE]: op('MOVE', ABC, { a: 1 }, 'R[A] := R[B]'),
  [Op.LOADI]: op('LOADI', AsBx, { a: 1 }, 'R[A] := sBx'),
  [Op.LOADF]: op('LOADF', AsBx, { a: 1 }, 'R[A] := (lua_Number)sBx'),
  [Op.LOADK]: op('LOADK', ABx, { a: 1 }, 'R[A] := K[Bx]'),
  [Op.LOADKX]: op('LOADKX', ABx, { a: 1 }, 'R[A] := K[extra arg]'),
  [Op.LOADFALSE]: op('LOADFALSE', ABC, { a: 1 }, 'R[A] := false'),
  [Op.LFALSESKIP]: op('LFALSESKIP', ABC, { a: 1 }, 'R[A] := false; pc++'),
  [Op.LOADTRUE]: op('LOADTRUE', ABC, { a: 1 }, 'R[A] := true'),
  [Op.LOADNIL]: op('LOADNIL', ABC, { a: 1 }, 'R[A], R[A+1], ..., R[A+B] := nil'),
  [Op.GETUPVAL]: op('GETUPVAL', ABC, { a: 1 }, 'R[A] := UpValue[B]'),
  [Op.SETUPVAL]: op('SETUPVAL', ABC, {}, 'UpValue[B] := R[A]'),
  [Op.GETTABUP]: op('GETTABUP', ABC, { a: 1 }, 'R[A] := UpValue[B][K[C]:string]'),
  [Op.GETTABLE]: op('GETTABLE', ABC, { a: 1 }, 'R[A] := R[B][R[C]]'),
  [Op.GETI]: op('GETI', ABC, { a: 1 }, 'R[A] := R[B][C]'),
  [Op.GETFIELD]: op('GETFIELD', ABC, { a: 1 }, 'R[A] := R[B][K[C]:string]'),
  [Op.SETTABUP]: op('SETTABUP', ABC, {}, 'UpValue[A][K[B]:string] := RK(C)'),
  [Op.SETTABLE]: op('SETTABLE', ABC, {}, 'R[A][R[B]] := RK(C)'),
  [Op.SETI]: op('SETI', ABC, {}, 'R[A][B] := RK(C)'),
  [Op.SETFIELD]: op('SETFIELD', ABC, {}, 'R[A][K[B]:string] := RK(C)'),
  [Op.NEWTABLE]: op('NEWTABLE', ABC, { a: 1 }, 'R[A] := {}'),
  [Op.SELF]: op('SELF', ABC, { a: 1 }, 'R[A+1] := R[B]; R[A] := R[B][RK(C):string]'),
  [Op.ADDI]: op('ADDI', ABC, { a: 1 }, 'R[A] := R[B] + sC'),
  [Op.ADDK]: op('ADDK', ABC, { a: 1 }, 'R[A] := R[B] + K[C]:number'),
  [Op.SUBK]: op('SUBK', ABC, { a: 1 }, 'R[A] := R[B] - K[C]:number'),
  [Op.MULK]: op('MULK', ABC, { a: 1 }, 'R[A] := R[B] * K[C]:number'),
  [Op.MODK]: op('MODK', ABC, { a: 1 }, 'R[A] := R[B] % K[C]:number'),
  [Op.POWK]: op('POWK', ABC, { a: 1 }, 'R[A] := R[B] ^ K[C]:number'),
  [Op.DIVK]: op('DIVK', ABC, { a: 1 }, 'R[A] := R[B] / K[C]:number'),
  [Op.IDIVK]: op('IDIVK', ABC, { a: 1 }, 'R[A] := R[B] // K[C]:number'),
  [Op.BANDK]: op('BANDK', ABC, { a: 1 }, 'R[A] := R[B] & K[C]:integer'),
  [Op.BORK]: op('BORK', ABC, { a: 1 }, 'R[A] := R[B] | K[C]:integer'),
  [Op.BXORK]: op('BXORK', ABC, { a: 1 }, 'R[A] := R[B] ~ K[C]:integer'),
  [Op.SHRI]: op('SHRI', ABC, { a: 1 }, 'R[A] := R[B] >> sC'),
  [Op.SHLI]: op('SHLI', ABC, { a: 1 }, 'R[A] := sC << R[B]'),
  [Op.ADD]: op('ADD', ABC, { a: 1 }, 'R[A] := R[B] + R[C]'),
  [Op.SUB]: op('SUB', ABC, { a: 1 }, 'R[A] := R[B] - R[C]'),
  [Op.MUL]: op('MUL', ABC, { a: 1 }, 'R[A] := R[B] * R[C]'),
  [Op.MOD]: op('MOD', ABC, { a: 1 }, 'R[A] := R[B] % R[C]'),
  [Op.POW]: op('POW', ABC, { a: 1 }, 'R[A] := R[B] ^ R[C]'),
  [Op.DIV]: op('DIV', ABC, { a: 1 }, 'R[A] := R[B] / R[C]'),
  [Op.IDIV]: op('IDIV', ABC, { a: 1 }, 'R[A] := R[B] // R[C]'),
  [Op.BAND]: op('BAND', ABC, { a: 1 }, 'R[A] := R[B] & R[C]'),
  [Op.BOR]: op('BOR', ABC, { a: 1 }, 'R[A] := R[B] | R[C]'),
  [Op.BXOR]: op('BXOR', ABC, { a: 1 }, 'R[A] := R[B] ~ R[C]'),
  [Op.SHL]: op('SHL', ABC, { a: 1 }, 'R[A] := R[B] << R[C]'),
  [Op.SHR]: op('SHR', ABC, { a: 1 }, 'R[A] := R[B] >> R[C]'),
  [Op.MMBIN]: op('MMBIN', ABC, { mm: 1 }, 'call C metamethod over R[A] and R[B]'),
  [Op.MMBINI]: op('MMBINI', ABC, { mm: 1 }, 'call C metamethod over R[A] and sB'),
  [Op.MMBINK]: op('MMBINK', ABC, { mm: 1 }, 'call C metamethod over R[A] and K[B]'),
  [Op.UNM]: op('UNM', ABC, { a: 1 }, 'R[A] := -R[B]'),
  [Op.BNOT]: op('BNOT', ABC, { a: 1 }, 'R[A] := ~R[B]'),
  [Op.NOT]: op('NOT', ABC, { a: 1 }, 'R[A] := not R[B]'),
  [Op.LEN]: op('LEN', ABC, { a: 1 }, 'R[A] := #R[B] (length operator)'),
  [Op.CONCAT]: op('CONCAT', ABC, { a: 1 }, 'R[A] := R[A].. ... ..R[A + B - 1]'),
  [Op.CLOSE]: op('CLOSE', ABC, {}, 'close all upvalues >= R[A]'),
  [Op.TBC]: op('TBC', ABC, {}, 'mark variable A "to be closed"'),
  [Op.JMP]: op('JMP', sJ, {}, 'pc += sJ'),
  [Op.EQ]: op('EQ', ABC, { t: 1 }, 'if ((R[A] == R[B]) ~= k) then pc++'),
  [Op.LT]: op('LT', ABC, { t: 1 }, 'if ((R[A] <  R[B]) ~= k) then pc++'),
  [Op.LE]: op('LE', ABC, { t: 1 }, 'if ((R[A] <= R[B]) ~= k) then pc++'),
  [Op.EQK]: op('EQK', ABC, { t: 1 }, 'if ((R[A] == K[B]) ~= k) then pc++'),
  [Op.EQI]: op('EQI', ABC, { t: 1 }, 'if ((R[A] == sB) ~= k) then pc++'),
  [Op.LTI]: op('LTI', ABC, { t: 1 }, 'if ((R[A] < sB) ~= k) then pc++'),
  [Op.LEI]: op('LEI', ABC, { t: 1 }, 'if ((R[A] <= sB) ~= k) then pc++'),
  [Op.GTI]: op('GTI', ABC, { t: 1 }, 'if ((R[A] > sB) ~= k) then pc++'),
  [Op.GEI]: op('GEI', ABC, { t: 1 }, 'if ((R[A] >= sB) ~= k) then pc++'),
  [Op.TEST]: op('TEST', ABC, { t: 1 }, 'if (not R[A] == k) then pc++'),
  [Op.TESTSET]: op('TESTSET', ABC, { t: 1, a: 1 }, 'if (not R[B] == k) then pc++ else R[A] := R[B]'),
  [Op.CALL]: op('CALL', ABC, { a: 1, it: 1, ot: 1 }, 'R[A], ... ,R[A+C-2] := R[A](R[A+1], ... ,R[A+B-1])'),
  [Op.TAILCALL]: op('TAILCALL', ABC, { a: 1, it: 1, ot: 1 }, 'return R[A](R[A+1], ... ,R[A+B-1])'),
  [Op.RETURN]: op('RETURN', ABC, { it: 1 }, 'return R[A], ... ,R[A+B-2]'),
  [Op.RETURN0]: op('RETURN0', ABC, {}, 'return'),
  [Op.RETURN1]: op('RETURN1', ABC, {}, 'return R[A]'),
  [Op.FORLOOP]: op('FORLOOP', ABx, { a: 1 }, 'update counters; if loop continues then pc-=Bx;'),
  [Op.FORPREP]: op('FORPREP', ABx, { a: 1 }, '<check values and prepare counters>; if not to run then pc+=Bx+1;'),
  [Op.TFORPREP]: op('TFORPREP', ABx, {}, 'create upvalue for R[A + 3]; pc+=Bx'),
  [Op.TFORCALL]: op('TFORCALL', ABC, {}, 'R[A+4], ... ,R[A+3+C] := R[A](R[A+1], R[A+2]);'),
  [Op.TFORLOOP]: op('TFORLOOP', ABx, { a: 1 }, 'if R[A+2] ~= nil then { R[A]=R[A+2]; pc -= Bx }'),
  [Op.SETLIST]: op('SETLIST', ABC, { it: 1 }, 'R[A][C+i] := R[A+i], 1 <= i <= B'),
  [Op.CLOSURE]: op('CLOSURE', ABx, { a: 1 }, 'R[A] := closure(KPROTO[Bx])'),
  [Op.VARARG]: op('VARARG', ABC, { a: 1, ot: 1 }, 'R[A], R[A+1], ..., R[A+C-2] = vararg'),
  [Op.VARARGPREP]: op('VARARGPREP', ABC, { a: 1, it: 1 }, '(adjust vararg parameters)'),
  [Op.EXTRAARG]: op('EXTRAARG', Ax, {}, 'extra (larger) argument for previous opcode'),
};

// ============================================================================================
// Field sizes and positions
// ============================================================================================

export const SIZE_OP = 7;
export const SIZE_A = 8;
export const SIZE_B = 8;
export const SIZE_C = 8;
export const SIZE_Bx = 17;
export const SIZE_Ax = 25;
export const SIZE_sJ = 25;

export const POS_A = 7;
export const POS_k = 15;
export const POS_B = 16;
export const POS_C = 24;
export const POS_Bx = 15;
export const POS_sJ = 7;

export const MAXARG_A = 255;
export const MAXARG_B = 255;
export const MAXARG_C = 255;
export const MAXARG_Bx = (1 << SIZE_Bx) - 1;
export const MAXARG_Ax = (1 << SIZE_Ax) - 1;
export const MAXARG_sJ = (1 << SIZE_sJ) - 1;
export const OFFSET_sBx = MAXARG_Bx >> 1;
export const OFFSET_sJ = MAXARG_sJ >> 1;
export const OFFSET_sC = MAXARG_C >> 1;
/** Registers usable by a function (MAXREGS in lcode.c). */
export const MAXREGS = 255;
/** Items flushed per SETLIST (LFIELDS_PER_FLUSH). */
export const LFIELDS_PER_FLUSH = 50;
/** Invalid register that fits in 8 bits (NO_REG). */
export const NO_REG = MAXARG_A;

// ============================================================================================
// Encoding and decoding
// ============================================================================================

export function getOp(i: number): Op {
  return i & 0x7f;
}
export function getA(i: number): number {
  return (i >>> POS_A) & 0xff;
}
export function getB(i: number): number {
  return (i >>> POS_B) & 0xff;
}
export function getC(i: number): number {
  return i >>> POS_C;
}
export function getk(i: number): number {
  return (i >>> POS_k) & 1;
}
export function getBx(i: number): number {
  return i >>> POS_Bx;
}
export function getsBx(i: number): number {
  return (i >>> POS_Bx) - OFFSET_sBx;
}
export function getAx(i: number): number {
  return i >>> POS_A;
}
export function getsJ(i: number): number {
  return (i >>> POS_sJ) - OFFSET_sJ;
}
export function getsB(i: number): number {
  return getB(i) - OFFSET_sC;
}
export function getsC(i: number): number {
  return getC(i) - OFFSET_sC;
}

export function ABCk(o: Op, a: number, b: number, c: number, k: number): number {
  return (o | (a << POS_A) | (k << POS_k) | (b << POS_B) | (c << POS_C)) | 0;
}
export function ABxOp(o: Op, a: number, bx: number): number {
  return (o | (a << POS_A) | (bx << POS_Bx)) | 0;
}
export function AxOp(o: Op, ax: number): number {
  return (o | (ax << POS_A)) | 0;
}
export function sJOp(o: Op, j: number): number {
  return (o | ((j + OFFSET_sJ) << POS_sJ)) | 0;
}

export function setA(i: number, a: number): number {
  return ((i & ~(0xff << POS_A)) | (a << POS_A)) | 0;
}
export function setB(i: number, b: number): number {
  return ((i & ~(0xff << POS_B)) | (b << POS_B)) | 0;
}
export function setC(i: number, c: number): number {
  return ((i & ~(0xff << POS_C)) | (c << POS_C)) | 0;
}
export function setk(i: number, k: number): number {
  return ((i & ~(1 << POS_k)) | (k << POS_k)) | 0;
}
export function setBx(i: number, bx: number): number {
  return ((i & ~(MAXARG_Bx << POS_Bx)) | (bx << POS_Bx)) | 0;
}
export function setsJ(i: number, j: number): number {
  return ((i & 0x7f) | ((j + OFFSET_sJ) << POS_sJ)) | 0;
}

/** Is `c` usable as an sC/sB immediate? */
export function fitsC(c: number): boolean {
  return c >= -OFFSET_sC && c <= MAXARG_C - OFFSET_sC;
}
/** Is `b` usable as an sBx immediate? */
export function fitsBx(b: number): boolean {
  return b >= -OFFSET_sBx && b <= MAXARG_Bx - OFFSET_sBx;
}
