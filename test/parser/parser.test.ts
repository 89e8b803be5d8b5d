// parser.test.ts — the AST: shapes, operator priorities, scopes (LocalVar identity) and lines.

import { describe, expect, test } from 'vitest';
import type * as A from '../../src/parser/ast.js';
import { parse, parseChunk } from '../../src/parser/parser.js';
import { LuaSyntaxError } from '../../src/parser/syntax-error.js';

/** An expression as a compact S-expression. */
function show(e: A.Expr): string {
  switch (e.kind) {
    case 'Nil':
      return 'nil';
    case 'True':
      return 'true';
    case 'False':
      return 'false';
    case 'Vararg':
      return '...';
    case 'Number':
      return e.isFloat ? `${e.value}f` : String(e.value);
    case 'String':
      return JSON.stringify(e.value);
    case 'Function':
      return `(function ${e.body.params.map((p) => p.name).join(' ')}${e.body.isVararg ? ' ...' : ''})`;
    case 'Table':
      return `{${e.fields
        .map((f) => (f.kind === 'Positional' ? show(f.value) : f.kind === 'Named' ? `${f.name}=${show(f.value)}` : `[${show(f.key)}]=${show(f.value)}`))
        .join(' ')}}`;
    case 'Binary':
      return `(${e.op} ${show(e.left)} ${show(e.right)})`;
    case 'Unary':
      return `(${e.op} ${show(e.operand)})`;
    case 'Name':
      return e.local ? `${e.name}@${e.local.depth}` : e.name;
    case 'Index':
      return `${show(e.object)}[${show(e.key)}]`;
    case 'Call':
      return `${show(e.callee)}(${e.args.map(show).join(' ')})`;
    case 'MethodCall':
      return `${show(e.object)}:${e.method}(${e.args.map(show).join(' ')})`;
    case 'Paren':
      return `<${show(e.expr)}>`;
  }
}

function expr(src: string): A.Expr {
  const stat = parse(`return ${src}`).main.body.stats[0] as A.ReturnStat;
  return stat.exprs[0]!;
}

function stats(src: string): readonly A.Stat[] {
  return parse(src).main.body.stats;
}

function error(src: string, chunkName = '=input'): LuaSyntaxError {
  try {
    parse(src, chunkName);
  } catch (e) {
    expect(e).toBeInstanceOf(LuaSyntaxError);
    return e as LuaSyntaxError;
  }
  throw new Error('no error');
}

describe('expressions', () => {
  test('operator priorities and associativity', () => {
    expect(show(expr('1 + 2 * 3'))).toBe('(+ 1 (* 2 3))');
    expect(show(expr('1 * 2 + 3'))).toBe('(+ (* 1 2) 3)');
    expect(show(expr('1 - 2 - 3'))).toBe('(- (- 1 2) 3)');
    expect(show(expr('2 ^ 3 ^ 4'))).toBe('(^ 2 (^ 3 4))');
    expect(show(expr('a .. b .. c'))).toBe('(.. a (.. b c))');
    expect(show(expr('-x ^ 2'))).toBe('(- (^ x 2))');
    expect(show(expr('-2 ^ -2'))).toBe('(- (^ 2 (- 2)))');
    expect(show(expr('not a == b'))).toBe('(== (not a) b)');
    expect(show(expr('a or b and c'))).toBe('(or a (and b c))');
    expect(show(expr('1 < 2 == true'))).toBe('(== (< 1 2) true)');
    expect(show(expr('a | b ~ c & d << e .. f'))).toBe('(| a (~ b (& c (<< d (.. e f)))))');
    expect(show(expr('a + b .. c + d'))).toBe('(.. (+ a b) (+ c d))');
    expect(show(expr('#t + ~x // 2 % 3'))).toBe('(+ (# t) (% (// (~ x) 2) 3))');
    expect(show(expr('a >= b ~= (c <= d) > e'))).toBe('(> (~= (>= a b) <(<= c d)>) e)');
  });

  test('primary and suffixed expressions', () => {
    expect(show(expr('a.b[c]:d(e)("f"){g}'))).toBe('a["b"][c]:d(e)("f")({g})');
    expect(show(expr('(f())'))).toBe('<f()>');
    expect(show(expr('f"x"'))).toBe('f("x")');
    expect(show(expr('...'))).toBe('...');
    expect(show(expr('nil, true'))).toBe('nil');
    expect(show(expr('function(a, b, ...) end'))).toBe('(function a b ...)');
  });

  test('table constructors', () => {
    expect(show(expr('{}'))).toBe('{}');
    expect(show(expr('{1, 2; 3,}'))).toBe('{1 2 3}');
    expect(show(expr('{x = 1, [2] = 3, y; z = {}}'))).toBe('{x=1 [2]=3 y z={}}');
    expect(show(expr('{f(x), g == 1}'))).toBe('{f(x) (== g 1)}');
  });

  test('numerals and strings keep their subtype and bytes', () => {
    const t = expr('{1, 1.0, 0x10, 9223372036854775807, "\\xff", [[é]]}') as A.TableExpr;
    const values = t.fields.map((f) => (f.value as A.NumberExpr | A.StringExpr).value);
    expect(values).toEqual([1, 1, 16, 9223372036854775807n, '\xff', '\xc3\xa9']);
    expect(t.fields.map((f) => (f.value as A.NumberExpr).isFloat)).toEqual([false, true, false, false, undefined, undefined]);
  });
});

describe('statements', () => {
  test('every statement kind', () => {
    const kinds = stats(`
      local a <const>, b = 1
      a2, b2 = 1, 2
      f()
      do end
      while x do end
      repeat until x
      if x then elseif y then else end
      for i = 1, 2 do end
      for k, v in pairs(t) do end
      function g() end
      local function h() end
      ::l::
      goto l
      while true do break end
      return 1
    `).map((s) => s.kind);
    expect(kinds).toEqual([
      'Local', 'Assign', 'Call', 'Do', 'While', 'Repeat', 'If', 'NumericFor', 'GenericFor', 'Function',
      'LocalFunction', 'Label', 'Goto', 'While', 'Return',
    ]);
  });

  test('semicolons make no statements', () => {
    expect(stats(';;x = 1;;;').length).toBe(1);
  });

  test('method definitions get self', () => {
    const s = stats('function a.b.c:m(x) return self end')[0] as A.FunctionStat;
    expect(show(s.target)).toBe('a["b"]["c"]["m"]');
    expect(s.func.body.isMethod).toBe(true);
    expect(s.func.body.params.map((p) => p.name)).toEqual(['self', 'x']);
    const ret = s.func.body.body.stats[0] as A.ReturnStat;
    expect((ret.exprs[0] as A.NameExpr).local).toBe(s.func.body.params[0]);
  });

  test('attributes', () => {
    const s = stats('local a <const>, b <close>, c = 1')[0] as A.LocalStat;
    expect(s.vars.map((v) => v.attrib)).toEqual(['const', 'close', undefined]);
  });

  test('if clauses', () => {
    const s = stats('if a then x() elseif b then y() else z() end')[0] as A.IfStat;
    expect(s.clauses.map((c) => show(c.cond))).toEqual(['a', 'b']);
    expect(s.orelse?.stats.length).toBe(1);
    const w = stats('while 1 do if a then break end end')[0] as A.WhileStat;
    const t = w.body.stats[0] as A.IfStat;
    expect(t.clauses[0]!.body.stats.map((x) => x.kind)).toEqual(['Break']);
  });
});

describe('scopes', () => {
  test('a local and its references share one LocalVar', () => {
    const [decl, assign] = stats('local x = 1; x = x + 1') as [A.LocalStat, A.AssignStat];
    const x = decl.vars[0]!;
    expect(assign.targets[0]).toMatchObject({ kind: 'Name', local: x });
    expect((assign.exprs[0] as A.BinaryExpr).left).toMatchObject({ kind: 'Name', local: x });
  });

  test('a local is not in scope in its own initialiser; a local function is', () => {
    const [, decl] = stats('local x = 1; local x = x') as [A.LocalStat, A.LocalStat];
    const outer = (stats('local x = 1; local x = x')[0] as A.LocalStat).vars[0];
    expect((decl.exprs[0] as A.NameExpr).local).not.toBe(decl.vars[0]);
    expect((decl.exprs[0] as A.NameExpr).local?.name).toBe('x');
    expect(outer).toBeDefined();
    const f = stats('local function f() return f end')[0] as A.LocalFunctionStat;
    const ret = f.func.body.body.stats[0] as A.ReturnStat;
    expect((ret.exprs[0] as A.NameExpr).local).toBe(f.variable);
    const g = stats('local g = function() return g end')[0] as A.LocalStat;
    const gret = ((g.exprs[0] as A.FunctionExpr).body.body.stats[0] as A.ReturnStat).exprs[0] as A.NameExpr;
    expect(gret.local).toBeUndefined();
  });

  test('upvalues point at the enclosing function’s LocalVar', () => {
    const [decl, fn] = stats('local a = 1\nlocal function f() return function() return a end end') as [A.LocalStat, A.LocalFunctionStat];
    expect(decl.vars[0]!.depth).toBe(0);
    expect(fn.func.body.depth).toBe(1);
    const inner = ((fn.func.body.body.stats[0] as A.ReturnStat).exprs[0] as A.FunctionExpr).body;
    expect(inner.depth).toBe(2);
    expect(((inner.body.stats[0] as A.ReturnStat).exprs[0] as A.NameExpr).local).toBe(decl.vars[0]);
  });

  test('repeat-until sees the body’s locals; loop variables', () => {
    const r = stats('repeat local done = true until done')[0] as A.RepeatStat;
    expect((r.cond as A.NameExpr).local).toBe((r.body.stats[0] as A.LocalStat).vars[0]);
    const f = stats('for i = i, 10 do x = i end')[0] as A.NumericForStat;
    expect((f.start as A.NameExpr).local).toBeUndefined();
    expect(((f.body.stats[0] as A.AssignStat).exprs[0] as A.NameExpr).local).toBe(f.variable);
    const g = stats('for k, v in next, t do x = v end')[0] as A.GenericForStat;
    expect(g.variables.map((v) => v.name)).toEqual(['k', 'v']);
    expect(((g.body.stats[0] as A.AssignStat).exprs[0] as A.NameExpr).local).toBe(g.variables[1]);
  });

  test('blocks end scopes', () => {
    const [d, a] = stats('do local x end x = 1') as [A.DoStat, A.AssignStat];
    expect(d.body.stats.length).toBe(1);
    expect((a.targets[0] as A.NameExpr).local).toBeUndefined();
  });

  test('globals name their _ENV', () => {
    const [, , assign] = stats('x = 1 local _ENV = {} y = 2') as [A.AssignStat, A.LocalStat, A.AssignStat];
    const first = stats('x = 1')[0] as A.AssignStat;
    expect((first.targets[0] as A.NameExpr).env).toBeUndefined();
    const env = (stats('x = 1 local _ENV = {} y = 2')[1] as A.LocalStat).vars[0];
    expect(env?.name).toBe('_ENV');
    expect((assign.targets[0] as A.NameExpr).local).toBeUndefined();
    expect((assign.targets[0] as A.NameExpr).env?.name).toBe('_ENV');
    const s = stats('local _ENV = {} local function f() return y end');
    const envVar = (s[0] as A.LocalStat).vars[0];
    const y = ((s[1] as A.LocalFunctionStat).func.body.body.stats[0] as A.ReturnStat).exprs[0] as A.NameExpr;
    expect(y.env).toBe(envVar);
    const plain = stats('return _ENV')[0] as A.ReturnStat;
    expect(plain.exprs[0]).toMatchObject({ kind: 'Name', name: '_ENV', local: undefined });
  });
});

describe('lines', () => {
  test('operators, calls and loops carry Lua’s lines', () => {
    const b = expr('a\n+\nb') as A.BinaryExpr;
    expect([b.line, b.opLine, b.lastLine]).toEqual([1, 2, 3]);
    const u = expr('\n-\nx') as A.UnaryExpr;
    expect([u.line, u.opLine, u.lastLine]).toEqual([2, 2, 3]);
    const c = expr('f\n(\n1\n)') as A.CallExpr;
    expect([c.line, c.callLine, c.lastLine]).toEqual([1, 1, 4]);
    const m = expr('o\n:\nm\n"s"') as A.MethodCallExpr;
    expect([m.callLine, m.nameLine, m.lastLine]).toEqual([1, 3, 4]);
    const nf = stats('for i = 1,\n2\ndo\nend')[0] as A.NumericForStat;
    expect([nf.line, nf.doLine, nf.body.endLine]).toEqual([1, 3, 4]);
    const gf = stats('for k in\n\nnext\ndo end')[0] as A.GenericForStat;
    expect([gf.exprLine, gf.doLine]).toEqual([3, 4]);
    const i = stats('if a\nthen\nb()\nelseif c then end')[0] as A.IfStat;
    expect(i.clauses.map((cl) => [cl.line, cl.thenLine, cl.body.endLine])).toEqual([[1, 2, 4], [4, 4, 4]]);
  });

  test('functions: linedefined, lastlinedefined, the `...` line', () => {
    const f = stats('\nfunction f(a,\n...)\n\nend')[0] as A.FunctionStat;
    expect([f.func.body.line, f.func.body.lastLine, f.func.body.closeLine, f.func.body.varargLine]).toEqual([2, 5, 5, 3]);
    const lf = stats('local function g\n()\nend')[0] as A.LocalFunctionStat;
    expect(lf.func.body.line).toBe(2);
    const fe = expr('function\n\n() end') as A.FunctionExpr;
    expect(fe.body.line).toBe(3);
    expect(fe.body.varargLine).toBeUndefined();
    const main = parse('x = 1\n\ny = 2\n-- trailing comment\n').main;
    expect([main.line, main.lastLine, main.closeLine, main.varargLine, main.body.endLine]).toEqual([0, 0, 3, 1, 5]);
  });

  test('tokens before `{` and `...`', () => {
    const t = expr('\n{}') as A.TableExpr;
    expect([t.prevLine, t.line]).toEqual([1, 2]);
    const v = (stats('function f(...)\nreturn\n\n...\nend')[0] as A.FunctionStat).func.body.body.stats[0] as A.ReturnStat;
    expect((v.exprs[0] as A.VarargExpr).prevLine).toBe(2);
  });

  test('a token is on the line where it ends', () => {
    const s = expr('[[a\nb\nc]]') as A.StringExpr;
    expect(s.line).toBe(3);
  });
});

describe('API', () => {
  test('parse encodes JS strings as UTF-8 and decodes messages', () => {
    expect((expr('"é"') as A.StringExpr).value).toBe('\xc3\xa9');
    const e = error('x = "é\\q"');
    expect(e.message).toBe(`input:1: invalid escape sequence near '"é\\q'`);
    expect(e.reason).toBe(`invalid escape sequence near '"é\\q'`);
    expect(e.chunkName).toBe('=input');
    expect(e.line).toBe(1);
    expect(e.name).toBe('LuaSyntaxError');
  });

  test('parse takes bytes', () => {
    const chunk = parse(new Uint8Array([0x78, 0x3d, 0x22, 0xff, 0x22]), '=b');
    expect(((chunk.main.body.stats[0] as A.AssignStat).exprs[0] as A.StringExpr).value).toBe('\xff');
    expect(chunk.chunkName).toBe('=b');
  });

  test('the default chunk name is =?', () => {
    expect(() => parse('x =')).toThrow(/^\?:1: unexpected symbol near <eof>$/);
  });

  test('shebang lines are skipped only when asked (loadfile)', () => {
    expect(() => parseChunk('#!/usr/bin/lua\nx = 1', '=f')).toThrow("f:1: unexpected symbol near '#'");
    const c = parseChunk('#!/usr/bin/lua\nx = 1', '=f', { skipShebang: true });
    expect(c.main.body.stats[0]!.line).toBe(2);
    expect(parseChunk('\xEF\xBB\xBF# comment\r\n\nx = 1', '=f', { skipShebang: true }).main.body.stats[0]!.line).toBe(3);
    expect(parseChunk('\xEF\xBB\xBFx = 1', '=f', { skipShebang: true }).main.body.stats.length).toBe(1);
    expect(parseChunk('# only a comment', '=f', { skipShebang: true }).main.body.stats.length).toBe(0);
    expect(parse('#!/usr/bin/lua\nreturn 1', '@f.lua', { skipShebang: true }).main.body.stats[0]!.kind).toBe('Return');
  });

  test('nesting deeper than Lua’s C stack', () => {
    expect(error('x = ' + '('.repeat(300)).message).toBe('C stack overflow');
    expect(() => parseChunk('x = ' + '('.repeat(190) + '1' + ')'.repeat(190), '=x')).not.toThrow();
    // A caller deeper in C calls has less room.
    expect(() => parseChunk('x = ' + '('.repeat(190) + '1' + ')'.repeat(190), '=x', { cCalls: 10 })).toThrow('C stack overflow');
  });

  test('never a JS error on random bytes', () => {
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const alphabet = ' \n()[]{}=.,:;"\'\\-+*/#~<>0123456789xeabcdefghijklmnopqrstuvwzendlocalfunctionreturn';
    for (let i = 0; i < 3000; i++) {
      let s = '';
      const n = Math.floor(random() * 40);
      for (let k = 0; k < n; k++) s += random() < 0.05 ? String.fromCharCode(Math.floor(random() * 256)) : alphabet[Math.floor(random() * alphabet.length)];
      try {
        parseChunk(s, '=fuzz');
      } catch (e) {
        if (!(e instanceof LuaSyntaxError)) throw new Error(`${JSON.stringify(s)}: ${(e as Error).stack}`);
      }
    }
  });
});
