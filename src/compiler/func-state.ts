// func-state.ts — the state of one function being compiled, and of the whole compilation.
//
// Owns: the instruction and line arrays, the constant table and its cache, register
// allocation, the active local variables (with Lua's Vardesc kinds, compile-time constants
// included), upvalue search and creation, block scopes, labels, pending gotos and breaks, jump
// lists, and the final peephole pass.
//
// Invariants, as in Lua:
// - Registers below `nvarstack()` hold active locals; `freeReg` is the first free register and
//   temporaries are released in stack order (`freeReg(r)` asserts it frees the top).
// - `lineinfo[pc]` is the line of instruction `pc`: `cs.lastLine` when it was emitted (the line
//   of the last token Lua's parser had consumed), possibly rewritten by `fixLine`.
// - A jump list is threaded through the sJ fields of its JMP instructions; NO_JUMP ends it.
// - `lastTarget` is the last pc that may be a jump target: peephole merges (LOADNIL ranges,
//   CONCAT chains) never look across it.
// - The constant cache is shared by every function of a compilation, as Lua's scanner table is:
//   an index found there is only trusted after checking it holds an equal value of the same
//   type in the current function, so a constant shared with an inner function may be added
//   twice, exactly as luac does.
// Cf. lparser.c (FuncState, BlockCnt, Dyndata, variables, blocks, gotos) and lcode.c (emission,
// jump lists, constants, luaK_finish).

import {
  Op,
  OPCODES,
  ABCk,
  ABxOp,
  AxOp,
  sJOp,
  getOp,
  getA,
  getB,
  getk,
  getsJ,
  setA,
  setB,
  setC,
  setk,
  setsJ,
  MAXARG_Bx,
  MAXARG_sJ,
  OFFSET_sJ,
  OFFSET_sBx,
  MAXREGS,
  NO_REG,
} from './opcodes.js';
import { Proto, VarKind } from './proto.js';
import type { LocVar, UpvalDesc } from './proto.js';
import type { LuaValue } from '../vm/value.js';
import { LuaFloat } from '../vm/value.js';
import { ExpDesc, ExpKind, NO_JUMP } from './expdesc.js';
import { syntaxError } from '../parser/syntax-error.js';
import { intern } from '../vm/intern.js';

/** Maximum number of local variables per function (MAXVARS). */
export const MAXVARS = 200;
/** Maximum number of upvalues per function (MAXUPVAL). */
export const MAXUPVAL = 255;
/** Strings up to this length are "short" (LUAI_MAXSHORTLEN): only those are RK field keys. */
export const MAX_SHORT_STRING = 40;

// ============================================================================================
// Descriptors shared by the whole compilation (Lua's Dyndata)
// ============================================================================================

/** An active local variable (Vardesc). */
export interface VarDesc {
  readonly name: string;
  kind: VarKind;
  /** Register holding the variable (not meaningful for compile-time constants). */
  ridx: number;
  /** Index of its debug entry in the proto's `locvars`. */
  pidx: number;
  /** Value of a compile-time constant. */
  value: LuaValue;
}

/** A label or a pending goto (Labeldesc). */
export interface LabelDesc {
  readonly name: string;
  /** Label position, or the pc of the goto's JMP. */
  pc: number;
  readonly line: number;
  /** Number of active variables at that position. */
  nactvar: number;
  /** The goto leaves the scope of a variable that needs closing. */
  close: boolean;
}

/** A syntactic block (BlockCnt). */
export interface BlockCnt {
  readonly previous: BlockCnt | undefined;
  readonly firstLabel: number;
  readonly firstGoto: number;
  /** Active variables outside the block. */
  readonly nactvar: number;
  /** Some variable of the block is captured as an upvalue (or is to-be-closed). */
  upval: boolean;
  readonly isLoop: boolean;
  /** Inside the scope of a to-be-closed variable (no tail calls). */
  insideTbc: boolean;
  /** One of this block's own variables is to be closed. */
  hasTbc: boolean;
}

/** Everything shared by the functions of one compilation (LexState + Dyndata). */
export class CompileState {
  /** Constant cache: key (see FuncState.addK) → index in the function that added it last. */
  readonly kcache = new Map<unknown, number>();
  /**
   * Active-variable stack of all open functions; `nactvarTotal` entries are live. Entries
   * above it are left in place, as in Lua's Dyndata: goto bookkeeping reads the registers of
   * variables whose scope has just ended.
   */
  readonly actvar: VarDesc[] = [];
  nactvarTotal = 0;
  readonly gotos: LabelDesc[] = [];
  readonly labels: LabelDesc[] = [];
  /** The line Lua's `ls->lastline` would hold now: instructions emitted get this line. */
  lastLine = 1;

  constructor(readonly source: string) {}

  /**
   * Raises a compile-time error as the parser's LuaSyntaxError. Lua adds " near <token>" to
   * the limit errors; the compiler has no token to name, so it leaves that part out.
   */
  error(msg: string, line = this.lastLine): never {
    throw syntaxError(this.source, line, msg);
  }
}

/** Key for `nil` in the constant cache (Lua uses the cache table itself). */
const NIL_KEY = Symbol('nil');

/** An instruction that matches no opcode (previousinstruction's "invalid instruction"). */
const INVALID_INSTRUCTION = -1;

/** 2^-52: the smallest fraction still significant for a double in [1, 2). */
const FLOAT_KEY_NUDGE = 2 ** -52;

// ============================================================================================
// FuncState
// ============================================================================================

export class FuncState {
  readonly f: Proto;
  readonly cs: CompileState;
  readonly prev: FuncState | undefined;
  code: number[] = [];
  lineinfo: number[] = [];
  bl: BlockCnt | undefined = undefined;
  lastTarget = 0;
  freeReg = 0;
  /** Active local variables of this function (compile-time constants included). */
  nactvar = 0;
  /** Index of this function's first variable in `cs.actvar`. */
  readonly firstLocal: number;
  /** Index of this function's first label in `cs.labels`. */
  readonly firstLabel: number;
  /** Some return must close upvalues or to-be-closed variables. */
  needClose = false;

  constructor(cs: CompileState, prev: FuncState | undefined, f: Proto) {
    this.cs = cs;
    this.prev = prev;
    this.f = f;
    this.firstLocal = cs.nactvarTotal;
    this.firstLabel = cs.labels.length;
    f.source = cs.source;
    f.maxStackSize = 2; // registers 0 and 1 are always valid
  }

  get pc(): number {
    return this.code.length;
  }

  // ------------------------------------------------------------------------------------------
  // Emission
  // ------------------------------------------------------------------------------------------

  /** Appends an instruction stamped with the current line; returns its pc. */
  emit(i: number): number {
    this.code.push(i);
    this.lineinfo.push(this.cs.lastLine);
    return this.code.length - 1;
  }

  codeABCk(o: Op, a: number, b: number, c: number, k: number): number {
    return this.emit(ABCk(o, a, b, c, k));
  }

  codeABC(o: Op, a: number, b: number, c: number): number {
    return this.emit(ABCk(o, a, b, c, 0));
  }

  codeABx(o: Op, a: number, bx: number): number {
    return this.emit(ABxOp(o, a, bx));
  }

  codeAsBx(o: Op, a: number, sbx: number): number {
    return this.emit(ABxOp(o, a, sbx + OFFSET_sBx));
  }

  codeExtraArg(a: number): number {
    return this.emit(AxOp(Op.EXTRAARG, a));
  }

  /** LOADK, or LOADKX + EXTRAARG for constant indices beyond Bx. */
  codeK(reg: number, k: number): number {
    if (k <= MAXARG_Bx) return this.codeABx(Op.LOADK, reg, k);
    const p = this.codeABx(Op.LOADKX, reg, 0);
    this.codeExtraArg(k);
    return p;
  }

  /** Restamps the last instruction with `line` (luaK_fixline). */
  fixLine(line: number): void {
    this.lineinfo[this.lineinfo.length - 1] = line;
  }

  removeLastInstruction(): void {
    this.code.pop();
    this.lineinfo.pop();
  }

  /** The previous instruction, unless a jump may land between it and the next one. */
  previousInstruction(): number {
    return this.pc > this.lastTarget ? this.code[this.pc - 1]! : INVALID_INSTRUCTION;
  }

  /** Marks the current pc as a jump target and returns it (luaK_getlabel). */
  getLabel(): number {
    this.lastTarget = this.pc;
    return this.pc;
  }

  /** LOADNIL for `n` registers from `from`, merged into a previous adjacent LOADNIL. */
  loadNil(from: number, n: number): void {
    let last = from + n - 1;
    const prevPc = this.pc - 1;
    const previous = this.previousInstruction();
    if (previous !== INVALID_INSTRUCTION && getOp(previous) === Op.LOADNIL) {
      const pfrom = getA(previous);
      const plast = pfrom + getB(previous);
      if ((pfrom <= from && from <= plast + 1) || (from <= pfrom && pfrom <= last + 1)) {
        if (pfrom < from) from = pfrom;
        if (plast > last) last = plast;
        this.code[prevPc] = setB(setA(previous, from), last - from);
        return;
      }
    }
    this.codeABC(Op.LOADNIL, from, n - 1, 0);
  }

  /** RETURN0 / RETURN1 / RETURN; luaK_finish adjusts them for varargs and closing. */
  ret(first: number, nret: number): void {
    const op = nret === 0 ? Op.RETURN0 : nret === 1 ? Op.RETURN1 : Op.RETURN;
    this.codeABC(op, first, nret + 1, 0);
  }

  // ------------------------------------------------------------------------------------------
  // Jumps and jump lists
  // ------------------------------------------------------------------------------------------

  /** An unconditional jump to be patched later; returns its pc. */
  jump(): number {
    return this.emit(sJOp(Op.JMP, NO_JUMP));
  }

  /** A test or comparison followed by its jump; returns the jump's pc. */
  condJump(op: Op, a: number, b: number, c: number, k: number): number {
    this.codeABCk(op, a, b, c, k);
    return this.jump();
  }

  /** Next element of the jump list after `pc`. */
  private getJump(pc: number): number {
    const offset = getsJ(this.code[pc]!);
    return offset === NO_JUMP ? NO_JUMP : pc + 1 + offset;
  }

  fixJump(pc: number, dest: number): void {
    const offset = dest - (pc + 1);
    if (!(-OFFSET_sJ <= offset && offset <= MAXARG_sJ - OFFSET_sJ))
      this.cs.error('control structure too long');
    this.code[pc] = setsJ(this.code[pc]!, offset);
  }

  /** Appends jump list `l2` to list `l1`; returns the head of the result. */
  concat(l1: number, l2: number): number {
    if (l2 === NO_JUMP) return l1;
    if (l1 === NO_JUMP) return l2;
    let list = l1;
    for (let next = this.getJump(list); next !== NO_JUMP; next = this.getJump(list)) list = next;
    this.fixJump(list, l2);
    return l1;
  }

  /** Position of the instruction controlling the jump at `pc` (the test before it, if any). */
  getJumpControl(pc: number): number {
    if (pc >= 1 && OPCODES[getOp(this.code[pc - 1]!) as Op].isTest) return pc - 1;
    return pc;
  }

  /**
   * Makes the TESTSET controlling jump `node` store into `reg`, or turns it into a TEST when
   * there is no register or the value is already there. False if not a TESTSET.
   */
  private patchTestReg(node: number, reg: number): boolean {
    const at = this.getJumpControl(node);
    const i = this.code[at]!;
    if (getOp(i) !== Op.TESTSET) return false;
    if (reg !== NO_REG && reg !== getB(i)) this.code[at] = setA(i, reg);
    else this.code[at] = ABCk(Op.TEST, getB(i), 0, 0, getk(i));
    return true;
  }

  /** Makes every test in `list` produce no value. */
  removeValues(list: number): void {
    for (; list !== NO_JUMP; list = this.getJump(list)) this.patchTestReg(list, NO_REG);
  }

  /** Patches `list`: value-producing tests go to `vtarget` storing into `reg`, others to `dtarget`. */
  patchListAux(list: number, vtarget: number, reg: number, dtarget: number): void {
    while (list !== NO_JUMP) {
      const next = this.getJump(list);
      if (this.patchTestReg(list, reg)) this.fixJump(list, vtarget);
      else this.fixJump(list, dtarget);
      list = next;
    }
  }

  /** True if some jump in `list` does not come from a TESTSET (needs a boolean loaded). */
  needValue(list: number): boolean {
    for (; list !== NO_JUMP; list = this.getJump(list)) {
      if (getOp(this.code[this.getJumpControl(list)]!) !== Op.TESTSET) return true;
    }
    return false;
  }

  patchList(list: number, target: number): void {
    this.patchListAux(list, target, NO_REG, target);
  }

  patchToHere(list: number): void {
    this.patchList(list, this.getLabel());
  }

  /** An unconditional jump to `target` (luaK_jumpto). */
  jumpTo(target: number): void {
    this.patchList(this.jump(), target);
  }

  // ------------------------------------------------------------------------------------------
  // Registers
  // ------------------------------------------------------------------------------------------

  checkStack(n: number): void {
    const newStack = this.freeReg + n;
    if (newStack > this.f.maxStackSize) {
      if (newStack >= MAXREGS) this.cs.error('function or expression needs too many registers');
      this.f.maxStackSize = newStack;
    }
  }

  reserveRegs(n: number): void {
    this.checkStack(n);
    this.freeReg += n;
  }

  /** Frees `reg` if it is a temporary (not an active local). */
  freeRegister(reg: number): void {
    if (reg >= this.nvarstack()) {
      this.freeReg--;
      if (reg !== this.freeReg) throw new Error(`compiler bug: freeing register ${reg}, top is ${this.freeReg}`);
    }
  }

  /** Frees two registers, the higher first. */
  freeRegisters(r1: number, r2: number): void {
    if (r1 > r2) {
      this.freeRegister(r1);
      this.freeRegister(r2);
    } else {
      this.freeRegister(r2);
      this.freeRegister(r1);
    }
  }

  freeExp(e: ExpDesc): void {
    if (e.k === ExpKind.VNONRELOC) this.freeRegister(e.info);
  }

  freeExps(e1: ExpDesc, e2: ExpDesc): void {
    const r1 = e1.k === ExpKind.VNONRELOC ? e1.info : -1;
    const r2 = e2.k === ExpKind.VNONRELOC ? e2.info : -1;
    this.freeRegisters(r1, r2);
  }

  // ------------------------------------------------------------------------------------------
  // Constants
  // ------------------------------------------------------------------------------------------

  /**
   * Index of constant `v` in this function, added if needed. `key` is its cache key: values
   * that Lua's table would keep apart get distinct keys (see numberK for floats).
   */
  private addK(key: unknown, v: LuaValue): number {
    const k = this.f.k;
    const cached = this.cs.kcache.get(key);
    if (cached !== undefined && cached < k.length && sameConstant(k[cached], v)) return cached;
    const idx = k.length;
    this.cs.kcache.set(key, idx);
    k.push(v);
    return idx;
  }

  stringK(s: string): number {
    return this.addK(s, intern(s));
  }

  intK(n: number | bigint): number {
    return this.addK(n, n);
  }

  /**
   * Floats with integral values are keyed by a nearby non-integral value so that 1.0 and 1
   * stay distinct, as luaK_numberK does (and, as there, huge floats may still collide with an
   * integer key, which only costs a duplicate entry).
   */
  numberK(r: number): number {
    const value: LuaValue = Number.isInteger(r) ? new LuaFloat(r) : r;
    if (!Number.isInteger(r)) return this.addK(r, value);
    const nudged = r === 0 ? FLOAT_KEY_NUDGE : r + r * FLOAT_KEY_NUDGE;
    return this.addK(tableKeyOfFloat(nudged), value);
  }

  boolK(b: boolean): number {
    return this.addK(b, b);
  }

  nilK(): number {
    return this.addK(NIL_KEY, undefined);
  }

  // ------------------------------------------------------------------------------------------
  // Local variables
  // ------------------------------------------------------------------------------------------

  getLocalVarDesc(vidx: number): VarDesc {
    return this.cs.actvar[this.firstLocal + vidx]!;
  }

  /** Register level for the first `nvar` variables: one past the last that has a register. */
  regLevel(nvar: number): number {
    while (nvar-- > 0) {
      const vd = this.getLocalVarDesc(nvar);
      if (vd.kind !== VarKind.CompileTimeConst) return vd.ridx + 1;
    }
    return 0;
  }

  /** Number of registers holding active locals (luaY_nvarstack). */
  nvarstack(): number {
    return this.regLevel(this.nactvar);
  }

  /** The debug entry of variable `vidx`, unless it is a compile-time constant. */
  localDebugInfo(vidx: number): LocVar | undefined {
    const vd = this.getLocalVarDesc(vidx);
    return vd.kind === VarKind.CompileTimeConst ? undefined : this.f.locvars[vd.pidx];
  }

  /** Declares a variable (not active yet); returns its index in the function. */
  newLocalVar(name: string): number {
    const cs = this.cs;
    if (cs.nactvarTotal + 1 - this.firstLocal > MAXVARS) this.errorLimit(MAXVARS, 'local variables');
    cs.actvar[cs.nactvarTotal++] = { name, kind: VarKind.Regular, ridx: 0, pidx: 0, value: undefined };
    return cs.nactvarTotal - 1 - this.firstLocal;
  }

  /** Activates the last `nvars` declared variables (adjustlocalvars). */
  adjustLocalVars(nvars: number): void {
    let reg = this.nvarstack();
    for (let i = 0; i < nvars; i++) {
      const vd = this.getLocalVarDesc(this.nactvar++);
      vd.ridx = reg++;
      vd.pidx = this.registerLocalVar(vd.name);
    }
  }

  private registerLocalVar(name: string): number {
    this.f.locvars.push({ name, startPc: this.pc, endPc: 0 });
    return this.f.locvars.length - 1;
  }

  /** Ends the scope of the variables above `toLevel` (debug information). */
  removeVars(toLevel: number): void {
    this.cs.nactvarTotal -= this.nactvar - toLevel;
    while (this.nactvar > toLevel) {
      const lv = this.localDebugInfo(--this.nactvar);
      if (lv) lv.endPc = this.pc;
    }
  }

  /** Looks `name` up among the active variables; fills `e` (VLOCAL or VCONST) if found. */
  searchVar(name: string, e: ExpDesc): boolean {
    for (let i = this.nactvar - 1; i >= 0; i--) {
      const vd = this.getLocalVarDesc(i);
      if (vd.name === name) {
        if (vd.kind === VarKind.CompileTimeConst) e.init(ExpKind.VCONST, this.firstLocal + i);
        else {
          e.init(ExpKind.VLOCAL, 0);
          e.vidx = i;
          e.ridx = vd.ridx;
        }
        return true;
      }
    }
    return false;
  }

  /** Marks the block declaring variable `level` as having an upvalue (to emit CLOSEs). */
  markUpval(level: number): void {
    let bl = this.bl!;
    while (bl.nactvar > level) bl = bl.previous!;
    bl.upval = true;
    this.needClose = true;
  }

  /** Marks the current block as holding a to-be-closed variable. */
  markToBeClosed(): void {
    const bl = this.bl!;
    bl.upval = true;
    bl.insideTbc = true;
    bl.hasTbc = true;
    this.needClose = true;
  }

  // ------------------------------------------------------------------------------------------
  // Upvalues
  // ------------------------------------------------------------------------------------------

  searchUpvalue(name: string): number {
    const ups = this.f.upvalues;
    for (let i = 0; i < ups.length; i++) if (ups[i]!.name === name) return i;
    return -1;
  }

  allocUpvalue(desc: UpvalDesc): number {
    if (this.f.upvalues.length + 1 > MAXUPVAL) this.errorLimit(MAXUPVAL, 'upvalues');
    this.f.upvalues.push(desc);
    return this.f.upvalues.length - 1;
  }

  /** Creates an upvalue for `v`, a VLOCAL or VUPVAL of the enclosing function. */
  newUpvalue(name: string, v: ExpDesc): number {
    const prev = this.prev!;
    if (v.k === ExpKind.VLOCAL) {
      return this.allocUpvalue({ name, inStack: true, index: v.ridx, kind: prev.getLocalVarDesc(v.vidx).kind });
    }
    return this.allocUpvalue({ name, inStack: false, index: v.info, kind: prev.f.upvalues[v.info]!.kind });
  }

  /**
   * Resolves `name` as seen from this function: a local, a compile-time constant, an upvalue
   * (created here and in every intermediate function), or VVOID for a global (singlevaraux).
   */
  static singleVarAux(fs: FuncState | undefined, name: string, v: ExpDesc, base: boolean): void {
    if (fs === undefined) {
      v.init(ExpKind.VVOID, 0);
      return;
    }
    if (fs.searchVar(name, v)) {
      if (v.k === ExpKind.VLOCAL && !base) fs.markUpval(v.vidx);
      return;
    }
    let idx = fs.searchUpvalue(name);
    if (idx < 0) {
      FuncState.singleVarAux(fs.prev, name, v, false);
      if (v.k !== ExpKind.VLOCAL && v.k !== ExpKind.VUPVAL) return; // global or constant
      idx = fs.newUpvalue(name, v);
    }
    v.init(ExpKind.VUPVAL, idx);
  }

  // ------------------------------------------------------------------------------------------
  // Blocks, labels and gotos
  // ------------------------------------------------------------------------------------------

  enterBlock(isLoop: boolean): BlockCnt {
    const bl: BlockCnt = {
      previous: this.bl,
      firstLabel: this.cs.labels.length,
      firstGoto: this.cs.gotos.length,
      nactvar: this.nactvar,
      upval: false,
      isLoop,
      insideTbc: this.bl !== undefined && this.bl.insideTbc,
      hasTbc: false,
    };
    this.bl = bl;
    return bl;
  }

  leaveBlock(): void {
    const bl = this.bl!;
    const cs = this.cs;
    let hasClose = false;
    const stkLevel = this.regLevel(bl.nactvar);
    // Resolve pending breaks. The CLOSE they may need starts at the loop's own variables when
    // one of them is to be closed (a generic for's closing value): 5.4.4 closed only from the
    // body's variables up, so `break` left the closing value open (fixed in 5.4.5). Other
    // loops' hidden variables are never captured and keep 5.4.4's level (and its listings).
    if (bl.isLoop) hasClose = this.createLabel('break', 0, false, bl.hasTbc ? stkLevel : this.nvarstack());
    if (!hasClose && bl.previous && bl.upval) this.codeABC(Op.CLOSE, stkLevel, 0, 0);
    this.bl = bl.previous;
    this.removeVars(bl.nactvar);
    this.freeReg = stkLevel;
    cs.labels.length = bl.firstLabel;
    if (bl.previous) this.moveGotosOut(bl);
    else if (bl.firstGoto < cs.gotos.length) this.undefGoto(cs.gotos[bl.firstGoto]!);
  }

  private undefGoto(gt: LabelDesc): never {
    if (gt.name === 'break') this.cs.error(`break outside loop at line ${gt.line}`, gt.line);
    this.cs.error(`no visible label '${gt.name}' for <goto> at line ${gt.line}`, gt.line);
  }

  /** Pending gotos of a block being left now belong to the enclosing block. */
  private moveGotosOut(bl: BlockCnt): void {
    const gl = this.cs.gotos;
    for (let i = bl.firstGoto; i < gl.length; i++) {
      const gt = gl[i]!;
      if (this.regLevel(gt.nactvar) > this.regLevel(bl.nactvar)) gt.close ||= bl.upval;
      gt.nactvar = bl.nactvar;
    }
  }

  /** A visible label of this function named `name`. */
  findLabel(name: string): LabelDesc | undefined {
    const labels = this.cs.labels;
    for (let i = this.firstLabel; i < labels.length; i++) if (labels[i]!.name === name) return labels[i];
    return undefined;
  }

  newGotoEntry(name: string, line: number, pc: number): void {
    this.cs.gotos.push({ name, pc, line, nactvar: this.nactvar, close: false });
  }

  /**
   * Creates a label here and resolves the pending gotos of the current block that target it;
   * `last` says the label ends its block (its locals are then already out of scope). Returns
   * true if it emitted a CLOSE.
   */
  createLabel(name: string, line: number, last: boolean, closeLevel = this.nvarstack()): boolean {
    const lb: LabelDesc = { name, pc: this.getLabel(), line, nactvar: this.nactvar, close: false };
    this.cs.labels.push(lb);
    if (last) lb.nactvar = this.bl!.nactvar;
    if (this.solveGotos(lb)) {
      this.codeABC(Op.CLOSE, closeLevel, 0, 0);
      return true;
    }
    return false;
  }

  private solveGotos(lb: LabelDesc): boolean {
    const gl = this.cs.gotos;
    let needsClose = false;
    let i = this.bl!.firstGoto;
    while (i < gl.length) {
      const gt = gl[i]!;
      if (gt.name === lb.name) {
        needsClose ||= gt.close;
        if (gt.nactvar < lb.nactvar) {
          const varName = this.getLocalVarDesc(gt.nactvar).name;
          this.cs.error(`<goto ${gt.name}> at line ${gt.line} jumps into the scope of local '${varName}'`);
        }
        this.patchList(gt.pc, lb.pc);
        gl.splice(i, 1);
      } else i++;
    }
    return needsClose;
  }

  // ------------------------------------------------------------------------------------------
  // Limits and the final pass
  // ------------------------------------------------------------------------------------------

  errorLimit(limit: number, what: string): never {
    const line = this.f.lineDefined;
    const where = line === 0 ? 'main function' : `function at line ${line}`;
    this.cs.error(`too many ${what} (limit is ${limit}) in ${where}`);
  }

  /**
   * The final pass (luaK_finish): returns of functions that close upvalues or are vararg
   * become full RETURNs with the k bit / parameter count, and jumps to jumps are short-cut.
   * Then the code arrays are moved into the proto.
   */
  finish(): void {
    const p = this.f;
    const code = this.code;
    for (let i = 0; i < code.length; i++) {
      let ins = code[i]!;
      switch (getOp(ins)) {
        case Op.RETURN0:
        case Op.RETURN1:
        case Op.RETURN:
        case Op.TAILCALL: {
          const op = getOp(ins);
          if (op === Op.RETURN0 || op === Op.RETURN1) {
            if (!(this.needClose || p.isVararg)) break;
            ins = (ins & ~0x7f) | Op.RETURN; // a full RETURN does the extra work
          }
          if (this.needClose) ins = setk(ins, 1);
          if (p.isVararg) ins = setC(ins, p.numParams + 1);
          code[i] = ins;
          break;
        }
        case Op.JMP:
          this.fixJump(i, finalTarget(code, i));
          break;
        default:
          break;
      }
    }
    p.code = Int32Array.from(code);
    p.lineinfo = Int32Array.from(this.lineinfo);
  }
}

/** Where a chain of jumps starting at `i` finally lands (at most 100 hops, as Lua). */
function finalTarget(code: number[], i: number): number {
  for (let count = 0; count < 100; count++) {
    const ins = code[i]!;
    if (getOp(ins) !== Op.JMP) break;
    i += getsJ(ins) + 1;
  }
  return i;
}

/** The key Lua's table would use for float key `x`: integral floats collapse to integers. */
function tableKeyOfFloat(x: number): unknown {
  if (Number.isInteger(x)) {
    if (Number.isSafeInteger(x)) return x;
    if (x >= -(2 ** 63) && x < 2 ** 63) return BigInt(x);
  }
  return x;
}

/** Type tag of a constant for the cache check (ints, floats, strings, booleans, nil apart). */
function constTag(v: LuaValue): number {
  switch (typeof v) {
    case 'undefined':
      return 0;
    case 'boolean':
      return v ? 1 : 2;
    case 'number':
      return Number.isInteger(v) ? 3 : 4;
    case 'bigint':
      return 3;
    case 'string':
      return 5;
  }
  return v instanceof LuaFloat ? 4 : 6;
}

/** Same type and raw-equal (floats compare by value: 0.0 and -0.0 are equal, as in Lua). */
function sameConstant(a: LuaValue, b: LuaValue): boolean {
  const ta = constTag(a);
  if (ta !== constTag(b)) return false;
  if (ta === 4) {
    const x = a instanceof LuaFloat ? a.n : (a as number);
    const y = b instanceof LuaFloat ? b.n : (b as number);
    return x === y;
  }
  return a === b;
}
