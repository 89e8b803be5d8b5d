// oracle.ts — the Ohm grammar of Lua 5.4 (lua54.ohm) and the hand-written parser, side by side.
//
// `ohmKinds` matches a source with the Ohm grammar and lists the tree's node kinds in pre-order
// (a kind with children is written "Kind(" ... ")"); `astKinds` lists moonlet's AST the same
// way. Equal listings mean equal tree shapes: the same statements, the same operator grouping,
// the same names. `moonletVerdict` sorts the hand-written parser's answer into accepted,
// rejected (a syntax error, which the grammar must also reject) and "semantic" (an error Lua
// raises for a grammatical program: goto scopes, const assignment, attributes, '...' outside a
// vararg function, limits, nesting depth; the grammar accepts those).

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ohm from 'ohm-js';
import type * as A from '../../src/parser/ast.js';
import { parseChunk } from '../../src/parser/parser.js';
import { LuaSyntaxError } from '../../src/parser/syntax-error.js';

export const grammar = ohm.grammar(readFileSync(new URL('./lua54.ohm', import.meta.url), 'utf8'));

// ============================================================================================
// The grammar's tree
// ============================================================================================

type K = string[];
const semantics = grammar.createSemantics();

function all(node: ohm.Node): K {
  return node.children.flatMap((c: ohm.Node) => c.kinds() as K);
}

function list(node: ohm.Node): K {
  return all(node.asIteration());
}

/** Applies the suffixes of an iteration node to `inner`, left to right. */
function fold(inner: K, suffixes: ohm.Node): K {
  let l = inner;
  for (const s of suffixes.children) l = s.wrap(l) as K;
  return l;
}

semantics.addOperation('kinds', {
  Chunk(block, _end) {
    return block.kinds();
  },
  Block(stats, ret) {
    return ['Block(', ...all(stats), ...all(ret), ')'];
  },
  Stat_semi(_) {
    return [];
  },
  Stat_assign(vars, _eq, exps) {
    return ['Assign(', ...list(vars), '=', ...list(exps), ')'];
  },
  Stat_call(call) {
    return ['CallStat(', ...call.kinds(), ')'];
  },
  Stat_label(_a, name, _b) {
    return [`Label:${name.sourceString}`];
  },
  Stat_break(_) {
    return ['Break'];
  },
  Stat_goto(_, name) {
    return [`Goto:${name.sourceString}`];
  },
  Stat_do(_d, block, _e) {
    return ['Do(', ...block.kinds(), ')'];
  },
  Stat_while(_w, exp, _d, block, _e) {
    return ['While(', ...exp.kinds(), ...block.kinds(), ')'];
  },
  Stat_repeat(_r, block, _u, exp) {
    return ['Repeat(', ...block.kinds(), ...exp.kinds(), ')'];
  },
  Stat_if(_i, exp, _t, block, elseifs, els, _e) {
    return ['If(', ...exp.kinds(), ...block.kinds(), ...all(elseifs), ...all(els), ')'];
  },
  ElseIf(_e, exp, _t, block) {
    return [...exp.kinds(), ...block.kinds()];
  },
  Else(_e, block) {
    return ['Else', ...block.kinds()];
  },
  Stat_numfor(_f, name, _eq, e1, _c, e2, _c2, e3, _d, block, _e) {
    return ['NumFor(', `Var:${name.sourceString}`, ...e1.kinds(), ...e2.kinds(), ...all(e3), ...block.kinds(), ')'];
  },
  Stat_genfor(_f, names, _in, exps, _d, block, _e) {
    const vars = names.asIteration().children.map((n: ohm.Node) => `Var:${n.sourceString}`);
    return ['GenFor(', ...vars, 'in', ...list(exps), ...block.kinds(), ')'];
  },
  Stat_func(_f, fname, body) {
    const isMethod = fname.children[3]!.numChildren > 0;
    return ['FuncStat(', ...fname.kinds(), ...body.func(isMethod), ')'];
  },
  Stat_localfunc(_l, _f, name, body) {
    return ['LocalFunc(', `Var:${name.sourceString}`, ...body.func(false), ')'];
  },
  Stat_local(_l, atts, _eq, exps) {
    const vars = atts.asIteration().children.map((a: ohm.Node) => {
      const attrib = a.children[2]!.numChildren > 0 ? `<${a.children[2]!.children[0]!.sourceString}>` : '';
      return `Var:${a.children[0]!.sourceString}${attrib}`;
    });
    const values = exps.numChildren > 0 ? list(exps.children[0]!) : [];
    return ['Local(', ...vars, '=', ...values, ')'];
  },
  RetStat(_r, exps, _semi) {
    return ['Return(', ...list(exps), ')'];
  },
  FuncName(first, _dots, fields, _colon, method) {
    let l: K = [`Name:${first.sourceString}`];
    for (const f of [...fields.children, ...method.children]) l = ['Index(', ...l, 'String', ')'];
    return l;
  },
  PrimaryExp_name(n) {
    return [`Name:${n.sourceString}`];
  },
  PrimaryExp_paren(_l, e, _r) {
    return ['Paren(', ...e.kinds(), ')'];
  },
  SuffixedExp(prim, suffixes) {
    return fold(prim.kinds(), suffixes);
  },
  Var_indexed(prim, suffixes, _ahead, last) {
    return last.wrap(fold(prim.kinds(), suffixes));
  },
  Var_name(n) {
    return [`Name:${n.sourceString}`];
  },
  FunctionCall(prim, suffixes, _ahead, last) {
    return last.wrap(fold(prim.kinds(), suffixes));
  },
  Args_list(_l, exps, _r) {
    return list(exps);
  },
  Args_string(_s) {
    return ['String'];
  },
  TableCons(_l, fields, _sep, _r) {
    return ['Table(', ...list(fields), ')'];
  },
  Field_keyed(_l, k, _r, _eq, v) {
    return ['Keyed(', ...k.kinds(), ...v.kinds(), ')'];
  },
  Field_named(n, _eq, v) {
    return [`Named:${n.sourceString}(`, ...v.kinds(), ')'];
  },
  Field_positional(e) {
    return ['Pos(', ...e.kinds(), ')'];
  },
  OrExp: leftAssoc,
  AndExp: leftAssoc,
  CmpExp: leftAssoc,
  BorExp: leftAssoc,
  BxorExp: leftAssoc,
  BandExp: leftAssoc,
  ShiftExp: leftAssoc,
  AddExp: leftAssoc,
  MulExp: leftAssoc,
  ConcatExp: rightAssoc,
  PowExp: rightAssoc,
  UnaryExp_un(op, e) {
    return [`Un:${op.sourceString}(`, ...e.kinds(), ')'];
  },
  SimpleExp_nil(_) {
    return ['Nil'];
  },
  SimpleExp_true(_) {
    return ['True'];
  },
  SimpleExp_false(_) {
    return ['False'];
  },
  SimpleExp_number(_) {
    return ['Number'];
  },
  SimpleExp_string(_) {
    return ['String'];
  },
  SimpleExp_vararg(_) {
    return ['Vararg'];
  },
  SimpleExp_function(_f, body) {
    return body.func(false);
  },
});

/** `first (op operand)*` as a left-leaning tree. */
function leftAssoc(this: ohm.Node, first: ohm.Node, ops: ohm.Node, operands: ohm.Node): K {
  let l = first.kinds() as K;
  for (let i = 0; i < ops.numChildren; i++) {
    l = [`Bin:${ops.children[i]!.sourceString}(`, ...l, ...(operands.children[i]!.kinds() as K), ')'];
  }
  return l;
}

/** `left (op right)?`, where `right` recursed for right associativity. */
function rightAssoc(this: ohm.Node, left: ohm.Node, op: ohm.Node, right: ohm.Node): K {
  if (op.numChildren === 0) return left.kinds();
  return [`Bin:${op.children[0]!.sourceString}(`, ...left.kinds(), ...right.children[0]!.kinds(), ')'];
}

semantics.addOperation('wrap(inner)', {
  Suffix(s) {
    return s.wrap(this.args.inner);
  },
  IndexSuffix_index(_l, e, _r) {
    return ['Index(', ...this.args.inner, ...e.kinds(), ')'];
  },
  IndexSuffix_field(_d, _n) {
    return ['Index(', ...this.args.inner, 'String', ')'];
  },
  CallSuffix_method(_c, n, args) {
    return [`Method:${n.sourceString}(`, ...this.args.inner, ...args.kinds(), ')'];
  },
  CallSuffix_call(args) {
    return ['Call(', ...this.args.inner, ...args.kinds(), ')'];
  },
});

semantics.addOperation('func(isMethod)', {
  FuncBody(_l, parlist, _r, block, _e) {
    const params: K = this.args.isMethod ? ['Param:self'] : [];
    if (parlist.numChildren > 0) params.push(...(parlist.children[0]!.params() as K));
    return ['Function(', ...params, ...block.kinds(), ')'];
  },
});

semantics.addOperation('params', {
  ParList_names(names, _c, dots) {
    const ps = names.asIteration().children.map((n: ohm.Node) => `Param:${n.sourceString}`);
    return dots.numChildren > 0 ? [...ps, 'Vararg'] : ps;
  },
  ParList_vararg(_) {
    return ['Vararg'];
  },
});

/** The grammar's node-kind listing of `src`, or undefined if the grammar rejects it. */
export function ohmKinds(src: string): string[] | undefined {
  const m = grammar.match(src);
  if (m.failed()) return undefined;
  return semantics(m).kinds() as K;
}

// ============================================================================================
// moonlet's tree
// ============================================================================================

export function astKinds(chunk: A.Chunk): string[] {
  const out: string[] = [];
  block(chunk.main.body, out);
  return out;
}

function block(b: A.Block, out: string[]): void {
  out.push('Block(');
  for (const s of b.stats) stat(s, out);
  out.push(')');
}

function varName(v: A.LocalVar): string {
  return `Var:${v.name}${v.attrib ? `<${v.attrib}>` : ''}`;
}

function func(f: A.FunctionBody, out: string[]): void {
  out.push('Function(');
  for (const p of f.params) out.push(`Param:${p.name}`);
  if (f.isVararg) out.push('Vararg');
  block(f.body, out);
  out.push(')');
}

function stat(s: A.Stat, out: string[]): void {
  switch (s.kind) {
    case 'Local':
      out.push('Local(', ...s.vars.map(varName), '=');
      for (const e of s.exprs) expr(e, out);
      out.push(')');
      return;
    case 'Assign':
      out.push('Assign(');
      for (const t of s.targets) expr(t, out);
      out.push('=');
      for (const e of s.exprs) expr(e, out);
      out.push(')');
      return;
    case 'Call':
      out.push('CallStat(');
      expr(s.call, out);
      out.push(')');
      return;
    case 'Do':
      out.push('Do(');
      block(s.body, out);
      out.push(')');
      return;
    case 'While':
      out.push('While(');
      expr(s.cond, out);
      block(s.body, out);
      out.push(')');
      return;
    case 'Repeat':
      out.push('Repeat(');
      block(s.body, out);
      expr(s.cond, out);
      out.push(')');
      return;
    case 'If':
      out.push('If(');
      for (const c of s.clauses) {
        expr(c.cond, out);
        block(c.body, out);
      }
      if (s.orelse) {
        out.push('Else');
        block(s.orelse, out);
      }
      out.push(')');
      return;
    case 'NumericFor':
      out.push('NumFor(', varName(s.variable));
      expr(s.start, out);
      expr(s.limit, out);
      if (s.step) expr(s.step, out);
      block(s.body, out);
      out.push(')');
      return;
    case 'GenericFor':
      out.push('GenFor(', ...s.variables.map(varName), 'in');
      for (const e of s.exprs) expr(e, out);
      block(s.body, out);
      out.push(')');
      return;
    case 'Function':
      out.push('FuncStat(');
      expr(s.target, out);
      func(s.func.body, out);
      out.push(')');
      return;
    case 'LocalFunction':
      out.push('LocalFunc(', varName(s.variable));
      func(s.func.body, out);
      out.push(')');
      return;
    case 'Return':
      out.push('Return(');
      for (const e of s.exprs) expr(e, out);
      out.push(')');
      return;
    case 'Break':
      out.push('Break');
      return;
    case 'Goto':
      out.push(`Goto:${s.label}`);
      return;
    case 'Label':
      out.push(`Label:${s.name}`);
      return;
  }
}

function expr(e: A.Expr, out: string[]): void {
  switch (e.kind) {
    case 'Nil':
      out.push('Nil');
      return;
    case 'True':
      out.push('True');
      return;
    case 'False':
      out.push('False');
      return;
    case 'Vararg':
      out.push('Vararg');
      return;
    case 'Number':
      out.push('Number');
      return;
    case 'String':
      out.push('String');
      return;
    case 'Function':
      func(e.body, out);
      return;
    case 'Table':
      out.push('Table(');
      for (const f of e.fields) {
        if (f.kind === 'Positional') {
          out.push('Pos(');
        } else if (f.kind === 'Named') {
          out.push(`Named:${f.name}(`);
        } else {
          out.push('Keyed(');
          expr(f.key, out);
        }
        expr(f.value, out);
        out.push(')');
      }
      out.push(')');
      return;
    case 'Binary':
      out.push(`Bin:${e.op}(`);
      expr(e.left, out);
      expr(e.right, out);
      out.push(')');
      return;
    case 'Unary':
      out.push(`Un:${e.op}(`);
      expr(e.operand, out);
      out.push(')');
      return;
    case 'Name':
      out.push(`Name:${e.name}`);
      return;
    case 'Index':
      out.push('Index(');
      expr(e.object, out);
      expr(e.key, out);
      out.push(')');
      return;
    case 'Call':
      out.push('Call(');
      expr(e.callee, out);
      for (const a of e.args) expr(a, out);
      out.push(')');
      return;
    case 'MethodCall':
      out.push(`Method:${e.method}(`);
      expr(e.object, out);
      for (const a of e.args) expr(a, out);
      out.push(')');
      return;
    case 'Paren':
      out.push('Paren(');
      expr(e.expr, out);
      out.push(')');
      return;
  }
}

// ============================================================================================
// Verdicts
// ============================================================================================

export type Verdict = { readonly kind: 'accepted'; readonly kinds: string[] } | { readonly kind: 'rejected' | 'semantic'; readonly message: string };

/** Errors Lua raises for programs its grammar accepts. */
function isSemantic(reason: string): boolean {
  return (
    !reason.includes(' near ') ||
    reason.startsWith("cannot use '...' outside a vararg function") ||
    reason.startsWith('too many ') ||
    reason === 'C stack overflow'
  );
}

export function moonletVerdict(src: string, chunkName = '=oracle', loadfile = false): Verdict {
  try {
    return { kind: 'accepted', kinds: astKinds(parseChunk(src, chunkName, { skipShebang: loadfile })) };
  } catch (e) {
    if (!(e instanceof LuaSyntaxError)) throw e;
    return { kind: isSemantic(e.reason) ? 'semantic' : 'rejected', message: e.message };
  }
}

// ============================================================================================
// The official suite
// ============================================================================================

export const officialSuite = fileURLToPath(new URL('../../../shared/lua-5.4-tests', import.meta.url));

/** The official suite's files (../shared/lua-5.4-tests and v5.4.8), or none if it is missing. */
export function officialFiles(): string[] {
  return [officialSuite, join(officialSuite, 'v5.4.8')]
    .filter((d) => existsSync(d))
    .flatMap((d) =>
      readdirSync(d)
        .filter((f) => f.endsWith('.lua'))
        .sort()
        .map((f) => join(d, f)),
    );
}

/**
 * How the two parsers disagree on an official file, read as loadfile reads it (a first '#'
 * line skipped; the grammar gets it blanked): undefined when both accept it with the same tree.
 */
export function officialDisagreement(file: string): string | undefined {
  const src = readFileSync(file).toString('latin1');
  const m = moonletVerdict(src, '@' + file, true);
  if (m.kind !== 'accepted') return `moonlet rejects it: ${m.message}`;
  const o = ohmKinds(src.startsWith('#') ? src.replace(/^#[^\r\n]*/, '') : src);
  if (o === undefined) return 'the grammar rejects it';
  return o.join(' ') === m.kinds.join(' ') ? undefined : 'different trees';
}
