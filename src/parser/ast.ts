// ast.ts — the syntax tree the parser produces and the compiler consumes.
//
// Tagged unions (`kind`), one interface per construct, every node with the line of its first
// token. Lua's code generator emits instructions while it parses and stamps each with the line
// of the token it has just read, so a few nodes carry the extra lines that decide what line an
// error message will name: the operator's line for binary and unary operators, the line where a
// call's prefix expression began, the `do` of a for loop. `lastLine` on expressions is the line
// of their last token.
//
// The parser also resolves scopes, because Lua reports scope errors while it parses (a const
// assignment, a goto into a local's scope): every local variable is a LocalVar object, shared by
// its declaration and every Name that refers to it. The compiler decides registers, upvalues and
// compile-time constants from those objects.
//
// Strings are byte strings: one JS char per byte (0..255), UTF-8 already encoded.
// Cf. lparser.h (expdesc, Vardesc) — moonlet keeps a tree where Lua keeps none.

// ============================================================================================
// Variables
// ============================================================================================

export type LocalAttrib = 'const' | 'close' | undefined;

/** One local variable declaration (also parameters, for-loop variables and `local function`). */
export interface LocalVar {
  readonly name: string;
  readonly attrib: LocalAttrib;
  /** The function (by nesting depth, main chunk = 0) that declares it. */
  readonly depth: number;
  /** Line of the declaration (the name's token). */
  readonly line: number;
}

// ============================================================================================
// Expressions
// ============================================================================================

export type Expr =
  | NilExpr
  | TrueExpr
  | FalseExpr
  | VarargExpr
  | NumberExpr
  | StringExpr
  | FunctionExpr
  | TableExpr
  | BinaryExpr
  | UnaryExpr
  | NameExpr
  | IndexExpr
  | CallExpr
  | MethodCallExpr
  | ParenExpr;

interface ExprBase {
  readonly line: number;
  /**
   * Line of the expression's last token: Lua's `ls->lastline` once it is consumed. (The one
   * difference: in a table constructor Lua reads the token after a field's leading name before
   * consuming the name, and then counts that token's line.)
   */
  readonly lastLine: number;
}

export interface NilExpr extends ExprBase {
  readonly kind: 'Nil';
}
export interface TrueExpr extends ExprBase {
  readonly kind: 'True';
}
export interface FalseExpr extends ExprBase {
  readonly kind: 'False';
}
export interface VarargExpr extends ExprBase {
  readonly kind: 'Vararg';
  /** Lua's lastline when it emits OP_VARARG: the line of the token before `...`. (Added.) */
  readonly prevLine: number;
}

/** A numeral. Integers are numbers when they are safe integers, bigints otherwise. */
export interface NumberExpr extends ExprBase {
  readonly kind: 'Number';
  readonly value: number | bigint;
  /** True for float numerals (`1.0`, `1e3`, `0x1p4`, decimal integers that overflow). */
  readonly isFloat: boolean;
}

export interface StringExpr extends ExprBase {
  readonly kind: 'String';
  readonly value: string;
}

export interface FunctionExpr extends ExprBase {
  readonly kind: 'Function';
  readonly body: FunctionBody;
}

export type TableField =
  | { readonly kind: 'Positional'; readonly value: Expr; readonly line: number }
  | { readonly kind: 'Named'; readonly name: string; readonly value: Expr; readonly line: number }
  | { readonly kind: 'Keyed'; readonly key: Expr; readonly value: Expr; readonly line: number };

export interface TableExpr extends ExprBase {
  readonly kind: 'Table';
  readonly fields: readonly TableField[];
  /** Lua's lastline when it emits OP_NEWTABLE: the line of the token before `{`. (Added.) */
  readonly prevLine: number;
}

export type BinaryOp =
  | '+' | '-' | '*' | '/' | '//' | '%' | '^'
  | '..'
  | '==' | '~=' | '<' | '<=' | '>' | '>='
  | 'and' | 'or'
  | '&' | '|' | '~' | '<<' | '>>';

export interface BinaryExpr extends ExprBase {
  readonly kind: 'Binary';
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
  /** Line of the operator token. */
  readonly opLine: number;
}

export type UnaryOp = '-' | 'not' | '#' | '~';

export interface UnaryExpr extends ExprBase {
  readonly kind: 'Unary';
  readonly op: UnaryOp;
  readonly operand: Expr;
  /** Line of the operator token (the same as `line`). */
  readonly opLine: number;
}

/** A variable reference: a local (or upvalue) when `local` is set, a global otherwise. */
export interface NameExpr extends ExprBase {
  readonly kind: 'Name';
  readonly name: string;
  readonly local: LocalVar | undefined;
  /**
   * For a global (`local` undefined): the user-declared local `_ENV` in scope, of which the
   * global is a field; undefined when that is the chunk's own _ENV upvalue. A Name `_ENV` with
   * no `local` is that upvalue itself, not a global. (Added by the parser, which resolves
   * scopes, so that the compiler need not keep a second scope chain for `local _ENV`.)
   */
  readonly env?: LocalVar | undefined;
}

/** `object[key]`, and `object.name` with a String key. */
export interface IndexExpr extends ExprBase {
  readonly kind: 'Index';
  readonly object: Expr;
  readonly key: Expr;
}

export interface CallExpr extends ExprBase {
  readonly kind: 'Call';
  readonly callee: Expr;
  readonly args: readonly Expr[];
  /** Line where the whole suffixed expression began (Lua's line for OP_CALL). */
  readonly callLine: number;
}

/** `object:name(args)`. */
export interface MethodCallExpr extends ExprBase {
  readonly kind: 'MethodCall';
  readonly object: Expr;
  readonly method: string;
  readonly args: readonly Expr[];
  /** Line where the whole suffixed expression began (Lua's line for OP_SELF and OP_CALL). */
  readonly callLine: number;
  /** Line of the method's name (Lua's lastline when it emits OP_SELF). (Added.) */
  readonly nameLine: number;
}

/** A parenthesised expression: truncates a call or `...` to one value. */
export interface ParenExpr extends ExprBase {
  readonly kind: 'Paren';
  readonly expr: Expr;
}

// ============================================================================================
// Functions and blocks
// ============================================================================================

export interface FunctionBody {
  /**
   * Proto.linedefined; 0 for the main chunk. Lua takes it where the parser stands when the body
   * begins: the `function` keyword of a function statement, but the token after `function` (the
   * `(`) for a function expression and after the name for `local function`.
   */
  readonly line: number;
  /** Line of the closing `end` (Proto.lastlinedefined); 0 for the main chunk. */
  readonly lastLine: number;
  /** Line of the last token of the function: its `end`, or the chunk's final token. */
  readonly closeLine: number;
  readonly params: readonly LocalVar[];
  readonly isVararg: boolean;
  /** True for `function a:m()`: the first parameter is the implicit `self`. */
  readonly isMethod: boolean;
  readonly body: Block;
  /** Nesting depth of this function: main chunk = 0. */
  readonly depth: number;
  /**
   * For a vararg function, the line of its `...` (Lua's lastline for OP_VARARGPREP); 1 for the
   * main chunk, whose VARARGPREP comes before any token. (Added.)
   */
  readonly varargLine: number | undefined;
}

export interface Block {
  readonly stats: readonly Stat[];
  /** Line of the token that ends the block (`end`, `until`, `else`, `elseif`, <eof>). */
  readonly endLine: number;
}

export interface Chunk {
  readonly chunkName: string;
  readonly main: FunctionBody;
}

// ============================================================================================
// Statements
// ============================================================================================

export type Stat =
  | LocalStat
  | AssignStat
  | CallStat
  | DoStat
  | WhileStat
  | RepeatStat
  | IfStat
  | NumericForStat
  | GenericForStat
  | FunctionStat
  | LocalFunctionStat
  | ReturnStat
  | BreakStat
  | GotoStat
  | LabelStat;

interface StatBase {
  readonly line: number;
}

/** `local a <attrib>, b = exprs` (exprs may be empty). */
export interface LocalStat extends StatBase {
  readonly kind: 'Local';
  readonly vars: readonly LocalVar[];
  readonly exprs: readonly Expr[];
}

/** `targets = exprs`; every target is a Name or Index expression. */
export interface AssignStat extends StatBase {
  readonly kind: 'Assign';
  readonly targets: readonly (NameExpr | IndexExpr)[];
  readonly exprs: readonly Expr[];
}

export interface CallStat extends StatBase {
  readonly kind: 'Call';
  readonly call: CallExpr | MethodCallExpr;
}

export interface DoStat extends StatBase {
  readonly kind: 'Do';
  readonly body: Block;
}

export interface WhileStat extends StatBase {
  readonly kind: 'While';
  readonly cond: Expr;
  readonly body: Block;
}

/** `repeat body until cond`: cond sees the body's locals. */
export interface RepeatStat extends StatBase {
  readonly kind: 'Repeat';
  readonly body: Block;
  readonly cond: Expr;
}

/** `if`/`elseif cond then body`; `line` is the `if`/`elseif` token's. */
export interface IfClause {
  readonly cond: Expr;
  readonly body: Block;
  readonly line: number;
  /** Line of the `then` token (Lua's lastline for the condition's jump). (Added.) */
  readonly thenLine: number;
}

export interface IfStat extends StatBase {
  readonly kind: 'If';
  readonly clauses: readonly IfClause[];
  readonly orelse: Block | undefined;
}

export interface NumericForStat extends StatBase {
  readonly kind: 'NumericFor';
  readonly variable: LocalVar;
  readonly start: Expr;
  readonly limit: Expr;
  readonly step: Expr | undefined;
  readonly body: Block;
  /** Line of the `do` token (Lua's line for OP_FORPREP). */
  readonly doLine: number;
}

export interface GenericForStat extends StatBase {
  readonly kind: 'GenericFor';
  readonly variables: readonly LocalVar[];
  readonly exprs: readonly Expr[];
  readonly body: Block;
  /** Line of the first token after `in` (Lua's line for OP_TFORCALL). */
  readonly exprLine: number;
  /** Line of the `do` token. */
  readonly doLine: number;
}

/** `function a.b.c:m() ... end`: target is a Name, or an Index chain on a Name. */
export interface FunctionStat extends StatBase {
  readonly kind: 'Function';
  readonly target: NameExpr | IndexExpr;
  readonly func: FunctionExpr;
}

export interface LocalFunctionStat extends StatBase {
  readonly kind: 'LocalFunction';
  readonly variable: LocalVar;
  readonly func: FunctionExpr;
}

export interface ReturnStat extends StatBase {
  readonly kind: 'Return';
  readonly exprs: readonly Expr[];
}

export interface BreakStat extends StatBase {
  readonly kind: 'Break';
}

export interface GotoStat extends StatBase {
  readonly kind: 'Goto';
  readonly label: string;
}

export interface LabelStat extends StatBase {
  readonly kind: 'Label';
  readonly name: string;
}
