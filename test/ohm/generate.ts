// generate.ts — random Lua 5.4 programs for the Ohm oracle: valid ones, and mutations of them.
//
// `validProgram` writes a program from the whole grammar (every statement, expression, numeral
// and string form, comments and all line-break styles between tokens), keeping to Lua's
// semantic rules so that lua5.4 would accept it: `break` and `goto continue` only inside loops,
// `...` only in vararg functions, const locals never assigned, at most one `<close>` per local
// statement, nesting well below Lua's limits. `mutate` breaks a program the way typing does:
// tokens deleted, doubled, swapped, replaced or inserted, stray bytes, a truncated tail.
// Everything is driven by a seeded PRNG, so the corpus is the same on every run.

export type Random = () => number;

/** mulberry32: a small, good-enough seeded PRNG. */
export function rng(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BINARY = ['or', 'and', '<', '>', '<=', '>=', '~=', '==', '|', '~', '&', '<<', '>>', '..', '+', '-', '*', '/', '//', '%', '^'];
const UNARY = ['not', '-', '#', '~'];
const NUMERALS = [
  '0', '1', '42', '007', '3.14', '.5', '5.', '1e10', '2.5E-3', '1e+2', '0xff', '0XaB', '0x1p4', '0x.8P-1', '0xA.8',
  '9223372036854775807', '9223372036854775808', '0xffffffffffffffff', '1E400', '0x7fffffff',
];
const ESCAPES = ['\\n', '\\t', '\\\\', '\\"', "\\'", '\\x41', '\\065', '\\000', '\\255', '\\u{48}', '\\u{7FFFFFFF}', '\\z  ', '\\\n', '\\a', '\\v'];
const GLOBALS = ['print', 'x', 'y', 'tbl', 'string', 'f', 'g', 'obj', 'data'];
const FIELDS = ['a', 'b', 'name', 'value', 'n', 'next', 'x'];
const SEPARATORS = [
  ...Array<string>(24).fill(' '), '\t', '\n', '\n', '\n', '\r\n', '\r', '\n\r', ' --[[c]] ', ' --c\n', ' --[==[\n]==]', ' --\n',
];

interface Scope {
  inLoop: boolean;
  vararg: boolean;
  /** The label a `goto` may jump to (at the end of the current loop body), if any. */
  label: string | undefined;
}

export class ProgramGenerator {
  private readonly r: Random;
  private out: string[] = [];
  private depth = 0;
  private labels = 0;
  private locals = 0;

  constructor(random: Random) {
    this.r = random;
  }

  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)]!;
  }

  private chance(p: number): boolean {
    return this.r() < p;
  }

  /** Emits tokens separated by random whitespace or comments. */
  private t(...toks: string[]): void {
    for (const tok of toks) {
      if (this.out.length > 0) this.out.push(this.pick(SEPARATORS));
      this.out.push(tok);
    }
  }

  validProgram(): string {
    this.out = [];
    this.depth = 0;
    this.block({ inLoop: false, vararg: true, label: undefined }, 1 + Math.floor(this.r() * 3));
    return this.out.join('');
  }

  // ==========================================================================================
  // Statements
  // ==========================================================================================

  private block(scope: Scope, n: number): void {
    for (let i = 0; i < n; i++) {
      this.statement(scope);
      if (this.chance(0.15)) this.t(';');
    }
    if (this.chance(0.15) && scope.label === undefined) {
      this.t('return');
      if (this.chance(0.7)) this.exprList(scope, 1 + Math.floor(this.r() * 2));
      if (this.chance(0.3)) this.t(';');
    }
  }

  private body(scope: Scope): void {
    this.depth++;
    this.block(scope, this.depth > 1 ? Math.floor(this.r() * 2) : 1 + Math.floor(this.r() * 2));
    this.depth--;
  }

  /** A loop body, sometimes ending with a `::continue::`-style label its gotos jump to. */
  private loopBody(scope: Scope, allowLabel = true): void {
    const label = allowLabel && this.chance(0.3) ? `continue${++this.labels}` : undefined;
    this.body({ inLoop: true, vararg: scope.vararg, label });
    if (label) this.t('::', label, '::');
  }

  private statement(scope: Scope): void {
    const deep = this.depth > 2;
    const k = Math.floor(this.r() * (deep ? 6 : 16));
    switch (k) {
      case 0:
      case 1:
        return this.localStat(scope);
      case 2:
      case 3:
        return this.assignStat(scope);
      case 4:
        this.callExpr(scope);
        return;
      case 5:
        if (scope.inLoop && this.chance(0.5)) return this.t('break');
        if (scope.label !== undefined) return this.t('goto', scope.label);
        return this.localStat(scope);
      case 6:
        this.t('do');
        this.body({ ...scope });
        return this.t('end');
      case 7:
        this.t('while');
        this.expr(scope, 2);
        this.t('do');
        this.loopBody(scope);
        return this.t('end');
      case 8:
        this.t('repeat');
        // A label before `until` is not at the end of its block: no gotos there.
        this.body({ inLoop: true, vararg: scope.vararg, label: undefined });
        this.t('until');
        return this.expr(scope, 2);
      case 9: {
        this.t('if');
        this.expr(scope, 2);
        this.t('then');
        this.body({ ...scope });
        while (this.chance(0.3)) {
          this.t('elseif');
          this.expr(scope, 2);
          this.t('then');
          this.body({ ...scope });
        }
        if (this.chance(0.4)) {
          this.t('else');
          this.body({ ...scope });
        }
        return this.t('end');
      }
      case 10:
        this.t('for', this.localName(), '=');
        this.expr(scope, 1);
        this.t(',');
        this.expr(scope, 1);
        if (this.chance(0.4)) {
          this.t(',');
          this.expr(scope, 1);
        }
        this.t('do');
        this.loopBody(scope);
        return this.t('end');
      case 11:
        this.t('for', this.localName());
        while (this.chance(0.4)) this.t(',', this.localName());
        this.t('in');
        this.exprList(scope, 1 + Math.floor(this.r() * 2));
        this.t('do');
        this.loopBody(scope);
        return this.t('end');
      case 12: {
        this.t('function', this.pick(GLOBALS));
        while (this.chance(0.3)) this.t('.', this.pick(FIELDS));
        const method = this.chance(0.3);
        if (method) this.t(':', this.pick(FIELDS));
        return this.funcBody();
      }
      case 13:
        this.t('local', 'function', this.localName());
        return this.funcBody();
      case 14:
        this.t('::', `label${++this.labels}`, '::');
        return;
      default:
        this.t('do');
        this.body({ ...scope });
        return this.t('end');
    }
  }

  private localName(): string {
    return `l${++this.locals % 12}`;
  }

  private localStat(scope: Scope): void {
    this.t('local');
    const n = 1 + Math.floor(this.r() * 3);
    let hasClose = false;
    let allConstOk = true;
    for (let i = 0; i < n; i++) {
      if (i > 0) this.t(',');
      const a = this.r();
      if (a < 0.15) {
        // Const locals get their own names, which no statement assigns.
        this.t(`c${Math.floor(this.r() * 5)}`, '<', 'const', '>');
      } else if (a < 0.22 && !hasClose) {
        hasClose = true;
        allConstOk = false;
        // To-be-closed locals get their own names too (they are read-only as well).
        this.t(`k${Math.floor(this.r() * 5)}`, '<', 'close', '>');
      } else {
        this.t(this.localName());
      }
    }
    if (this.chance(0.8) || !allConstOk) {
      this.t('=');
      this.exprList(scope, 1 + Math.floor(this.r() * n));
    }
  }

  private assignStat(scope: Scope): void {
    const n = 1 + Math.floor(this.r() * 2);
    for (let i = 0; i < n; i++) {
      if (i > 0) this.t(',');
      this.varExpr(scope);
    }
    this.t('=');
    this.exprList(scope, 1 + Math.floor(this.r() * 2));
  }

  private funcBody(): void {
    this.t('(');
    const n = Math.floor(this.r() * 3);
    for (let i = 0; i < n; i++) {
      if (i > 0) this.t(',');
      this.t(`p${i}`);
    }
    const vararg = this.chance(0.4);
    if (vararg) {
      if (n > 0) this.t(',');
      this.t('...');
    }
    this.t(')');
    // A function starts with no enclosing loop or label.
    this.body({ inLoop: false, vararg, label: undefined });
    this.t('end');
  }

  // ==========================================================================================
  // Expressions
  // ==========================================================================================

  private exprList(scope: Scope, n: number): void {
    for (let i = 0; i < n; i++) {
      if (i > 0) this.t(',');
      this.expr(scope, 2);
    }
  }

  private expr(scope: Scope, budget: number): void {
    if (budget <= 0 || this.depth > 3) return this.simple(scope, 0);
    const k = this.r();
    if (k < 0.3) {
      this.expr(scope, budget - 1);
      this.t(this.pick(BINARY));
      this.expr(scope, budget - 1);
    } else if (k < 0.4) {
      this.t(this.pick(UNARY));
      this.expr(scope, budget - 1);
    } else if (k < 0.5) {
      this.t('(');
      this.expr(scope, budget - 1);
      this.t(')');
    } else {
      this.simple(scope, budget - 1);
    }
  }

  private simple(scope: Scope, budget: number): void {
    const k = Math.floor(this.r() * 12);
    switch (k) {
      case 0:
        return this.t(this.pick(['nil', 'true', 'false']));
      case 1:
      case 2:
        return this.t(this.pick(NUMERALS));
      case 3:
        return this.t(this.stringLiteral());
      case 4:
        return this.t(scope.vararg ? '...' : this.pick(GLOBALS));
      case 5:
        if (budget > 0 && this.depth < 3) {
          this.t('function');
          this.depth++;
          this.funcBody();
          this.depth--;
          return;
        }
        return this.t(this.pick(GLOBALS));
      case 6:
        return this.table(scope, budget);
      case 7:
        if (budget > 0) return this.callExpr(scope);
        return this.t(this.pick(GLOBALS));
      default:
        return this.varExpr(scope);
    }
  }

  private table(scope: Scope, budget: number): void {
    this.t('{');
    const n = budget > 0 ? Math.floor(this.r() * 4) : 0;
    for (let i = 0; i < n; i++) {
      if (i > 0) this.t(this.pick([',', ';']));
      const k = this.r();
      if (k < 0.3) {
        this.t(this.pick(FIELDS), '=');
        this.expr(scope, budget - 1);
      } else if (k < 0.5) {
        this.t('[');
        this.expr(scope, budget - 1);
        this.t(']', '=');
        this.expr(scope, budget - 1);
      } else {
        this.expr(scope, budget - 1);
      }
    }
    if (n > 0 && this.chance(0.3)) this.t(this.pick([',', ';']));
    this.t('}');
  }

  /** A name followed by some field and index suffixes (assignable). */
  private varExpr(scope: Scope): void {
    this.t(this.chance(0.3) ? this.localName() : this.pick(GLOBALS));
    while (this.chance(0.35)) {
      if (this.chance(0.6)) this.t('.', this.pick(FIELDS));
      else {
        this.t('[');
        this.simple(scope, 0);
        this.t(']');
      }
    }
  }

  private callExpr(scope: Scope): void {
    this.varExpr(scope);
    const calls = 1 + Math.floor(this.r() * 2);
    for (let i = 0; i < calls; i++) {
      if (this.chance(0.3)) this.t(':', this.pick(FIELDS));
      const k = this.r();
      if (k < 0.6) {
        this.t('(');
        if (this.chance(0.7)) this.exprList(scope, 1 + Math.floor(this.r() * 3));
        this.t(')');
      } else if (k < 0.8) {
        this.t(this.stringLiteral());
      } else {
        this.table(scope, 1);
      }
    }
  }

  private stringLiteral(): string {
    const k = this.r();
    if (k < 0.25) {
      const level = Math.floor(this.r() * 4);
      const eq = '='.repeat(level);
      const body = this.pick(['', 'text', '\nfirst line skipped', 'a]b', 'x\r\ny', ']] inside', 'é']);
      if (level === 0 && body.includes(']]')) return `[[plain]]`;
      return `[${eq}[${body}]${eq}]`;
    }
    const q = this.chance(0.5) ? '"' : "'";
    let s = '';
    const n = Math.floor(this.r() * 5);
    for (let i = 0; i < n; i++) {
      if (this.chance(0.3)) s += this.pick(ESCAPES);
      else s += this.pick(['a', 'b c', '-', '--', '[[', 'é', '\t', q === '"' ? "'" : '"', '0', '%d']);
    }
    return q + s + q;
  }
}

// ============================================================================================
// Mutations
// ============================================================================================

const INSERTS = [
  'end', 'do', 'then', 'local', 'function', '(', ')', '{', '}', '[', ']', '=', '==', ',', ';', '.', ':', '::', '...', '..',
  '+', '-', 'x', '1', '"s"', 'return', 'break', 'goto', 'until', 'else', 'elseif', 'in', 'for', 'if', 'while', 'repeat',
  '<const>', '<close>', '<foo>', '0x', '3x', '1e', '"open', "'\\q'", '[==[', '--[[', '@', '$', '!', '\\', '`', '\x01',
  'nil', 'not', 'and', '[=', '"\\u{110000000}"', '"\\300"', '0x1p', '.5.',
];

/** Splits a source into tokens and the text between them, roughly (enough for mutating). */
function roughTokens(src: string): string[] {
  return (
    src.match(
      /\[(=*)\[[\s\S]*?\]\1\]|--\[(=*)\[[\s\S]*?\]\2\]|--[^\n]*|"(?:[^"\\\n]|\\[\s\S])*"|'(?:[^'\\\n]|\\[\s\S])*'|0[xX][0-9A-Fa-f.]+(?:[pP][-+]?\d+)?|\d*\.?\d+(?:[eE][-+]?\d+)?|[A-Za-z_]\w*|\.\.\.|\.\.|::|<<|>>|\/\/|==|~=|<=|>=|\s+|[\s\S]/g,
    ) ?? []
  );
}

export function mutate(src: string, r: Random): string {
  const toks = roughTokens(src);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const n = 1 + Math.floor(r() * 3);
  for (let k = 0; k < n && toks.length > 0; k++) {
    const i = Math.floor(r() * toks.length);
    switch (Math.floor(r() * 8)) {
      case 0:
        toks.splice(i, 1);
        break;
      case 1:
        toks.splice(i, 0, ' ', pick(INSERTS), ' ');
        break;
      case 2:
        toks[i] = pick(INSERTS);
        break;
      case 3:
        toks.splice(i, 0, toks[i]!);
        break;
      case 4:
        if (i + 1 < toks.length) [toks[i], toks[i + 1]] = [toks[i + 1]!, toks[i]!];
        break;
      case 5:
        toks.length = i;
        break;
      case 6: {
        // A byte inside a token.
        const t = toks[i]!;
        const p = Math.floor(r() * (t.length + 1));
        toks[i] = t.slice(0, p) + pick(['"', "'", '[', ']', '=', '\\', '\n', '.', 'x', '0', '-', '~', '<']) + t.slice(p);
        break;
      }
      default: {
        // A byte out of a token.
        const t = toks[i]!;
        const p = Math.floor(r() * t.length);
        toks[i] = t.slice(0, p) + t.slice(p + 1);
      }
    }
  }
  return toks.join('');
}
