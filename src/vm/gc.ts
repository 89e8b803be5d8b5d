// gc.ts — Lua's observable garbage-collection semantics on top of the JS heap: weak tables,
// ephemerons and __gc finalizers.
//
// moonlet's values are JS objects, so the JS engine reclaims memory. What it cannot do is
// what Lua programs observe: entries of weak tables disappearing when their key or value is
// otherwise unreachable, and finalizers running (in reverse order of marking) for objects
// that became unreachable. So a collection cycle here is Lua's atomic phase, run over Lua's
// own object graph:
//   1. mark everything reachable from the roots (registry, running threads, type metatables),
//      treating weak parts of weak tables as non-references and converging ephemerons;
//   2. clear weak values that point to unmarked objects;
//   3. move unmarked objects that have finalizers to the to-be-finalized list and mark them
//      (they are resurrected for their finalizer), then converge again;
//   4. clear weak keys (and the values of tables resurrected in 3);
//   5. call the pending finalizers.
// After this, the dead objects are unreferenced and the JS engine frees them.
//
// A cycle is O(live objects). It runs on collectgarbage("collect"/"step") and, only while
// the program has weak tables or objects with finalizers, automatically every so many
// allocations (the VM counts table, closure and string creations), with Lua's "pause" rule:
// the next cycle starts when allocations since the last one reach `pause`% of what it found
// alive. Without weak tables or finalizers a cycle has no observable effect, so none runs.
// Cf. lgc.c (atomic, convergeephemerons, clearbykeys, clearbyvalues, separatetobefnz, GCTM).

import type { LuaValue } from './value.js';
import { LuaUserdata } from './value.js';
import { LuaTable } from './table.js';
import { LuaClosure, NativeFunction } from './closure.js';
import { CIST_FIN, LuaThread } from './state.js';
import type { GcHooks, GlobalState } from './state.js';
import { TM, fastTM, getTMByObj } from './metamethods.js';
import { callSync } from './api.js';
import { LuaError } from './errors.js';

type Collectable = LuaTable | LuaUserdata | LuaClosure | NativeFunction | LuaThread;

/** Estimated sizes for memory accounting (collectgarbage "count"), close to PUC Lua's. */
export const TABLE_BYTES = 56;
export const CLOSURE_BYTES = 40;
export const STRING_BYTES = 24;
export const THREAD_BYTES = 200;

function isCollectable(v: LuaValue): v is Collectable {
  return (
    v instanceof LuaTable ||
    v instanceof LuaClosure ||
    v instanceof NativeFunction ||
    v instanceof LuaUserdata ||
    v instanceof LuaThread
  );
}

/** Weakness of a table, from its metatable's __mode. */
function weakMode(t: LuaTable): number {
  const mt = t.metatable;
  if (mt === undefined) return 0;
  const mode = mt.getStr('__mode');
  if (typeof mode !== 'string') return 0;
  return (mode.includes('k') ? 1 : 0) | (mode.includes('v') ? 2 : 0);
}

const WEAK_KEYS = 1;
const WEAK_VALUES = 2;

export class Collector implements GcHooks {
  /** Objects marked for finalization, oldest first. */
  private finobj: (LuaTable | LuaUserdata)[] = [];
  private finSet = new Set<object>();
  /** Objects found dead, waiting for their finalizer. */
  private tobefnz: (LuaTable | LuaUserdata)[] = [];
  /** True once some metatable with __mode was seen: automatic cycles are useful. */
  private weakSeen = false;
  private running = false;

  constructor(private readonly G: GlobalState) {}

  noteMetatable(t: LuaTable | LuaUserdata, mt: LuaTable): void {
    // Through the absent-metamethod cache: setmetatable is on the hot path of every
    // constructor of the class pattern, and a class rarely has either field.
    if (fastTM(mt, TM.MODE) !== undefined) {
      this.weakSeen = true;
      this.schedule();
    }
    if (fastTM(mt, TM.GC) !== undefined && !this.finSet.has(t)) {
      this.finSet.add(t);
      this.finobj.push(t);
      this.schedule();
    }
  }

  /** Set the allocation level at which the VM runs a cycle on its own (Lua's pause rule). */
  private schedule(): void {
    const G = this.G;
    if (!G.gcState.running || (!this.weakSeen && this.finobj.length === 0 && this.tobefnz.length === 0)) {
      G.gcTrigger = Number.MAX_SAFE_INTEGER;
      return;
    }
    const pause = Math.max(G.gcState.pause, 100) / 100;
    G.gcTrigger = G.allocated + Math.max(64 * 1024, Math.floor(G.liveAtGC * (pause - 1)));
  }

  /** collectgarbage("count") in bytes: what the last cycle found alive plus what came since. */
  count(): number {
    const G = this.G;
    return G.liveAtGC + G.allocated - G.allocatedAtGC;
  }

  /** Called by the VM when the allocation countdown runs out. */
  step(L: LuaThread): void {
    this.collect(L);
  }

  /**
   * A full cycle: mark, clear weak tables, run finalizers. Returns false when a collection
   * cannot start because one is under way (collectgarbage called from a finalizer).
   */
  collect(L: LuaThread): boolean {
    if (this.running) return false;
    this.running = true;
    try {
      this.cycle();
      this.runFinalizers(L);
    } finally {
      this.running = false;
    }
    this.schedule();
    return true;
  }

  /** Run every pending finalizer, for all objects (lua_close). */
  closeAll(L: LuaThread): void {
    for (let i = this.finobj.length - 1; i >= 0; i--) this.tobefnz.push(this.finobj[i]);
    this.finobj = [];
    this.finSet.clear();
    this.runFinalizers(L);
  }

  // ------------------------------------------------------------------------------------------
  // The atomic phase
  // ------------------------------------------------------------------------------------------

  private marked = new Set<object>();
  /** Estimated bytes of everything marked in this cycle. */
  private liveBytes = 0;
  private gray: Collectable[] = [];
  private weakTables: { t: LuaTable; mode: number }[] = [];
  private ephemerons: LuaTable[] = [];

  private cycle(): void {
    this.marked = new Set();
    this.liveBytes = 0;
    this.gray = [];
    this.weakTables = [];
    this.ephemerons = [];
    this.markRoots();
    this.propagate();
    this.convergeEphemerons();
    this.clearValues();
    // Separate unreached objects with finalizers (newest first: reverse order of marking).
    const alive: (LuaTable | LuaUserdata)[] = [];
    const dead: (LuaTable | LuaUserdata)[] = [];
    for (const o of this.finobj) (this.marked.has(o) ? alive : dead).push(o);
    this.finobj = alive;
    for (let i = dead.length - 1; i >= 0; i--) {
      this.finSet.delete(dead[i]);
      this.tobefnz.push(dead[i]);
    }
    const before = this.weakTables.length;
    for (const o of this.tobefnz) this.mark(o);
    this.propagate();
    this.convergeEphemerons();
    this.clearKeys();
    this.clearValues(before);
    for (const { t } of this.weakTables) this.liveBytes += this.weakStringBytes(t);
    const G = this.G;
    G.liveAtGC = this.liveBytes;
    G.allocatedAtGC = G.allocated;
    this.marked = new Set();
  }

  private markRoots(): void {
    const G = this.G;
    this.mark(G.registry);
    this.mark(G.mainThread);
    for (let T: LuaThread | null = G.running; T !== null; T = T.resumer) this.mark(T);
    for (const mt of [G.stringMeta, G.numberMeta, G.booleanMeta, G.nilMeta, G.functionMeta, G.threadMeta]) {
      if (mt !== undefined) this.mark(mt);
    }
    for (const o of this.tobefnz) this.mark(o);
  }

  private mark(v: LuaValue): void {
    if (!isCollectable(v)) {
      if (typeof v === 'string') this.liveBytes += v.length + STRING_BYTES;
      return;
    }
    if (this.marked.has(v)) return;
    this.marked.add(v);
    this.gray.push(v);
  }

  private propagate(): void {
    const gray = this.gray;
    while (gray.length > 0) {
      const o = gray.pop()!;
      if (o instanceof LuaTable) {
        this.liveBytes += TABLE_BYTES + 16 * (o.arr.length + o.hkeys.length - o.hdead);
        this.traverseTable(o);
      } else if (o instanceof LuaClosure) {
        this.liveBytes += CLOSURE_BYTES + 8 * o.upvals.length;
        for (const uv of o.upvals) this.mark(uv.stack[uv.idx]);
      } else if (o instanceof NativeFunction) {
        this.liveBytes += CLOSURE_BYTES;
        if (o.refs !== undefined) for (const r of o.refs) this.mark(r);
      } else if (o instanceof LuaUserdata) {
        this.liveBytes += TABLE_BYTES;
        this.mark(o.metatable);
        for (const u of o.userValues) this.mark(u);
      } else {
        this.liveBytes += THREAD_BYTES + 8 * o.top;
        this.traverseThread(o);
      }
    }
  }

  private traverseTable(t: LuaTable): void {
    this.mark(t.metatable);
    const mode = weakMode(t);
    if (mode === WEAK_KEYS) {
      // Ephemeron: a value is reachable only through a reachable key.
      this.ephemerons.push(t);
      this.weakTables.push({ t, mode });
      this.traverseEphemeron(t);
      return;
    }
    if (mode !== 0) this.weakTables.push({ t, mode });
    // Weak references are not marked (a weak table's strings are counted once it is cleared).
    if ((mode & WEAK_VALUES) === 0) for (const v of t.arr) this.mark(v);
    const keys = t.hkeys;
    const vals = t.hvals;
    for (let i = 0; i < keys.length; i++) {
      const v = vals[i];
      if (v === undefined) continue;
      if ((mode & WEAK_KEYS) === 0) this.mark(keys[i] as LuaValue);
      if ((mode & WEAK_VALUES) === 0) this.mark(v);
    }
  }

  /** Bytes of the strings a weak table keeps after clearing (strings are never weak). */
  private weakStringBytes(t: LuaTable): number {
    let n = 0;
    for (const v of t.arr) if (typeof v === 'string') n += v.length + STRING_BYTES;
    const keys = t.hkeys;
    const vals = t.hvals;
    for (let i = 0; i < keys.length; i++) {
      const v = vals[i];
      if (v === undefined) continue;
      const k = keys[i];
      if (typeof k === 'string') n += k.length + STRING_BYTES;
      if (typeof v === 'string') n += v.length + STRING_BYTES;
    }
    return n;
  }

  /** Mark the values of an ephemeron table whose keys are marked; true if any was new. */
  private traverseEphemeron(t: LuaTable): boolean {
    let changed = false;
    for (const v of t.arr) {
      if (isCollectable(v) && !this.marked.has(v)) {
        this.mark(v);
        changed = true;
      }
    }
    const keys = t.hkeys;
    const vals = t.hvals;
    for (let i = 0; i < keys.length; i++) {
      const v = vals[i];
      if (v === undefined) continue;
      const k = keys[i] as LuaValue;
      if (isCollectable(k) && !this.marked.has(k)) continue;
      if (isCollectable(v) && !this.marked.has(v)) {
        this.mark(v);
        changed = true;
      }
    }
    return changed;
  }

  private convergeEphemerons(): void {
    let changed = true;
    while (changed) {
      changed = false;
      for (const t of this.ephemerons) {
        if (this.traverseEphemeron(t)) {
          changed = true;
          this.propagate();
        }
      }
    }
  }

  private traverseThread(T: LuaThread): void {
    // Everything live is below top: frames and their functions are stacked below the running
    // one (the VM sets top to the live registers before it collects).
    const stack = T.stack;
    for (let i = 0; i < T.top; i++) this.mark(stack[i]);
    // Slots above top are dead: clear them so they keep nothing alive (as Lua's atomic
    // phase does), for this collector and for the JS engine's.
    for (let i = T.top; i < stack.length; i++) stack[i] = undefined;
    this.mark(T.body);
    this.mark(T.errorValue);
    this.mark(T.hook);
    if (T.resumer !== null) this.mark(T.resumer);
  }

  /** Remove entries whose weak value is dead (tables from index `from` of the weak list). */
  private clearValues(from = 0): void {
    for (let i = from; i < this.weakTables.length; i++) {
      const { t, mode } = this.weakTables[i];
      if ((mode & WEAK_VALUES) === 0) continue;
      const arr = t.arr;
      for (let j = 0; j < arr.length; j++) if (this.isDead(arr[j])) t.setInt(j + 1, undefined);
      const keys = t.hkeys;
      const vals = t.hvals;
      for (let j = 0; j < keys.length; j++) {
        if (vals[j] !== undefined && this.isDead(vals[j])) t.set(keys[j] as LuaValue, undefined);
      }
    }
  }

  private clearKeys(): void {
    for (const { t, mode } of this.weakTables) {
      if ((mode & WEAK_KEYS) === 0) continue;
      const keys = t.hkeys;
      const vals = t.hvals;
      for (let j = 0; j < keys.length; j++) {
        if (vals[j] !== undefined && this.isDead(keys[j] as LuaValue)) t.set(keys[j] as LuaValue, undefined);
      }
    }
  }

  private isDead(v: LuaValue): boolean {
    return isCollectable(v) && !this.marked.has(v);
  }

  // ------------------------------------------------------------------------------------------
  // Finalizers
  // ------------------------------------------------------------------------------------------

  /** Call __gc for each object found dead, newest first; errors become warnings. */
  private runFinalizers(L: LuaThread): void {
    while (this.tobefnz.length > 0) {
      const o = this.tobefnz.shift()!;
      const tm = getTMByObj(this.G, o, TM.GC);
      if (tm === undefined) continue;
      const ci = L.ci;
      const savedTop = L.top;
      const func = Math.max(L.top, ci.top);
      L.ensureStack(func + 3);
      L.stack[func] = tm;
      L.stack[func + 1] = o;
      L.top = func + 2;
      const savedHook = L.allowHook;
      L.allowHook = false;
      ci.callstatus |= CIST_FIN;
      try {
        callSync(L, func, 0);
      } catch (e) {
        const msg = e instanceof LuaError && typeof e.value === 'string' ? e.value : 'error object is not a string';
        if (this.G.warnOn) this.G.io.stderr(`Lua warning: error in __gc (${msg})\n`);
      } finally {
        ci.callstatus &= ~CIST_FIN;
        L.allowHook = savedHook;
        L.top = savedTop;
      }
    }
  }
}
