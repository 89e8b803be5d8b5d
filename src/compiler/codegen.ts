// codegen.ts — instruction selection over expression descriptors: turning an ExpDesc into
// registers, constants, tests and jumps, with Lua 5.4's constant folding and its choice of
// immediate (ADDI, EQI, LTI, SHRI…), constant-operand (ADDK, EQK, SETFIELD…) and register
// forms. Everything here mirrors lcode.c so that moonlet emits the same bytecode as luac 5.4.
//
// Invariants:
// - An expression is discharged at most once; after `exp2nextreg`/`exp2anyreg` it is
//   VNONRELOC and its register is the top temporary unless it is a local.
// - Constant folding never produces NaN or a float zero (so -0.0 and NaN never reach the
//   constant table through folding), and never folds an operation that could raise an error
//   (division by zero, bitwise on non-integral floats).
// - Arithmetic instructions are always followed by their MMBIN/MMBINI/MMBINK companion, both
//   stamped with the operator's line.
// Cf. lcode.c.

// Folding must compute exactly what the VM computes at run time: same pow, same fmod.
import { cPow, floatMod } from '../vm/arith.js';
import { Op, fitsC, fitsBx, getOp, getA, getB, setA, setB, setC, ABCk, MAXARG_C, OFFSET_sC, NO_REG, MAXARG_B, LFIELDS_PER_FLUSH } from './opcodes.js';
import type { LuaValue } from '../vm/value.js';
import { LuaFloat } from '../vm/value.js';
import { ExpDesc, ExpKind, NO_JUMP, swapExps } from './expdesc.js';
import { FuncState, MAX_SHORT_STRING } from './func-state.js';

/** Binary operators in lcode.h's order (arithmetic first, matching the opcode and TM orders). */
export const enum BinOpr {
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
  CONCAT,
  EQ,
  LT,
  LE,
  NE,
  GT,
  GE,
  AND,
  OR,
}

export const enum UnOpr {
  MINUS,
  BNOT,
  NOT,
  LEN,
}

/** Metamethod events used by MMBIN* (ltm.h TMS order). */
const enum TMS {
  ADD = 6,
  SUB = 7,
  SHL = 16,
  SHR = 17,
}

/** Largest constant index usable as an RK operand (MAXINDEXRK). */
const MAXINDEXRK = MAXARG_B;

/** Lua arithmetic operator codes for folding (LUA_OPADD…): BinOpr 0..11, then UNM, BNOT. */
const LUA_OPUNM = 12;
const LUA_OPBNOT = 13;

// ============================================================================================
// Numerals and compile-time constants
// ============================================================================================

/** A numeral's value for folding: bigint for integers, number for floats. */
type Numeral = bigint | number;

/** The value of a numeric constant expression without jumps, or undefined (tonumeral). */
function toNumeral(e: ExpDesc): Numeral | undefined {
  if (e.hasJumps()) return undefined;
  if (e.k === ExpKind.VKINT) return BigInt(e.ival);
  if (e.k === ExpKind.VKFLT) return e.nval;
  return undefined;
}

function isNumeral(e: ExpDesc): boolean {
  return !e.hasJumps() && (e.k === ExpKind.VKINT || e.k === ExpKind.VKFLT);
}

/** Sentinel for "not a compile-time constant". */
export const NOT_CONSTANT: unique symbol = Symbol('not a constant');

/** The value of a constant expression, for `<const>` locals (luaK_exp2const). */
export function exp2const(fs: FuncState, e: ExpDesc): LuaValue | typeof NOT_CONSTANT {
  if (e.hasJumps()) return NOT_CONSTANT;
  switch (e.k) {
    case ExpKind.VFALSE:
      return false;
    case ExpKind.VTRUE:
      return true;
    case ExpKind.VNIL:
      return undefined;
    case ExpKind.VKSTR:
      return e.strval;
    case ExpKind.VCONST:
      return fs.cs.actvar[e.info]!.value;
    case ExpKind.VKINT:
      return e.ival;
    case ExpKind.VKFLT:
      return Number.isInteger(e.nval) ? new LuaFloat(e.nval) : e.nval;
    default:
      return NOT_CONSTANT;
  }
}

/** Turns a constant value back into a descriptor (const2exp). */
function const2exp(v: LuaValue, e: ExpDesc): void {
  switch (typeof v) {
    case 'undefined':
      e.k = ExpKind.VNIL;
      return;
    case 'boolean':
      e.k = v ? ExpKind.VTRUE : ExpKind.VFALSE;
      return;
    case 'bigint':
      e.k = ExpKind.VKINT;
      e.ival = v;
      return;
    case 'number':
      if (Number.isInteger(v)) {
        e.k = ExpKind.VKINT;
        e.ival = v;
      } else {
        e.k = ExpKind.VKFLT;
        e.nval = v;
      }
      return;
    case 'string':
      e.k = ExpKind.VKSTR;
      e.strval = v;
      return;
  }
  if (v instanceof LuaFloat) {
    e.k = ExpKind.VKFLT;
    e.nval = v.n;
    return;
  }
  throw new Error('compiler bug: non-constant value in a compile-time constant');
}

/** A JS number for an integer when it is safe, else the bigint (value.ts normal form). */
function normInt(b: bigint): number | bigint {
  return b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b;
}

/** The integer an integral double in int64 range stands for (F2Ieq), or undefined. */
function floatToInt(x: number): bigint | undefined {
  if (!Number.isInteger(x)) return undefined;
  if (x >= -(2 ** 63) && x < 2 ** 63) return BigInt(x);
  return undefined;
}

// ============================================================================================
// Loading values into registers
// ============================================================================================

/** R[reg] := integer i (LOADI when it fits sBx, LOADK otherwise). */
export function loadInt(fs: FuncState, reg: number, i: number | bigint): void {
  if (typeof i === 'number' && fitsBx(i)) fs.codeAsBx(Op.LOADI, reg, i);
  else fs.codeK(reg, fs.intK(i));
}

function loadFloat(fs: FuncState, reg: number, f: number): void {
  const fi = floatToInt(f);
  if (fi !== undefined && fi >= -65535n && fi <= 65536n && fitsBx(Number(fi))) {
    fs.codeAsBx(Op.LOADF, reg, Number(fi));
  }
  else fs.codeK(reg, fs.numberK(f));
}

/** Fixes a multi-result expression to return `nresults` values (-1: all). */
export function setReturns(fs: FuncState, e: ExpDesc, nresults: number): void {
  const pc = e.info;
  if (e.k === ExpKind.VCALL) {
    fs.code[pc] = setC(fs.code[pc]!, nresults + 1);
  } else {
    // VVARARG
    fs.code[pc] = setA(setC(fs.code[pc]!, nresults + 1), fs.freeReg);
    fs.reserveRegs(1);
  }
}

export function setMultRet(fs: FuncState, e: ExpDesc): void {
  setReturns(fs, e, -1);
}

/** Fixes a multi-result expression to return exactly one value. */
export function setOneRet(fs: FuncState, e: ExpDesc): void {
  if (e.k === ExpKind.VCALL) {
    e.k = ExpKind.VNONRELOC; // the result lands in the call's base register
    e.info = getA(fs.code[e.info]!);
  } else if (e.k === ExpKind.VVARARG) {
    fs.code[e.info] = setC(fs.code[e.info]!, 2);
    e.k = ExpKind.VRELOC;
  }
}

/** Ensures `e` is not a variable: reads locals, upvalues, fields, constants (dischargevars). */
export function dischargeVars(fs: FuncState, e: ExpDesc): void {
  switch (e.k) {
    case ExpKind.VCONST:
      const2exp(fs.cs.actvar[e.info]!.value, e);
      break;
    case ExpKind.VLOCAL:
      e.info = e.ridx;
      e.k = ExpKind.VNONRELOC;
      break;
    case ExpKind.VUPVAL:
      e.info = fs.codeABC(Op.GETUPVAL, 0, e.info, 0);
      e.k = ExpKind.VRELOC;
      break;
    case ExpKind.VINDEXUP:
      e.info = fs.codeABC(Op.GETTABUP, 0, e.indT, e.indIdx);
      e.k = ExpKind.VRELOC;
      break;
    case ExpKind.VINDEXI:
      fs.freeRegister(e.indT);
      e.info = fs.codeABC(Op.GETI, 0, e.indT, e.indIdx);
      e.k = ExpKind.VRELOC;
      break;
    case ExpKind.VINDEXSTR:
      fs.freeRegister(e.indT);
      e.info = fs.codeABC(Op.GETFIELD, 0, e.indT, e.indIdx);
      e.k = ExpKind.VRELOC;
      break;
    case ExpKind.VINDEXED:
      fs.freeRegisters(e.indT, e.indIdx);
      e.info = fs.codeABC(Op.GETTABLE, 0, e.indT, e.indIdx);
      e.k = ExpKind.VRELOC;
      break;
    case ExpKind.VVARARG:
    case ExpKind.VCALL:
      setOneRet(fs, e);
      break;
    default:
      break; // the value is available somewhere already
  }
}

function str2K(fs: FuncState, e: ExpDesc): void {
  e.info = fs.stringK(e.strval);
  e.k = ExpKind.VK;
}

/** Puts the value of `e` into register `reg` (jump lists are left alone). */
function discharge2reg(fs: FuncState, e: ExpDesc, reg: number): void {
  dischargeVars(fs, e);
  switch (e.k) {
    case ExpKind.VNIL:
      fs.loadNil(reg, 1);
      break;
    case ExpKind.VFALSE:
      fs.codeABC(Op.LOADFALSE, reg, 0, 0);
      break;
    case ExpKind.VTRUE:
      fs.codeABC(Op.LOADTRUE, reg, 0, 0);
      break;
    case ExpKind.VKSTR:
      str2K(fs, e);
      fs.codeK(reg, e.info);
      break;
    case ExpKind.VK:
      fs.codeK(reg, e.info);
      break;
    case ExpKind.VKFLT:
      loadFloat(fs, reg, e.nval);
      break;
    case ExpKind.VKINT:
      loadInt(fs, reg, e.ival);
      break;
    case ExpKind.VRELOC:
      fs.code[e.info] = setA(fs.code[e.info]!, reg);
      break;
    case ExpKind.VNONRELOC:
      if (reg !== e.info) fs.codeABC(Op.MOVE, reg, e.info, 0);
      break;
    case ExpKind.VJMP:
      return; // nothing to do: the value is in the jump lists
    case ExpKind.VVOID:
    case ExpKind.VLOCAL:
    case ExpKind.VUPVAL:
    case ExpKind.VCONST:
    case ExpKind.VINDEXED:
    case ExpKind.VINDEXUP:
    case ExpKind.VINDEXI:
    case ExpKind.VINDEXSTR:
    case ExpKind.VCALL:
    case ExpKind.VVARARG:
      throw new Error(`compiler bug: discharge2reg of kind ${e.k}`);
    default:
      return assertNever(e.k);
  }
  e.info = reg;
  e.k = ExpKind.VNONRELOC;
}

function discharge2anyreg(fs: FuncState, e: ExpDesc): void {
  if (e.k !== ExpKind.VNONRELOC) {
    fs.reserveRegs(1);
    discharge2reg(fs, e, fs.freeReg - 1);
  }
}

function codeLoadBool(fs: FuncState, a: number, op: Op): number {
  fs.getLabel(); // these instructions may be jump targets
  return fs.codeABC(op, a, 0, 0);
}

/** Puts the final value of `e`, jump lists included, into register `reg`. */
function exp2reg(fs: FuncState, e: ExpDesc, reg: number): void {
  discharge2reg(fs, e, reg);
  if (e.k === ExpKind.VJMP) e.t = fs.concat(e.t, e.info); // the test itself jumps when true
  if (e.hasJumps()) {
    let pf = NO_JUMP; // position of a LFALSESKIP, if needed
    let pt = NO_JUMP; // position of a LOADTRUE, if needed
    if (fs.needValue(e.t) || fs.needValue(e.f)) {
      const fj = e.k === ExpKind.VJMP ? NO_JUMP : fs.jump();
      pf = codeLoadBool(fs, reg, Op.LFALSESKIP);
      pt = codeLoadBool(fs, reg, Op.LOADTRUE);
      fs.patchToHere(fj); // a plain value jumps over the booleans
    }
    const final = fs.getLabel();
    fs.patchListAux(e.f, final, reg, pf);
    fs.patchListAux(e.t, final, reg, pt);
  }
  e.f = e.t = NO_JUMP;
  e.info = reg;
  e.k = ExpKind.VNONRELOC;
}

/** Puts the value of `e` in the next free register. */
export function exp2nextreg(fs: FuncState, e: ExpDesc): void {
  dischargeVars(fs, e);
  fs.freeExp(e);
  fs.reserveRegs(1);
  exp2reg(fs, e, fs.freeReg - 1);
}

/** Puts the value of `e` in some register and returns it. */
export function exp2anyreg(fs: FuncState, e: ExpDesc): number {
  dischargeVars(fs, e);
  if (e.k === ExpKind.VNONRELOC) {
    if (!e.hasJumps()) return e.info;
    if (e.info >= fs.nvarstack()) {
      // a temporary: the jump values can go to the same register
      exp2reg(fs, e, e.info);
      return e.info;
    }
    // a local with jumps: its register cannot take the jump values
  }
  exp2nextreg(fs, e);
  return e.info;
}

/** Puts `e` in a register unless it is an upvalue (table accesses can use upvalues directly). */
export function exp2anyregup(fs: FuncState, e: ExpDesc): void {
  if (e.k !== ExpKind.VUPVAL || e.hasJumps()) exp2anyreg(fs, e);
}

/** Puts `e` in a register or leaves it as a constant. */
export function exp2val(fs: FuncState, e: ExpDesc): void {
  if (e.hasJumps()) exp2anyreg(fs, e);
  else dischargeVars(fs, e);
}

/** Makes `e` a VK with an index usable as an RK operand, if it is such a constant. */
function exp2K(fs: FuncState, e: ExpDesc): boolean {
  if (e.hasJumps()) return false;
  let info: number;
  switch (e.k) {
    case ExpKind.VTRUE:
      info = fs.boolK(true);
      break;
    case ExpKind.VFALSE:
      info = fs.boolK(false);
      break;
    case ExpKind.VNIL:
      info = fs.nilK();
      break;
    case ExpKind.VKINT:
      info = fs.intK(e.ival);
      break;
    case ExpKind.VKFLT:
      info = fs.numberK(e.nval);
      break;
    case ExpKind.VKSTR:
      info = fs.stringK(e.strval);
      break;
    case ExpKind.VK:
      info = e.info;
      break;
    default:
      return false;
  }
  if (info <= MAXINDEXRK) {
    e.k = ExpKind.VK;
    e.info = info;
    return true;
  }
  return false;
}

/** Makes `e` an RK operand: true if it is a constant, false if it is now in a register. */
export function exp2RK(fs: FuncState, e: ExpDesc): boolean {
  if (exp2K(fs, e)) return true;
  exp2anyreg(fs, e);
  return false;
}

function codeABRK(fs: FuncState, o: Op, a: number, b: number, ec: ExpDesc): void {
  const k = exp2RK(fs, ec);
  fs.codeABCk(o, a, b, ec.info, k ? 1 : 0);
}

/** Stores the value of `ex` into the variable `v`. */
export function storeVar(fs: FuncState, v: ExpDesc, ex: ExpDesc): void {
  switch (v.k) {
    case ExpKind.VLOCAL:
      fs.freeExp(ex);
      exp2reg(fs, ex, v.ridx); // compute the value straight into the local
      return;
    case ExpKind.VUPVAL: {
      const e = exp2anyreg(fs, ex);
      fs.codeABC(Op.SETUPVAL, e, v.info, 0);
      break;
    }
    case ExpKind.VINDEXUP:
      codeABRK(fs, Op.SETTABUP, v.indT, v.indIdx, ex);
      break;
    case ExpKind.VINDEXI:
      codeABRK(fs, Op.SETI, v.indT, v.indIdx, ex);
      break;
    case ExpKind.VINDEXSTR:
      codeABRK(fs, Op.SETFIELD, v.indT, v.indIdx, ex);
      break;
    case ExpKind.VINDEXED:
      codeABRK(fs, Op.SETTABLE, v.indT, v.indIdx, ex);
      break;
    default:
      throw new Error(`compiler bug: store into kind ${v.k}`);
  }
  fs.freeExp(ex);
}

/** `e:key(` — SELF puts the method and `e` in two consecutive registers. */
export function codeSelf(fs: FuncState, e: ExpDesc, key: ExpDesc): void {
  exp2anyreg(fs, e);
  const ereg = e.info;
  fs.freeExp(e);
  e.info = fs.freeReg;
  e.k = ExpKind.VNONRELOC;
  fs.reserveRegs(2);
  codeABRK(fs, Op.SELF, e.info, ereg, key);
  fs.freeExp(key);
}

// ============================================================================================
// Tests and jumps
// ============================================================================================

/** Inverts the comparison controlling the jump of a VJMP. */
function negateCondition(fs: FuncState, e: ExpDesc): void {
  const at = fs.getJumpControl(e.info);
  const ins = fs.code[at]!;
  fs.code[at] = ins ^ (1 << 15); // flip k
}

/** Emits a jump taken when `e` is `cond`; a preceding NOT is folded into the test. */
function jumpOnCond(fs: FuncState, e: ExpDesc, cond: boolean): number {
  if (e.k === ExpKind.VRELOC) {
    const ie = fs.code[e.info]!;
    if (getOp(ie) === Op.NOT) {
      fs.removeLastInstruction();
      return fs.condJump(Op.TEST, getB(ie), 0, 0, cond ? 0 : 1);
    }
  }
  discharge2anyreg(fs, e);
  fs.freeExp(e);
  return fs.condJump(Op.TESTSET, NO_REG, e.info, 0, cond ? 1 : 0);
}

/** Falls through when `e` is true, jumps (via `e.f`) otherwise. */
export function goIfTrue(fs: FuncState, e: ExpDesc): void {
  let pc: number;
  dischargeVars(fs, e);
  switch (e.k) {
    case ExpKind.VJMP:
      negateCondition(fs, e);
      pc = e.info;
      break;
    case ExpKind.VK:
    case ExpKind.VKFLT:
    case ExpKind.VKINT:
    case ExpKind.VKSTR:
    case ExpKind.VTRUE:
      pc = NO_JUMP; // always true
      break;
    default:
      pc = jumpOnCond(fs, e, false);
      break;
  }
  e.f = fs.concat(e.f, pc);
  fs.patchToHere(e.t);
  e.t = NO_JUMP;
}

/** Falls through when `e` is false, jumps (via `e.t`) otherwise. */
export function goIfFalse(fs: FuncState, e: ExpDesc): void {
  let pc: number;
  dischargeVars(fs, e);
  switch (e.k) {
    case ExpKind.VJMP:
      pc = e.info;
      break;
    case ExpKind.VNIL:
    case ExpKind.VFALSE:
      pc = NO_JUMP; // always false
      break;
    default:
      pc = jumpOnCond(fs, e, true);
      break;
  }
  e.t = fs.concat(e.t, pc);
  fs.patchToHere(e.f);
  e.f = NO_JUMP;
}

function codeNot(fs: FuncState, e: ExpDesc): void {
  switch (e.k) {
    case ExpKind.VNIL:
    case ExpKind.VFALSE:
      e.k = ExpKind.VTRUE;
      break;
    case ExpKind.VK:
    case ExpKind.VKFLT:
    case ExpKind.VKINT:
    case ExpKind.VKSTR:
    case ExpKind.VTRUE:
      e.k = ExpKind.VFALSE;
      break;
    case ExpKind.VJMP:
      negateCondition(fs, e);
      break;
    case ExpKind.VRELOC:
    case ExpKind.VNONRELOC: {
      discharge2anyreg(fs, e);
      fs.freeExp(e);
      e.info = fs.codeABC(Op.NOT, 0, e.info, 0);
      e.k = ExpKind.VRELOC;
      break;
    }
    default:
      throw new Error(`compiler bug: 'not' of kind ${e.k}`);
  }
  const tmp = e.f;
  e.f = e.t;
  e.t = tmp;
  fs.removeValues(e.f); // values are useless when negated
  fs.removeValues(e.t);
}

// ============================================================================================
// Table access
// ============================================================================================

/** A constant short string with an index that fits in B/C. */
function isKstr(fs: FuncState, e: ExpDesc): boolean {
  if (e.k !== ExpKind.VK || e.hasJumps() || e.info > MAXARG_B) return false;
  const v = fs.f.k[e.info];
  return typeof v === 'string' && v.length <= MAX_SHORT_STRING;
}

function isKint(e: ExpDesc): boolean {
  return e.k === ExpKind.VKINT && !e.hasJumps();
}

/** An integer constant usable as the C operand (0..255). */
function isCint(e: ExpDesc): boolean {
  return isKint(e) && typeof e.ival === 'number' && e.ival >= 0 && e.ival <= MAXARG_C;
}

/** An integer constant usable as a signed sC operand. */
function isSCint(e: ExpDesc): boolean {
  return isKint(e) && typeof e.ival === 'number' && fitsC(e.ival);
}

/** A numeral (integer, or float with an integral value) usable as sB/sC; sets `out`. */
function isSCnumber(e: ExpDesc, out: { im: number; isFloat: boolean }): boolean {
  let i: number;
  let isFloat = false;
  if (e.k === ExpKind.VKINT) {
    if (typeof e.ival !== 'number') return false; // bigints never fit
    i = e.ival;
  } else if (e.k === ExpKind.VKFLT && Number.isInteger(e.nval)) {
    i = e.nval === 0 ? 0 : e.nval; // -0.0 converts to integer 0
    isFloat = true;
  } else return false;
  if (!e.hasJumps() && fitsC(i)) {
    out.im = i + OFFSET_sC;
    out.isFloat = isFloat;
    return true;
  }
  return false;
}

/** Makes `t` the access `t[k]`; `t` is already in a register or an upvalue. */
export function indexed(fs: FuncState, t: ExpDesc, k: ExpDesc): void {
  if (k.k === ExpKind.VKSTR) str2K(fs, k);
  if (t.k === ExpKind.VUPVAL && !isKstr(fs, k)) {
    // Upvalue tables need a Kstr key: the table goes to a register. A key that is still a
    // comparison's jump gets its register first, or the GETUPVAL would sit between the jump
    // and its target and be skipped (5.4.4 to 5.4.7: `_ENV[1 < 2]` indexed a number).
    if (k.k === ExpKind.VJMP) exp2anyreg(fs, k);
    exp2anyreg(fs, t);
  }
  if (t.k === ExpKind.VUPVAL) {
    t.indT = t.info;
    t.indIdx = k.info;
    t.k = ExpKind.VINDEXUP;
  } else {
    t.indT = t.k === ExpKind.VLOCAL ? t.ridx : t.info;
    if (isKstr(fs, k)) {
      t.indIdx = k.info;
      t.k = ExpKind.VINDEXSTR;
    } else if (isCint(k)) {
      t.indIdx = k.ival as number;
      t.k = ExpKind.VINDEXI;
    } else {
      t.indIdx = exp2anyreg(fs, k);
      t.k = ExpKind.VINDEXED;
    }
  }
}

// ============================================================================================
// Constant folding (luaO_rawarith on compile-time numerals)
// ============================================================================================

function toIntForBitwise(v: Numeral): bigint | undefined {
  return typeof v === 'bigint' ? v : floatToInt(v);
}

/** False when folding could raise an error (bitwise on non-integers, division by zero). */
function validOp(op: number, v1: Numeral, v2: Numeral): boolean {
  switch (op) {
    case BinOpr.BAND:
    case BinOpr.BOR:
    case BinOpr.BXOR:
    case BinOpr.SHL:
    case BinOpr.SHR:
    case LUA_OPBNOT:
      return toIntForBitwise(v1) !== undefined && toIntForBitwise(v2) !== undefined;
    case BinOpr.DIV:
    case BinOpr.IDIV:
    case BinOpr.MOD:
      return Number(v2) !== 0;
    default:
      return true;
  }
}

function wrap(x: bigint): bigint {
  return BigInt.asIntN(64, x);
}

function shiftLeft(x: bigint, y: bigint): bigint {
  if (y < 0n) {
    if (y <= -64n) return 0n;
    return wrap(BigInt.asUintN(64, x) >> -y);
  }
  if (y >= 64n) return 0n;
  return wrap(x << y);
}

function intArith(op: number, a: bigint, b: bigint): bigint {
  switch (op) {
    case BinOpr.ADD:
      return wrap(a + b);
    case BinOpr.SUB:
      return wrap(a - b);
    case BinOpr.MUL:
      return wrap(a * b);
    case BinOpr.MOD: {
      if (b === -1n) return 0n;
      let r = a % b;
      if (r !== 0n && (r ^ b) < 0n) r += b;
      return r;
    }
    case BinOpr.IDIV: {
      if (b === -1n) return wrap(-a);
      let q = a / b;
      if ((a ^ b) < 0n && a % b !== 0n) q -= 1n;
      return q;
    }
    case BinOpr.BAND:
      return wrap(a & b);
    case BinOpr.BOR:
      return wrap(a | b);
    case BinOpr.BXOR:
      return wrap(a ^ b);
    case BinOpr.SHL:
      return shiftLeft(a, b);
    case BinOpr.SHR:
      return shiftLeft(a, -b);
    case LUA_OPUNM:
      return wrap(-a);
    case LUA_OPBNOT:
      return wrap(~a);
    default:
      throw new Error(`compiler bug: integer fold of op ${op}`);
  }
}

function floatArith(op: number, a: number, b: number): number {
  switch (op) {
    case BinOpr.ADD:
      return a + b;
    case BinOpr.SUB:
      return a - b;
    case BinOpr.MUL:
      return a * b;
    case BinOpr.DIV:
      return a / b;
    case BinOpr.POW:
      return cPow(a, b);
    case BinOpr.IDIV:
      return Math.floor(a / b);
    case BinOpr.MOD:
      return floatMod(a, b);
    case LUA_OPUNM:
      return -a;
    default:
      throw new Error(`compiler bug: float fold of op ${op}`);
  }
}

/** Folds `e1 op e2` into `e1` if both are numerals and it is safe; true if done. */
function constFolding(op: number, e1: ExpDesc, e2: ExpDesc): boolean {
  const v1 = toNumeral(e1);
  const v2 = toNumeral(e2);
  if (v1 === undefined || v2 === undefined || !validOp(op, v1, v2)) return false;
  let res: Numeral;
  switch (op) {
    case BinOpr.BAND:
    case BinOpr.BOR:
    case BinOpr.BXOR:
    case BinOpr.SHL:
    case BinOpr.SHR:
    case LUA_OPBNOT:
      res = intArith(op, toIntForBitwise(v1)!, toIntForBitwise(v2)!);
      break;
    case BinOpr.DIV:
    case BinOpr.POW:
      res = floatArith(op, Number(v1), Number(v2));
      break;
    default:
      res =
        typeof v1 === 'bigint' && typeof v2 === 'bigint'
          ? intArith(op, v1, v2)
          : floatArith(op, Number(v1), Number(v2));
      break;
  }
  if (typeof res === 'bigint') {
    e1.k = ExpKind.VKINT;
    e1.ival = normInt(res);
  } else {
    if (Number.isNaN(res) || res === 0) return false; // keeps NaN and -0.0 out of constants
    e1.k = ExpKind.VKFLT;
    e1.nval = res;
  }
  return true;
}

// ============================================================================================
// Operators
// ============================================================================================

function codeUnExpVal(fs: FuncState, op: Op, e: ExpDesc, line: number): void {
  const r = exp2anyreg(fs, e);
  fs.freeExp(e);
  e.info = fs.codeABC(op, 0, r, 0);
  e.k = ExpKind.VRELOC;
  fs.fixLine(line);
}

/** Emits `op` (result relocatable) followed by its metamethod fallback `mmop`. */
function finishBinExpVal(
  fs: FuncState,
  e1: ExpDesc,
  e2: ExpDesc,
  op: Op,
  v2: number,
  flip: boolean,
  line: number,
  mmop: Op,
  event: number,
): void {
  const v1 = exp2anyreg(fs, e1);
  const pc = fs.codeABCk(op, 0, v1, v2, 0);
  fs.freeExps(e1, e2);
  e1.info = pc;
  e1.k = ExpKind.VRELOC;
  fs.fixLine(line);
  fs.codeABCk(mmop, v1, v2, event, flip ? 1 : 0);
  fs.fixLine(line);
}

/** Register-register form (ADD … SHR). */
function codeBinExpVal(fs: FuncState, op: Op, e1: ExpDesc, e2: ExpDesc, line: number): void {
  const v2 = exp2anyreg(fs, e2);
  finishBinExpVal(fs, e1, e2, op, v2, false, line, Op.MMBIN, op - Op.ADD + TMS.ADD);
}

/** Immediate form (ADDI, SHRI, SHLI). */
function codeBinI(fs: FuncState, op: Op, e1: ExpDesc, e2: ExpDesc, flip: boolean, line: number, event: number): void {
  const v2 = (e2.ival as number) + OFFSET_sC;
  finishBinExpVal(fs, e1, e2, op, v2, flip, line, Op.MMBINI, event);
}

/** Constant-operand form (ADDK … BXORK); `e2` is already a VK. */
function codeBinK(fs: FuncState, opr: BinOpr, e1: ExpDesc, e2: ExpDesc, flip: boolean, line: number): void {
  const event = opr + TMS.ADD;
  const v2 = e2.info;
  const op = (opr + Op.ADDK) as Op;
  finishBinExpVal(fs, e1, e2, op, v2, flip, line, Op.MMBINK, event);
}

/** Codes `e1 op e2` as `e1 op' -e2` with an immediate (x - 1 → ADDI x -1). */
function finishBinExpNeg(fs: FuncState, e1: ExpDesc, e2: ExpDesc, op: Op, line: number, event: number): boolean {
  if (!isKint(e2) || typeof e2.ival !== 'number') return false;
  const i2 = e2.ival;
  if (!(fitsC(i2) && fitsC(-i2))) return false;
  finishBinExpVal(fs, e1, e2, op, -i2 + OFFSET_sC, false, line, Op.MMBINI, event);
  // the metamethod must see the original operand
  fs.code[fs.pc - 1] = setB(fs.code[fs.pc - 1]!, i2 + OFFSET_sC);
  return true;
}

function codeBinNoK(fs: FuncState, opr: BinOpr, e1: ExpDesc, e2: ExpDesc, flip: boolean, line: number): void {
  if (flip) swapExps(e1, e2); // back to the original order
  codeBinExpVal(fs, (opr + Op.ADD) as Op, e1, e2, line);
}

function codeArith(fs: FuncState, opr: BinOpr, e1: ExpDesc, e2: ExpDesc, flip: boolean, line: number): void {
  if (isNumeral(e2) && exp2K(fs, e2)) codeBinK(fs, opr, e1, e2, flip, line);
  else codeBinNoK(fs, opr, e1, e2, flip, line);
}

/** `+` and `*`: a numeral first operand is swapped to the second place. */
function codeCommutative(fs: FuncState, opr: BinOpr, e1: ExpDesc, e2: ExpDesc, line: number): void {
  let flip = false;
  if (isNumeral(e1)) {
    swapExps(e1, e2);
    flip = true;
  }
  if (opr === BinOpr.ADD && isSCint(e2)) codeBinI(fs, Op.ADDI, e1, e2, flip, line, TMS.ADD);
  else codeArith(fs, opr, e1, e2, flip, line);
}

/**
 * `&`, `|`, `~`: commutative; an integer constant goes to the K operand. As in 5.4.4, a first
 * operand that is an integer constant too large for K is loaded into a register right away —
 * except when the second operand still has jumps to land: the load would sit between them and
 * their target (5.4.4 computed `1 ~ (2 or 3)` as 0 in a function with over 255 constants;
 * fixed in 5.4.6). Then the second operand is loaded first, as 5.4.6 does.
 */
function codeBitwise(fs: FuncState, opr: BinOpr, e1: ExpDesc, e2: ExpDesc, line: number): void {
  let flip = false;
  if (e1.k === ExpKind.VKINT && exp2K(fs, e1)) {
    swapExps(e1, e2); // the constant becomes the second operand
    flip = true;
  } else {
    if (e1.k === ExpKind.VKINT && !e2.hasJumps() && e2.k !== ExpKind.VJMP) exp2anyreg(fs, e1);
    if (!(e2.k === ExpKind.VKINT && exp2RK(fs, e2))) {
      codeBinExpVal(fs, (opr + Op.ADD) as Op, e1, e2, line); // no constants
      return;
    }
  }
  codeBinK(fs, opr, e1, e2, flip, line);
}

/** `<`, `<=` (and `>`, `>=` already swapped): immediate forms when an operand fits sB. */
function codeOrder(fs: FuncState, op: Op, e1: ExpDesc, e2: ExpDesc): void {
  const im = { im: 0, isFloat: false };
  let r1: number;
  let r2: number;
  if (isSCnumber(e2, im)) {
    r1 = exp2anyreg(fs, e1);
    r2 = im.im;
    op = (op - Op.LT + Op.LTI) as Op;
  } else if (isSCnumber(e1, im)) {
    // (A < B) is (B > A), (A <= B) is (B >= A)
    r1 = exp2anyreg(fs, e2);
    r2 = im.im;
    op = op === Op.LT ? Op.GTI : Op.GEI;
  } else {
    r1 = exp2anyreg(fs, e1);
    r2 = exp2anyreg(fs, e2);
  }
  fs.freeExps(e1, e2);
  e1.info = fs.condJump(op, r1, r2, im.isFloat ? 1 : 0, 1);
  e1.k = ExpKind.VJMP;
}

/** `==`, `~=`: `e1` is already a register or constant (luaK_infix). */
function codeEq(fs: FuncState, opr: BinOpr, e1: ExpDesc, e2: ExpDesc): void {
  const im = { im: 0, isFloat: false };
  let op: Op;
  let r2: number;
  if (e1.k !== ExpKind.VNONRELOC) swapExps(e1, e2); // the constant goes second
  const r1 = exp2anyreg(fs, e1);
  if (isSCnumber(e2, im)) {
    op = Op.EQI;
    r2 = im.im;
  } else if (exp2RK(fs, e2)) {
    op = Op.EQK;
    r2 = e2.info;
  } else {
    op = Op.EQ;
    r2 = exp2anyreg(fs, e2);
  }
  fs.freeExps(e1, e2);
  e1.info = fs.condJump(op, r1, r2, im.isFloat ? 1 : 0, opr === BinOpr.EQ ? 1 : 0);
  e1.k = ExpKind.VJMP;
}

/** Applies unary operator `op` to `e` (luaK_prefix). */
export function prefix(fs: FuncState, op: UnOpr, e: ExpDesc, line: number): void {
  dischargeVars(fs, e);
  switch (op) {
    case UnOpr.MINUS:
    case UnOpr.BNOT: {
      const zero = new ExpDesc().init(ExpKind.VKINT, 0);
      zero.ival = 0;
      if (constFolding(op === UnOpr.MINUS ? LUA_OPUNM : LUA_OPBNOT, e, zero)) break;
      codeUnExpVal(fs, op === UnOpr.MINUS ? Op.UNM : Op.BNOT, e, line);
      break;
    }
    case UnOpr.LEN:
      codeUnExpVal(fs, Op.LEN, e, line);
      break;
    case UnOpr.NOT:
      codeNot(fs, e);
      break;
    default:
      assertNever(op);
  }
}

/** Prepares the first operand `v` of a binary operator before the second is compiled. */
export function infix(fs: FuncState, op: BinOpr, v: ExpDesc): void {
  dischargeVars(fs, v);
  switch (op) {
    case BinOpr.AND:
      goIfTrue(fs, v);
      break;
    case BinOpr.OR:
      goIfFalse(fs, v);
      break;
    case BinOpr.CONCAT:
      exp2nextreg(fs, v); // operands must be consecutive on the stack
      break;
    case BinOpr.ADD:
    case BinOpr.SUB:
    case BinOpr.MUL:
    case BinOpr.DIV:
    case BinOpr.IDIV:
    case BinOpr.MOD:
    case BinOpr.POW:
    case BinOpr.BAND:
    case BinOpr.BOR:
    case BinOpr.BXOR:
    case BinOpr.SHL:
    case BinOpr.SHR:
      if (!isNumeral(v)) exp2anyreg(fs, v); // a numeral may fold or become an immediate
      break;
    case BinOpr.EQ:
    case BinOpr.NE:
      if (!isNumeral(v)) exp2RK(fs, v);
      break;
    case BinOpr.LT:
    case BinOpr.LE:
    case BinOpr.GT:
    case BinOpr.GE:
      if (!isSCnumber(v, { im: 0, isFloat: false })) exp2anyreg(fs, v);
      break;
    default:
      assertNever(op);
  }
}

/** `e1 .. e2` where e2 is in the next register; merges into e2's CONCAT if it is one. */
function codeConcat(fs: FuncState, e1: ExpDesc, e2: ExpDesc, line: number): void {
  const ie2 = fs.previousInstruction();
  if (ie2 !== -1 && getOp(ie2) === Op.CONCAT) {
    const n = getB(ie2);
    fs.freeExp(e2);
    fs.code[fs.pc - 1] = setB(setA(ie2, e1.info), n + 1);
  } else {
    fs.codeABC(Op.CONCAT, e1.info, 2, 0);
    fs.freeExp(e2);
    fs.fixLine(line);
  }
}

/** Finishes binary operation `e1 op e2` into `e1` (luaK_posfix). */
export function posfix(fs: FuncState, opr: BinOpr, e1: ExpDesc, e2: ExpDesc, line: number): void {
  dischargeVars(fs, e2);
  if (opr <= BinOpr.SHR && constFolding(opr, e1, e2)) return;
  switch (opr) {
    case BinOpr.AND:
      e2.f = fs.concat(e2.f, e1.f);
      e1.copyFrom(e2);
      break;
    case BinOpr.OR:
      e2.t = fs.concat(e2.t, e1.t);
      e1.copyFrom(e2);
      break;
    case BinOpr.CONCAT:
      exp2nextreg(fs, e2);
      codeConcat(fs, e1, e2, line);
      break;
    case BinOpr.ADD:
    case BinOpr.MUL:
      codeCommutative(fs, opr, e1, e2, line);
      break;
    case BinOpr.SUB:
      if (finishBinExpNeg(fs, e1, e2, Op.ADDI, line, TMS.SUB)) break;
      codeArith(fs, opr, e1, e2, false, line);
      break;
    case BinOpr.DIV:
    case BinOpr.IDIV:
    case BinOpr.MOD:
    case BinOpr.POW:
      codeArith(fs, opr, e1, e2, false, line);
      break;
    case BinOpr.BAND:
    case BinOpr.BOR:
    case BinOpr.BXOR:
      codeBitwise(fs, opr, e1, e2, line);
      break;
    case BinOpr.SHL:
      if (isSCint(e1)) {
        swapExps(e1, e2);
        codeBinI(fs, Op.SHLI, e1, e2, true, line, TMS.SHL); // I << r2
      } else if (finishBinExpNeg(fs, e1, e2, Op.SHRI, line, TMS.SHL)) {
        // coded as r1 >> -I
      } else codeBinExpVal(fs, Op.SHL, e1, e2, line);
      break;
    case BinOpr.SHR:
      if (isSCint(e2)) codeBinI(fs, Op.SHRI, e1, e2, false, line, TMS.SHR);
      else codeBinExpVal(fs, Op.SHR, e1, e2, line);
      break;
    case BinOpr.EQ:
    case BinOpr.NE:
      codeEq(fs, opr, e1, e2);
      break;
    case BinOpr.LT:
    case BinOpr.LE:
      codeOrder(fs, (opr - BinOpr.EQ + Op.EQ) as Op, e1, e2);
      break;
    case BinOpr.GT:
    case BinOpr.GE:
      // a > b is b < a; a >= b is b <= a
      swapExps(e1, e2);
      codeOrder(fs, (opr - BinOpr.NE + Op.EQ) as Op, e1, e2);
      break;
    default:
      assertNever(opr);
  }
}

// ============================================================================================
// Table constructors
// ============================================================================================

/** ceil(log2(x)) for x >= 1 (luaO_ceillog2). */
function ceilLog2(x: number): number {
  let l = 0;
  x--;
  while (x >= 1) {
    l++;
    x = Math.floor(x / 2);
  }
  return l;
}

/** Rewrites the NEWTABLE at `pc` (and its EXTRAARG) with the final sizes. */
export function setTableSize(fs: FuncState, pc: number, ra: number, asize: number, hsize: number): void {
  const rb = hsize !== 0 ? ceilLog2(hsize) + 1 : 0;
  const extra = Math.floor(asize / (MAXARG_C + 1));
  const rc = asize % (MAXARG_C + 1);
  fs.code[pc] = ABCk(Op.NEWTABLE, ra, rb, rc, extra > 0 ? 1 : 0);
  fs.code[pc + 1] = ABCk(Op.EXTRAARG, 0, 0, 0, 0) | (extra << 7);
}

/** SETLIST of `tostore` values (-1: up to the top) after `nelems` already stored. */
export function setList(fs: FuncState, base: number, nelems: number, tostore: number): void {
  if (tostore === -1) tostore = 0;
  if (nelems <= MAXARG_C) fs.codeABC(Op.SETLIST, base, tostore, nelems);
  else {
    const extra = Math.floor(nelems / (MAXARG_C + 1));
    fs.codeABCk(Op.SETLIST, base, tostore, nelems % (MAXARG_C + 1), 1);
    fs.codeExtraArg(extra);
  }
  fs.freeReg = base + 1;
}

export { LFIELDS_PER_FLUSH };

function assertNever(x: never): never {
  throw new Error(`compiler bug: unexpected ${String(x)}`);
}
