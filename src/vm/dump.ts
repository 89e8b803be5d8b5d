// dump.ts — writes a compiled function (Proto) as a binary chunk: what `string.dump` returns,
// what `load` reads back (undump.ts), and what the worker pool ships between isolates.
//
// A chunk is a byte string (one JS char per byte, 0..255). It starts with PUC Lua 5.4's header,
// byte for byte, so that tools and tests that inspect headers (calls.lua) see a Lua 5.4 chunk;
// the body after it is moonlet's own, versioned format. moonlet cannot run PUC bytecode bodies
// (their Proto layout differs) and PUC cannot run moonlet's; the version byte tells them apart.
//
// ===========================================================================================
// Format, version 1 (docs/binary-chunks.md says the same at more length)
// ===========================================================================================
//
// Notation: u8 is one byte; u32 is 4 bytes little-endian; varint is an unsigned LEB128 integer
// (7 bits per byte, least significant group first, high bit set on every byte but the last; at
// most 8 bytes and at most 2^53 - 1); zvarint is a zigzag-encoded signed value in a varint
// (0, -1, 1, -2, ... as 0, 1, 2, 3, ...); str is `varint length` followed by that many raw bytes.
//
//   header      31 bytes, PUC Lua 5.4's (lundump.h):
//                 1B 4C 75 61        "\x1bLua" (LUA_SIGNATURE)
//                 54                 LUAC_VERSION, 5*16+4
//                 00                 LUAC_FORMAT, the official format
//                 19 93 0D 0A 1A 0A  LUAC_DATA "\x19\x93\r\n\x1a\n"
//                 04 08 08           sizeof Instruction, lua_Integer, lua_Number
//                 78 56 00 00 00 00 00 00   LUAC_INT 0x5678, int64 little-endian
//                 00 00 00 00 00 28 77 40   LUAC_NUM 370.5, IEEE double little-endian
//   u8          number of upvalues of the main function (as PUC writes it)
//   u8          moonlet body format version (BODY_VERSION, currently 1)
//   function    the main function, as below
//
//   function:
//     varint    source: 0 = same as the enclosing function's (for the main function: "=?");
//               otherwise n + 1 followed by the n bytes of the chunk name ("@file.lua", ...)
//     varint    lineDefined
//     varint    lastLineDefined
//     u8        numParams
//     u8        flags: bit 0 isVararg; the other bits are 0
//     u8        maxStackSize
//     varint n  code size, then n × u32 instructions (Lua 5.4 encoding, opcodes.ts)
//     varint n  constants, then n × (u8 tag, payload):
//                 0 nil, 1 false, 2 true            (no payload)
//                 3 integer >= 0                    varint value (safe integers only)
//                 4 integer < 0                     varint (-value - 1) (safe integers only)
//                 5 integer                         8 bytes, int64 little-endian (the rest)
//                 6 float                           8 bytes, IEEE double little-endian; the sign
//                                                   bit of a NaN is kept (value.ts: plain NaN is
//                                                   the negative NaN, POS_NAN the positive one)
//                 7 string                          str
//     varint n  upvalue descriptors, then n × (u8 flags: bit 0 inStack, bits 1-2 kind (VarKind);
//               u8 index)
//     varint n  nested functions, then n × function
//     --- debug information (all counts 0 when stripped) ---
//     varint n  line info: 0 or the code size; then n × zvarint (line of instruction pc minus
//               line of instruction pc - 1; for pc = 0, minus lineDefined)
//     varint n  local variables, then n × (str name, varint startPc, varint endPc)
//     varint n  upvalue names: 0 or the number of upvalues; then n × str
//
// Integers are written in the shortest tag that holds them; readers normalise (value.ts: a
// Lua integer is a JS number when it is a safe integer, a bigint otherwise), so any tag may
// carry any integer. Floats always use tag 6, whatever their value.
//
// Invariants: `dump` assumes a well-formed Proto as the compiler makes it (byte-string
// constants and names, lineinfo empty or one entry per instruction). `undump(dump(p, s))`
// equals p field by field (with debug information dropped when `s`). Bytes after the main
// function are ignored on reading, as PUC Lua ignores them.
// Cf. ldump.c, lundump.c, lundump.h.

import type { Proto } from '../compiler/proto.js';
import type { LuaValue } from './value.js';
import { LuaFloat } from './value.js';

// ============================================================================================
// Shared constants (undump.ts reads what these describe)
// ============================================================================================

/** First byte of every binary chunk (LUA_SIGNATURE[0]). */
export const LUA_SIGNATURE = '\x1bLua';
/** LUAC_VERSION: major * 16 + minor. */
export const LUAC_VERSION = 0x54;
/** LUAC_FORMAT: 0 is the official format. */
export const LUAC_FORMAT = 0;
/** LUAC_DATA: catches text-mode conversions of the chunk. */
export const LUAC_DATA = '\x19\x93\r\n\x1a\n';
/** LUAC_INT as an int64 little-endian. */
export const LUAC_INT_BYTES = '\x78\x56\x00\x00\x00\x00\x00\x00';
/** LUAC_NUM 370.5 as an IEEE double little-endian. */
export const LUAC_NUM_BYTES = '\x00\x00\x00\x00\x00\x28\x77\x40';

/** The whole PUC Lua 5.4 header, 31 bytes. */
export const CHUNK_HEADER =
  LUA_SIGNATURE +
  String.fromCharCode(LUAC_VERSION, LUAC_FORMAT) +
  LUAC_DATA +
  '\x04\x08\x08' +
  LUAC_INT_BYTES +
  LUAC_NUM_BYTES;

/** Version of moonlet's body format, the byte after the main function's upvalue count. */
export const BODY_VERSION = 1;

/** Deepest nesting of function records a chunk may have (the compiler stops far earlier). */
export const MAX_FUNCTION_NESTING = 1000;

/** Constant tags. */
export const enum KTag {
  Nil = 0,
  False = 1,
  True = 2,
  PosInt = 3,
  NegInt = 4,
  Int64 = 5,
  Float = 6,
  String = 7,
}

/** The source of functions loaded without a source name (stripped chunks); ldebug.c shows "=?". */
export const STRIPPED_SOURCE = '=?';

// ============================================================================================
// Byte writer
// ============================================================================================

/** Decodes buffers of byte values held in 16-bit units (every JS host has it). */
const utf16 = new TextDecoder('utf-16le');

/**
 * Bytes go into a growing buffer of 16-bit units, one per byte, that decodes as UTF-16LE into
 * exactly the byte string we want: one native call, far faster than String.fromCharCode over
 * chunks. Long strings (constants, source names) join the output as they are.
 */
class ChunkWriter {
  private readonly parts: string[] = [];
  private buf = new Uint16Array(4096);
  private n = 0;
  private readonly scratch = new Uint8Array(8);
  private readonly view = new DataView(this.scratch.buffer);

  private flush(): void {
    if (this.n === 0) return;
    this.parts.push(utf16.decode(this.buf.subarray(0, this.n)));
    this.n = 0;
  }

  private grow(): void {
    const bigger = new Uint16Array(this.buf.length * 2);
    bigger.set(this.buf);
    this.buf = bigger;
  }

  u8(b: number): void {
    if (this.n === this.buf.length) this.grow();
    this.buf[this.n++] = b;
  }

  u32(w: number): void {
    if (this.n + 4 > this.buf.length) this.grow();
    const buf = this.buf;
    let n = this.n;
    buf[n++] = w & 0xff;
    buf[n++] = (w >>> 8) & 0xff;
    buf[n++] = (w >>> 16) & 0xff;
    buf[n++] = (w >>> 24) & 0xff;
    this.n = n;
  }

  /** Unsigned LEB128 of a non-negative safe integer (arithmetic, not bit operations: > 2^32). */
  varint(v: number): void {
    while (v >= 0x80) {
      this.u8((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.u8(v);
  }

  /** Zigzag: 0, -1, 1, -2 ... as 0, 1, 2, 3 ... */
  zvarint(v: number): void {
    this.varint(v >= 0 ? v * 2 : -v * 2 - 1);
  }

  /** The 8 bytes of a double, little-endian; `negNaN` picks the sign of a NaN. */
  f64le(x: number, negNaN: boolean): void {
    if (x !== x) {
      // JS engines do not keep NaN payloads: write the quiet NaN with the sign asked for.
      for (let i = 0; i < 6; i++) this.u8(0);
      this.u8(0xf8);
      this.u8(negNaN ? 0xff : 0x7f);
      return;
    }
    this.view.setFloat64(0, x, true);
    for (let i = 0; i < 8; i++) this.u8(this.scratch[i]);
  }

  i64le(v: bigint): void {
    this.view.setBigInt64(0, BigInt.asIntN(64, v), true);
    for (let i = 0; i < 8; i++) this.u8(this.scratch[i]);
  }

  /** Raw bytes of a byte string. */
  raw(s: string): void {
    const len = s.length;
    if (len <= 256) {
      for (let i = 0; i < len; i++) this.u8(s.charCodeAt(i));
    } else {
      this.flush();
      this.parts.push(s);
    }
  }

  str(s: string): void {
    this.varint(s.length);
    this.raw(s);
  }

  finish(): string {
    this.flush();
    return this.parts.join('');
  }
}

// ============================================================================================
// Dumping
// ============================================================================================

/**
 * The binary chunk of `p` (string.dump). With `strip`, debug information is left out: line
 * info, local variables, upvalue names and source names (the loaded function's source is "=?").
 */
export function dump(p: Proto, strip: boolean): string {
  const w = new ChunkWriter();
  w.raw(CHUNK_HEADER);
  w.u8(p.upvalues.length);
  w.u8(BODY_VERSION);
  dumpFunction(w, p, STRIPPED_SOURCE, strip);
  return w.finish();
}

function dumpFunction(w: ChunkWriter, p: Proto, parentSource: string, strip: boolean): void {
  if (strip || p.source === parentSource) w.varint(0);
  else {
    w.varint(p.source.length + 1);
    w.raw(p.source);
  }
  w.varint(p.lineDefined);
  w.varint(p.lastLineDefined);
  w.u8(p.numParams);
  w.u8(p.isVararg ? 1 : 0);
  w.u8(p.maxStackSize);

  const code = p.code;
  w.varint(code.length);
  for (let i = 0; i < code.length; i++) w.u32(code[i]);

  w.varint(p.k.length);
  for (const v of p.k) dumpConstant(w, v);

  w.varint(p.upvalues.length);
  for (const uv of p.upvalues) {
    w.u8((uv.inStack ? 1 : 0) | (uv.kind << 1));
    w.u8(uv.index);
  }

  // Nested functions inherit this one's source when it is the same (the usual case).
  const source = strip ? parentSource : p.source;
  w.varint(p.p.length);
  for (const child of p.p) dumpFunction(w, child, source, strip);

  dumpDebug(w, p, strip);
}

function dumpConstant(w: ChunkWriter, v: LuaValue): void {
  switch (typeof v) {
    case 'undefined':
      w.u8(KTag.Nil);
      return;
    case 'boolean':
      w.u8(v ? KTag.True : KTag.False);
      return;
    case 'number':
      if (Number.isInteger(v)) {
        // A number that is an integer is a Lua integer (value.ts), always a safe one.
        if (!Number.isSafeInteger(v)) throw new Error(`dump: integer constant ${v} is not a safe integer`);
        if (v >= 0) {
          w.u8(KTag.PosInt);
          w.varint(v);
        } else {
          w.u8(KTag.NegInt);
          w.varint(-v - 1);
        }
      } else {
        w.u8(KTag.Float);
        w.f64le(v, true);
      }
      return;
    case 'bigint':
      w.u8(KTag.Int64);
      w.i64le(v);
      return;
    case 'string':
      w.u8(KTag.String);
      w.str(v);
      return;
  }
  if (v instanceof LuaFloat) {
    // A boxed NaN is the positive NaN (POS_NAN); a plain JS NaN is the negative one.
    w.u8(KTag.Float);
    w.f64le(v.n, false);
    return;
  }
  throw new Error(`dump: constant of unexpected type (${String(v)})`);
}

function dumpDebug(w: ChunkWriter, p: Proto, strip: boolean): void {
  if (strip) {
    w.varint(0);
    w.varint(0);
    w.varint(0);
    return;
  }
  const lines = p.lineinfo;
  w.varint(lines.length);
  let prev = p.lineDefined;
  for (let i = 0; i < lines.length; i++) {
    w.zvarint(lines[i] - prev);
    prev = lines[i];
  }

  w.varint(p.locvars.length);
  for (const lv of p.locvars) {
    w.str(lv.name);
    w.varint(lv.startPc);
    w.varint(lv.endPc);
  }

  w.varint(p.upvalues.length);
  for (const uv of p.upvalues) w.str(uv.name);
}
