// execute.ts — the dispatch loop: runs Lua frames instruction by instruction.
//
// One JS activation runs any depth of Lua calls: a Lua→Lua call pushes a frame and continues
// at `newframe`, a return pops it and continues the caller. Everything that is not a plain
// Lua call or return (natives' requests, metamethod frames finishing, coroutine switches,
// errors) goes through `settle` (transitions.ts), which decides which frame of which thread
// runs next. Suspending (a coroutine yield, a host promise, a time slice) is just returning
// from this function with the state saved in the frames.
//
// Hot paths are written out by hand: two plain numbers for arithmetic and comparisons, plain
// tables with no metatable for indexing. Each inlined check names the helper it inlines. Slow
// paths are named functions in operators.ts; before calling one that can raise an error or
// push a frame, the loop saves `pc` into the frame (`ci.pc = pc`), as Lua's savepc does.
// Cf. lvm.c (luaV_execute, luaV_finishOp).

import {
  Op,
  OFFSET_sBx,
  OFFSET_sC,
  OFFSET_sJ,
  MAXARG_C,
  getOp,
  getA,
  getk,
} from '../compiler/opcodes.js';
import type { LuaValue } from './value.js';
import { LuaFloat, MAX_SAFE, truthy, floatToInteger, stringToNumber, toDouble } from './value.js';
import { LuaTable } from './table.js';
import { LuaClosure, NativeFunction, UpVal } from './closure.js';
import { CallInfo, CIST_C, CIST_FINOP, CIST_LEQ, CIST_SETTLE, LuaThread, MULTRET } from './state.js';
import { precall, precallLua, precallNative, moveResults, findUpval, closeUpvals, newTbc, tryFuncTM } from './call.js';
import { precallIterator, precallNested } from './nested.js';
import {
  finishGet,
  finishSet,
  arithSlow,
  arithTM,
  lessThan,
  lessEqual,
  equalObj,
  rawEquals,
  concat,
  objLen,
  rawSetChecked,
  PENDING,
} from './operators.js';
import { ArithOp, intAdd, intSub, intMul, intMod, intIdiv, floatMod, floatPow, intShl, intShr } from './arith.js';
import { TM } from './metamethods.js';
import { NO_SOURCE, upvalueSource } from './debug-info.js';
import { forError, runError } from './raise.js';
import { Ev, settle, handleError, closeStep, SUSPENDED } from './transitions.js';
import { hookCall, hookReturn, traceExec } from './hooks.js';
import { TABLE_BYTES, CLOSURE_BYTES, STRING_BYTES } from './gc.js';
import { compileProto, setJitRuntime, EXIT_NEWFRAME, EXIT_RETURNED, EXIT_SUSPEND } from './jit.js';
import type { CompiledFunction } from './jit.js';

export const enum ExecResult {
  /** The entry frame returned; its results are on the stack at its function slot. */
  Done,
  /** The run is suspended (await or time slice); `G.running` says which thread. */
  Suspended,
}

/** Cache of boxed integral floats for LOADF (its operand range is small). */
const loadfCache: (LuaFloat | undefined)[] = [];

function loadf(v: number): LuaFloat {
  const i = v + OFFSET_sBx;
  return (loadfCache[i] ??= new LuaFloat(v));
}

/**
 * Run until frame `entry` returns (Done) or the run suspends. `ev` says what just happened:
 * Ev.Run when L.ci is a Lua frame ready to run, Ev.Returned when `evCi` just returned,
 * Ev.Pushed when L.ci is a frame pushed by a slow path (possibly a native with a request).
 * `raise`, when given, is thrown first, from L's top frame.
 */
export function execute(
  L: LuaThread,
  entry: CallInfo,
  ev: Ev,
  evCi: CallInfo | null,
  raise: unknown = undefined,
): ExecResult {
  const G = L.global;
  let ci: CallInfo = L.ci;
  let pc = 0;
  let inLua = false;
  // Compiled code nests direct calls in JS; an exception unwinds them all back to here.
  const jitDepth = L.jitDepth;
  for (;;) {
    try {
      if (raise !== undefined) {
        // Resume a suspended run by raising an error where it stopped (a rejected promise,
        // an abort): it unwinds from the frame that was waiting.
        const e = raise;
        raise = undefined;
        throw e;
      }
      // ------------------------------------------------------------------------------------
      // Settle: find the Lua frame to run next (or finish / suspend).
      // ------------------------------------------------------------------------------------
      if (ev !== Ev.Run) {
        const next = settle(L, entry, ev, evCi);
        if (next === null) return ExecResult.Done;
        if (next === SUSPENDED) return ExecResult.Suspended;
        L = next;
        ev = Ev.Run;
      }
      // ------------------------------------------------------------------------------------
      // Run Lua frames.
      // ------------------------------------------------------------------------------------
      newframe: for (;;) {
        ci = L.ci;
        if (ci.callstatus & CIST_C) {
          // A slow path left a native frame with a request on top: settle carries it out.
          inLua = false;
          ev = Ev.Pushed;
          break;
        }
        const cl = ci.closure as LuaClosure;
        const p = cl.p;
        const code = p.code;
        const k = p.k;
        const upvals = cl.upvals;
        const stack = L.stack;
        let base = ci.base;
        pc = ci.pc;
        inLua = true;
        if (L.hookMask !== 0 && pc === 0 && !p.isVararg) {
          ci.pc = 0;
          hookCall(L, ci);
        }
        if (--G.budget <= 0 && G.onBudget !== null) {
          ci.pc = pc;
          if (G.onBudget(L)) {
            inLua = false;
            return ExecResult.Suspended;
          }
        }
        // Hot functions run compiled (jit.ts) while no hook is set; the compiled code hands
        // back to this loop for whatever it does not handle, at ci.pc.
        if (L.hookMask === 0 && p.jit !== null && (p.jit !== undefined || --p.hot <= 0)) {
          let f = p.jit as CompiledFunction | undefined;
          if (f === undefined) f = (p.jit = compileProto(p, { upvals, stack, base })) ?? undefined;
          if (f !== undefined) {
            inLua = false;
            const r = f(L, ci, cl);
            if (r === EXIT_NEWFRAME) continue newframe;
            if (r === EXIT_RETURNED) {
              ev = Ev.Returned;
              evCi = L.jitReturned;
              break newframe;
            }
            if (r === EXIT_SUSPEND) return ExecResult.Suspended;
            pc = ci.pc;
            base = ci.base;
            inLua = true;
          }
        }
        for (;;) {
          if (L.hookMask !== 0 && (pc !== 0 || !p.isVararg)) {
            // (a vararg function's hooks start after its VARARGPREP)
            ci.pc = pc + 1;
            traceExec(L, ci, pc);
          }
          const i = code[pc++];
          const ra = base + ((i >>> 7) & 0xff);
          switch (i & 0x7f) {
            case Op.MOVE:
              stack[ra] = stack[base + ((i >>> 16) & 0xff)];
              continue;
            case Op.LOADI:
              stack[ra] = (i >>> 15) - OFFSET_sBx;
              continue;
            case Op.LOADF:
              stack[ra] = loadf((i >>> 15) - OFFSET_sBx);
              continue;
            case Op.LOADK:
              stack[ra] = k[i >>> 15];
              continue;
            case Op.LOADKX:
              stack[ra] = k[code[pc++] >>> 7];
              continue;
            case Op.LOADFALSE:
              stack[ra] = false;
              continue;
            case Op.LFALSESKIP:
              stack[ra] = false;
              pc++;
              continue;
            case Op.LOADTRUE:
              stack[ra] = true;
              continue;
            case Op.LOADNIL: {
              let b = (i >>> 16) & 0xff;
              let r = ra;
              do stack[r++] = undefined;
              while (b-- > 0);
              continue;
            }
            case Op.GETUPVAL: {
              const uv = upvals[(i >>> 16) & 0xff];
              stack[ra] = uv.stack[uv.idx];
              continue;
            }
            case Op.SETUPVAL: {
              const uv = upvals[(i >>> 16) & 0xff];
              uv.stack[uv.idx] = stack[ra];
              continue;
            }
            case Op.GETTABUP: {
              const uv = upvals[(i >>> 16) & 0xff];
              const t = uv.stack[uv.idx];
              const key = k[i >>> 24] as string;
              if (t instanceof LuaTable) {
                const v = t.getStr(key);
                if (v !== undefined || t.metatable === undefined) {
                  stack[ra] = v;
                  continue;
                }
              }
              ci.pc = pc;
              if (finishGet(L, ci, t, key, ra, upvalueSource((i >>> 16) & 0xff))) continue newframe;
              continue;
            }
            case Op.GETTABLE: {
              const t = stack[base + ((i >>> 16) & 0xff)];
              const key = stack[base + (i >>> 24)];
              if (t instanceof LuaTable) {
                const v =
                  typeof key === 'number' && Number.isInteger(key)
                    ? t.getInt(key)
                    : typeof key === 'string'
                      ? t.getStr(key)
                      : t.get(key);
                if (v !== undefined || t.metatable === undefined) {
                  stack[ra] = v;
                  continue;
                }
              }
              ci.pc = pc;
              if (finishGet(L, ci, t, key, ra, (i >>> 16) & 0xff)) continue newframe;
              continue;
            }
            case Op.GETI: {
              const t = stack[base + ((i >>> 16) & 0xff)];
              const key = i >>> 24;
              if (t instanceof LuaTable) {
                const v = t.getInt(key);
                if (v !== undefined || t.metatable === undefined) {
                  stack[ra] = v;
                  continue;
                }
              }
              ci.pc = pc;
              if (finishGet(L, ci, t, key, ra, (i >>> 16) & 0xff)) continue newframe;
              continue;
            }
            case Op.GETFIELD: {
              const t = stack[base + ((i >>> 16) & 0xff)];
              const key = k[i >>> 24] as string;
              if (t instanceof LuaTable) {
                const v = t.getStr(key);
                if (v !== undefined || t.metatable === undefined) {
                  stack[ra] = v;
                  continue;
                }
              }
              ci.pc = pc;
              if (finishGet(L, ci, t, key, ra, (i >>> 16) & 0xff)) continue newframe;
              continue;
            }
            case Op.SETTABUP: {
              const uv = upvals[(i >>> 7) & 0xff];
              const t = uv.stack[uv.idx];
              const key = k[(i >>> 16) & 0xff] as string;
              const v = i & 0x8000 ? k[i >>> 24] : stack[base + (i >>> 24)];
              if (t instanceof LuaTable && (t.metatable === undefined || t.getStr(key) !== undefined)) {
                t.setStr(key, v);
                continue;
              }
              ci.pc = pc;
              if (finishSet(L, ci, t, key, v, upvalueSource((i >>> 7) & 0xff))) continue newframe;
              continue;
            }
            case Op.SETTABLE: {
              const t = stack[ra];
              const key = stack[base + ((i >>> 16) & 0xff)];
              const v = i & 0x8000 ? k[i >>> 24] : stack[base + (i >>> 24)];
              if (t instanceof LuaTable && t.metatable === undefined) {
                if (typeof key === 'number' && Number.isInteger(key)) t.setInt(key, v);
                else if (typeof key === 'string') t.setStr(key, v);
                else {
                  ci.pc = pc;
                  rawSetChecked(L, t, key, v);
                }
                continue;
              }
              ci.pc = pc;
              if (finishSet(L, ci, t, key, v, (i >>> 7) & 0xff)) continue newframe;
              continue;
            }
            case Op.SETI: {
              const t = stack[ra];
              const key = (i >>> 16) & 0xff;
              const v = i & 0x8000 ? k[i >>> 24] : stack[base + (i >>> 24)];
              if (t instanceof LuaTable && (t.metatable === undefined || t.getInt(key) !== undefined)) {
                t.setInt(key, v);
                continue;
              }
              ci.pc = pc;
              if (finishSet(L, ci, t, key, v, (i >>> 7) & 0xff)) continue newframe;
              continue;
            }
            case Op.SETFIELD: {
              const t = stack[ra];
              const key = k[(i >>> 16) & 0xff] as string;
              const v = i & 0x8000 ? k[i >>> 24] : stack[base + (i >>> 24)];
              if (t instanceof LuaTable && (t.metatable === undefined || t.getStr(key) !== undefined)) {
                t.setStr(key, v);
                continue;
              }
              ci.pc = pc;
              if (finishSet(L, ci, t, key, v, (i >>> 7) & 0xff)) continue newframe;
              continue;
            }
            case Op.NEWTABLE:
              pc++; // skip the EXTRAARG that always follows (size hints are not used)
              stack[ra] = new LuaTable();
              if ((G.allocated += TABLE_BYTES) > G.gcTrigger) {
                ci.pc = pc;
                collectStep(L, ra + 1);
              }
              continue;
            case Op.SELF: {
              const rb = base + ((i >>> 16) & 0xff);
              const t = stack[rb];
              const key = i & 0x8000 ? k[i >>> 24] : stack[base + (i >>> 24)];
              stack[ra + 1] = t;
              if (t instanceof LuaTable) {
                const v = t.getStr(key as string);
                if (v !== undefined || t.metatable === undefined) {
                  stack[ra] = v;
                  continue;
                }
              }
              ci.pc = pc;
              if (finishGet(L, ci, t, key, ra, rb - base)) continue newframe;
              continue;
            }
            // --------------------------------------------------------------------------------
            // Arithmetic. The fast path inlines value.ts's rules for two plain numbers: an
            // integral result of two integers stays an integer if it is a safe one (else the
            // bigint path wraps it), an integral result involving a float is boxed (mkFloat).
            // On success the MMBIN that follows is skipped (pc++).
            // --------------------------------------------------------------------------------
            case Op.ADDI: {
              const a = stack[base + ((i >>> 16) & 0xff)];
              const c = (i >>> 24) - OFFSET_sC;
              if (typeof a === 'number') {
                const r = a + c;
                if (Number.isInteger(r)) {
                  if (Number.isInteger(a) && r >= -MAX_SAFE && r <= MAX_SAFE) stack[ra] = r;
                  else stack[ra] = Number.isInteger(a) ? intAdd(a, c) : new LuaFloat(r);
                } else stack[ra] = r;
                pc++;
              } else if (typeof a === 'bigint' || a instanceof LuaFloat) {
                ci.pc = pc;
                arithSlow(L, ci, ArithOp.ADD, a, c, ra, NO_SOURCE, NO_SOURCE);
                pc++;
              }
              continue;
            }
            case Op.ADD:
            case Op.ADDK: {
              const a = stack[base + ((i >>> 16) & 0xff)];
              const b = (i & 0x7f) === Op.ADD ? stack[base + (i >>> 24)] : k[i >>> 24];
              if (typeof a === 'number' && typeof b === 'number') {
                const r = a + b;
                if (Number.isInteger(r)) {
                  if (Number.isInteger(a) && Number.isInteger(b)) {
                    stack[ra] = r >= -MAX_SAFE && r <= MAX_SAFE ? r : intAdd(a, b);
                  } else stack[ra] = new LuaFloat(r);
                } else stack[ra] = r;
                pc++;
              } else if (arithNumbersSlow(L, ci, pc, ArithOp.ADD, a, b, ra)) pc++;
              continue;
            }
            case Op.SUB:
            case Op.SUBK: {
              const a = stack[base + ((i >>> 16) & 0xff)];
              const b = (i & 0x7f) === Op.SUB ? stack[base + (i >>> 24)] : k[i >>> 24];
              if (typeof a === 'number' && typeof b === 'number') {
                const r = a - b;
                if (Number.isInteger(r)) {
                  if (Number.isInteger(a) && Number.isInteger(b)) {
                    stack[ra] = r >= -MAX_SAFE && r <= MAX_SAFE ? r : intSub(a, b);
                  } else stack[ra] = new LuaFloat(r);
                } else stack[ra] = r;
                pc++;
              } else if (arithNumbersSlow(L, ci, pc, ArithOp.SUB, a, b, ra)) pc++;
              continue;
            }
            case Op.MUL:
            case Op.MULK: {
              const a = stack[base + ((i >>> 16) & 0xff)];
              const b = (i & 0x7f) === Op.MUL ? stack[base + (i >>> 24)] : k[i >>> 24];
              if (typeof a === 'number' && typeof b === 'number') {
                const r = a * b;
                if (Number.isInteger(r)) {
                  if (Number.isInteger(a) && Number.isInteger(b)) {
                    stack[ra] = r >= -MAX_SAFE && r <= MAX_SAFE ? r + 0 : intMul(a, b);
                  } else stack[ra] = new LuaFloat(r);
                } else stack[ra] = r;
                pc++;
              } else if (arithNumbersSlow(L, ci, pc, ArithOp.MUL, a, b, ra)) pc++;
              continue;
            }
            case Op.DIV:
            case Op.DIVK: {
              const a = stack[base + ((i >>> 16) & 0xff)];
              const b = (i & 0x7f) === Op.DIV ? stack[base + (i >>> 24)] : k[i >>> 24];
              if (typeof a === 'number' && typeof b === 'number') {
                const r = a / b;
                stack[ra] = Number.isInteger(r) ? new LuaFloat(r) : r;
                pc++;
              } else if (arithNumbersSlow(L, ci, pc, ArithOp.DIV, a, b, ra)) pc++;
              continue;
            }
            case Op.MOD:
            case Op.MODK: {
              const a = stack[base + ((i >>> 16) & 0xff)];
              const b = (i & 0x7f) === Op.MOD ? stack[base + (i >>> 24)] : k[i >>> 24];
              if (typeof a === 'number' && typeof b === 'number') {
                if (Number.isInteger(a) && Number.isInteger(b)) {
                  if (b === 0) {
                    ci.pc = pc;
                    runError(L, "attempt to perform 'n%0'");
                  }
                  stack[ra] = intMod(a, b);
                } else {
                  const r = floatMod(a, b);
                  stack[ra] = Number.isInteger(r) ? new LuaFloat(r) : r;
                }
                pc++;
              } else if (arithNumbersSlow(L, ci, pc, ArithOp.MOD, a, b, ra)) pc++;
              continue;
            }
            case Op.IDIV:
            case Op.IDIVK: {
              const a = stack[base + ((i >>> 16) & 0xff)];
              const b = (i & 0x7f) === Op.IDIV ? stack[base + (i >>> 24)] : k[i >>> 24];
              if (typeof a === 'number' && typeof b === 'number') {
                if (Number.isInteger(a) && Number.isInteger(b)) {
                  if (b === 0) {
                    ci.pc = pc;
                    runError(L, 'attempt to divide by zero');
                  }
                  stack[ra] = intIdiv(a, b);
                } else {
                  const r = Math.floor(a / b);
                  stack[ra] = Number.isInteger(r) ? new LuaFloat(r) : r;
                }
                pc++;
              } else if (arithNumbersSlow(L, ci, pc, ArithOp.IDIV, a, b, ra)) pc++;
              continue;
            }
            case Op.POW:
            case Op.POWK: {
              const a = stack[base + ((i >>> 16) & 0xff)];
              const b = (i & 0x7f) === Op.POW ? stack[base + (i >>> 24)] : k[i >>> 24];
              if (typeof a === 'number' && typeof b === 'number') {
                const r = floatPow(a, b); // a number, or POS_NAN
                stack[ra] = typeof r === 'number' && Number.isInteger(r) ? new LuaFloat(r) : r;
                pc++;
              } else if (arithNumbersSlow(L, ci, pc, ArithOp.POW, a, b, ra)) pc++;
              continue;
            }
            case Op.BAND:
            case Op.BANDK: {
              const a = stack[base + ((i >>> 16) & 0xff)];
              const b = (i & 0x7f) === Op.BAND ? stack[base + (i >>> 24)] : k[i >>> 24];
              if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b) {
                stack[ra] = a & b;
                pc++;
              } else if (arithNumbersSlow(L, ci, pc, ArithOp.BAND, a, b, ra)) pc++;
              continue;
            }
            case Op.BOR:
            case Op.BORK: {
              const a = stack[base + ((i >>> 16) & 0xff)];
              const b = (i & 0x7f) === Op.BOR ? stack[base + (i >>> 24)] : k[i >>> 24];
              if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b) {
                stack[ra] = a | b;
                pc++;
              } else if (arithNumbersSlow(L, ci, pc, ArithOp.BOR, a, b, ra)) pc++;
              continue;
            }
            case Op.BXOR:
            case Op.BXORK: {
              const a = stack[base + ((i >>> 16) & 0xff)];
              const b = (i & 0x7f) === Op.BXOR ? stack[base + (i >>> 24)] : k[i >>> 24];
              if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b) {
                stack[ra] = a ^ b;
                pc++;
              } else if (arithNumbersSlow(L, ci, pc, ArithOp.BXOR, a, b, ra)) pc++;
              continue;
            }
            case Op.SHL: {
              const a = stack[base + ((i >>> 16) & 0xff)];
              const b = stack[base + (i >>> 24)];
              if (arithNumbersSlow(L, ci, pc, ArithOp.SHL, a, b, ra)) pc++;
              continue;
            }
            case Op.SHR: {
              const a = stack[base + ((i >>> 16) & 0xff)];
              const b = stack[base + (i >>> 24)];
              if (arithNumbersSlow(L, ci, pc, ArithOp.SHR, a, b, ra)) pc++;
              continue;
            }
            case Op.SHRI: {
              const a = stack[base + ((i >>> 16) & 0xff)];
              const c = (i >>> 24) - OFFSET_sC;
              if (typeof a === 'number' && Number.isInteger(a)) {
                stack[ra] = intShr(a, c);
                pc++;
              } else if (arithNumbersSlow(L, ci, pc, ArithOp.SHR, a, c, ra)) pc++;
              continue;
            }
            case Op.SHLI: {
              const a = stack[base + ((i >>> 16) & 0xff)];
              const c = (i >>> 24) - OFFSET_sC;
              if (typeof a === 'number' && Number.isInteger(a)) {
                stack[ra] = intShl(c, a);
                pc++;
              } else if (arithNumbersSlow(L, ci, pc, ArithOp.SHL, c, a, ra)) pc++;
              continue;
            }
            case Op.MMBIN: {
              const prev = code[pc - 2];
              const rb = (i >>> 16) & 0xff;
              ci.pc = pc;
              if (
                arithTM(L, ci, stack[ra], stack[base + rb], (i >>> 24) as TM, base + getA(prev), ra - base, rb)
              )
                continue newframe;
              continue;
            }
            case Op.MMBINI: {
              const prev = code[pc - 2];
              const imm = ((i >>> 16) & 0xff) - OFFSET_sC;
              ci.pc = pc;
              const pending =
                i & 0x8000
                  ? arithTM(L, ci, imm, stack[ra], (i >>> 24) as TM, base + getA(prev), NO_SOURCE, ra - base)
                  : arithTM(L, ci, stack[ra], imm, (i >>> 24) as TM, base + getA(prev), ra - base, NO_SOURCE);
              if (pending) continue newframe;
              continue;
            }
            case Op.MMBINK: {
              const prev = code[pc - 2];
              const imm = k[(i >>> 16) & 0xff];
              ci.pc = pc;
              const pending =
                i & 0x8000
                  ? arithTM(L, ci, imm, stack[ra], (i >>> 24) as TM, base + getA(prev), NO_SOURCE, ra - base)
                  : arithTM(L, ci, stack[ra], imm, (i >>> 24) as TM, base + getA(prev), ra - base, NO_SOURCE);
              if (pending) continue newframe;
              continue;
            }
            case Op.UNM: {
              const rb = (i >>> 16) & 0xff;
              const a = stack[base + rb];
              if (typeof a === 'number' && a !== 0 && a === a) {
                // -x of a plain number: integers stay integers, floats stay non-integral.
                stack[ra] = -a;
                continue;
              }
              ci.pc = pc;
              if (unarySlow(L, ci, ArithOp.UNM, a, ra, rb)) continue newframe;
              continue;
            }
            case Op.BNOT: {
              const rb = (i >>> 16) & 0xff;
              const a = stack[base + rb];
              if (typeof a === 'number' && (a | 0) === a) {
                stack[ra] = ~a;
                continue;
              }
              ci.pc = pc;
              if (unarySlow(L, ci, ArithOp.BNOT, a, ra, rb)) continue newframe;
              continue;
            }
            case Op.NOT: {
              const a = stack[base + ((i >>> 16) & 0xff)];
              stack[ra] = a === undefined || a === false;
              continue;
            }
            case Op.LEN: {
              const rb = (i >>> 16) & 0xff;
              const a = stack[base + rb];
              if (typeof a === 'string') stack[ra] = a.length;
              else if (a instanceof LuaTable && a.metatable === undefined) stack[ra] = a.length();
              else {
                ci.pc = pc;
                if (objLen(L, ci, a, ra, rb)) continue newframe;
              }
              continue;
            }
            case Op.CONCAT: {
              const n = (i >>> 16) & 0xff;
              L.top = ra + n;
              ci.pc = pc;
              if (concat(L, ci, n)) continue newframe;
              if ((G.allocated += (stack[ra] as string).length + STRING_BYTES) > G.gcTrigger) collectStep(L, ra + 1);
              continue;
            }
            case Op.CLOSE: {
              ci.pc = pc;
              if (closeStep(L, ci, ra, undefined, false)) continue newframe;
              continue;
            }
            case Op.TBC:
              ci.pc = pc;
              newTbc(L, ra);
              continue;
            case Op.JMP: {
              const off = (i >>> 7) - OFFSET_sJ;
              pc += off;
              if (off < 0) {
                if (--G.budget <= 0 && G.onBudget !== null) {
                  ci.pc = pc;
                  if (G.onBudget(L)) {
                    inLua = false;
                    return ExecResult.Suspended;
                  }
                }
                if (p.jit !== null && (p.jit !== undefined || --p.hot <= 0)) {
                  ci.pc = pc;
                  continue newframe;
                }
              }
              continue;
            }
            // --------------------------------------------------------------------------------
            // Comparisons: a false result skips the next instruction (the jump); a true one
            // executes that jump here ("donextjump").
            // --------------------------------------------------------------------------------
            case Op.EQ: {
              const a = stack[ra];
              const b = stack[base + ((i >>> 16) & 0xff)];
              let cond: number;
              if (a === b) cond = typeof a !== 'object' || rawEquals(a, b) ? 1 : 0;
              else if (typeof a !== 'object' && typeof b !== 'object' && typeof a === typeof b) cond = 0;
              else {
                ci.pc = pc;
                cond = equalObj(L, ci, a, b);
                if (cond === PENDING) continue newframe;
              }
              if (cond !== ((i >>> 15) & 1)) pc++;
              else pc += (code[pc] >>> 7) - OFFSET_sJ + 1;
              continue;
            }
            case Op.LT: {
              const a = stack[ra];
              const b = stack[base + ((i >>> 16) & 0xff)];
              let cond: number;
              if (typeof a === 'number' && typeof b === 'number') cond = a < b ? 1 : 0;
              else {
                ci.pc = pc;
                cond = lessThan(L, ci, a, b);
                if (cond === PENDING) continue newframe;
              }
              if (cond !== ((i >>> 15) & 1)) pc++;
              else pc += (code[pc] >>> 7) - OFFSET_sJ + 1;
              continue;
            }
            case Op.LE: {
              const a = stack[ra];
              const b = stack[base + ((i >>> 16) & 0xff)];
              let cond: number;
              if (typeof a === 'number' && typeof b === 'number') cond = a <= b ? 1 : 0;
              else {
                ci.pc = pc;
                cond = lessEqual(L, ci, a, b);
                if (cond === PENDING) continue newframe;
              }
              if (cond !== ((i >>> 15) & 1)) pc++;
              else pc += (code[pc] >>> 7) - OFFSET_sJ + 1;
              continue;
            }
            case Op.EQK: {
              const cond = rawEquals(stack[ra], k[(i >>> 16) & 0xff]) ? 1 : 0;
              if (cond !== ((i >>> 15) & 1)) pc++;
              else pc += (code[pc] >>> 7) - OFFSET_sJ + 1;
              continue;
            }
            case Op.EQI: {
              const a = stack[ra];
              const imm = ((i >>> 16) & 0xff) - OFFSET_sC;
              const cond =
                typeof a === 'number' ? (a === imm ? 1 : 0) : a instanceof LuaFloat ? (a.n === imm ? 1 : 0) : 0;
              if (cond !== ((i >>> 15) & 1)) pc++;
              else pc += (code[pc] >>> 7) - OFFSET_sJ + 1;
              continue;
            }
            case Op.LTI:
            case Op.LEI:
            case Op.GTI:
            case Op.GEI: {
              const a = stack[ra];
              const imm = ((i >>> 16) & 0xff) - OFFSET_sC;
              let cond: number;
              const op = i & 0x7f;
              if (typeof a === 'number') {
                cond =
                  op === Op.LTI ? +(a < imm) : op === Op.LEI ? +(a <= imm) : op === Op.GTI ? +(a > imm) : +(a >= imm);
              } else {
                ci.pc = pc;
                cond = compareImmediateSlow(L, ci, op, a, imm, i >>> 24 !== 0);
                if (cond === PENDING) continue newframe;
              }
              if (cond !== ((i >>> 15) & 1)) pc++;
              else pc += (code[pc] >>> 7) - OFFSET_sJ + 1;
              continue;
            }
            case Op.TEST: {
              const a = stack[ra];
              const cond = a !== undefined && a !== false ? 1 : 0;
              if (cond !== ((i >>> 15) & 1)) pc++;
              else pc += (code[pc] >>> 7) - OFFSET_sJ + 1;
              continue;
            }
            case Op.TESTSET: {
              const b = stack[base + ((i >>> 16) & 0xff)];
              const isFalse = b === undefined || b === false ? 1 : 0;
              if (isFalse === ((i >>> 15) & 1)) pc++;
              else {
                stack[ra] = b;
                pc += (code[pc] >>> 7) - OFFSET_sJ + 1;
              }
              continue;
            }
            // --------------------------------------------------------------------------------
            // Calls and returns
            // --------------------------------------------------------------------------------
            case Op.CALL: {
              const b = (i >>> 16) & 0xff;
              const nresults = (i >>> 24) - 1;
              if (b !== 0) L.top = ra + b;
              ci.pc = pc;
              const f = stack[ra];
              if (f instanceof LuaClosure) {
                precallLua(L, ra, nresults, f);
                continue newframe;
              }
              const nci = f instanceof NativeFunction ? precallNative(L, ra, nresults, f) : precall(L, ra, nresults);
              if (nci === null) {
                if (nresults >= 0) L.top = ci.top;
                continue;
              }
              if ((nci.callstatus & CIST_C) === 0) continue newframe;
              // A native made a request: let settle carry it out.
              inLua = false;
              ev = Ev.Pushed;
              break newframe;
            }
            case Op.TAILCALL: {
              let b = (i >>> 16) & 0xff;
              const nparams1 = i >>> 24;
              const delta = nparams1 !== 0 ? ci.nextraargs + nparams1 : 0;
              if (b !== 0) L.top = ra + b;
              else b = L.top - ra;
              ci.pc = pc;
              if (i & 0x8000) closeUpvals(L, base);
              let f = stack[ra];
              if (!(f instanceof LuaClosure) && !(f instanceof NativeFunction)) {
                tryFuncTM(L, ra);
                b++;
                f = stack[ra];
              }
              if (!(f instanceof LuaClosure)) {
                // A native in tail position runs as a normal call; the RETURN that follows
                // returns its results.
                const nci = precall(L, ra, MULTRET);
                if (nci === null) continue;
                if ((nci.callstatus & CIST_C) === 0) continue newframe;
                inLua = false;
                ev = Ev.Pushed;
                break newframe;
              }
              // Reuse this frame: move the function and arguments down to ci.func.
              const func = ci.func - delta;
              for (let j = 0; j < b; j++) stack[func + j] = stack[ra + j];
              L.top = func + b;
              const saved = ci.callstatus;
              const nres = ci.nresults;
              const depth = ci.cdepth;
              L.ci = ci.previous!;
              const nci = precallLua(L, func, nres, f);
              nci.callstatus = saved | 0x8; // CIST_TAIL
              nci.cdepth = depth;
              continue newframe;
            }
            case Op.RETURN: {
              let n = ((i >>> 16) & 0xff) - 1;
              const nparams1 = i >>> 24;
              if (n < 0) n = L.top - ra;
              ci.pc = pc;
              if (i & 0x8000) {
                // Close upvalues and to-be-closed variables before returning; a __close
                // call runs as a frame and this instruction re-executes when it returns.
                ci.extra = n;
                if (L.top < ci.top) L.top = ci.top;
                if (closeStep(L, ci, base, undefined, true)) continue newframe;
              }
              if (L.hookMask !== 0) hookReturn(L, ci, ra, n);
              if (nparams1 !== 0) ci.func -= ci.nextraargs + nparams1;
              const res = ci.func;
              moveResults(L, res, ra, n, ci.nresults);
              L.ci = ci.previous!;
              if (returnToLuaCaller(L, ci)) continue newframe;
              inLua = false;
              ev = Ev.Returned;
              evCi = ci;
              break newframe;
            }
            case Op.RETURN0: {
              ci.pc = pc;
              if (L.hookMask !== 0) hookReturn(L, ci, ra, 0);
              let nres = ci.nresults;
              L.ci = ci.previous!;
              L.top = base - 1;
              for (; nres > 0; nres--) stack[L.top++] = undefined;
              if (returnToLuaCaller(L, ci)) continue newframe;
              inLua = false;
              ev = Ev.Returned;
              evCi = ci;
              break newframe;
            }
            case Op.RETURN1: {
              ci.pc = pc;
              if (L.hookMask !== 0) hookReturn(L, ci, ra, 1);
              let nres = ci.nresults;
              L.ci = ci.previous!;
              if (nres === 0) L.top = base - 1;
              else {
                stack[base - 1] = stack[ra];
                L.top = base;
                for (; nres > 1; nres--) stack[L.top++] = undefined;
              }
              if (returnToLuaCaller(L, ci)) continue newframe;
              inLua = false;
              ev = Ev.Returned;
              evCi = ci;
              break newframe;
            }
            // --------------------------------------------------------------------------------
            // Loops
            // --------------------------------------------------------------------------------
            case Op.FORLOOP: {
              const step = stack[ra + 2];
              const count = stack[ra + 1];
              const idx = stack[ra];
              if (typeof step === 'number' && typeof count === 'number' && typeof idx === 'number') {
                // Integer loop with a plain counter (forprep guarantees every value is safe).
                if (count > 0) {
                  stack[ra + 1] = count - 1;
                  const v = idx + step;
                  stack[ra] = v;
                  stack[ra + 3] = v;
                  pc -= i >>> 15;
                }
              } else if (forLoopSlow(stack, ra)) pc -= i >>> 15;
              if (--G.budget <= 0 && G.onBudget !== null) {
                ci.pc = pc;
                if (G.onBudget(L)) {
                  inLua = false;
                  return ExecResult.Suspended;
                }
              }
              if (p.jit !== null && (p.jit !== undefined || --p.hot <= 0)) {
                ci.pc = pc;
                continue newframe;
              }
              continue;
            }
            case Op.FORPREP: {
              ci.pc = pc;
              if (forPrep(L, stack, ra)) pc += (i >>> 15) + 1;
              continue;
            }
            case Op.TFORPREP: {
              ci.pc = pc;
              newTbc(L, ra + 3);
              pc += i >>> 15;
              continue;
            }
            case Op.TFORCALL: {
              stack[ra + 4] = stack[ra];
              stack[ra + 5] = stack[ra + 1];
              stack[ra + 6] = stack[ra + 2];
              L.top = ra + 7;
              ci.pc = pc;
              const f = stack[ra + 4];
              if (f instanceof LuaClosure) {
                precallIterator(L, ra + 4, i >>> 24, f);
                continue newframe;
              }
              const nci = precallNested(L, ra + 4, i >>> 24);
              if (nci === null) {
                L.top = ci.top;
                continue;
              }
              if ((nci.callstatus & CIST_C) === 0) continue newframe;
              inLua = false;
              ev = Ev.Pushed;
              break newframe;
            }
            case Op.TFORLOOP: {
              const v = stack[ra + 4];
              if (v !== undefined) {
                stack[ra + 2] = v;
                pc -= i >>> 15;
                if (--G.budget <= 0 && G.onBudget !== null) {
                  ci.pc = pc;
                  if (G.onBudget(L)) {
                    inLua = false;
                    return ExecResult.Suspended;
                  }
                }
                if (p.jit !== null && (p.jit !== undefined || --p.hot <= 0)) {
                  ci.pc = pc;
                  continue newframe;
                }
              }
              continue;
            }
            case Op.SETLIST: {
              let n = (i >>> 16) & 0xff;
              let last = i >>> 24;
              const t = stack[ra] as LuaTable;
              if (n === 0) n = L.top - ra - 1;
              else L.top = ci.top;
              if (i & 0x8000) last += (code[pc++] >>> 7) * (MAXARG_C + 1);
              for (let j = 1; j <= n; j++) t.setListItem(last + j, stack[ra + j]);
              t.finishList(last + n);
              continue;
            }
            case Op.CLOSURE: {
              const np = p.p[i >>> 15];
              const descs = np.upvalues;
              const nup = descs.length;
              const uvs: UpVal[] = new Array(nup);
              for (let j = 0; j < nup; j++) {
                const d = descs[j];
                uvs[j] = d.inStack ? findUpval(L, base + d.index) : upvals[d.index];
              }
              stack[ra] = new LuaClosure(np, uvs);
              if ((G.allocated += CLOSURE_BYTES + 8 * nup) > G.gcTrigger) {
                ci.pc = pc;
                collectStep(L, ra + 1);
              }
              continue;
            }
            case Op.VARARG: {
              const wanted = (i >>> 24) - 1;
              const nextra = ci.nextraargs;
              const from = ci.func - nextra;
              if (wanted < 0) {
                L.ensureStack(ra + nextra + 1);
                for (let j = 0; j < nextra; j++) stack[ra + j] = stack[from + j];
                L.top = ra + nextra;
              } else {
                let j = 0;
                for (; j < wanted && j < nextra; j++) stack[ra + j] = stack[from + j];
                for (; j < wanted; j++) stack[ra + j] = undefined;
              }
              continue;
            }
            case Op.VARARGPREP: {
              const nfix = (i >>> 7) & 0xff;
              const func = ci.func;
              const actual = L.top - func - 1;
              ci.nextraargs = actual - nfix;
              L.ensureStack(L.top + p.maxStackSize + 2);
              stack[L.top++] = stack[func];
              for (let j = 1; j <= nfix; j++) {
                stack[L.top++] = stack[func + j];
                stack[func + j] = undefined;
              }
              ci.func += actual + 1;
              ci.top += actual + 1;
              ci.base = ci.func + 1;
              base = ci.base;
              if (L.hookMask !== 0) {
                ci.pc = pc;
                hookCall(L, ci);
                L.oldPc = 1; // the next instruction counts as a new line
              }
              continue;
            }
            case Op.EXTRAARG:
            default:
              throw new Error(`moonlet: bad opcode ${i & 0x7f} at pc ${pc - 1}`);
          }
        }
      }
    } catch (e) {
      L.jitDepth = jitDepth;
      L = L.global.running;
      if (inLua && L.ci === ci) ci.pc = pc;
      inLua = false;
      // Handling an error can raise another (a message handler that overflows the stack, a
      // __close value that is not callable): that one replaces it and is handled in turn.
      let err = e;
      for (;;) {
        try {
          const r = handleError(L, err, entry);
          L = r.thread;
          ev = r.ev;
          evCi = r.ci;
          break;
        } catch (e2) {
          if (e2 === err) throw e2; // leaving this execute()
          err = e2;
          L = L.global.running;
        }
      }
    }
  }
}

setJitRuntime({ loadf, forPrep, forLoopSlow, collectStep });

/** The allocation countdown ran out: let the collector run with `top` covering live registers. */
function collectStep(L: LuaThread, top: number): void {
  const G = L.global;
  G.gcTrigger = Number.MAX_SAFE_INTEGER;
  if (G.gc === null) return;
  const saved = L.top;
  L.top = top;
  try {
    G.gc.step(L);
  } finally {
    L.top = saved;
  }
}

/**
 * After a Lua frame `callee` returned (L.ci already popped): true when the caller is a plain
 * Lua frame that can continue right away, false when settle must decide.
 */
function returnToLuaCaller(L: LuaThread, callee: CallInfo): boolean {
  return (callee.callstatus & CIST_SETTLE) === 0 && (L.ci.callstatus & CIST_C) === 0;
}

/** Arithmetic whose operands are not two plain numbers: numbers of other kinds here, else
 * leave it to the MMBIN that follows (returns false so the loop does not skip it). */
function arithNumbersSlow(
  L: LuaThread,
  ci: CallInfo,
  pc: number,
  op: ArithOp,
  a: LuaValue,
  b: LuaValue,
  ra: number,
): boolean {
  if (!isNum(a) || !isNum(b)) return false;
  ci.pc = pc;
  if (op >= ArithOp.BAND && op <= ArithOp.SHR) {
    // Bitwise on floats without integer values goes to MMBIN, which reports the error.
    if (floatToIntegerOf(a) === undefined || floatToIntegerOf(b) === undefined) return false;
  }
  arithSlow(L, ci, op, a, b, ra, NO_SOURCE, NO_SOURCE);
  return true;
}

function isNum(v: LuaValue): boolean {
  return typeof v === 'number' || typeof v === 'bigint' || v instanceof LuaFloat;
}

function floatToIntegerOf(v: LuaValue): number | bigint | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? v : undefined;
  if (typeof v === 'bigint') return v;
  return floatToInteger((v as LuaFloat).n);
}

/** UNM and BNOT when the fast path failed: numbers of other kinds, then metamethods. */
function unarySlow(L: LuaThread, ci: CallInfo, op: ArithOp, a: LuaValue, ra: number, rb: number): boolean {
  if (isNum(a) && (op === ArithOp.UNM || floatToIntegerOf(a) !== undefined)) {
    arithSlow(L, ci, op, a, a, ra, rb, rb);
    return false;
  }
  return arithTM(L, ci, a, a, op === ArithOp.UNM ? TM.UNM : TM.BNOT, ra, rb, rb);
}

/** LTI/LEI/GTI/GEI with a non-plain-number operand (luaT_callorderiTM). */
function compareImmediateSlow(L: LuaThread, ci: CallInfo, op: number, a: LuaValue, imm: number, isFloat: boolean): number {
  const b: LuaValue = isFloat ? new LuaFloat(imm) : imm;
  switch (op) {
    case Op.LTI:
      return lessThan(L, ci, a, b);
    case Op.LEI:
      return lessEqual(L, ci, a, b);
    case Op.GTI:
      return lessThan(L, ci, b, a);
    default:
      return lessEqual(L, ci, b, a);
  }
}

// ============================================================================================
// Numeric for loops (cf. lvm.c forprep, forlimit, floatforloop)
// ============================================================================================

/**
 * Bound on |init|, |limit| and |step| for forPrep's fast path: differences stay within 2^51 and
 * quotients of such integers floor exactly in doubles (the exact count needs bigints beyond).
 */
const FOR_SMALL = 2 ** 50;

/**
 * Prepare a numeric for loop in R[ra..ra+3] (init, limit, step, control). Integer loops keep
 * an iteration count in R[ra+1]; float loops keep the limit and box the step (so FORLOOP can
 * tell them apart). Returns true if the loop must be skipped.
 */
function forPrep(L: LuaThread, stack: LuaValue[], ra: number): boolean {
  const init = stack[ra];
  const limit = stack[ra + 1];
  const step = stack[ra + 2];
  // The usual loop: small integers all three; the iteration count in doubles is exact.
  if (
    typeof init === 'number' &&
    typeof limit === 'number' &&
    typeof step === 'number' &&
    Number.isInteger(init) &&
    Number.isInteger(limit) &&
    Number.isInteger(step) &&
    step !== 0 &&
    Math.abs(init) <= FOR_SMALL &&
    Math.abs(limit) <= FOR_SMALL &&
    Math.abs(step) <= FOR_SMALL
  ) {
    if (step > 0 ? init > limit : init < limit) return true;
    stack[ra + 1] = step > 0 ? Math.floor((limit - init) / step) : Math.floor((init - limit) / -step);
    stack[ra + 3] = init;
    return false;
  }
  if (isIntegerValue(init) && isIntegerValue(step)) {
    if (step === 0 || step === 0n) runError(L, "'for' step is zero");
    const lim = forLimit(L, limit, init as number | bigint, step as number | bigint);
    if (lim === null) return true;
    const i0 = init as number | bigint;
    const s = step as number | bigint;
    // Iteration count: (limit - init) / step, computed exactly.
    const bi = BigInt(i0);
    const bl = BigInt(lim);
    const bs = BigInt(s);
    let count: bigint;
    if (bs > 0n) {
      if (bi > bl) return true;
      count = (bl - bi) / bs;
    } else {
      if (bi < bl) return true;
      count = (bi - bl) / -bs;
    }
    const lastValue = bi + count * bs;
    const safe =
      typeof i0 === 'number' &&
      typeof s === 'number' &&
      count <= BigInt(Number.MAX_SAFE_INTEGER) &&
      lastValue >= -BigInt(MAX_SAFE) &&
      lastValue <= BigInt(MAX_SAFE);
    stack[ra + 1] = safe ? Number(count) : count;
    stack[ra + 2] = safe ? s : bs;
    stack[ra] = safe ? i0 : bi;
    stack[ra + 3] = i0;
    return false;
  }
  // Float loop.
  const fl = toForNumber(limit);
  if (fl === undefined) forError(L, limit, 'limit');
  const fs = toForNumber(step);
  if (fs === undefined) forError(L, step, 'step');
  const fi = toForNumber(init);
  if (fi === undefined) forError(L, init, 'initial value');
  if (fs === 0) runError(L, "'for' step is zero");
  if (fs > 0 ? fl < fi : fi < fl) return true;
  stack[ra] = fi;
  stack[ra + 1] = fl;
  stack[ra + 2] = new LuaFloat(fs);
  stack[ra + 3] = Number.isInteger(fi) ? new LuaFloat(fi) : fi;
  return false;
}

function isIntegerValue(v: LuaValue): boolean {
  return (typeof v === 'number' && Number.isInteger(v)) || typeof v === 'bigint';
}

/** A for-loop operand as a double (numeric strings convert, as luaV_tonumber_ does). */
function toForNumber(v: LuaValue): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof LuaFloat) return v.n;
  if (typeof v === 'string') {
    const n = stringToNumber(v);
    return n === undefined ? undefined : toDouble(n);
  }
  return undefined;
}

/**
 * The integer limit of an integer loop (forlimit): floats are floored or ceiled toward the
 * loop's direction and clipped to the integer range; null when the loop must not run.
 */
function forLimit(L: LuaThread, limit: LuaValue, init: number | bigint, step: number | bigint): number | bigint | null {
  if (isIntegerValue(limit)) return limit as number | bigint;
  if (typeof limit === 'string') {
    const n = stringToNumber(limit);
    if (n !== undefined && isIntegerValue(n)) return n as number | bigint;
  }
  const f = toForNumber(limit);
  if (f === undefined) forError(L, limit, 'limit');
  const up = step > 0;
  const fl = up ? Math.floor(f) : Math.ceil(f);
  const asInt = floatToInteger(fl);
  if (asInt !== undefined) return asInt;
  // Out of integer range (or NaN): clip; if the limit is beyond every integer in the loop's
  // direction the loop is infinite-ish up to maxinteger, if it is before init the loop does not
  // run. As in lvm.c, a NaN is not > 0, so it counts as below every integer: a loop with a
  // negative step runs down toward mininteger.
  if (f > 0) {
    if (!up) return null;
    return 0x7fffffffffffffffn;
  }
  if (up) return null;
  return -0x8000000000000000n;
}

/** FORLOOP for bigint counters and float loops. Returns true to jump back. */
function forLoopSlow(stack: LuaValue[], ra: number): boolean {
  const step = stack[ra + 2];
  if (step instanceof LuaFloat) {
    const s = step.n;
    const limit = stack[ra + 1] as number;
    const idx = (stack[ra] as number) + s;
    if (s > 0 ? idx <= limit : limit <= idx) {
      stack[ra] = idx;
      stack[ra + 3] = Number.isInteger(idx) ? new LuaFloat(idx) : idx;
      return true;
    }
    return false;
  }
  const count = BigInt(stack[ra + 1] as number | bigint);
  if (count <= 0n) return false;
  stack[ra + 1] = count - 1n;
  const idx = BigInt(stack[ra] as number | bigint) + BigInt(step as number | bigint);
  stack[ra] = idx;
  const v = BigInt.asIntN(64, idx);
  stack[ra + 3] = v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
  return true;
}

// ============================================================================================
// Finishing an instruction interrupted by a metamethod frame (cf. luaV_finishOp)
// ============================================================================================

/**
 * The metamethod frame called by the instruction before `ci.pc` returned its result at
 * L.top - 1. Complete that instruction. Returns true if another frame is now pending.
 */
export function finishOp(L: LuaThread, ci: CallInfo): boolean {
  const p = (ci.closure as LuaClosure).p;
  const code = p.code;
  const base = ci.base;
  const stack = L.stack;
  const inst = code[ci.pc - 1];
  switch (getOp(inst)) {
    case Op.MMBIN:
    case Op.MMBINI:
    case Op.MMBINK:
      stack[base + getA(code[ci.pc - 2])] = stack[--L.top];
      break;
    case Op.UNM:
    case Op.BNOT:
    case Op.LEN:
    case Op.GETTABUP:
    case Op.GETTABLE:
    case Op.GETI:
    case Op.GETFIELD:
    case Op.SELF:
      stack[base + getA(inst)] = stack[--L.top];
      break;
    case Op.LT:
    case Op.LE:
    case Op.LTI:
    case Op.LEI:
    case Op.GTI:
    case Op.GEI:
    case Op.EQ: {
      let res = truthy(stack[L.top - 1]);
      L.top--;
      if (ci.callstatus & CIST_LEQ) {
        ci.callstatus &= ~CIST_LEQ;
        res = !res;
      }
      if (+res !== getk(inst)) ci.pc++; // condition failed: skip the jump
      break;
    }
    case Op.CONCAT: {
      const top = L.top - 1; // where the metamethod's result is
      const a = getA(inst);
      const total = top - 1 - (base + a);
      stack[top - 2] = stack[top];
      L.top = top - 1;
      if (total > 1 && concat(L, ci, total)) return true;
      break;
    }
    case Op.CLOSE:
      ci.pc--; // repeat the instruction to close the other variables
      break;
    case Op.RETURN:
      L.top = base + getA(inst) + ci.extra;
      ci.pc--; // repeat the instruction to close the other variables and return
      break;
    default:
      // SETs, CALL, TAILCALL, TFORCALL: nothing to finish.
      break;
  }
  return false;
}

