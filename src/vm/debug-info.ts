// debug-info.ts — what the VM can say about running code: current lines, names of variables
// and functions for error messages, and tracebacks.
//
// Names come from symbolic execution of the bytecode, as Lua does it: to name the value in
// register r at instruction pc, find the last instruction before pc that wrote r and read
// the name off it (a local's debug name, a GETTABUP from _ENV is a global, a GETFIELD a
// field, a SELF a method, a LOADK of a string a constant...). Because moonlet's compiler emits
// Lua 5.4's exact bytecode, the names match Lua's messages word for word.
// Cf. ldebug.c (getobjname, findsetreg, funcnamefromcode, varinfo), lauxlib.c (traceback).

import { Op, OPCODES, getOp, getA, getB, getC, getk, getBx, getAx, getsJ } from '../compiler/opcodes.js';
import type { Proto } from '../compiler/proto.js';
import type { LuaValue } from './value.js';
import { typeName } from './value.js';
import { LuaTable } from './table.js';
import { LuaClosure, NativeFunction } from './closure.js';
import { CallInfo, CIST_C, CIST_FIN, CIST_HOOKED, CIST_TAIL, LuaThread } from './state.js';
import { LuaUserdata } from './value.js';
import { chunkId } from '../parser/chunk-name.js';
import { TM, TM_NAMES } from './metamethods.js';

// ============================================================================================
// Lines and positions
// ============================================================================================

export function isLuaFrame(ci: CallInfo): boolean {
  return (ci.callstatus & CIST_C) === 0;
}

/** Index of the instruction a Lua frame is executing. */
export function currentPc(ci: CallInfo): number {
  return ci.pc - 1;
}

/** Source line a Lua frame is at (-1 when the chunk was stripped of debug information). */
export function currentLine(ci: CallInfo): number {
  const p = (ci.closure as LuaClosure).p;
  if (p.lineinfo.length === 0) return -1;
  const pc = currentPc(ci);
  return p.lineinfo[pc < 0 ? 0 : pc];
}

/** "chunk:line:" for a Lua frame, "" for a native one or an unknown line (luaL_where). */
export function where(ci: CallInfo | null): string {
  if (ci === null || !isLuaFrame(ci)) return '';
  const line = currentLine(ci);
  if (line <= 0) return '';
  return `${chunkId((ci.closure as LuaClosure).p.source)}:${line}: `;
}

/**
 * The position runtime errors of the VM carry (luaG_addinfo): every Lua frame gets one, so
 * code without debug information reads "?:-1:".
 */
export function runtimePosition(ci: CallInfo): string {
  if (!isLuaFrame(ci)) return '';
  return `${chunkId((ci.closure as LuaClosure).p.source)}:${currentLine(ci)}: `;
}

/** luaL_where(L, level): position of the function `level` frames below the running one. */
export function whereLevel(L: LuaThread, level: number): string {
  let ci: CallInfo | null = L.ci;
  for (let i = 0; i < level && ci !== null; i++) ci = ci.previous;
  if (ci === null || ci === L.baseCi) return '';
  return where(ci);
}

// ============================================================================================
// Symbolic execution (getobjname)
// ============================================================================================

export type NameKind = 'local' | 'global' | 'field' | 'upvalue' | 'constant' | 'method' | 'metamethod' | 'for iterator' | 'hook';

export interface VarName {
  kind: NameKind;
  name: string;
}

/** Name of the local variable in register `reg` (0-based) active at `pc`, if any. */
export function localName(p: Proto, reg: number, pc: number): string | undefined {
  let n = reg + 1;
  for (const v of p.locvars) {
    if (v.startPc > pc) break;
    if (pc < v.endPc) {
      n--;
      if (n === 0) return v.name;
    }
  }
  return undefined;
}

function upvalName(p: Proto, idx: number): string {
  const uv = p.upvalues[idx];
  return uv === undefined || uv.name === '' ? '?' : uv.name;
}

/** Last instruction before `lastPc` that set register `reg`, or -1 if unknown. */
function findSetReg(p: Proto, lastPc: number, reg: number): number {
  const code = p.code;
  if (OPCODES[getOp(code[lastPc]) as Op].isMMBin) lastPc--; // the MMBIN's operation did not run
  let setreg = -1;
  let jmptarget = 0; // code before this address is conditional
  for (let pc = 0; pc < lastPc; pc++) {
    const i = code[pc];
    const op = getOp(i) as Op;
    const a = getA(i);
    let change: boolean;
    switch (op) {
      case Op.LOADNIL:
        change = a <= reg && reg <= a + getB(i);
        break;
      case Op.TFORCALL:
        change = reg >= a + 2;
        break;
      case Op.CALL:
      case Op.TAILCALL:
        change = reg >= a;
        break;
      case Op.JMP: {
        const dest = pc + 1 + getsJ(i);
        if (dest <= lastPc && dest > jmptarget) jmptarget = dest;
        change = false;
        break;
      }
      default:
        change = OPCODES[op].setsA && reg === a;
    }
    if (change) setreg = pc < jmptarget ? -1 : pc;
  }
  return setreg;
}

function constantName(p: Proto, k: number): string {
  const v = p.k[k];
  return typeof v === 'string' ? v : '?';
}

/** Name for register `c` used as a key: only a string constant has one. */
function registerKeyName(p: Proto, pc: number, c: number): string {
  const r = objectName(p, pc, c);
  return r !== undefined && r.kind === 'constant' ? r.name : '?';
}

/**
 * 'global' if the table being indexed is the variable _ENV (an upvalue or a local of that
 * name), else 'field'. A field or a string constant spelled "_ENV" is not the variable:
 * `a._ENV.x` names "field 'x'" (5.4.4 said "global 'x'"; fixed in 5.4.7 and 5.4.8).
 */
function globalOrField(p: Proto, pc: number, i: number, isUp: boolean): NameKind {
  const t = getB(i);
  let name: string | undefined;
  if (isUp) name = upvalName(p, t);
  else {
    const r = objectName(p, pc, t);
    if (r !== undefined && (r.kind === 'local' || r.kind === 'upvalue')) name = r.name;
  }
  return name === '_ENV' ? 'global' : 'field';
}

/** What the value in register `reg` at instruction `lastPc` is called, if anything. */
export function objectName(p: Proto, lastPc: number, reg: number): VarName | undefined {
  const local = localName(p, reg, lastPc);
  if (local !== undefined) return { kind: 'local', name: local };
  const pc = findSetReg(p, lastPc, reg);
  if (pc === -1) return undefined;
  const i = p.code[pc];
  switch (getOp(i) as Op) {
    case Op.MOVE: {
      const b = getB(i);
      if (b < getA(i)) return objectName(p, pc, b);
      return undefined;
    }
    case Op.GETTABUP:
      return { kind: globalOrField(p, pc, i, true), name: constantName(p, getC(i)) };
    case Op.GETTABLE:
      return { kind: globalOrField(p, pc, i, false), name: registerKeyName(p, pc, getC(i)) };
    case Op.GETI:
      return { kind: 'field', name: 'integer index' };
    case Op.GETFIELD:
      return { kind: globalOrField(p, pc, i, false), name: constantName(p, getC(i)) };
    case Op.GETUPVAL:
      return { kind: 'upvalue', name: upvalName(p, getB(i)) };
    case Op.LOADK:
    case Op.LOADKX: {
      const b = getOp(i) === Op.LOADK ? getBx(i) : getAx(p.code[pc + 1]);
      const v = p.k[b];
      return typeof v === 'string' ? { kind: 'constant', name: v } : undefined;
    }
    case Op.SELF: {
      const c = getC(i);
      return { kind: 'method', name: getk(i) ? constantName(p, c) : registerKeyName(p, pc, c) };
    }
    default:
      return undefined;
  }
}

// ============================================================================================
// Function names (funcnamefromcode)
// ============================================================================================

/** How the function running in `ci` was called, from the calling instruction. */
export function funcNameFromCall(ci: CallInfo | null): VarName | undefined {
  if (ci === null) return undefined;
  if (ci.callstatus & CIST_HOOKED) return { kind: 'hook', name: '?' };
  if (ci.callstatus & CIST_FIN) return { kind: 'metamethod', name: '__gc' };
  if (!isLuaFrame(ci)) return undefined;
  return funcNameFromCode((ci.closure as LuaClosure).p, currentPc(ci));
}

export function funcNameFromCode(p: Proto, pc: number): VarName | undefined {
  const i = p.code[pc];
  let tm: TM;
  switch (getOp(i) as Op) {
    case Op.CALL:
    case Op.TAILCALL:
      return objectName(p, pc, getA(i));
    case Op.TFORCALL:
      return { kind: 'for iterator', name: 'for iterator' };
    case Op.SELF:
    case Op.GETTABUP:
    case Op.GETTABLE:
    case Op.GETI:
    case Op.GETFIELD:
      tm = TM.INDEX;
      break;
    case Op.SETTABUP:
    case Op.SETTABLE:
    case Op.SETI:
    case Op.SETFIELD:
      tm = TM.NEWINDEX;
      break;
    case Op.MMBIN:
    case Op.MMBINI:
    case Op.MMBINK:
      tm = getC(i) as TM;
      break;
    case Op.UNM:
      tm = TM.UNM;
      break;
    case Op.BNOT:
      tm = TM.BNOT;
      break;
    case Op.LEN:
      tm = TM.LEN;
      break;
    case Op.CONCAT:
      tm = TM.CONCAT;
      break;
    case Op.EQ:
      tm = TM.EQ;
      break;
    case Op.LT:
    case Op.LTI:
    case Op.GTI:
      tm = TM.LT;
      break;
    case Op.LE:
    case Op.LEI:
    case Op.GEI:
      tm = TM.LE;
      break;
    case Op.CLOSE:
    case Op.RETURN:
      tm = TM.CLOSE;
      break;
    default:
      return undefined;
  }
  return { kind: 'metamethod', name: TM_NAMES[tm].slice(2) };
}

/** Name of the function running in `ci`, as getinfo's "n" reports it. */
export function getFuncName(ci: CallInfo): VarName | undefined {
  if ((ci.callstatus & CIST_TAIL) !== 0) return undefined;
  return funcNameFromCall(ci.previous);
}

// ============================================================================================
// Variable info for operand errors (varinfo)
// ============================================================================================

/**
 * Where an operand came from, for " (local 'x')" suffixes: a register of the running Lua
 * frame (>= 0), an upvalue (-1 - index), or nothing known (NO_SOURCE).
 */
export type ValueSource = number;
export const NO_SOURCE = -1_000_000;

export function upvalueSource(idx: number): ValueSource {
  return -1 - idx;
}

export function varInfo(L: LuaThread, src: ValueSource): string {
  const ci = L.ci;
  if (src === NO_SOURCE || !isLuaFrame(ci)) return '';
  const p = (ci.closure as LuaClosure).p;
  let r: VarName | undefined;
  if (src < 0) r = { kind: 'upvalue', name: upvalName(p, -1 - src) };
  else r = objectName(p, currentPc(ci), src);
  return r === undefined ? '' : ` (${r.kind} '${r.name}')`;
}

/** Type name for messages: `__name` from the metatable when it is a string (luaT_objtypename). */
export function objTypeName(v: LuaValue): string {
  let mt: LuaTable | undefined;
  if (v instanceof LuaTable) mt = v.metatable;
  else if (v instanceof LuaUserdata) mt = v.metatable;
  if (mt !== undefined) {
    const name = mt.getStr('__name');
    if (typeof name === 'string') return name;
  }
  return typeName(v);
}

// ============================================================================================
// Tracebacks (luaL_traceback)
// ============================================================================================

export interface FrameInfo {
  shortSrc: string;
  currentLine: number;
  what: 'Lua' | 'C' | 'main';
  lineDefined: number;
  name: VarName | undefined;
  isTailCall: boolean;
}

export function frameInfo(ci: CallInfo): FrameInfo {
  const f = ci.closure;
  if (f instanceof LuaClosure) {
    const p = f.p;
    return {
      shortSrc: chunkId(p.source),
      currentLine: currentLine(ci),
      what: p.lineDefined === 0 ? 'main' : 'Lua',
      lineDefined: p.lineDefined,
      name: getFuncName(ci),
      isTailCall: (ci.callstatus & CIST_TAIL) !== 0,
    };
  }
  return {
    shortSrc: '[C]',
    currentLine: -1,
    what: 'C',
    lineDefined: -1,
    name: getFuncName(ci),
    isTailCall: (ci.callstatus & CIST_TAIL) !== 0,
  };
}

/** The frames of a thread from the running one down, skipping the base frame. */
export function frames(L: LuaThread): CallInfo[] {
  const out: CallInfo[] = [];
  for (let ci: CallInfo | null = L.ci; ci !== null && ci !== L.baseCi; ci = ci.previous) out.push(ci);
  return out;
}

/** "package.loaded" name of a function ("print", "string.rep"), as pushglobalfuncname. */
export function globalFuncName(L: LuaThread, f: LuaValue): string | undefined {
  const loaded = L.global.registry.getStr('_LOADED');
  if (!(loaded instanceof LuaTable)) return undefined;
  const out: LuaValue[] = [undefined, undefined];
  const inner: LuaValue[] = [undefined, undefined];
  let key: LuaValue = undefined;
  while (loaded.next(key, out, 0)) {
    key = out[0];
    const modName = out[0];
    const mod = out[1];
    if (typeof modName !== 'string' || !(mod instanceof LuaTable)) continue;
    let k2: LuaValue = undefined;
    while (mod.next(k2, inner, 0)) {
      k2 = inner[0];
      if (inner[1] === f && typeof inner[0] === 'string') {
        const full = `${modName}.${inner[0]}`;
        return full.startsWith('_G.') ? full.slice(3) : full;
      }
    }
  }
  return undefined;
}

function describeFunction(L: LuaThread, ci: CallInfo, info: FrameInfo): string {
  const global = globalFuncName(L, ci.closure as LuaValue);
  if (global !== undefined) return `function '${global}'`;
  if (info.name !== undefined) return `${info.name.kind} '${info.name.name}'`;
  if (info.what === 'main') return 'main chunk';
  if (info.what === 'Lua') return `function <${info.shortSrc}:${info.lineDefined}>`;
  return '?';
}

const LEVELS1 = 10;
const LEVELS2 = 11;

/** luaL_traceback: `msg` (if any) then "stack traceback:" and one line per frame. */
export function traceback(L: LuaThread, msg: string | undefined, level: number): string {
  const all = frames(L);
  const list = all.slice(level);
  let out = msg !== undefined ? msg + '\n' : '';
  out += 'stack traceback:';
  const n = list.length;
  for (let i = 0; i < n; i++) {
    if (n > LEVELS1 + LEVELS2 && i === LEVELS1) {
      const skip = n - LEVELS1 - LEVELS2;
      out += `\n\t...\t(skipping ${skip} levels)`;
      i += skip - 1;
      continue;
    }
    const ci = list[i];
    const info = frameInfo(ci);
    out += info.currentLine <= 0 ? `\n\t${info.shortSrc}: in ` : `\n\t${info.shortSrc}:${info.currentLine}: in `;
    out += describeFunction(L, ci, info);
    if (info.isTailCall) out += '\n\t(...tail calls...)';
  }
  return out;
}

/** The function value of a frame. */
export function frameFunction(ci: CallInfo): LuaClosure | NativeFunction | null {
  return ci.closure;
}
