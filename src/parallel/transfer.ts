// transfer.ts — Lua values across isolates: a compact byte encoding of a sequence of values,
// written from one VM (or from JavaScript values) and read into another VM (or into JS).
//
// What crosses, and how:
//   nil, booleans                      as they are
//   integers                           zigzag varints (safe integers) or 8 bytes (bigints):
//                                      still integers on the other side (math.type holds)
//   floats                             8-byte doubles, the NaN sign (value.ts) kept
//   strings                            their bytes, unchanged (byte strings, not UTF-16)
//   tables                             key/value pairs; every table gets an id on first sight,
//                                      so shared references and cycles arrive as they left.
//                                      Metatables are dropped (docs/parallel.md)
//   Lua functions                      the Proto (bytecode, see below) plus their upvalues'
//                                      values, copied; closures sharing an upvalue cell still
//                                      share one on arrival; a recursive local function works
//   the sender's globals table         "the receiver's globals" (so _ENV upvalues rebind)
//   standard library tables/functions  by name ("math", "string.format", "print"): the
//                                      receiver's own library
//   shared tables and channels         by name: the receiver's view of the same buffer
//   anything else                      a LuaError naming its type and where it was
//                                      ("argument #2, upvalue 'conn', field 'sock'")
//
// Prototypes travel as binary chunks (src/vm/dump.ts) in one of two ways, chosen by the
// writer: by id (the pool ships each chunk once per worker and the task names it: pool.ts),
// or inline (results, channels: the chunk bytes in the message, once per message).
//
// Invariants: an Encoder's output decodes to the same number of values in the same order;
// decoding never calls Lua code (no metamethods either way); ids of tables and closures are
// assigned in encounter order by both sides, so a reference is just that order number.

import type { Proto } from '../compiler/proto.js';
import type { LuaValue } from '../vm/value.js';
import { LuaFloat, LuaUserdata, POS_NAN, mkFloat, typeName } from '../vm/value.js';
import { LuaTable } from '../vm/table.js';
import { LuaClosure, NativeFunction, UpVal } from '../vm/closure.js';
import type { GlobalState } from '../vm/state.js';
import { LuaThread } from '../vm/state.js';
import { LuaError } from '../vm/errors.js';
import { dump } from '../vm/dump.js';
import { undump } from '../vm/undump.js';
import { bytesToByteString, fromByteString, toByteString } from '../embed/convert.js';
import { handleTarget } from '../embed/handles.js';

const enum Tag {
  Nil = 0,
  False = 1,
  True = 2,
  /** A safe integer, zigzag varint. */
  Int = 3,
  /** An integer beyond ±2^53, 8 bytes little-endian. */
  Int64 = 4,
  Float = 5,
  PosNaN = 6,
  Str = 7,
  Table = 8,
  /** A table or closure seen before in this message: varint order number. */
  Ref = 9,
  Closure = 10,
  /** The sender's globals table: the receiver's globals. */
  Globals = 11,
  /** A standard library table or function, by name. */
  Lib = 12,
  /** Ends a table's pairs. */
  End = 13,
  /** A shared table or channel: u8 kind (0 table, 1 channel), then its name. */
  Shared = 14,
}

/** How a closure names its Proto. */
const enum ProtoTag {
  /** Pool-registered id (varint); the receiver already has the chunk. */
  Id = 0,
  /** A binary chunk follows (str); it gets the next local number. */
  Inline = 1,
  /** A chunk inlined earlier in this message: varint local number. */
  Local = 2,
}

// ============================================================================================
// Shared objects: recognised by a symbol, resolved by name on arrival
// ============================================================================================

/** Property of SharedTable and SharedChannel objects: their kind. */
export const SHARED: unique symbol = Symbol('moonlet.shared');
export type SharedKind = 'table' | 'channel';
/** What transfer needs of a shared table or channel. */
export interface SharedObject {
  readonly [SHARED]: SharedKind;
  readonly name: string;
}
/** Finds the receiver's value for a shared object: userdata in a VM, the object for JS. */
export type SharedResolver = (kind: SharedKind, name: string) => unknown;

function isShared(v: unknown): v is SharedObject {
  return typeof v === 'object' && v !== null && SHARED in v;
}

/** Per VM: how its `parallel` library (lua-lib.ts) turns a shared object into userdata. */
const luaResolvers = new WeakMap<GlobalState, SharedResolver>();

export function setSharedResolver(G: GlobalState, resolve: SharedResolver): void {
  luaResolvers.set(G, resolve);
}

// ============================================================================================
// Chunks of prototypes
// ============================================================================================

/** Binary chunk of each Proto, made once (Protos never change after compilation). */
const chunks = new WeakMap<Proto, string>();

/** The binary chunk of `p`, with debug information (tracebacks in workers name lines). */
export function chunkOf(p: Proto): string {
  let c = chunks.get(p);
  if (c === undefined) {
    c = dump(p, false);
    chunks.set(p, c);
  }
  return c;
}

/** Recently loaded inline chunks, so a function returned repeatedly is undumped once. */
const undumped = new Map<string, Proto>();
const UNDUMP_CACHE = 128;

/** The Proto of a binary chunk (cached). */
export function protoOf(chunk: string): Proto {
  let p = undumped.get(chunk);
  if (p === undefined) {
    p = undump(chunk, '=(parallel)');
    if (undumped.size >= UNDUMP_CACHE) undumped.clear();
    undumped.set(chunk, p);
  }
  return p;
}

// ============================================================================================
// The sending VM: its globals and standard library, recognised by identity
// ============================================================================================

const BASE_FUNCTIONS = [
  'assert', 'collectgarbage', 'dofile', 'error', 'getmetatable', 'ipairs', 'load', 'loadfile', 'next',
  'pairs', 'pcall', 'print', 'rawequal', 'rawget', 'rawlen', 'rawset', 'require', 'select',
  'setmetatable', 'tonumber', 'tostring', 'type', 'warn', 'xpcall',
];
const LIBRARIES = ['string', 'table', 'math', 'utf8', 'os', 'io', 'coroutine', 'debug', 'package'];

/** What an encoder needs to know about the VM a value comes from. */
export interface SourceVM {
  globals: LuaTable;
  /** Standard library tables and functions → their names. */
  libNames: Map<object, string>;
}

const sources = new WeakMap<GlobalState, SourceVM>();

/** The SourceVM of a global state (built once). */
export function sourceOf(G: GlobalState): SourceVM {
  let s = sources.get(G);
  if (s === undefined) {
    const libNames = new Map<object, string>();
    const base = G.loaded.getStr('_G');
    if (base instanceof LuaTable) {
      for (const name of BASE_FUNCTIONS) {
        const f = base.getStr(name);
        if (f instanceof NativeFunction) libNames.set(f, name);
      }
    }
    for (const lib of LIBRARIES) {
      const t = G.loaded.getStr(lib);
      if (!(t instanceof LuaTable)) continue;
      libNames.set(t, lib);
      const out: LuaValue[] = [undefined, undefined];
      let k: LuaValue = undefined;
      while (t.next(k, out, 0)) {
        k = out[0];
        if (typeof k === 'string' && out[1] instanceof NativeFunction && !libNames.has(out[1])) libNames.set(out[1], `${lib}.${k}`);
      }
    }
    s = { globals: G.globals, libNames };
    sources.set(G, s);
  }
  return s;
}

/** A library value by the name sourceOf gave it, in the receiving VM. */
function libValue(G: GlobalState, name: string): LuaValue {
  const dot = name.indexOf('.');
  let v: LuaValue;
  if (dot < 0) {
    v = LIBRARIES.includes(name) ? G.loaded.getStr(name) : (G.loaded.getStr('_G') as LuaTable | undefined)?.getStr(name);
  } else {
    const lib = G.loaded.getStr(name.slice(0, dot));
    v = lib instanceof LuaTable ? lib.getStr(name.slice(dot + 1)) : undefined;
  }
  if (v === undefined) {
    const lib = dot < 0 ? (LIBRARIES.includes(name) ? name : 'base') : name.slice(0, dot);
    throw new LuaError(`'${name}' is not available in this Lua state (open the '${lib}' library there)`);
  }
  return v;
}

// ============================================================================================
// Bytes
// ============================================================================================

class ByteWriter {
  buf = new Uint8Array(256);
  n = 0;
  private view = new DataView(this.buf.buffer);

  private room(k: number): void {
    if (this.n + k <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.n + k) size *= 2;
    const bigger = new Uint8Array(size);
    bigger.set(this.buf.subarray(0, this.n));
    this.buf = bigger;
    this.view = new DataView(bigger.buffer);
  }

  u8(b: number): void {
    this.room(1);
    this.buf[this.n++] = b;
  }

  /** Unsigned LEB128 of a non-negative safe integer (arithmetic: values pass 2^32). */
  varint(v: number): void {
    this.room(8);
    const buf = this.buf;
    let n = this.n;
    while (v >= 0x80) {
      buf[n++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    buf[n++] = v;
    this.n = n;
  }

  f64(x: number): void {
    this.room(8);
    this.view.setFloat64(this.n, x, true);
    this.n += 8;
  }

  i64(v: bigint): void {
    this.room(8);
    this.view.setBigInt64(this.n, v, true);
    this.n += 8;
  }

  /** A byte string: length, then its bytes. */
  str(s: string): void {
    const len = s.length;
    this.varint(len);
    this.room(len);
    const buf = this.buf;
    let n = this.n;
    for (let i = 0; i < len; i++) buf[n++] = s.charCodeAt(i);
    this.n = n;
  }

  bytes(b: Uint8Array): void {
    this.varint(b.length);
    this.room(b.length);
    this.buf.set(b, this.n);
    this.n += b.length;
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.n);
  }
}

class ByteReader {
  pos = 0;
  private readonly view: DataView;
  constructor(readonly b: Uint8Array) {
    this.view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  }

  u8(): number {
    if (this.pos >= this.b.length) throw new Error('moonlet: truncated transfer message');
    return this.b[this.pos++];
  }

  varint(): number {
    let v = 0;
    let scale = 1;
    for (;;) {
      const byte = this.u8();
      v += (byte & 0x7f) * scale;
      if (byte < 0x80) return v;
      scale *= 0x80;
    }
  }

  f64(): number {
    const x = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return x;
  }

  i64(): bigint {
    const v = this.view.getBigInt64(this.pos, true);
    this.pos += 8;
    return v;
  }

  str(): string {
    const len = this.varint();
    const end = this.pos + len;
    if (end > this.b.length) throw new Error('moonlet: truncated transfer message');
    const s = len < 64 ? shortString(this.b, this.pos, end) : bytesToByteString(this.b.subarray(this.pos, end));
    this.pos = end;
    return s;
  }

  get done(): boolean {
    return this.pos >= this.b.length;
  }
}

function shortString(b: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) s += String.fromCharCode(b[i]);
  return s;
}

// ============================================================================================
// Encoding
// ============================================================================================

export interface EncoderOptions {
  /**
   * Name Protos by a pool-wide id instead of inlining their chunks. The Protos named are
   * collected in `Encoder.protos` so the pool can ship the chunks a worker lacks.
   */
  protoId?: (p: Proto) => number;
}

/** Writes a sequence of values (see the file header for the format). */
export class Encoder {
  private readonly w = new ByteWriter();
  private readonly objects = new Map<object, number>();
  private readonly cells = new Map<UpVal, number>();
  private readonly inlined = new Map<Proto, number>();
  /** Protos named by id in this message (with EncoderOptions.protoId), by id. */
  readonly protos = new Map<number, Proto>();
  /** Where the value being written is, for error messages ("argument #2", "field 'x'"). */
  private readonly path: string[] = [];

  constructor(private readonly options: EncoderOptions = {}) {}

  /** Write a Lua value of the VM described by `src`; `where` names it in errors. */
  lua(v: LuaValue, src: SourceVM | undefined, where: string): void {
    this.path.push(where);
    this.luaValue(v, src);
    this.path.pop();
  }

  /** Write a JS value converted as the embedding API converts (convert.ts), handles included. */
  js(v: unknown, where: string): void {
    this.path.push(where);
    this.jsValue(v, new Set());
    this.path.pop();
  }

  /**
   * Write a main-chunk Proto as a closure whose _ENV is the receiver's globals (what `load`
   * makes of code), without needing a VM on this side.
   */
  chunk(p: Proto): void {
    const w = this.w;
    w.u8(Tag.Closure);
    this.objects.set({}, this.objects.size); // keep order numbers aligned with the decoder
    this.proto(p);
    w.varint(p.upvalues.length);
    for (let i = 0; i < p.upvalues.length; i++) {
      w.varint(0);
      if (i === 0) w.u8(Tag.Globals);
      else w.u8(Tag.Nil);
    }
  }

  finish(): Uint8Array {
    return this.w.finish();
  }

  private fail(what: string): never {
    throw new LuaError(`cannot copy ${what} to another Lua state (${this.path.join(', ')})`);
  }

  private luaValue(v: LuaValue, src: SourceVM | undefined): void {
    const w = this.w;
    switch (typeof v) {
      case 'undefined':
        w.u8(Tag.Nil);
        return;
      case 'boolean':
        w.u8(v ? Tag.True : Tag.False);
        return;
      case 'number':
        if (Number.isInteger(v)) {
          w.u8(Tag.Int);
          w.varint(v >= 0 ? v * 2 : -v * 2 - 1);
        } else {
          w.u8(Tag.Float);
          w.f64(v);
        }
        return;
      case 'bigint':
        w.u8(Tag.Int64);
        w.i64(v);
        return;
      case 'string':
        w.u8(Tag.Str);
        w.str(v);
        return;
    }
    if (v instanceof LuaFloat) {
      if (v === POS_NAN) w.u8(Tag.PosNaN);
      else {
        w.u8(Tag.Float);
        w.f64(v.n);
      }
      return;
    }
    const seen = this.objects.get(v);
    if (seen !== undefined) {
      w.u8(Tag.Ref);
      w.varint(seen);
      return;
    }
    if (src !== undefined) {
      if (v === src.globals) {
        w.u8(Tag.Globals);
        return;
      }
      const lib = src.libNames.get(v);
      if (lib !== undefined) {
        w.u8(Tag.Lib);
        w.str(lib);
        return;
      }
    }
    if (v instanceof LuaTable) {
      this.objects.set(v, this.objects.size);
      w.u8(Tag.Table);
      const out: LuaValue[] = [undefined, undefined];
      let k: LuaValue = undefined;
      while (v.next(k, out, 0)) {
        k = out[0];
        const value = out[1];
        this.luaValue(k, src);
        this.path.push(keyPath(k));
        this.luaValue(value, src);
        this.path.pop();
      }
      w.u8(Tag.End);
      return;
    }
    if (v instanceof LuaClosure) {
      this.objects.set(v, this.objects.size);
      w.u8(Tag.Closure);
      const p = v.p;
      this.proto(p);
      w.varint(v.upvals.length);
      for (let i = 0; i < v.upvals.length; i++) {
        const uv = v.upvals[i];
        const cell = this.cells.get(uv);
        if (cell !== undefined) {
          w.varint(cell + 1);
          continue;
        }
        this.cells.set(uv, this.cells.size);
        w.varint(0);
        const name = p.upvalues[i]?.name;
        this.path.push(name ? `upvalue '${name}'` : `upvalue #${i + 1}`);
        this.luaValue(uv.stack[uv.idx], src);
        this.path.pop();
      }
      return;
    }
    if (v instanceof LuaUserdata && isShared(v.data)) {
      this.shared(v.data);
      return;
    }
    if (v instanceof NativeFunction) this.fail(`a host function ('${v.name}')`);
    if (v instanceof LuaThread) this.fail('a thread value');
    if (v instanceof LuaUserdata) this.fail('a userdata value');
    this.fail(`a ${typeName(v)} value`);
  }

  private shared(obj: SharedObject): void {
    this.w.u8(Tag.Shared);
    this.w.u8(obj[SHARED] === 'table' ? 0 : 1);
    this.w.str(toByteString(obj.name));
  }

  private proto(p: Proto): void {
    const w = this.w;
    const byId = this.options.protoId;
    if (byId !== undefined) {
      const id = byId(p);
      this.protos.set(id, p);
      w.u8(ProtoTag.Id);
      w.varint(id);
      return;
    }
    const local = this.inlined.get(p);
    if (local !== undefined) {
      w.u8(ProtoTag.Local);
      w.varint(local);
      return;
    }
    this.inlined.set(p, this.inlined.size);
    w.u8(ProtoTag.Inline);
    w.str(chunkOf(p));
  }

  private jsValue(v: unknown, active: Set<object>): void {
    const w = this.w;
    switch (typeof v) {
      case 'undefined':
        w.u8(Tag.Nil);
        return;
      case 'boolean':
        w.u8(v ? Tag.True : Tag.False);
        return;
      case 'number':
        if (Number.isInteger(v) && Number.isSafeInteger(v)) this.luaValue(v === 0 ? 0 : v, undefined);
        else if (Number.isInteger(v) && v >= -9223372036854775808 && v < 9223372036854775808) this.luaValue(BigInt(v), undefined);
        else this.luaValue(mkFloat(v), undefined);
        return;
      case 'bigint':
        if (v < -(2n ** 63n) || v >= 2n ** 63n) this.fail(`the bigint ${v} (it does not fit a Lua integer)`);
        this.luaValue(v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v, undefined);
        return;
      case 'string':
        w.u8(Tag.Str);
        w.str(toByteString(v));
        return;
      case 'function':
        this.fail('a JavaScript function');
      // falls through (fail never returns)
      case 'symbol':
        this.fail('a symbol');
    }
    if (v === null) {
      w.u8(Tag.Nil);
      return;
    }
    const obj = v as object;
    const target = handleTarget(obj);
    if (target !== undefined) {
      this.luaValue(target.value, sourceOf(target.runtime.G));
      return;
    }
    if (obj instanceof Uint8Array) {
      w.u8(Tag.Str);
      w.bytes(obj);
      return;
    }
    if (isShared(obj)) {
      this.shared(obj);
      return;
    }
    const seen = this.objects.get(obj);
    if (seen !== undefined) {
      w.u8(Tag.Ref);
      w.varint(seen);
      return;
    }
    if (Array.isArray(obj)) {
      this.objects.set(obj, this.objects.size);
      w.u8(Tag.Table);
      for (let i = 0; i < obj.length; i++) {
        if (obj[i] === undefined || obj[i] === null) continue;
        w.u8(Tag.Int);
        w.varint((i + 1) * 2);
        this.path.push(`[${i + 1}]`);
        this.jsValue(obj[i], active);
        this.path.pop();
      }
      w.u8(Tag.End);
      return;
    }
    const proto = Object.getPrototypeOf(obj);
    if (proto === Object.prototype || proto === null || obj instanceof Map) {
      this.objects.set(obj, this.objects.size);
      w.u8(Tag.Table);
      const entries: Iterable<[unknown, unknown]> =
        obj instanceof Map ? obj.entries() : Object.entries(obj as Record<string, unknown>);
      for (const [key, value] of entries) {
        if (value === undefined || value === null) continue;
        if (typeof key === 'string' && /^(0|[1-9][0-9]{0,14})$/.test(key) && !(obj instanceof Map)) this.jsValue(Number(key), active);
        else this.jsValue(key, active);
        this.path.push(typeof key === 'string' ? `field '${key}'` : `[${String(key)}]`);
        this.jsValue(value, active);
        this.path.pop();
      }
      w.u8(Tag.End);
      return;
    }
    this.fail(`a ${proto?.constructor?.name ?? 'object'} object`);
  }
}

/** How a table key reads in a path: field 'x', [3], [?]. */
function keyPath(k: LuaValue): string {
  if (typeof k === 'string') return /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? `field '${k}'` : `["${fromByteString(k)}"]`;
  if (typeof k === 'number' || typeof k === 'bigint') return `[${k}]`;
  return `[${typeName(k)} key]`;
}

/** Encode a list of Lua values of one VM (arguments, results). */
export function encodeLuaValues(values: readonly LuaValue[], src: SourceVM | undefined, what: string, options?: EncoderOptions): Encoder {
  const e = new Encoder(options);
  for (let i = 0; i < values.length; i++) e.lua(values[i], src, `${what} #${i + 1}`);
  return e;
}

// ============================================================================================
// Decoding
// ============================================================================================

export interface DecoderOptions {
  /** Resolves Proto ids written with EncoderOptions.protoId. */
  protoById?: (id: number) => Proto;
  /** Shared objects for JavaScript (VMs use the resolver their `parallel` library set). */
  shared?: SharedResolver;
}

/** Intermediate form of a table decoded for JavaScript (shape decided once all keys are in). */
class JsTable {
  readonly keys: unknown[] = [];
  readonly values: unknown[] = [];
}

/** Reads what an Encoder wrote. */
export class Decoder {
  private readonly r: ByteReader;
  private readonly objects: unknown[] = [];
  private readonly cells: UpVal[] = [];
  private readonly inlined: Proto[] = [];

  constructor(
    data: Uint8Array,
    private readonly options: DecoderOptions = {},
  ) {
    this.r = new ByteReader(data);
  }

  get done(): boolean {
    return this.r.done;
  }

  /** Every remaining value, into VM `G`. */
  allLua(G: GlobalState): LuaValue[] {
    const out: LuaValue[] = [];
    while (!this.r.done) out.push(this.lua(G));
    return out;
  }

  /** Every remaining value, as JavaScript values. */
  allJS(): unknown[] {
    const raw: unknown[] = [];
    while (!this.r.done) raw.push(this.jsRaw());
    const memo = new Map<JsTable, unknown>();
    return raw.map((v) => materialize(v, memo));
  }

  /** One value, into VM `G`. */
  lua(G: GlobalState): LuaValue {
    const r = this.r;
    const tag = r.u8() as Tag;
    switch (tag) {
      case Tag.Nil:
        return undefined;
      case Tag.False:
        return false;
      case Tag.True:
        return true;
      case Tag.Int:
        return unzigzag(r.varint());
      case Tag.Int64: {
        const b = r.i64();
        return b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b;
      }
      case Tag.Float:
        return mkFloat(r.f64());
      case Tag.PosNaN:
        return POS_NAN;
      case Tag.Str:
        return r.str();
      case Tag.Table: {
        const t = new LuaTable();
        this.objects.push(t);
        for (;;) {
          if (r.b[r.pos] === Tag.End) {
            r.pos++;
            return t;
          }
          const k = this.lua(G);
          const v = this.lua(G);
          if (k !== undefined && v !== undefined) t.set(k, v);
        }
      }
      case Tag.Ref:
        return this.objects[r.varint()] as LuaValue;
      case Tag.Closure: {
        const p = this.proto();
        const upvals: UpVal[] = [];
        const f = new LuaClosure(p, upvals);
        this.objects.push(f);
        const n = r.varint();
        if (n !== p.upvalues.length) throw new Error('moonlet: transferred closure has the wrong number of upvalues');
        for (let i = 0; i < n; i++) {
          const ref = r.varint();
          if (ref > 0) {
            upvals.push(this.cells[ref - 1]);
            continue;
          }
          const cell = new UpVal([undefined], 0);
          cell.closed = true;
          this.cells.push(cell);
          upvals.push(cell);
          cell.stack[0] = this.lua(G);
        }
        return f;
      }
      case Tag.Globals:
        return G.globals;
      case Tag.Lib:
        return libValue(G, r.str());
      case Tag.Shared:
        return this.sharedValue(luaResolvers.get(G), 'this Lua state (it has no parallel library)') as LuaValue;
      case Tag.End:
        break;
    }
    throw new Error(`moonlet: corrupt transfer message (tag ${tag})`);
  }

  private sharedValue(resolve: SharedResolver | undefined, where: string): unknown {
    const kind: SharedKind = this.r.u8() === 0 ? 'table' : 'channel';
    const name = fromByteString(this.r.str());
    if (resolve === undefined) throw new LuaError(`shared ${kind} '${name}' cannot be used in ${where}`);
    return resolve(kind, name);
  }

  private proto(): Proto {
    const r = this.r;
    const how = r.u8() as ProtoTag;
    switch (how) {
      case ProtoTag.Id: {
        const byId = this.options.protoById;
        if (byId === undefined) throw new Error('moonlet: a Proto id in a message without a Proto table');
        return byId(r.varint());
      }
      case ProtoTag.Inline: {
        const p = protoOf(r.str());
        this.inlined.push(p);
        return p;
      }
      case ProtoTag.Local:
        return this.inlined[r.varint()];
    }
    throw new Error(`moonlet: corrupt transfer message (proto tag ${how})`);
  }

  /** One value for JavaScript, tables still in their intermediate form. */
  private jsRaw(): unknown {
    const r = this.r;
    const tag = r.u8() as Tag;
    switch (tag) {
      case Tag.Nil:
        return undefined;
      case Tag.False:
        return false;
      case Tag.True:
        return true;
      case Tag.Int:
        return unzigzag(r.varint());
      case Tag.Int64: {
        const b = r.i64();
        return b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b;
      }
      case Tag.Float:
        return r.f64();
      case Tag.PosNaN:
        return NaN;
      case Tag.Str:
        return fromByteString(r.str());
      case Tag.Table: {
        const t = new JsTable();
        this.objects.push(t);
        for (;;) {
          if (r.b[r.pos] === Tag.End) {
            r.pos++;
            return t;
          }
          const k = this.jsRaw();
          const v = this.jsRaw();
          t.keys.push(k);
          t.values.push(v);
        }
      }
      case Tag.Ref:
        return this.objects[r.varint()];
      case Tag.Shared:
        return this.sharedValue(this.options.shared, 'JavaScript here (receive it through its pool)');
      case Tag.Closure:
      case Tag.Globals:
      case Tag.Lib:
        throw new LuaError(
          'a Lua function cannot be returned to JavaScript from a worker (call the pool from Lua, parallel.run, to get functions back)',
        );
      case Tag.End:
        break;
    }
    throw new Error(`moonlet: corrupt transfer message (tag ${tag})`);
  }
}

function unzigzag(z: number): number {
  return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
}

/** Tables for JS: sequences 1..n become arrays, others plain objects; cycles kept. */
function materialize(v: unknown, memo: Map<JsTable, unknown>): unknown {
  if (!(v instanceof JsTable)) return v;
  const done = memo.get(v);
  if (done !== undefined) return done;
  const n = v.keys.length;
  let isArray = n > 0;
  for (let i = 0; i < n && isArray; i++) if (v.keys[i] !== i + 1) isArray = false;
  if (isArray) {
    const arr: unknown[] = [];
    memo.set(v, arr);
    for (let i = 0; i < n; i++) arr.push(materialize(v.values[i], memo));
    return arr;
  }
  const obj: Record<string, unknown> = {};
  memo.set(v, obj);
  for (let i = 0; i < n; i++) {
    const k = v.keys[i];
    obj[typeof k === 'string' ? k : String(k instanceof JsTable ? '[table]' : k)] = materialize(v.values[i], memo);
  }
  return obj;
}

// ============================================================================================
// Shorthands
// ============================================================================================

/** Decode a whole message as JS values. */
export function decodeJS(data: Uint8Array, options?: DecoderOptions): unknown[] {
  return new Decoder(data, options).allJS();
}

/** Decode a whole message into VM `G`. */
export function decodeLua(data: Uint8Array, G: GlobalState, options?: DecoderOptions): LuaValue[] {
  return new Decoder(data, options).allLua(G);
}
