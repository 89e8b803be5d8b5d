// compile.ts — the syntax tree to Protos: the statement and expression rules of lparser.c,
// replayed over moonlet's AST in the order Lua's one-pass parser performs them, so that
// registers, constants, jumps and debug information come out as luac's.
//
// Lua emits code while it reads tokens and stamps every instruction with the line of the last
// token read (`ls->lastline`). The compiler keeps that line in `cs.lastLine` and sets it, at
// each point where Lua would emit, to the line of the token Lua would just have consumed, using
// the lines the AST records (an expression's last line, an operator's line, a block's end...).
// After `expr(node)` returns, `cs.lastLine` is `node.lastLine`, as after Lua's `expr()`.
//
// Invariants:
// - Between statements `freeReg == nvarstack()` (the statement rule resets it, as Lua's).
// - Variables are resolved by name against the active-variable stack, exactly as
//   singlevaraux does; the parser's LocalVar links agree with that by construction.
// Cf. lparser.c (statements, expressions, functions), lcode.c via codegen.ts.

import type * as AST from '../parser/ast.js';
import { Op, setBx, setC, MAXARG_Bx } from './opcodes.js';
import { Proto, VarKind } from './proto.js';
import { ExpDesc, ExpKind, NO_JUMP, isIndexed } from './expdesc.js';
import { CompileState, FuncState } from './func-state.js';
import {
  BinOpr,
  UnOpr,
  NOT_CONSTANT,
  LFIELDS_PER_FLUSH,
  dischargeVars,
  exp2anyreg,
  exp2anyregup,
  exp2const,
  exp2nextreg,
  exp2val,
  goIfFalse,
  goIfTrue,
  indexed,
  infix,
  loadInt,
  posfix,
  prefix,
  codeSelf,
  setList,
  setMultRet,
  setOneRet,
  setReturns,
  setTableSize,
  storeVar,
} from './codegen.js';

/** Compiles a parsed chunk into its main function's Proto. */
export function compile(chunk: AST.Chunk): Proto {
  return new Compiler(chunk.chunkName).mainFunc(chunk.main);
}

const BINOPR: Record<AST.BinaryOp, BinOpr> = {
  '+': BinOpr.ADD,
  '-': BinOpr.SUB,
  '*': BinOpr.MUL,
  '%': BinOpr.MOD,
  '^': BinOpr.POW,
  '/': BinOpr.DIV,
  '//': BinOpr.IDIV,
  '&': BinOpr.BAND,
  '|': BinOpr.BOR,
  '~': BinOpr.BXOR,
  '<<': BinOpr.SHL,
  '>>': BinOpr.SHR,
  '..': BinOpr.CONCAT,
  '==': BinOpr.EQ,
  '<': BinOpr.LT,
  '<=': BinOpr.LE,
  '~=': BinOpr.NE,
  '>': BinOpr.GT,
  '>=': BinOpr.GE,
  and: BinOpr.AND,
  or: BinOpr.OR,
};

const UNOPR: Record<AST.UnaryOp, UnOpr> = {
  '-': UnOpr.MINUS,
  '~': UnOpr.BNOT,
  not: UnOpr.NOT,
  '#': UnOpr.LEN,
};

// ============================================================================================
// Lines of tokens the AST does not record directly
// ============================================================================================

function last<T>(xs: readonly T[]): T {
  return xs[xs.length - 1]!;
}

/** Line of the last token of a statement. */
function statEndLine(s: AST.Stat): number {
  switch (s.kind) {
    case 'Local':
      return s.exprs.length > 0 ? last(s.exprs).lastLine : last(s.vars).line;
    case 'Assign':
      return last(s.exprs).lastLine;
    case 'Call':
      return s.call.lastLine;
    case 'Do':
    case 'While':
    case 'NumericFor':
    case 'GenericFor':
      return s.body.endLine;
    case 'Repeat':
      return s.cond.lastLine;
    case 'If':
      return (s.orelse ?? last(s.clauses).body).endLine;
    case 'Function':
    case 'LocalFunction':
      return s.func.body.closeLine;
    case 'Return':
      return s.exprs.length > 0 ? last(s.exprs).lastLine : s.line;
    case 'Break':
    case 'Goto':
    case 'Label':
      return s.line;
    default:
      return assertNever(s);
  }
}

/** Line of the last token before the end of a statement list (`openLine` if it is empty). */
function statsEndLine(stats: readonly AST.Stat[], openLine: number): number {
  return stats.length > 0 ? statEndLine(last(stats)) : openLine;
}

// ============================================================================================
// The compiler
// ============================================================================================

class Compiler {
  private readonly cs: CompileState;
  private fs!: FuncState;

  constructor(chunkName: string) {
    this.cs = new CompileState(chunkName);
  }

  private setLine(line: number): void {
    this.cs.lastLine = line;
  }

  // ------------------------------------------------------------------------------------------
  // Functions
  // ------------------------------------------------------------------------------------------

  /** The main function: vararg, with `_ENV` as its only upvalue (mainfunc). */
  mainFunc(main: AST.FunctionBody): Proto {
    const p = new Proto();
    const fs = new FuncState(this.cs, undefined, p);
    this.fs = fs;
    fs.enterBlock(false);
    p.isVararg = true;
    fs.codeABC(Op.VARARGPREP, 0, 0, 0); // Lua's lastline is still 1 here
    fs.allocUpvalue({ name: '_ENV', inStack: true, index: 0, kind: VarKind.Regular });
    this.statList(main.body.stats, false);
    this.setLine(main.closeLine);
    this.closeFunc();
    return p;
  }

  /** Final return, scope end and peephole pass of the current function (close_func). */
  private closeFunc(): void {
    const fs = this.fs;
    fs.ret(fs.nvarstack(), 0);
    fs.leaveBlock();
    fs.finish();
  }

  /** A function body; leaves its closure in the next register of the enclosing function. */
  private body(fb: AST.FunctionBody, v: ExpDesc): void {
    const parent = this.fs;
    const p = new Proto();
    parent.f.p.push(p);
    p.lineDefined = fb.line;
    p.lastLineDefined = fb.lastLine;
    const fs = new FuncState(this.cs, parent, p);
    this.fs = fs;
    fs.enterBlock(false);
    this.setLine(fb.line);
    for (const param of fb.params) fs.newLocalVar(param.name);
    fs.adjustLocalVars(fb.params.length);
    p.numParams = fs.nactvar;
    if (fb.isVararg) {
      p.isVararg = true;
      this.setLine(fb.varargLine ?? fb.line);
      fs.codeABC(Op.VARARGPREP, p.numParams, 0, 0);
    }
    fs.reserveRegs(fs.nactvar);
    this.statList(fb.body.stats, false);
    // `end` read: the closure is created in the parent, then the function is closed
    this.setLine(fb.closeLine);
    this.fs = parent;
    v.init(ExpKind.VRELOC, parent.codeABx(Op.CLOSURE, 0, parent.f.p.length - 1));
    exp2nextreg(parent, v);
    this.fs = fs;
    this.closeFunc();
    this.fs = parent;
  }

  // ------------------------------------------------------------------------------------------
  // Blocks and statements
  // ------------------------------------------------------------------------------------------

  /**
   * Statements of a block. `untilTerminated` is true for a repeat body, whose locals stay in
   * scope in the `until` condition (so a final label does not end their scope).
   */
  private statList(stats: readonly AST.Stat[], untilTerminated: boolean): void {
    for (let i = 0; i < stats.length; i++) {
      const s = stats[i]!;
      if (s.kind === 'Label') {
        // Lua reads the no-op statements after a label before creating it: a run of labels
        // is created from the last one back, all knowing whether the run ends the block.
        let j = i;
        while (j + 1 < stats.length && stats[j + 1]!.kind === 'Label') j++;
        const isLast = j === stats.length - 1 && !untilTerminated;
        for (let m = j; m >= i; m--) {
          this.labelStat(stats[m] as AST.LabelStat, isLast, stats[j]!.line);
          this.fs.freeReg = this.fs.nvarstack();
        }
        i = j;
        continue;
      }
      this.statement(s);
    }
  }

  /** `block -> statlist`, in its own scope; `openLine` is the line of the opening token. */
  private block(b: AST.Block, openLine: number): void {
    const fs = this.fs;
    fs.enterBlock(false);
    this.statList(b.stats, false);
    this.setLine(statsEndLine(b.stats, openLine));
    fs.leaveBlock();
  }

  private statement(s: AST.Stat): void {
    switch (s.kind) {
      case 'Local':
        this.localStat(s);
        break;
      case 'Assign':
        this.assignStat(s);
        break;
      case 'Call':
        this.callStat(s);
        break;
      case 'Do':
        // stat -> DO block END
        this.block(s.body, s.line);
        break;
      case 'While':
        this.whileStat(s);
        break;
      case 'Repeat':
        this.repeatStat(s);
        break;
      case 'If':
        this.ifStat(s);
        break;
      case 'NumericFor':
        this.forNum(s);
        break;
      case 'GenericFor':
        this.forList(s);
        break;
      case 'Function':
        this.funcStat(s);
        break;
      case 'LocalFunction':
        this.localFunc(s);
        break;
      case 'Return':
        this.retStat(s);
        break;
      case 'Break':
        // break is `goto break`
        this.setLine(s.line);
        this.fs.newGotoEntry('break', s.line, this.fs.jump());
        break;
      case 'Goto':
        this.gotoStat(s);
        break;
      case 'Label':
        this.labelStat(s, false, s.line);
        break;
      default:
        assertNever(s);
    }
    this.fs.freeReg = this.fs.nvarstack();
  }

  // localstat -> LOCAL NAME ATTRIB { ',' NAME ATTRIB } ['=' explist]
  private localStat(s: AST.LocalStat): void {
    const fs = this.fs;
    let toClose = -1;
    let vidx = 0;
    let nvars = 0;
    for (const lv of s.vars) {
      vidx = fs.newLocalVar(lv.name);
      const kind = lv.attrib === 'const' ? VarKind.Const : lv.attrib === 'close' ? VarKind.ToClose : VarKind.Regular;
      fs.getLocalVarDesc(vidx).kind = kind;
      if (kind === VarKind.ToClose) {
        if (toClose !== -1) this.cs.error('multiple to-be-closed variables in local list', lv.line);
        toClose = fs.nactvar + nvars;
      }
      nvars++;
    }
    const e = new ExpDesc();
    const nexps = this.explist(s.exprs, e);
    this.setLine(statEndLine(s));
    const vd = fs.getLocalVarDesc(vidx);
    const value = nvars === nexps && vd.kind === VarKind.Const ? exp2const(fs, e) : NOT_CONSTANT;
    if (value !== NOT_CONSTANT) {
      // the last variable is a compile-time constant: it gets no register
      vd.kind = VarKind.CompileTimeConst;
      vd.value = value;
      fs.adjustLocalVars(nvars - 1);
      fs.nactvar++;
    } else {
      this.adjustAssign(nvars, nexps, e);
      fs.adjustLocalVars(nvars);
    }
    if (toClose !== -1) {
      fs.markToBeClosed();
      fs.codeABC(Op.TBC, fs.regLevel(toClose), 0, 0);
    }
  }

  // localfunc -> LOCAL FUNCTION NAME body
  private localFunc(s: AST.LocalFunctionStat): void {
    const fs = this.fs;
    const fvar = fs.nactvar;
    fs.newLocalVar(s.variable.name);
    fs.adjustLocalVars(1); // the function can see itself
    this.body(s.func.body, new ExpDesc());
    // debug information sees the variable only once it holds the closure
    fs.localDebugInfo(fvar)!.startPc = fs.pc;
  }

  // funcstat -> FUNCTION funcname body
  private funcStat(s: AST.FunctionStat): void {
    const v = new ExpDesc();
    this.expr(s.target, v);
    const b = new ExpDesc();
    this.body(s.func.body, b);
    this.checkReadOnly(v, s.line);
    storeVar(this.fs, v, b);
    this.fs.fixLine(s.line); // the definition "happens" on the first line
  }

  // exprstat -> func
  private callStat(s: AST.CallStat): void {
    const v = new ExpDesc();
    this.expr(s.call, v);
    if (v.k !== ExpKind.VCALL) throw new Error('compiler bug: call statement is not a call');
    this.fs.code[v.info] = setC(this.fs.code[v.info]!, 1); // no results
  }

  // exprstat -> suffixedexp restassign;  restassign -> ',' suffixedexp restassign | '=' explist
  private assignStat(s: AST.AssignStat): void {
    const fs = this.fs;
    const lhs: ExpDesc[] = [];
    for (const target of s.targets) {
      const v = new ExpDesc();
      this.expr(target, v);
      if (lhs.length > 0 && !isIndexed(v.k)) this.checkConflict(lhs, v);
      this.checkReadOnly(v, target.line);
      lhs.push(v);
    }
    const e = new ExpDesc();
    const nexps = this.explist(s.exprs, e);
    const nvars = lhs.length;
    if (nexps !== nvars) {
      this.adjustAssign(nvars, nexps, e);
      e.init(ExpKind.VNONRELOC, fs.freeReg - 1);
      storeVar(fs, lhs[nvars - 1]!, e);
    } else {
      setOneRet(fs, e);
      storeVar(fs, lhs[nvars - 1]!, e);
    }
    // the remaining values are on the stack, the last one on top
    for (let i = nvars - 2; i >= 0; i--) {
      e.init(ExpKind.VNONRELOC, fs.freeReg - 1);
      storeVar(fs, lhs[i]!, e);
    }
  }

  /**
   * In a multiple assignment, a table or key register of an earlier target that is the
   * local (or upvalue) assigned now must be read from a copy made before any store.
   */
  private checkConflict(lhs: ExpDesc[], v: ExpDesc): void {
    const fs = this.fs;
    const extra = fs.freeReg;
    let conflict = false;
    for (const lh of lhs) {
      if (!isIndexed(lh.k)) continue;
      if (lh.k === ExpKind.VINDEXUP) {
        if (v.k === ExpKind.VUPVAL && lh.indT === v.info) {
          conflict = true;
          lh.k = ExpKind.VINDEXSTR;
          lh.indT = extra;
        }
      } else {
        if (v.k === ExpKind.VLOCAL && lh.indT === v.ridx) {
          conflict = true;
          lh.indT = extra;
        }
        if (lh.k === ExpKind.VINDEXED && v.k === ExpKind.VLOCAL && lh.indIdx === v.ridx) {
          conflict = true;
          lh.indIdx = extra;
        }
      }
    }
    if (conflict) {
      if (v.k === ExpKind.VLOCAL) fs.codeABC(Op.MOVE, extra, v.ridx, 0);
      else fs.codeABC(Op.GETUPVAL, extra, v.info, 0);
      fs.reserveRegs(1);
    }
  }

  private checkReadOnly(v: ExpDesc, line: number): void {
    const fs = this.fs;
    let name: string | undefined;
    switch (v.k) {
      case ExpKind.VCONST:
        name = this.cs.actvar[v.info]!.name;
        break;
      case ExpKind.VLOCAL: {
        const vd = fs.getLocalVarDesc(v.vidx);
        if (vd.kind !== VarKind.Regular) name = vd.name;
        break;
      }
      case ExpKind.VUPVAL: {
        const up = fs.f.upvalues[v.info]!;
        if (up.kind !== VarKind.Regular) name = up.name;
        break;
      }
      default:
        return;
    }
    if (name !== undefined) this.cs.error(`attempt to assign to const variable '${name}'`, line);
  }

  /** Adjusts `nexps` values (the last one in `e`) to `nvars` (adjust_assign). */
  private adjustAssign(nvars: number, nexps: number, e: ExpDesc): void {
    const fs = this.fs;
    const needed = nvars - nexps;
    if (e.hasMultRet()) {
      const extra = Math.max(needed + 1, 0);
      setReturns(fs, e, extra);
    } else {
      if (e.k !== ExpKind.VVOID) exp2nextreg(fs, e);
      if (needed > 0) fs.loadNil(fs.freeReg, needed);
    }
    if (needed > 0) fs.reserveRegs(needed);
    else fs.freeReg += needed; // drops the extra values
  }

  /** cond -> exp: falls through when true; returns the false exit list. */
  private cond(node: AST.Expr): number {
    const v = new ExpDesc();
    this.expr(node, v);
    if (v.k === ExpKind.VNIL) v.k = ExpKind.VFALSE; // all falses are equal here
    goIfTrue(this.fs, v);
    return v.f;
  }

  // whilestat -> WHILE cond DO block END
  private whileStat(s: AST.WhileStat): void {
    const fs = this.fs;
    const whileInit = fs.getLabel();
    const condExit = this.cond(s.cond);
    fs.enterBlock(true);
    const doLine = s.cond.lastLine;
    this.block(s.body, doLine);
    this.setLine(statsEndLine(s.body.stats, doLine));
    fs.jumpTo(whileInit);
    this.setLine(s.body.endLine);
    fs.leaveBlock();
    fs.patchToHere(condExit);
  }

  // repeatstat -> REPEAT block UNTIL cond
  private repeatStat(s: AST.RepeatStat): void {
    const fs = this.fs;
    const repeatInit = fs.getLabel();
    fs.enterBlock(true); // loop block
    const scope = fs.enterBlock(false); // scope block: the condition sees its locals
    this.statList(s.body.stats, true);
    this.setLine(s.body.endLine);
    let condExit = this.cond(s.cond);
    fs.leaveBlock();
    if (scope.upval) {
      // the repetition must close the upvalues; the normal exit jumps over that
      const exit = fs.jump();
      fs.patchToHere(condExit);
      fs.codeABC(Op.CLOSE, fs.regLevel(scope.nactvar), 0, 0);
      condExit = fs.jump();
      fs.patchToHere(exit);
    }
    fs.patchList(condExit, repeatInit);
    fs.leaveBlock();
  }

  /** exp1: an expression into the next register. */
  private exp1(node: AST.Expr): void {
    const e = new ExpDesc();
    this.expr(node, e);
    exp2nextreg(this.fs, e);
  }

  private fixForJump(pc: number, dest: number, back: boolean): void {
    const fs = this.fs;
    let offset = dest - (pc + 1);
    if (back) offset = -offset;
    if (offset > MAXARG_Bx) this.cs.error('control structure too long');
    fs.code[pc] = setBx(fs.code[pc]!, offset);
  }

  // forbody -> DO block
  private forBody(base: number, line: number, nvars: number, isGen: boolean, body: AST.Block, doLine: number): void {
    const fs = this.fs;
    this.setLine(doLine);
    const prep = fs.codeABx(isGen ? Op.TFORPREP : Op.FORPREP, base, 0);
    fs.enterBlock(false); // scope of the declared variables
    fs.adjustLocalVars(nvars);
    fs.reserveRegs(nvars);
    this.block(body, doLine);
    this.setLine(statsEndLine(body.stats, doLine));
    fs.leaveBlock();
    this.fixForJump(prep, fs.getLabel(), false);
    if (isGen) {
      fs.codeABC(Op.TFORCALL, base, 0, nvars);
      fs.fixLine(line);
    }
    const endFor = fs.codeABx(isGen ? Op.TFORLOOP : Op.FORLOOP, base, 0);
    this.fixForJump(endFor, prep + 1, true);
    fs.fixLine(line);
  }

  // fornum -> NAME = exp,exp[,exp] forbody
  private forNum(s: AST.NumericForStat): void {
    const fs = this.fs;
    fs.enterBlock(true); // scope of the loop and its control variables
    const base = fs.freeReg;
    fs.newLocalVar('(for state)');
    fs.newLocalVar('(for state)');
    fs.newLocalVar('(for state)');
    fs.newLocalVar(s.variable.name);
    this.exp1(s.start);
    this.exp1(s.limit);
    if (s.step) this.exp1(s.step);
    else {
      loadInt(fs, fs.freeReg, 1);
      fs.reserveRegs(1);
    }
    fs.adjustLocalVars(3);
    this.forBody(base, s.line, 1, false, s.body, s.doLine);
    this.setLine(s.body.endLine);
    fs.leaveBlock();
  }

  // forlist -> NAME {,NAME} IN explist forbody
  private forList(s: AST.GenericForStat): void {
    const fs = this.fs;
    fs.enterBlock(true);
    const base = fs.freeReg;
    // generator, state, control, closing value, then the declared variables
    for (let i = 0; i < 4; i++) fs.newLocalVar('(for state)');
    for (const v of s.variables) fs.newLocalVar(v.name);
    const e = new ExpDesc();
    const nexps = this.explist(s.exprs, e);
    this.setLine(last(s.exprs).lastLine);
    this.adjustAssign(4, nexps, e);
    fs.adjustLocalVars(4);
    fs.markToBeClosed(); // the last control variable must be closed
    fs.checkStack(3); // room to call the generator
    this.forBody(base, s.exprLine, s.variables.length, true, s.body, s.doLine);
    this.setLine(s.body.endLine);
    fs.leaveBlock();
  }

  // ifstat -> IF cond THEN block {ELSEIF cond THEN block} [ELSE block] END
  private ifStat(s: AST.IfStat): void {
    const fs = this.fs;
    let escapeList = NO_JUMP;
    const n = s.clauses.length;
    for (let i = 0; i < n; i++) {
      const followed = i < n - 1 || s.orelse !== undefined;
      escapeList = this.testThenBlock(s.clauses[i]!, escapeList, followed);
    }
    if (s.orelse) this.block(s.orelse, last(s.clauses).body.endLine);
    this.setLine((s.orelse ?? last(s.clauses).body).endLine);
    fs.patchToHere(escapeList);
  }

  // test_then_block -> [IF | ELSEIF] cond THEN block
  private testThenBlock(
    clause: AST.IfClause,
    escapeList: number,
    followedByElse: boolean,
  ): number {
    const fs = this.fs;
    const v = new ExpDesc();
    this.expr(clause.cond, v);
    const thenLn = clause.thenLine;
    this.setLine(thenLn);
    const stats = clause.body.stats;
    let jf: number;
    let rest: readonly AST.Stat[];
    const first = stats[0];
    if (first !== undefined && first.kind === 'Break') {
      // 'if x then break': jump out of the loop when x is true
      goIfFalse(fs, v);
      this.setLine(first.line);
      fs.enterBlock(false);
      fs.newGotoEntry('break', first.line, v.t);
      if (stats.length === 1) {
        fs.leaveBlock();
        return escapeList;
      }
      jf = fs.jump(); // skip the rest of the 'then' part when x is false
      rest = stats.slice(1);
    } else {
      goIfTrue(fs, v);
      fs.enterBlock(false);
      jf = v.f;
      rest = stats;
    }
    this.statList(rest, false);
    this.setLine(statsEndLine(stats, thenLn));
    fs.leaveBlock();
    if (followedByElse) escapeList = fs.concat(escapeList, fs.jump());
    fs.patchToHere(jf);
    return escapeList;
  }

  // retstat -> RETURN [explist] [';']
  private retStat(s: AST.ReturnStat): void {
    const fs = this.fs;
    let first = fs.nvarstack();
    let nret: number;
    if (s.exprs.length === 0) {
      this.setLine(s.line);
      nret = 0;
    } else {
      const e = new ExpDesc();
      nret = this.explist(s.exprs, e);
      if (e.hasMultRet()) {
        setMultRet(fs, e);
        if (e.k === ExpKind.VCALL && nret === 1 && !fs.bl!.insideTbc) {
          fs.code[e.info] = (fs.code[e.info]! & ~0x7f) | Op.TAILCALL;
        }
        nret = -1;
      } else if (nret === 1) {
        first = exp2anyreg(fs, e); // can return straight from the original register
      } else {
        exp2nextreg(fs, e);
      }
    }
    fs.ret(first, nret);
  }

  private gotoStat(s: AST.GotoStat): void {
    const fs = this.fs;
    this.setLine(s.line);
    const lb = fs.findLabel(s.label);
    if (lb === undefined) {
      fs.newGotoEntry(s.label, s.line, fs.jump()); // forward: resolved by the label
    } else {
      // backward: close the variables declared after the label
      const lbLevel = fs.regLevel(lb.nactvar);
      if (fs.nvarstack() > lbLevel) fs.codeABC(Op.CLOSE, lbLevel, 0, 0);
      fs.patchList(fs.jump(), lb.pc);
    }
  }

  // label -> '::' NAME '::'
  private labelStat(s: AST.LabelStat, isLast: boolean, line: number): void {
    const fs = this.fs;
    const existing = fs.findLabel(s.name);
    if (existing !== undefined) this.cs.error(`label '${s.name}' already defined on line ${existing.line}`, s.line);
    this.setLine(line);
    fs.createLabel(s.name, s.line, isLast);
  }

  // ------------------------------------------------------------------------------------------
  // Expressions
  // ------------------------------------------------------------------------------------------

  /** explist -> expr { ',' expr }: all but the last go to registers; returns the count. */
  private explist(exprs: readonly AST.Expr[], v: ExpDesc): number {
    if (exprs.length === 0) {
      v.init(ExpKind.VVOID, 0);
      return 0;
    }
    this.expr(exprs[0]!, v);
    for (let i = 1; i < exprs.length; i++) {
      exp2nextreg(this.fs, v);
      this.expr(exprs[i]!, v);
    }
    return exprs.length;
  }

  /**
   * Compiles `node` into `v`, as far as Lua would before seeing what follows: a name or an
   * index stays a variable descriptor (the context reads it, or assigns to it).
   */
  private expr(node: AST.Expr, v: ExpDesc): void {
    const fs = this.fs;
    switch (node.kind) {
      case 'Nil':
        v.init(ExpKind.VNIL, 0);
        break;
      case 'True':
        v.init(ExpKind.VTRUE, 0);
        break;
      case 'False':
        v.init(ExpKind.VFALSE, 0);
        break;
      case 'Number':
        if (node.isFloat) {
          v.init(ExpKind.VKFLT, 0);
          v.nval = Number(node.value);
        } else {
          v.init(ExpKind.VKINT, 0);
          v.ival = node.value;
        }
        break;
      case 'String':
        v.initString(node.value);
        break;
      case 'Vararg':
        this.setLine(node.prevLine); // emitted before `...` is consumed
        v.init(ExpKind.VVARARG, fs.codeABC(Op.VARARG, 0, 0, 1));
        break;
      case 'Function':
        this.body(node.body, v);
        break;
      case 'Table':
        this.constructor_(node, v);
        break;
      case 'Binary': {
        const opr = BINOPR[node.op];
        this.expr(node.left, v);
        this.setLine(node.opLine);
        infix(fs, opr, v);
        const v2 = new ExpDesc();
        this.expr(node.right, v2);
        posfix(fs, opr, v, v2, node.opLine);
        break;
      }
      case 'Unary':
        this.expr(node.operand, v);
        prefix(fs, UNOPR[node.op], v, node.opLine);
        break;
      case 'Name':
        this.setLine(node.line);
        this.singleVar(node.name, v);
        break;
      case 'Index': {
        this.expr(node.object, v);
        exp2anyregup(fs, v);
        const key = new ExpDesc();
        this.expr(node.key, key);
        exp2val(fs, key);
        this.setLine(node.lastLine); // ']' read
        indexed(fs, v, key);
        break;
      }
      case 'Call':
        this.expr(node.callee, v);
        exp2nextreg(fs, v);
        this.funcArgs(node.args, v, node.callLine, node.lastLine);
        break;
      case 'MethodCall': {
        this.expr(node.object, v);
        this.setLine(node.nameLine);
        const key = new ExpDesc().initString(node.method);
        codeSelf(fs, v, key);
        this.funcArgs(node.args, v, node.callLine, node.lastLine);
        break;
      }
      case 'Paren':
        this.expr(node.expr, v);
        this.setLine(node.lastLine);
        dischargeVars(fs, v);
        break;
      default:
        assertNever(node);
    }
    this.setLine(node.lastLine);
  }

  /** A name: local, upvalue, compile-time constant or `_ENV.name` (singlevar). */
  private singleVar(name: string, v: ExpDesc): void {
    const fs = this.fs;
    FuncState.singleVarAux(fs, name, v, true);
    if (v.k !== ExpKind.VVOID) return;
    FuncState.singleVarAux(fs, '_ENV', v, true);
    if (v.k === ExpKind.VVOID) throw new Error('compiler bug: no _ENV in scope');
    exp2anyregup(fs, v); // _ENV could be a constant
    const key = new ExpDesc().initString(name);
    indexed(fs, v, key);
  }

  /** funcargs: the arguments and the CALL of the function in `f` (already in a register). */
  private funcArgs(args: readonly AST.Expr[], f: ExpDesc, callLine: number, lastLine: number): void {
    const fs = this.fs;
    const e = new ExpDesc();
    if (args.length === 0) e.init(ExpKind.VVOID, 0);
    else {
      this.explist(args, e);
      if (e.hasMultRet()) setMultRet(fs, e);
    }
    this.setLine(lastLine); // ')' (or the string/table argument) read
    const base = f.info;
    let nparams: number;
    if (e.hasMultRet()) nparams = -1; // open call
    else {
      if (e.k !== ExpKind.VVOID) exp2nextreg(fs, e);
      nparams = fs.freeReg - (base + 1);
    }
    f.init(ExpKind.VCALL, fs.codeABC(Op.CALL, base, nparams + 1, 2));
    fs.fixLine(callLine);
    fs.freeReg = base + 1; // the call leaves one result (unless changed later)
  }

  /** constructor -> '{' [ field { sep field } [sep] ] '}' */
  private constructor_(node: AST.TableExpr, t: ExpDesc): void {
    const fs = this.fs;
    this.setLine(node.prevLine); // emitted before `{` is consumed
    const pc = fs.codeABC(Op.NEWTABLE, 0, 0, 0);
    fs.emit(0); // room for the EXTRAARG
    let na = 0; // array items already stored
    let nh = 0; // record items
    let toStore = 0; // array items pending
    t.init(ExpKind.VNONRELOC, fs.freeReg);
    fs.reserveRegs(1);
    const v = new ExpDesc(); // last array item read
    v.init(ExpKind.VVOID, 0);
    let prevItemLine = node.line;
    for (const field of node.fields) {
      // closelistfield: the previous array item goes to its register, flushing every 50
      if (v.k !== ExpKind.VVOID) {
        this.setLine(prevItemLine);
        exp2nextreg(fs, v);
        v.k = ExpKind.VVOID;
        if (toStore === LFIELDS_PER_FLUSH) {
          setList(fs, t.info, na, toStore);
          na += toStore;
          toStore = 0;
        }
      }
      switch (field.kind) {
        case 'Positional':
          this.expr(field.value, v);
          toStore++;
          break;
        case 'Named':
        case 'Keyed':
          this.recField(field, t);
          nh++;
          break;
        default:
          assertNever(field);
      }
      prevItemLine = field.value.lastLine;
    }
    this.setLine(node.lastLine); // '}' read
    if (toStore !== 0) {
      if (v.hasMultRet()) {
        setMultRet(fs, v);
        setList(fs, t.info, na, -1);
        na--; // the open item is not counted
      } else {
        if (v.k !== ExpKind.VVOID) exp2nextreg(fs, v);
        setList(fs, t.info, na, toStore);
      }
      na += toStore;
    }
    setTableSize(fs, pc, t.info, na, nh);
  }

  /** recfield -> (NAME | '['exp']') = exp */
  private recField(field: Exclude<AST.TableField, { kind: 'Positional' }>, t: ExpDesc): void {
    const fs = this.fs;
    const reg = fs.freeReg;
    const key = new ExpDesc();
    if (field.kind === 'Named') {
      key.initString(field.name);
      this.setLine(field.line);
    } else {
      this.expr(field.key, key);
      exp2val(fs, key);
    }
    const tab = t.clone();
    indexed(fs, tab, key);
    const val = new ExpDesc();
    this.expr(field.value, val);
    storeVar(fs, tab, val);
    fs.freeReg = reg;
  }
}

function assertNever(x: never): never {
  throw new Error(`compiler bug: unexpected ${JSON.stringify(x)}`);
}
