// disasm.ts — listings of compiled functions in the format of `luac -l` (and `-l -l` with
// `full`): the header of each function, one line per instruction with its line number, its
// operands and luac's comments (constants, upvalue names, jump targets), then the constants,
// locals and upvalues sections, and the nested functions after their parent.
//
// The text matches luac 5.4.4 character for character except for the addresses ("at 0x…"),
// which identify protos: moonlet prints stable fake ones (or the caller's), and tests compare
// listings with addresses normalised.
// Cf. luac.c (PrintFunction, PrintCode, PrintConstant, PrintString, PrintDebug).

import {
  Op,
  OPCODES,
  MAXARG_C,
  getOp,
  getA,
  getB,
  getC,
  getk,
  getAx,
  getBx,
  getsB,
  getsC,
  getsBx,
  getsJ,
} from './opcodes.js';
import type { Proto } from './proto.js';
import type { LuaValue } from '../vm/value.js';
import { LuaFloat } from '../vm/value.js';
import { formatFloat14 } from '../vm/number-format.js';

export interface DisasmOptions {
  /** Also print the constants, locals and upvalues of each function (`luac -l -l`). */
  readonly full?: boolean;
  /** The address printed for a proto; default: stable fake addresses in order of appearance. */
  readonly address?: (p: Proto) => string;
}

/** Metamethod names as MMBIN comments print them (ltm.c luaT_eventname order). */
const TM_NAMES = [
  '__index', '__newindex', '__gc', '__mode', '__len', '__eq', '__add', '__sub', '__mul',
  '__mod', '__pow', '__div', '__idiv', '__band', '__bor', '__bxor', '__shl', '__shr', '__unm',
  '__bnot', '__lt', '__le', '__concat', '__call', '__close',
];

/** A listing of `p` and its nested functions, as `luac -l` (or `-l -l`) prints it. */
export function disassemble(p: Proto, opts: DisasmOptions = {}): string {
  let address = opts.address;
  if (address === undefined) {
    const seen = new Map<Proto, string>();
    address = (q) => {
      let a = seen.get(q);
      if (a === undefined) {
        a = '0x' + (0x1000 + seen.size * 0x100).toString(16).padStart(12, '0');
        seen.set(q, a);
      }
      return a;
    };
  }
  const out: string[] = [];
  printFunction(p, opts.full === true, address, out);
  return out.join('');
}

function printFunction(f: Proto, full: boolean, address: (p: Proto) => string, out: string[]): void {
  printHeader(f, address, out);
  printCode(f, address, out);
  if (full) printDebug(f, address, out);
  for (const child of f.p) printFunction(child, full, address, out);
}

function plural(n: number): string {
  return n === 1 ? '' : 's';
}

function printHeader(f: Proto, address: (p: Proto) => string, out: string[]): void {
  let s = f.source;
  if (s.startsWith('@') || s.startsWith('=')) s = s.slice(1);
  else if (s.startsWith('\x1b')) s = '(bstring)';
  else s = '(string)';
  const n = f.code.length;
  out.push(
    `\n${f.lineDefined === 0 ? 'main' : 'function'} <${s}:${f.lineDefined},${f.lastLineDefined}> ` +
      `(${n} instruction${plural(n)} at ${address(f)})\n`,
  );
  out.push(
    `${f.numParams}${f.isVararg ? '+' : ''} param${plural(f.numParams)}, ` +
      `${f.maxStackSize} slot${plural(f.maxStackSize)}, ${f.upvalues.length} upvalue${plural(f.upvalues.length)}, `,
  );
  out.push(
    `${f.locvars.length} local${plural(f.locvars.length)}, ${f.k.length} constant${plural(f.k.length)}, ` +
      `${f.p.length} function${plural(f.p.length)}\n`,
  );
}

/** A string constant as luac prints it: quoted, with C escapes and \ddd for the rest. */
export function quoteString(s: string): string {
  let r = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    switch (c) {
      case 34:
        r += '\\"';
        break;
      case 92:
        r += '\\\\';
        break;
      case 7:
        r += '\\a';
        break;
      case 8:
        r += '\\b';
        break;
      case 12:
        r += '\\f';
        break;
      case 10:
        r += '\\n';
        break;
      case 13:
        r += '\\r';
        break;
      case 9:
        r += '\\t';
        break;
      case 11:
        r += '\\v';
        break;
      default:
        r += c >= 32 && c <= 126 ? s[i] : '\\' + String(c).padStart(3, '0');
    }
  }
  return r + '"';
}

/** A constant as luac prints it (PrintConstant). */
export function constantText(v: LuaValue): string {
  switch (typeof v) {
    case 'undefined':
      return 'nil';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'bigint':
      return v.toString();
    case 'number':
      return Number.isInteger(v) ? String(v) : floatText(v);
    case 'string':
      return quoteString(v);
  }
  if (v instanceof LuaFloat) return floatText(v.n);
  return '?';
}

function floatText(x: number): string {
  const s = Number.isNaN(x) ? 'nan' : formatFloat14(x);
  return /^[-0-9]*$/.test(s) ? s + '.0' : s;
}

function typeLetter(v: LuaValue): string {
  switch (typeof v) {
    case 'undefined':
      return 'N';
    case 'boolean':
      return 'B';
    case 'bigint':
      return 'I';
    case 'number':
      return Number.isInteger(v) ? 'I' : 'F';
    case 'string':
      return 'S';
  }
  return v instanceof LuaFloat ? 'F' : '?';
}

function printCode(f: Proto, address: (p: Proto) => string, out: string[]): void {
  const code = f.code;
  const upName = (i: number): string => f.upvalues[i]?.name || '-';
  const K = (i: number): string => constantText(f.k[i]);
  for (let pc = 0; pc < code.length; pc++) {
    const i = code[pc]!;
    const o = getOp(i) as Op;
    const a = getA(i);
    const b = getB(i);
    const c = getC(i);
    const bx = getBx(i);
    const sb = getsB(i);
    const sc = getsC(i);
    const sbx = getsBx(i);
    const isk = getk(i);
    const ISK = isk ? 'k' : '';
    const extraArgC = () => getAx(code[pc + 1]!) * (MAXARG_C + 1);
    const line = f.lineinfo[pc]!;
    let s = `\t${pc + 1}\t${line > 0 ? `[${line}]` : '[-]'}\t${OPCODES[o].name.padEnd(9)}\t`;
    switch (o) {
      case Op.MOVE:
        s += `${a} ${b}`;
        break;
      case Op.LOADI:
      case Op.LOADF:
        s += `${a} ${sbx}`;
        break;
      case Op.LOADK:
        s += `${a} ${bx}\t; ${K(bx)}`;
        break;
      case Op.LOADKX:
        s += `${a}\t; ${K(getAx(code[pc + 1]!))}`;
        break;
      case Op.LOADFALSE:
      case Op.LFALSESKIP:
      case Op.LOADTRUE:
        s += `${a}`;
        break;
      case Op.LOADNIL:
        s += `${a} ${b}\t; ${b + 1} out`;
        break;
      case Op.GETUPVAL:
      case Op.SETUPVAL:
        s += `${a} ${b}\t; ${upName(b)}`;
        break;
      case Op.GETTABUP:
        s += `${a} ${b} ${c}\t; ${upName(b)} ${K(c)}`;
        break;
      case Op.GETTABLE:
      case Op.GETI:
        s += `${a} ${b} ${c}`;
        break;
      case Op.GETFIELD:
        s += `${a} ${b} ${c}\t; ${K(c)}`;
        break;
      case Op.SETTABUP:
        s += `${a} ${b} ${c}${ISK}\t; ${upName(a)} ${K(b)}`;
        if (isk) s += ` ${K(c)}`;
        break;
      case Op.SETTABLE:
      case Op.SETI:
        s += `${a} ${b} ${c}${ISK}`;
        if (isk) s += `\t; ${K(c)}`;
        break;
      case Op.SETFIELD:
        s += `${a} ${b} ${c}${ISK}\t; ${K(b)}`;
        if (isk) s += ` ${K(c)}`;
        break;
      case Op.NEWTABLE:
        s += `${a} ${b} ${c}\t; ${c + extraArgC()}`;
        break;
      case Op.SELF:
        s += `${a} ${b} ${c}${ISK}`;
        if (isk) s += `\t; ${K(c)}`;
        break;
      case Op.ADDI:
      case Op.SHRI:
      case Op.SHLI:
        s += `${a} ${b} ${sc}`;
        break;
      case Op.ADDK:
      case Op.SUBK:
      case Op.MULK:
      case Op.MODK:
      case Op.POWK:
      case Op.DIVK:
      case Op.IDIVK:
      case Op.BANDK:
      case Op.BORK:
      case Op.BXORK:
        s += `${a} ${b} ${c}\t; ${K(c)}`;
        break;
      case Op.ADD:
      case Op.SUB:
      case Op.MUL:
      case Op.MOD:
      case Op.POW:
      case Op.DIV:
      case Op.IDIV:
      case Op.BAND:
      case Op.BOR:
      case Op.BXOR:
      case Op.SHL:
      case Op.SHR:
        s += `${a} ${b} ${c}`;
        break;
      case Op.MMBIN:
        s += `${a} ${b} ${c}\t; ${TM_NAMES[c]}`;
        break;
      case Op.MMBINI:
        s += `${a} ${sb} ${c} ${isk}\t; ${TM_NAMES[c]}`;
        if (isk) s += ' flip';
        break;
      case Op.MMBINK:
        s += `${a} ${b} ${c} ${isk}\t; ${TM_NAMES[c]} ${K(b)}`;
        if (isk) s += ' flip';
        break;
      case Op.UNM:
      case Op.BNOT:
      case Op.NOT:
      case Op.LEN:
      case Op.CONCAT:
        s += `${a} ${b}`;
        break;
      case Op.CLOSE:
      case Op.TBC:
        s += `${a}`;
        break;
      case Op.JMP:
        s += `${getsJ(i)}\t; to ${getsJ(i) + pc + 2}`;
        break;
      case Op.EQ:
      case Op.LT:
      case Op.LE:
        s += `${a} ${b} ${isk}`;
        break;
      case Op.EQK:
        s += `${a} ${b} ${isk}\t; ${K(b)}`;
        break;
      case Op.EQI:
      case Op.LTI:
      case Op.LEI:
      case Op.GTI:
      case Op.GEI:
        s += `${a} ${sb} ${isk}`;
        break;
      case Op.TEST:
        s += `${a} ${isk}`;
        break;
      case Op.TESTSET:
        s += `${a} ${b} ${isk}`;
        break;
      case Op.CALL:
        s += `${a} ${b} ${c}\t; ${b === 0 ? 'all in ' : `${b - 1} in `}${c === 0 ? 'all out' : `${c - 1} out`}`;
        break;
      case Op.TAILCALL:
        s += `${a} ${b} ${c}${ISK}\t; ${b - 1} in`;
        break;
      case Op.RETURN:
        s += `${a} ${b} ${c}${ISK}\t; ${b === 0 ? 'all out' : `${b - 1} out`}`;
        break;
      case Op.RETURN0:
        break;
      case Op.RETURN1:
        s += `${a}`;
        break;
      case Op.FORLOOP:
      case Op.TFORLOOP:
        s += `${a} ${bx}\t; to ${pc - bx + 2}`;
        break;
      case Op.FORPREP:
        s += `${a} ${bx}\t; exit to ${pc + bx + 3}`;
        break;
      case Op.TFORPREP:
        s += `${a} ${bx}\t; to ${pc + bx + 2}`;
        break;
      case Op.TFORCALL:
        s += `${a} ${c}`;
        break;
      case Op.SETLIST:
        s += `${a} ${b} ${c}`;
        if (isk) s += `\t; ${c + extraArgC()}`;
        break;
      case Op.CLOSURE:
        s += `${a} ${bx}\t; ${address(f.p[bx]!)}`;
        break;
      case Op.VARARG:
        s += `${a} ${c}\t; ${c === 0 ? 'all out' : `${c - 1} out`}`;
        break;
      case Op.VARARGPREP:
        s += `${a}`;
        break;
      case Op.EXTRAARG:
        s += `${getAx(i)}`;
        break;
      default:
        s += `${a} ${b} ${c}\t; not handled`;
        break;
    }
    out.push(s + '\n');
  }
}

function printDebug(f: Proto, address: (p: Proto) => string, out: string[]): void {
  const addr = address(f);
  out.push(`constants (${f.k.length}) for ${addr}:\n`);
  f.k.forEach((v, i) => out.push(`\t${i}\t${typeLetter(v)}\t${constantText(v)}\n`));
  out.push(`locals (${f.locvars.length}) for ${addr}:\n`);
  f.locvars.forEach((lv, i) => out.push(`\t${i}\t${lv.name}\t${lv.startPc + 1}\t${lv.endPc + 1}\n`));
  out.push(`upvalues (${f.upvalues.length}) for ${addr}:\n`);
  f.upvalues.forEach((uv, i) => out.push(`\t${i}\t${uv.name || '-'}\t${uv.inStack ? 1 : 0}\t${uv.index}\n`));
}
