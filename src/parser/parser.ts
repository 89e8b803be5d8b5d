// parser.ts — Lua 5.4 tokens to the AST of ast.ts, by recursive descent, with Lua's errors.
//
// One method per grammar rule, each headed by its rule; the vocabulary is peek (lookahead),
// next, check (is the current token X?), accept (consume X if present), expect (consume X or
// fail with "X expected") and expectMatch (the same, naming the opening token when it is on
// another line).
//
// Lua reports some semantic errors while it parses, so this parser resolves scopes in the same
// single pass and raises them at the same moment, with the same line: assignments to const and
// to-be-closed variables, bad attributes, goto/label errors (5.4's rules: a label at the end of
// its block is outside the scope of the block's locals, except before `until`), break outside a
// loop, the local-variable (200) and upvalue (255) limits, and nesting deeper than Lua's C stack
// (LUAI_MAXCCALLS). Each local, parameter, loop variable and `local function` is one LocalVar,
// shared by every Name that refers to it. A name finds its variable through the lexer's interned
// NameEntry, which holds the innermost variable of that name in scope (its binding): what Lua
// finds by scanning the active variables of each function, without the scan.
//
// Lines: Lua names in its messages the line its scanner has reached (`Lexer.line`), and a
// token's line is the line it ends on (a long string spanning lines 2-4 is on line 4). Nodes
// carry the line of their first token; the extra line fields mirror Lua's code generator.
// Cf. lparser.c.

import type * as A from './ast.js';
import { Lexer, type Binding, type NameEntry } from './lexer.js';
import { LuaSyntaxError } from './syntax-error.js';
import { Tok, tokenToString } from './tokens.js';

// ============================================================================================
// Limits
// ============================================================================================

/** Maximum number of local variables per function (lparser.c MAXVARS). */
const MAXVARS = 200;
/** Maximum number of upvalues per function (lfunc.h MAXUPVAL). */
const MAXUPVAL = 255;
/** Lua's limit of nested C calls, which its recursive parser also counts (llimits.h). */
const LUAI_MAXCCALLS = 200;
/**
 * C calls already active when `load` runs from a script's main chunk in the standalone
 * interpreter (lua.c's pmain and docall): with this base the nesting limits here are the ones
 * lua5.4 shows for `load(string.rep('(', 300))` in a script.
 */
const DEFAULT_C_CALLS = 2;

// ============================================================================================
// Operators
// ============================================================================================

/** Left and right binding priorities of binary operators, by token; 0 means not binary. */
const LEFT = new Uint8Array(512);
const RIGHT = new Uint8Array(512);
const BINARY: A.BinaryOp[] = [];
/** Priority of the operand of a unary operator. */
const UNARY_PRIORITY = 12;

function binary(tok: number, op: A.BinaryOp, left: number, right: number): void {
  LEFT[tok] = left;
  RIGHT[tok] = right;
  BINARY[tok] = op;
}
binary(43 /* + */, '+', 10, 10);
binary(45 /* - */, '-', 10, 10);
binary(42 /* * */, '*', 11, 11);
binary(37 /* % */, '%', 11, 11);
binary(94 /* ^ */, '^', 14, 13); // right associative
binary(47 /* / */, '/', 11, 11);
binary(Tok.Idiv, '//', 11, 11);
binary(38 /* & */, '&', 6, 6);
binary(124 /* | */, '|', 4, 4);
binary(126 /* ~ */, '~', 5, 5);
binary(Tok.Shl, '<<', 7, 7);
binary(Tok.Shr, '>>', 7, 7);
binary(Tok.Concat, '..', 9, 8); // right associative
binary(Tok.Eq, '==', 3, 3);
binary(Tok.Ne, '~=', 3, 3);
binary(60 /* < */, '<', 3, 3);
binary(Tok.Le, '<=', 3, 3);
binary(62 /* > */, '>', 3, 3);
binary(Tok.Ge, '>=', 3, 3);
binary(Tok.And, 'and', 2, 2);
binary(Tok.Or, 'or', 1, 1);

/** The AST's empty lists share one array (AST lists are read-only). */
const NO_EXPRS: readonly A.Expr[] = Object.freeze([]);

/** Unary operators by token. */
const UNARY: (A.UnaryOp | undefined)[] = [];
UNARY[Tok.Not] = 'not';
UNARY[45] = '-';
UNARY[126] = '~';
UNARY[35] = '#';

// ============================================================================================
// Scope bookkeeping (lparser.h Vardesc, Labeldesc, BlockCnt, FuncState)
// ============================================================================================

const enum VarKind {
  Regular,
  Const,
  Close,
  /** A const whose value is known at compile time: not a register, never an upvalue. */
  CompileTimeConst,
}

/** How a name resolved (Lua's expkind for variables). */
const enum Resolved {
  Global = -1,
  Local = 0,
  Upvalue = 1,
  Constant = 2,
}

/**
 * One declared variable of the functions being parsed (dyd->actvar). While in scope it is its
 * name's `binding`, hiding the variable it `shadows`: the innermost binding of a name is what
 * Lua's searchvar would find, function by function, so resolving a name costs no scan.
 */
interface VarDesc extends Binding {
  entry: NameEntry;
  kind: VarKind;
  /** Undefined for the loop's hidden "(for state)" variables. */
  local: A.LocalVar | undefined;
  /** The function that declares it. */
  fs: FuncState;
  shadowed: VarDesc | undefined;
  /**
   * The innermost function that has made it an upvalue (it may have closed since). Lua makes
   * it an upvalue of every function in between too, so those have it as well.
   */
  capturedBy: FuncState | undefined;
}

function bindingOf(entry: NameEntry): VarDesc | undefined {
  return entry.binding as VarDesc | undefined;
}

/** A label, or a pending goto (`break` is a goto to the label "break"). */
interface LabelDesc {
  readonly name: string;
  readonly line: number;
  /** Number of active locals where it appears (for gotos, updated as blocks close). */
  nactvar: number;
}

interface BlockCnt {
  readonly previous: BlockCnt | undefined;
  readonly firstLabel: number;
  readonly firstGoto: number;
  /** Active locals outside the block. */
  readonly nactvar: number;
  readonly isLoop: boolean;
}

class FuncState {
  isVararg = false;
  /** Number of active locals (declared and in scope). */
  nactvar = 0;
  bl: BlockCnt | undefined = undefined;
  /** Number of upvalues. */
  nups = 0;
  /** Whether it has an upvalue named _ENV. */
  hasEnv = false;
  /** Set once the whole function has been read. */
  closed = false;

  constructor(
    readonly prev: FuncState | undefined,
    readonly depth: number,
    /** Lua's linedefined: 0 for the main chunk. */
    readonly line: number,
    /** Index in the parser's `actvar` of this function's first variable. */
    readonly firstLocal: number,
    /** Index in the parser's `labels` of this function's first label. */
    readonly firstLabel: number,
  ) {}
}

/** A constant's value as Lua's constant folder sees it (enough to decide constness). */
type ConstValue = { readonly t: 'int'; readonly v: number | bigint } | { readonly t: 'flt'; readonly v: number } | { readonly t: 'other' };

// ============================================================================================
// Public API
// ============================================================================================

export interface ParseOptions {
  /**
   * Skip a UTF-8 byte-order mark and a first line starting with '#', as luaL_loadfile and the
   * standalone interpreter do (`load` does not).
   */
  readonly skipShebang?: boolean;
  /**
   * Lua's count of C calls active in the caller (L->nCcalls), which its parser's nesting limit
   * shares; 2 (the default) is what a script's main chunk has in the lua5.4 interpreter.
   */
  readonly cCalls?: number;
}

/**
 * Parses a chunk given as a byte string (one char per byte, 0..255), as the VM's `load` does.
 * Throws LuaSyntaxError with lua5.4's message (a byte string) on any error `load` reports.
 */
export function parseChunk(bytes: string, chunkName: string, options?: ParseOptions): A.Chunk {
  let src = bytes;
  let start = 0;
  if (options?.skipShebang) {
    if (src.startsWith('\xEF\xBB\xBF')) start = 3;
    if (src.charCodeAt(start) === 35 /* # */) {
      // The first line goes, its line break stays so that line numbers do not change.
      const nl = src.indexOf('\n', start);
      if (nl >= 0) start = nl;
      else {
        src = '\n';
        start = 0;
      }
    }
  }
  const parser = new Parser(new Lexer(src, chunkName, start), options?.cCalls ?? DEFAULT_C_CALLS);
  return parser.mainFunc();
}

/**
 * Parses Lua source: a JS string (encoded as UTF-8 first) or bytes. String literals in the AST
 * are byte strings. On error throws LuaSyntaxError whose message is what lua5.4's
 * `load(source, chunkName)` returns (decoded from UTF-8 when the source was a JS string).
 * Like `load`, it reads a first line starting with '#' as code; pass `{ skipShebang: true }`
 * to read a file as `loadfile` does.
 */
export function parse(source: string | Uint8Array, chunkName = '=?', options?: ParseOptions): A.Chunk {
  const isString = typeof source === 'string';
  const bytes = isString ? encodeUtf8(source) : bytesToString(source);
  const name = encodeUtf8(chunkName);
  try {
    return parseChunk(bytes, name, options);
  } catch (e) {
    if (isString && e instanceof LuaSyntaxError && !isAscii(e.message)) {
      throw new LuaSyntaxError(decodeUtf8(e.message), chunkName, e.line, decodeUtf8(e.reason));
    }
    throw e;
  }
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

/** A JS string as a byte string of its UTF-8 encoding (ASCII is returned as it is). */
function encodeUtf8(s: string): string {
  return isAscii(s) ? s : bytesToString(new TextEncoder().encode(s));
}

/** Bytes as a byte string. (Joined, not concatenated: the lexer reads a flat string faster.) */
function bytesToString(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 8192) {
    parts.push(String.fromCharCode.apply(null, bytes.subarray(i, i + 8192) as unknown as number[]));
  }
  return parts.join('');
}

function decodeUtf8(s: string): string {
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return new TextDecoder().decode(bytes);
}

// ============================================================================================
// The parser
// ============================================================================================

class Parser {
  private readonly lx: Lexer;
  private fs!: FuncState;
  /**
   * Variables declared in all functions being parsed, innermost last (dyd->actvar): the first
   * `nvars` entries. Entries past those are left for reuse (a variable out of scope is no
   * one's binding any more).
   */
  private readonly actvar: VarDesc[] = [];
  private nvars = 0;
  /** Active labels (dyd->label). */
  private readonly labels: LabelDesc[] = [];
  /** Pending gotos (dyd->gt). */
  private readonly gotos: LabelDesc[] = [];
  private readonly envEntry: NameEntry;
  private readonly selfEntry: NameEntry;
  private readonly forStateEntry: NameEntry;
  /** Compile-time constants, so that references to them resolve to no upvalue. */
  private readonly constants = new Map<A.LocalVar, ConstValue>();
  /** Nesting depth as Lua's C stack counts it. */
  private level = 0;
  private readonly maxLevel: number;
  // Where the last resolution found its variable (out-parameters of resolve).
  private found: A.LocalVar | undefined = undefined;
  private foundKind: VarKind = VarKind.Regular;

  constructor(lx: Lexer, cCalls: number) {
    this.lx = lx;
    this.maxLevel = LUAI_MAXCCALLS - cCalls;
    this.envEntry = lx.intern('_ENV');
    this.selfEntry = lx.intern('self');
    this.forStateEntry = lx.intern('(for state)');
  }

  // ==========================================================================================
  // Vocabulary
  // ==========================================================================================

  /** The token after the current one (luaX_lookahead). */
  private peek(): number {
    return this.lx.lookahead();
  }

  private next(): void {
    this.lx.next();
  }

  private check(tok: number): boolean {
    return this.lx.tok === tok;
  }

  private accept(tok: number): boolean {
    if (this.lx.tok !== tok) return false;
    this.lx.next();
    return true;
  }

  private expect(tok: number): void {
    if (this.lx.tok !== tok) this.errorExpected(tok);
    this.lx.next();
  }

  /** Expects `what` closing `who` opened at `line` (check_match). */
  private expectMatch(what: number, who: number, line: number): void {
    if (this.lx.tok === what) {
      this.lx.next();
      return;
    }
    if (line === this.lx.line) this.errorExpected(what);
    throw this.lx.errorNearToken(
      `${tokenToString(what)} expected (to close ${tokenToString(who)} at line ${line})`,
    );
  }

  /** Expects a name and returns it (str_checkname). */
  private checkName(): string {
    return this.checkNameEntry().name;
  }

  /** Expects a name and returns its interned entry. */
  private checkNameEntry(): NameEntry {
    const lx = this.lx;
    if (lx.tok !== Tok.Name) this.errorExpected(Tok.Name);
    const entry = lx.entry!;
    this.next();
    return entry;
  }

  private errorExpected(tok: number): never {
    throw this.lx.errorNearToken(`${tokenToString(tok)} expected`);
  }

  /** A syntax error near the current token (luaX_syntaxerror). */
  private syntaxError(msg: string): never {
    throw this.lx.errorNearToken(msg);
  }

  /** A semantic error: no "near" part (luaK_semerror). */
  private semError(msg: string): never {
    throw this.lx.errorNoToken(msg);
  }

  private enterLevel(): void {
    if (++this.level >= this.maxLevel) {
      // Lua raises this as a runtime error of `load` itself: no position, no token.
      throw new LuaSyntaxError('C stack overflow', this.lx.chunkName, this.lx.line, 'C stack overflow');
    }
  }

  /** "too many <what>" for function `fs` (errorlimit). */
  private errorLimit(fs: FuncState, limit: number, what: string): never {
    const line = fs.line;
    const where = line === 0 ? 'main function' : `function at line ${line}`;
    this.syntaxError(`too many ${what} (limit is ${limit}) in ${where}`);
  }

  // ==========================================================================================
  // Variables and scopes
  // ==========================================================================================

  /** Declares a variable, not yet in scope; returns its index in `actvar` (new_localvar). */
  private newVar(entry: NameEntry): number {
    const fs = this.fs;
    const n = this.nvars;
    if (n + 1 - fs.firstLocal > MAXVARS) this.errorLimit(fs, MAXVARS, 'local variables');
    const vd = this.actvar[n];
    if (vd === undefined) {
      this.actvar.push({ entry, kind: VarKind.Regular, local: undefined, fs, shadowed: undefined, capturedBy: undefined });
    } else {
      vd.entry = entry;
      vd.kind = VarKind.Regular;
      vd.local = undefined;
      vd.fs = fs;
      vd.shadowed = undefined;
      vd.capturedBy = undefined;
    }
    this.nvars = n + 1;
    return n;
  }

  /** Declares a named variable with its LocalVar. */
  private newLocal(entry: NameEntry, attrib: A.LocalAttrib, line: number): A.LocalVar {
    const index = this.newVar(entry);
    return this.setLocal(index, attrib, line);
  }

  private setLocal(index: number, attrib: A.LocalAttrib, line: number): A.LocalVar {
    const vd = this.actvar[index]!;
    const local: A.LocalVar = { name: vd.entry.name, attrib, depth: this.fs.depth, line };
    vd.local = local;
    vd.kind = attrib === 'const' ? VarKind.Const : attrib === 'close' ? VarKind.Close : VarKind.Regular;
    return local;
  }

  /** Brings the last `n` declared variables into scope (adjustlocalvars). */
  private adjustLocalVars(n: number): void {
    const fs = this.fs;
    const actvar = this.actvar;
    for (let i = fs.firstLocal + fs.nactvar, end = i + n; i < end; i++) {
      const vd = actvar[i]!;
      vd.shadowed = bindingOf(vd.entry);
      vd.entry.binding = vd;
    }
    fs.nactvar += n;
  }

  /** Ends the scope of variables down to `toLevel` (removevars). */
  private removeVars(toLevel: number): void {
    const fs = this.fs;
    const actvar = this.actvar;
    for (let i = fs.firstLocal + fs.nactvar - 1, end = fs.firstLocal + toLevel; i >= end; i--) {
      const vd = actvar[i]!;
      vd.entry.binding = vd.shadowed;
    }
    this.nvars -= fs.nactvar - toLevel;
    fs.nactvar = toLevel;
  }

  /**
   * Resolves a name from the current function as Lua's singlevaraux does, creating upvalues in
   * every function between its variable's and this one. Sets `found` and `foundKind`.
   */
  private resolve(entry: NameEntry): Resolved {
    // The innermost binding is the variable Lua's search finds: any variable of this function
    // with the name was declared after those of the functions around it.
    const vd = bindingOf(entry);
    if (vd === undefined) return Resolved.Global;
    this.found = vd.local;
    this.foundKind = vd.kind;
    const fs = this.fs;
    if (vd.fs === fs) return vd.kind === VarKind.CompileTimeConst ? Resolved.Constant : Resolved.Local;
    if (vd.kind === VarKind.CompileTimeConst) return Resolved.Constant; // never an upvalue
    // The functions that already have it as an upvalue: those down to the innermost one still
    // open among those that made it one.
    let c = vd.capturedBy;
    while (c !== undefined && c.closed) c = c.prev;
    const have = c === undefined ? vd.fs.depth : c.depth;
    if (have < fs.depth) {
      this.addUpvalue(fs, have, entry === this.envEntry);
      vd.capturedBy = fs;
    }
    return Resolved.Upvalue;
  }

  /**
   * Adds an upvalue to `fs` and the functions around it deeper than `depth`, outermost first,
   * as Lua's recursion does (so that the first function over the limit is the one named).
   */
  private addUpvalue(fs: FuncState, depth: number, isEnv: boolean): void {
    if (fs.prev!.depth > depth) this.addUpvalue(fs.prev!, depth, isEnv);
    if (fs.nups + 1 > MAXUPVAL) this.errorLimit(fs, MAXUPVAL, 'upvalues');
    fs.nups++;
    if (isEnv) fs.hasEnv = true;
  }

  /**
   * Makes the chunk's _ENV an upvalue of `fs` and the functions around it, for a global when
   * no local named _ENV is in scope (Lua's singlevaraux for "_ENV" then finds only upvalues).
   */
  private envWithoutLocals(fs: FuncState): void {
    if (fs.hasEnv) return;
    this.envWithoutLocals(fs.prev!);
    if (fs.nups + 1 > MAXUPVAL) this.errorLimit(fs, MAXUPVAL, 'upvalues');
    fs.nups++;
    fs.hasEnv = true;
  }

  private enterBlock(isLoop: boolean): void {
    const fs = this.fs;
    fs.bl = {
      previous: fs.bl,
      firstLabel: this.labels.length,
      firstGoto: this.gotos.length,
      nactvar: fs.nactvar,
      isLoop,
    };
  }

  private leaveBlock(): void {
    const fs = this.fs;
    const bl = fs.bl!;
    this.removeVars(bl.nactvar);
    if (bl.isLoop) this.solveBreaks(bl.firstGoto);
    if (this.labels.length !== bl.firstLabel) this.labels.length = bl.firstLabel;
    fs.bl = bl.previous;
    const gotos = this.gotos;
    if (bl.previous) {
      // Pending gotos now leave from the enclosing block.
      for (let i = bl.firstGoto; i < gotos.length; i++) gotos[i]!.nactvar = bl.nactvar;
    } else if (bl.firstGoto < gotos.length) {
      this.undefGoto(gotos[bl.firstGoto]!);
    }
  }

  /**
   * Resolves the pending breaks of a loop block that is closing: Lua's `createlabel("break")`
   * there, which cannot fail (a break never jumps into a scope), done without the label.
   */
  private solveBreaks(firstGoto: number): void {
    const gotos = this.gotos;
    let j = firstGoto;
    for (let i = firstGoto; i < gotos.length; i++) {
      const gt = gotos[i]!;
      if (gt.name !== 'break') gotos[j++] = gt;
    }
    gotos.length = j;
  }

  private undefGoto(gt: LabelDesc): never {
    if (gt.name === 'break') this.semError(`break outside loop at line ${gt.line}`);
    this.semError(`no visible label '${gt.name}' for <goto> at line ${gt.line}`);
  }

  /** A visible label of the current function named `name` (findlabel). */
  private findLabel(name: string): LabelDesc | undefined {
    const labels = this.labels;
    for (let i = this.fs.firstLabel; i < labels.length; i++) {
      if (labels[i]!.name === name) return labels[i];
    }
    return undefined;
  }

  /**
   * Creates a label and solves the pending gotos of the current block that jump to it. A label
   * that is the last statement of its block (`last`) sits outside the block's locals
   * (createlabel).
   */
  private createLabel(name: string, line: number, last: boolean): void {
    const fs = this.fs;
    const label: LabelDesc = { name, line, nactvar: last ? fs.bl!.nactvar : fs.nactvar };
    this.labels.push(label);
    const gotos = this.gotos;
    let i = fs.bl!.firstGoto;
    while (i < gotos.length) {
      const gt = gotos[i]!;
      if (gt.name === name) {
        if (gt.nactvar < label.nactvar) {
          const varname = this.actvar[fs.firstLocal + gt.nactvar]!.entry.name;
          this.semError(`<goto ${gt.name}> at line ${gt.line} jumps into the scope of local '${varname}'`);
        }
        gotos.splice(i, 1);
      } else i++;
    }
  }

  private newGoto(name: string, line: number): void {
    this.gotos.push({ name, line, nactvar: this.fs.nactvar });
  }

  // ==========================================================================================
  // Functions and blocks
  // ==========================================================================================

  // mainfunc -> statlist EOS  (a vararg function whose one upvalue is _ENV)
  mainFunc(): A.Chunk {
    const lx = this.lx;
    const fs = new FuncState(undefined, 0, 0, 0, 0);
    fs.isVararg = true;
    fs.nups = 1; // _ENV
    fs.hasEnv = true;
    this.fs = fs;
    this.enterBlock(false);
    this.next();
    const stats: A.Stat[] = [];
    this.statList(stats);
    const endLine = lx.line;
    if (!this.check(Tok.Eos)) this.errorExpected(Tok.Eos);
    const closeLine = lx.lastLine;
    this.leaveBlock();
    const main: A.FunctionBody = {
      line: 0,
      lastLine: 0,
      closeLine,
      params: [],
      isVararg: true,
      isMethod: false,
      body: { stats, endLine },
      depth: 0,
      varargLine: 1, // Lua emits the main chunk's VARARGPREP before reading any token
    };
    return { chunkName: lx.chunkName, main };
  }

  // body -> '(' parlist ')' block END
  private body(isMethod: boolean, line: number): A.FunctionBody {
    const lx = this.lx;
    const parent = this.fs;
    const fs = new FuncState(parent, parent.depth + 1, line, this.nvars, this.labels.length);
    this.fs = fs;
    this.enterBlock(false);
    this.expect(40 /* ( */);
    const params: A.LocalVar[] = [];
    if (isMethod) {
      params.push(this.newLocal(this.selfEntry, undefined, line));
      this.adjustLocalVars(1);
    }
    const varargLine = this.parList(params);
    this.expect(41 /* ) */);
    const stats: A.Stat[] = [];
    this.statList(stats);
    const endLine = lx.line;
    const lastLine = lx.line;
    this.expectMatch(Tok.End, Tok.Function, line);
    const closeLine = lx.lastLine;
    this.leaveBlock();
    fs.closed = true;
    this.fs = parent;
    return {
      line,
      lastLine,
      closeLine,
      params,
      isVararg: fs.isVararg,
      isMethod,
      body: { stats, endLine },
      depth: fs.depth,
      varargLine,
    };
  }

  // parlist -> [ {NAME ','} (NAME | '...') ]
  private parList(params: A.LocalVar[]): number | undefined {
    const lx = this.lx;
    let nparams = 0;
    let varargLine: number | undefined;
    if (lx.tok !== 41 /* ) */) {
      do {
        if (lx.tok === Tok.Name) {
          const line = lx.tokLine;
          const name = this.checkNameEntry();
          params.push(this.newLocal(name, undefined, line));
          nparams++;
        } else if (lx.tok === Tok.Dots) {
          this.next();
          varargLine = lx.lastLine;
          this.fs.isVararg = true;
        } else {
          this.syntaxError("<name> or '...' expected");
        }
      } while (!this.fs.isVararg && this.accept(44 /* , */));
    }
    this.adjustLocalVars(nparams);
    return varargLine;
  }

  // block -> statlist
  private block(): A.Block {
    this.enterBlock(false);
    const stats: A.Stat[] = [];
    this.statList(stats);
    const endLine = this.lx.line;
    this.leaveBlock();
    return { stats, endLine };
  }

  /** True when the current token ends a block (block_follow). */
  private blockFollow(withUntil: boolean): boolean {
    switch (this.lx.tok) {
      case Tok.Else:
      case Tok.Elseif:
      case Tok.End:
      case Tok.Eos:
        return true;
      case Tok.Until:
        return withUntil;
      default:
        return false;
    }
  }

  // statlist -> { stat [';'] }
  private statList(out: A.Stat[]): void {
    while (!this.blockFollow(true)) {
      if (this.lx.tok === Tok.Return) {
        this.statement(out);
        return; // 'return' must be the last statement
      }
      this.statement(out);
    }
  }

  // ==========================================================================================
  // Statements
  // ==========================================================================================

  // stat -> ';' | ifstat | whilestat | DO block END | forstat | repeatstat | funcstat |
  //         localstat | LOCAL FUNCTION localfunc | label | retstat | breakstat | gotostat |
  //         exprstat
  private statement(out: A.Stat[]): void {
    const lx = this.lx;
    const line = lx.line;
    this.enterLevel();
    switch (lx.tok) {
      case 59 /* ; */:
        this.next();
        break;
      case Tok.If:
        out.push(this.ifStat(line));
        break;
      case Tok.While:
        out.push(this.whileStat(line));
        break;
      case Tok.Do: {
        this.next();
        const body = this.block();
        this.expectMatch(Tok.End, Tok.Do, line);
        out.push({ kind: 'Do', line, body });
        break;
      }
      case Tok.For:
        out.push(this.forStat(line));
        break;
      case Tok.Repeat:
        out.push(this.repeatStat(line));
        break;
      case Tok.Function:
        out.push(this.funcStat(line));
        break;
      case Tok.Local:
        this.next();
        if (this.accept(Tok.Function)) out.push(this.localFunc(line));
        else out.push(this.localStat(line));
        break;
      case Tok.DbColon:
        this.next();
        this.labelStat(this.checkName(), line, out);
        break;
      case Tok.Return:
        this.next();
        out.push(this.retStat(line));
        break;
      case Tok.Break:
        out.push(this.breakStat(line));
        break;
      case Tok.Goto:
        this.next();
        out.push(this.gotoStat(line));
        break;
      default:
        out.push(this.exprStat(line));
        break;
    }
    this.level--;
  }

  // ifstat -> IF cond THEN block {ELSEIF cond THEN block} [ELSE block] END
  private ifStat(line: number): A.IfStat {
    const clauses = [this.testThenBlock()];
    while (this.lx.tok === Tok.Elseif) clauses.push(this.testThenBlock());
    const orelse = this.accept(Tok.Else) ? this.block() : undefined;
    this.expectMatch(Tok.End, Tok.If, line);
    return { kind: 'If', line, clauses, orelse };
  }

  // test_then_block -> [IF | ELSEIF] cond THEN block
  private testThenBlock(): A.IfClause {
    const lx = this.lx;
    const line = lx.line;
    this.next();
    const cond = this.expr();
    this.expect(Tok.Then);
    const thenLine = lx.lastLine;
    const stats: A.Stat[] = [];
    if (lx.tok === Tok.Break) {
      // 'if c then break': Lua reads the break here, not as a statement (it counts no level).
      const breakLine = lx.line;
      this.next();
      this.enterBlock(false);
      this.newGoto('break', breakLine);
      stats.push({ kind: 'Break', line: breakLine });
      while (this.accept(59 /* ; */));
      if (this.blockFollow(false)) {
        const endLine = lx.line;
        this.leaveBlock();
        return { cond, body: { stats, endLine }, line, thenLine };
      }
    } else {
      this.enterBlock(false);
    }
    this.statList(stats);
    const endLine = lx.line;
    this.leaveBlock();
    return { cond, body: { stats, endLine }, line, thenLine };
  }

  // whilestat -> WHILE cond DO block END
  private whileStat(line: number): A.WhileStat {
    this.lx.next();
    const cond = this.expr();
    this.enterBlock(true);
    this.expect(Tok.Do);
    const body = this.block();
    this.expectMatch(Tok.End, Tok.While, line);
    this.leaveBlock();
    return { kind: 'While', line, cond, body };
  }

  // repeatstat -> REPEAT block UNTIL cond
  private repeatStat(line: number): A.RepeatStat {
    const lx = this.lx;
    this.enterBlock(true); // the loop
    this.enterBlock(false); // the scope, which the condition still sees
    this.next();
    const stats: A.Stat[] = [];
    this.statList(stats);
    const endLine = lx.line;
    this.expectMatch(Tok.Until, Tok.Repeat, line);
    const cond = this.expr();
    this.leaveBlock();
    this.leaveBlock();
    return { kind: 'Repeat', line, body: { stats, endLine }, cond };
  }

  // forstat -> FOR (fornum | forlist) END
  private forStat(line: number): A.NumericForStat | A.GenericForStat {
    const lx = this.lx;
    this.enterBlock(true);
    this.next();
    const varLine = lx.tokLine;
    const name = this.checkNameEntry();
    let stat: A.NumericForStat | A.GenericForStat;
    switch (lx.tok) {
      case 61 /* = */:
        stat = this.forNum(name, varLine, line);
        break;
      case 44 /* , */:
      case Tok.In:
        stat = this.forList(name, varLine, line);
        break;
      default:
        this.syntaxError("'=' or 'in' expected");
    }
    this.expectMatch(Tok.End, Tok.For, line);
    this.leaveBlock();
    return stat;
  }

  // fornum -> NAME = exp ',' exp [',' exp] forbody
  private forNum(name: NameEntry, varLine: number, line: number): A.NumericForStat {
    this.newVar(this.forStateEntry);
    this.newVar(this.forStateEntry);
    this.newVar(this.forStateEntry);
    const variable = this.newLocal(name, undefined, varLine);
    this.expect(61 /* = */);
    const start = this.expr();
    this.expect(44 /* , */);
    const limit = this.expr();
    const step = this.accept(44 /* , */) ? this.expr() : undefined;
    this.adjustLocalVars(3);
    const doLine = this.lx.line;
    const body = this.forBody(1);
    return { kind: 'NumericFor', line, variable, start, limit, step, body, doLine };
  }

  // forlist -> NAME {',' NAME} IN explist forbody
  private forList(name: NameEntry, varLine: number, line: number): A.GenericForStat {
    const lx = this.lx;
    for (let i = 0; i < 4; i++) this.newVar(this.forStateEntry);
    const variables = [this.newLocal(name, undefined, varLine)];
    while (this.accept(44 /* , */)) {
      const l = lx.tokLine;
      variables.push(this.newLocal(this.checkNameEntry(), undefined, l));
    }
    this.expect(Tok.In);
    const exprLine = lx.line;
    const exprs = this.exprList();
    this.adjustLocalVars(4);
    const doLine = lx.line;
    const body = this.forBody(variables.length);
    return { kind: 'GenericFor', line, variables, exprs, body, exprLine, doLine };
  }

  // forbody -> DO block
  private forBody(nvars: number): A.Block {
    this.expect(Tok.Do);
    this.enterBlock(false);
    this.adjustLocalVars(nvars);
    const body = this.block();
    this.leaveBlock();
    return body;
  }

  // funcstat -> FUNCTION funcname body
  // funcname -> NAME {'.' NAME} [':' NAME]
  private funcStat(line: number): A.FunctionStat {
    const lx = this.lx;
    this.next();
    const nameLine = lx.tokLine;
    let target: A.NameExpr | A.IndexExpr = this.singleVar();
    let isMethod = false;
    while (lx.tok === 46 /* . */) target = this.fieldSel(target, nameLine);
    if (lx.tok === 58 /* : */) {
      isMethod = true;
      target = this.fieldSel(target, nameLine);
    }
    const body = this.body(isMethod, line);
    this.checkReadonly(target);
    const func: A.FunctionExpr = { kind: 'Function', line, lastLine: body.closeLine, body };
    return { kind: 'Function', line, target, func };
  }

  // localfunc -> NAME body
  private localFunc(line: number): A.LocalFunctionStat {
    const lx = this.lx;
    const varLine = lx.tokLine;
    const variable = this.newLocal(this.checkNameEntry(), undefined, varLine);
    this.adjustLocalVars(1);
    const body = this.body(false, lx.line);
    const func: A.FunctionExpr = { kind: 'Function', line, lastLine: body.closeLine, body };
    return { kind: 'LocalFunction', line, variable, func };
  }

  // localstat -> LOCAL NAME attrib {',' NAME attrib} ['=' explist]
  private localStat(line: number): A.LocalStat {
    const lx = this.lx;
    const vars: A.LocalVar[] = [];
    let hasClose = false;
    let lastIndex = 0;
    do {
      const varLine = lx.tokLine;
      lastIndex = this.newVar(this.checkNameEntry());
      const attrib = this.localAttrib();
      if (attrib === 'close') {
        if (hasClose) this.semError('multiple to-be-closed variables in local list');
        hasClose = true;
      }
      vars.push(this.setLocal(lastIndex, attrib, varLine));
    } while (this.accept(44 /* , */));
    const exprs = this.accept(61 /* = */) ? this.exprList() : NO_EXPRS;
    const last = this.actvar[lastIndex]!;
    if (vars.length === exprs.length && last.kind === VarKind.Const) {
      const value = this.constValue(exprs[exprs.length - 1]!);
      if (value !== undefined) {
        last.kind = VarKind.CompileTimeConst;
        this.constants.set(last.local!, value);
      }
    }
    this.adjustLocalVars(vars.length);
    return { kind: 'Local', line, vars, exprs };
  }

  // attrib -> ['<' NAME '>']
  private localAttrib(): A.LocalAttrib {
    if (!this.accept(60 /* < */)) return undefined;
    const attr = this.checkName();
    this.expect(62 /* > */);
    if (attr === 'const') return 'const';
    if (attr === 'close') return 'close';
    this.semError(`unknown attribute '${attr}'`);
  }

  // label -> '::' NAME '::'
  private labelStat(name: string, line: number, out: A.Stat[]): void {
    const lx = this.lx;
    this.expect(Tok.DbColon);
    out.push({ kind: 'Label', line, name });
    // Lua reads the no-op statements after a label first, to know whether it ends its block.
    while (lx.tok === 59 /* ; */ || lx.tok === Tok.DbColon) this.statement(out);
    const previous = this.findLabel(name);
    if (previous !== undefined) this.semError(`label '${name}' already defined on line ${previous.line}`);
    this.createLabel(name, line, this.blockFollow(false));
  }

  // retstat -> RETURN [explist] [';']
  private retStat(line: number): A.ReturnStat {
    const exprs = this.blockFollow(true) || this.lx.tok === 59 /* ; */ ? NO_EXPRS : this.exprList();
    this.accept(59 /* ; */);
    return { kind: 'Return', line, exprs };
  }

  // breakstat -> BREAK
  private breakStat(line: number): A.BreakStat {
    this.lx.next();
    this.newGoto('break', line);
    return { kind: 'Break', line };
  }

  // gotostat -> GOTO NAME
  private gotoStat(line: number): A.GotoStat {
    const nameLine = this.lx.line;
    const label = this.checkName();
    // A label already visible is a backward jump, which cannot enter a scope.
    if (this.findLabel(label) === undefined) this.newGoto(label, nameLine);
    return { kind: 'Goto', line, label };
  }

  // exprstat -> func | assignment
  private exprStat(line: number): A.AssignStat | A.CallStat {
    const lx = this.lx;
    const e = this.suffixedExp();
    if (lx.tok === 61 /* = */ || lx.tok === 44 /* , */) return this.restAssign(e, line);
    if (e.kind !== 'Call' && e.kind !== 'MethodCall') this.syntaxError('syntax error');
    return { kind: 'Call', line, call: e };
  }

  // assignment -> suffixedexp restassign
  // restassign -> ',' suffixedexp restassign | '=' explist
  private restAssign(first: A.Expr, line: number): A.AssignStat {
    const targets = [this.assignTarget(first)];
    // Lua recurses once per extra target, and counts each as a nesting level.
    let depth = 0;
    while (this.accept(44 /* , */)) {
      const e = this.suffixedExp();
      this.enterLevel();
      depth++;
      targets.push(this.assignTarget(e));
    }
    this.expect(61 /* = */);
    const exprs = this.exprList();
    this.level -= depth;
    return { kind: 'Assign', line, targets, exprs };
  }

  /** Checks that `e` can be assigned to (restassign's vkisvar and check_readonly). */
  private assignTarget(e: A.Expr): A.NameExpr | A.IndexExpr {
    if (e.kind === 'Index') return e;
    if (e.kind !== 'Name') this.syntaxError('syntax error');
    this.checkReadonly(e);
    return e;
  }

  /** Const and to-be-closed variables cannot be assigned (check_readonly). */
  private checkReadonly(e: A.NameExpr | A.IndexExpr): void {
    if (e.kind === 'Name' && e.local !== undefined && e.local.attrib !== undefined) {
      this.semError(`attempt to assign to const variable '${e.name}'`);
    }
  }

  // ==========================================================================================
  // Expressions
  // ==========================================================================================

  // explist -> expr {',' expr}
  private exprList(): A.Expr[] {
    const list = [this.expr()];
    while (this.accept(44 /* , */)) list.push(this.expr());
    return list;
  }

  // expr -> subexpr
  private expr(): A.Expr {
    return this.subExpr(0);
  }

  // subexpr -> (simpleexp | unop subexpr) {binop subexpr}
  // where each binop binds tighter on its left than `limit`
  private subExpr(limit: number): A.Expr {
    const lx = this.lx;
    this.enterLevel();
    // Lines come from the lexer, not from the operand nodes: reading `line` off nodes of a
    // dozen shapes would be a megamorphic load on the hot path.
    const line = lx.tokLine;
    let e: A.Expr;
    const uop = UNARY[lx.tok];
    if (uop !== undefined) {
      const opLine = lx.line;
      this.next();
      const operand = this.subExpr(UNARY_PRIORITY);
      e = { kind: 'Unary', line, lastLine: lx.lastLine, op: uop, operand, opLine };
    } else {
      e = this.simpleExp();
    }
    // The operator after an operand is always the current token, so no need to return it.
    let op = lx.tok;
    while (LEFT[op]! > limit) {
      const opLine = lx.line;
      this.next();
      const right = this.subExpr(RIGHT[op]!);
      e = { kind: 'Binary', line, lastLine: lx.lastLine, op: BINARY[op]!, left: e, right, opLine };
      op = lx.tok;
    }
    this.level--;
    return e;
  }

  // simpleexp -> FLT | INT | STRING | NIL | TRUE | FALSE | '...' | constructor |
  //              FUNCTION body | suffixedexp
  private simpleExp(): A.Expr {
    const lx = this.lx;
    const line = lx.tokLine;
    let e: A.Expr;
    switch (lx.tok) {
      case Tok.Flt:
        e = { kind: 'Number', line, lastLine: line, value: lx.nval, isFloat: true };
        break;
      case Tok.Int:
        e = { kind: 'Number', line, lastLine: line, value: lx.nval, isFloat: false };
        break;
      case Tok.String:
        e = { kind: 'String', line, lastLine: line, value: lx.sval };
        break;
      case Tok.Nil:
        e = { kind: 'Nil', line, lastLine: line };
        break;
      case Tok.True:
        e = { kind: 'True', line, lastLine: line };
        break;
      case Tok.False:
        e = { kind: 'False', line, lastLine: line };
        break;
      case Tok.Dots:
        if (!this.fs.isVararg) this.syntaxError("cannot use '...' outside a vararg function");
        e = { kind: 'Vararg', line, lastLine: line, prevLine: lx.lastLine };
        break;
      case 123 /* { */:
        return this.tableConstructor();
      case Tok.Function: {
        this.next();
        const body = this.body(false, lx.line);
        return { kind: 'Function', line, lastLine: body.closeLine, body };
      }
      default:
        return this.suffixedExp();
    }
    this.next();
    return e;
  }

  // primaryexp -> NAME | '(' expr ')'
  private primaryExp(): A.Expr {
    const lx = this.lx;
    switch (lx.tok) {
      case 40 /* ( */: {
        const line = lx.line;
        const tokLine = lx.tokLine;
        this.next();
        const expr = this.expr();
        this.expectMatch(41 /* ) */, 40 /* ( */, line);
        return { kind: 'Paren', line: tokLine, lastLine: lx.lastLine, expr };
      }
      case Tok.Name:
        return this.singleVar();
      default:
        this.syntaxError('unexpected symbol');
    }
  }

  // suffixedexp -> primaryexp { '.' NAME | '[' exp ']' | ':' NAME funcargs | funcargs }
  private suffixedExp(): A.Expr {
    const lx = this.lx;
    const callLine = lx.line;
    const line = lx.tokLine;
    let e = this.primaryExp();
    for (;;) {
      switch (lx.tok) {
        case 46 /* . */:
          e = this.fieldSel(e, line);
          break;
        case 91 /* [ */: {
          this.next();
          const key = this.expr();
          this.expect(93 /* ] */);
          e = { kind: 'Index', line, lastLine: lx.lastLine, object: e, key };
          break;
        }
        case 58 /* : */: {
          this.next();
          const method = this.checkName();
          const nameLine = lx.lastLine;
          const args = this.funcArgs(callLine);
          e = { kind: 'MethodCall', line, lastLine: lx.lastLine, object: e, method, args, callLine, nameLine };
          break;
        }
        case 40 /* ( */:
        case Tok.String:
        case 123 /* { */: {
          const args = this.funcArgs(callLine);
          e = { kind: 'Call', line, lastLine: lx.lastLine, callee: e, args, callLine };
          break;
        }
        default:
          return e;
      }
    }
  }

  // fieldsel -> ['.' | ':'] NAME
  /** `object.name` (or `object:name` in a function name), `object` starting on `line`. */
  private fieldSel(object: A.Expr, line: number): A.IndexExpr {
    const lx = this.lx;
    this.next();
    const keyLine = lx.tokLine;
    const name = this.checkName();
    const key: A.StringExpr = { kind: 'String', line: keyLine, lastLine: lx.lastLine, value: name };
    return { kind: 'Index', line, lastLine: lx.lastLine, object, key };
  }

  // funcargs -> '(' [ explist ] ')' | constructor | STRING
  private funcArgs(line: number): readonly A.Expr[] {
    const lx = this.lx;
    switch (lx.tok) {
      case 40 /* ( */: {
        this.next();
        const args = this.check(41 /* ) */) ? NO_EXPRS : this.exprList();
        this.expectMatch(41 /* ) */, 40 /* ( */, line);
        return args;
      }
      case 123 /* { */:
        return [this.tableConstructor()];
      case Tok.String: {
        const s: A.StringExpr = { kind: 'String', line: lx.tokLine, lastLine: lx.tokLine, value: lx.sval };
        this.next();
        return [s];
      }
      default:
        this.syntaxError('function arguments expected');
    }
  }

  // constructor -> '{' [ field { sep field } [sep] ] '}'
  // sep -> ',' | ';'
  private tableConstructor(): A.TableExpr {
    const lx = this.lx;
    const line = lx.line;
    const tokLine = lx.tokLine;
    const prevLine = lx.lastLine;
    this.expect(123 /* { */);
    const fields: A.TableField[] = [];
    do {
      if (lx.tok === 125 /* } */) break;
      fields.push(this.field());
    } while (this.accept(44 /* , */) || this.accept(59 /* ; */));
    this.expectMatch(125 /* } */, 123 /* { */, line);
    return { kind: 'Table', line: tokLine, lastLine: lx.lastLine, fields, prevLine };
  }

  // field -> listfield | recfield
  // listfield -> expr
  // recfield -> (NAME | '[' expr ']') '=' expr
  private field(): A.TableField {
    const lx = this.lx;
    const line = lx.tokLine;
    switch (lx.tok) {
      case Tok.Name: {
        if (this.peek() !== 61 /* = */) return { kind: 'Positional', value: this.expr(), line };
        const name = this.checkName();
        this.expect(61 /* = */);
        return { kind: 'Named', name, value: this.expr(), line };
      }
      case 91 /* [ */: {
        this.next();
        const key = this.expr();
        this.expect(93 /* ] */);
        this.expect(61 /* = */);
        return { kind: 'Keyed', key, value: this.expr(), line };
      }
      default:
        return { kind: 'Positional', value: this.expr(), line };
    }
  }

  /** A variable reference: local, upvalue, compile-time constant or global (singlevar). */
  private singleVar(): A.NameExpr {
    const line = this.lx.tokLine;
    const entry = this.checkNameEntry();
    const name = entry.name;
    if (this.resolve(entry) !== Resolved.Global) {
      return { kind: 'Name', line, lastLine: this.lx.lastLine, name, local: this.found, env: undefined };
    }
    // A global is _ENV.name, and resolving _ENV may create upvalues too.
    let env: A.LocalVar | undefined;
    if (this.envEntry.binding === undefined) this.envWithoutLocals(this.fs);
    else {
      this.resolve(this.envEntry);
      env = this.found;
    }
    return { kind: 'Name', line, lastLine: this.lx.lastLine, name, local: undefined, env };
  }

  // ==========================================================================================
  // Compile-time constants
  // ==========================================================================================

  /**
   * The value of `e` if Lua's code generator would treat it as a compile-time constant
   * (luaK_exp2const), as far as this parser needs to know: literals, parentheses, references to
   * other such constants and unary operators on them. Binary operators are not folded here (an
   * approximation: a `<const>` initialised with `2 * 3` counts as a variable, which only matters
   * for the upvalue limit).
   */
  private constValue(e: A.Expr): ConstValue | undefined {
    switch (e.kind) {
      case 'Nil':
      case 'True':
      case 'False':
      case 'String':
        return OTHER_CONST;
      case 'Number':
        return e.isFloat ? { t: 'flt', v: e.value as number } : { t: 'int', v: e.value };
      case 'Paren':
        return this.constValue(e.expr);
      case 'Name':
        return e.local === undefined ? undefined : this.constants.get(e.local);
      case 'Unary': {
        const v = this.constValue(e.operand);
        if (v === undefined) return undefined;
        if (e.op === 'not') return OTHER_CONST;
        if (e.op === '-') {
          if (v.t === 'int') {
            const r = typeof v.v === 'bigint' ? BigInt.asIntN(64, -v.v) : -v.v;
            return { t: 'int', v: r === 0 ? 0 : r };
          }
          // Lua does not fold results that are NaN or zero (-0.0 would lose its sign).
          if (v.t === 'flt' && v.v !== 0 && !Number.isNaN(v.v)) return { t: 'flt', v: -v.v };
          return undefined;
        }
        if (e.op === '~') {
          // ~x is -x - 1 on integers; floats with an exact integer value convert first.
          if (v.t === 'int') return { t: 'int', v: typeof v.v === 'bigint' ? BigInt.asIntN(64, ~v.v) : -v.v - 1 };
          if (v.t === 'flt' && Number.isInteger(v.v) && Math.abs(v.v) < 2 ** 52) return { t: 'int', v: -v.v - 1 };
          return undefined;
        }
        return undefined; // '#' is never folded
      }
      default:
        return undefined;
    }
  }
}

const OTHER_CONST: ConstValue = { t: 'other' };
