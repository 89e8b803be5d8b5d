// dump.test.ts — binary chunks (src/vm/dump.ts, src/vm/undump.ts): round trips of compiled
// code field by field (with and without debug information), PUC Lua 5.4's header and its
// messages for every corrupted header byte, "truncated chunk" for every prefix, random
// corruption of bodies (only LuaErrors, never a JS exception), awkward constants, huge
// strings, deep nesting, and the speed of undump on a 1 MB chunk.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Proto, VarKind } from '../../src/compiler/proto.js';
import { ABCk, ABxOp, AxOp, Op, sJOp } from '../../src/compiler/opcodes.js';
import { compile } from '../../src/compiler/compile.js';
import { parseChunk } from '../../src/parser/parser.js';
import { LuaFloat, POS_NAN } from '../../src/vm/value.js';
import type { LuaValue } from '../../src/vm/value.js';
import { LuaError } from '../../src/vm/errors.js';
import { BODY_VERSION, CHUNK_HEADER, MAX_FUNCTION_NESTING, dump } from '../../src/vm/dump.js';
import { isBinaryChunk, undump } from '../../src/vm/undump.js';

const SUITE = '/work/shared/lua-5.4-tests';

function compileLua(src: string, name = '=test'): Proto {
  return compile(parseChunk(src, name));
}

// ============================================================================================
// Structural comparison
// ============================================================================================

/** A constant as a string that tells every representation apart. */
function describeK(v: LuaValue): string {
  if (v === undefined) return 'nil';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'bigint') return `bigint:${v}`;
  if (typeof v === 'string') return `str:${JSON.stringify(v)}`;
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return Object.is(v, -0) ? 'int:-0' : `int:${v}`;
    if (v !== v) return 'float:-nan';
    return `float:${v}`;
  }
  if (v instanceof LuaFloat) {
    if (v.n !== v.n) return v === POS_NAN ? 'float:nan(POS_NAN)' : 'float:nan(other box)';
    return `boxed:${Object.is(v.n, -0) ? '-0' : v.n}`;
  }
  return `other:${String(v)}`;
}

interface Shape {
  source: string;
  lineDefined: number;
  lastLineDefined: number;
  numParams: number;
  isVararg: boolean;
  maxStackSize: number;
  code: number[];
  lineinfo: number[];
  k: string[];
  upvalues: { name: string; inStack: boolean; index: number; kind: number }[];
  locvars: { name: string; startPc: number; endPc: number }[];
  p: Shape[];
}

function shape(p: Proto): Shape {
  return {
    source: p.source,
    lineDefined: p.lineDefined,
    lastLineDefined: p.lastLineDefined,
    numParams: p.numParams,
    isVararg: p.isVararg,
    maxStackSize: p.maxStackSize,
    code: Array.from(p.code),
    lineinfo: Array.from(p.lineinfo),
    k: p.k.map(describeK),
    upvalues: p.upvalues.map((u) => ({ name: u.name, inStack: u.inStack, index: u.index, kind: u.kind })),
    locvars: p.locvars.map((l) => ({ name: l.name, startPc: l.startPc, endPc: l.endPc })),
    p: p.p.map(shape),
  };
}

/** What a stripped chunk keeps of `p`. */
function strippedShape(p: Proto): Shape {
  const s = shape(p);
  const strip = (x: Shape): void => {
    x.source = '=?';
    x.lineinfo = [];
    x.locvars = [];
    for (const u of x.upvalues) u.name = '';
    x.p.forEach(strip);
  };
  strip(s);
  return s;
}

function roundTrip(p: Proto): void {
  expect(shape(undump(dump(p, false), '=x'))).toEqual(shape(p));
  expect(shape(undump(dump(p, true), '=x'))).toEqual(strippedShape(p));
}

/** The error `f` throws; fails the test when it throws nothing or something not a LuaError. */
function luaErrorOf(f: () => unknown): LuaError {
  try {
    f();
  } catch (e) {
    if (!(e instanceof LuaError)) throw e;
    return e;
  }
  throw new Error('expected a LuaError');
}

/** A minimal valid function: `return` with the given constants. */
function handProto(k: LuaValue[] = []): Proto {
  const p = new Proto();
  p.source = '=hand';
  p.k = k;
  p.code = Int32Array.of(ABCk(Op.VARARGPREP, 0, 0, 0, 0), ABCk(Op.RETURN, 0, 1, 1, 0));
  p.lineinfo = Int32Array.of(1, 1);
  p.isVararg = true;
  p.upvalues = [{ name: '_ENV', inStack: true, index: 0, kind: VarKind.Regular }];
  return p;
}

// ============================================================================================
// Round trips
// ============================================================================================

const SAMPLES: [string, string][] = [
  ['empty', ''],
  ['return', 'return 1, 2.5, "x", nil, true, false'],
  [
    'closures',
    `local a, b = 1, 3
     local function f(x, ...) local y <const> = 10; return a + b + x + y + select('#', ...) end
     local t = setmetatable({}, {__index = function(t, k) return k .. "!" end})
     for i = 1, 10 do a = a + i end
     for k, v in pairs({1, 2, 3}) do b = b + v end
     do local c <close> = nil end
     goto skip
     ::skip::
     return f(1, 2, 3), t.x, a // 2, a % 3, a & 3, 1 << a, a ~= b and "yes" or "no"`,
  ],
  [
    'constants',
    `return 0, -1, 9007199254740991, -9007199254740991, 9007199254740992, -9007199254740993,
       math.maxinteger, math.mininteger, 0x7fffffffffffffff, 0x8000000000000000, -0.0, 0.0, 1.0,
       2^53, 2^63, 1e308, -1e308, 1/0, -1/0, 0/0, -(0/0), 3.25, "", "\\0\\1\\255", ("x"):rep(100)`,
  ],
  [
    'big table',
    `local t = {${Array.from({ length: 600 }, (_, i) => String(i)).join(', ')}}
     local u = {${Array.from({ length: 300 }, (_, i) => `k${i} = "v${i}"`).join(', ')}}
     return t, u`,
  ],
  ['nested', 'local x = 1 return function(a) return function(b) return function(c) return a + b + c + x end end end'],
];

describe('round trip', () => {
  for (const [name, src] of SAMPLES) {
    it(name, () => {
      roundTrip(compileLua(src, `@${name}.lua`));
    });
  }

  it('hand-built protos with every kind of constant', () => {
    const k: LuaValue[] = [
      undefined,
      false,
      true,
      0,
      1,
      -1,
      127,
      128,
      -128,
      -129,
      2 ** 31,
      -(2 ** 31),
      2 ** 32 + 5,
      Number.MAX_SAFE_INTEGER,
      -Number.MAX_SAFE_INTEGER,
      2n ** 53n,
      -(2n ** 53n),
      -(2n ** 53n) - 1n,
      2n ** 63n - 1n,
      -(2n ** 63n),
      0.5,
      -0.5,
      Infinity,
      -Infinity,
      NaN,
      POS_NAN,
      new LuaFloat(0),
      new LuaFloat(-0),
      new LuaFloat(1),
      new LuaFloat(2 ** 53),
      new LuaFloat(2 ** 63),
      new LuaFloat(-(2 ** 70)),
      Number.MIN_VALUE,
      new LuaFloat(-Number.MAX_VALUE),
      '',
      'a',
      Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join(''),
    ];
    const p = handProto(k);
    roundTrip(p);
    const q = undump(dump(p, false), '=x');
    // Representations, not just values: number vs bigint, boxes, the shared positive NaN.
    expect(q.k[15]).toBe(2n ** 53n);
    expect(typeof q.k[13]).toBe('number');
    expect(q.k[25]).toBe(POS_NAN);
    expect(typeof q.k[24]).toBe('number');
    expect(Number.isNaN(q.k[24])).toBe(true);
    expect(q.k[27]).toBeInstanceOf(LuaFloat);
    expect(Object.is((q.k[27] as LuaFloat).n, -0)).toBe(true);
  });

  it('non-canonical integers are normalised (a small value in an int64 tag is a number)', () => {
    const s = dump(handProto([2n ** 60n]), false);
    const at = s.indexOf('\x05\x00\x00\x00\x00\x00\x00\x00\x10');
    expect(at).toBeGreaterThan(0);
    const t = s.slice(0, at + 1) + '\x07' + '\x00'.repeat(7) + s.slice(at + 9);
    expect(undump(t, '=x').k[0]).toBe(7);
  });

  it('keeps the source name, lines and locals of every function', () => {
    const p = compileLua('local a = 1\nlocal function f(x)\n  local y = x\n  return y + a\nend\nreturn f', '@dir/file.lua');
    const q = undump(dump(p, false), 'ignored name');
    expect(q.source).toBe('@dir/file.lua');
    expect(q.p[0].source).toBe('@dir/file.lua');
    expect(q.p[0].lineDefined).toBe(2);
    expect(q.p[0].lastLineDefined).toBe(5);
    expect(q.p[0].locvars.map((l) => l.name)).toEqual(['x', 'y']);
    expect(q.p[0].upvalues.map((u) => u.name)).toEqual(['a']);
  });

  it('a stripped chunk has source "=?" and no debug information, and is smaller', () => {
    const p = compileLua('local a = 1\nreturn function(x) local y = x + a return y end', '@f.lua');
    const full = dump(p, false);
    const stripped = dump(p, true);
    expect(stripped.length).toBeLessThan(full.length);
    const q = undump(stripped, '=x');
    expect(q.source).toBe('=?');
    expect(q.p[0].source).toBe('=?');
    expect(q.lineinfo.length).toBe(0);
    expect(q.p[0].locvars).toEqual([]);
    expect(q.p[0].upvalues[0].name).toBe('');
    expect(q.p[0].lineDefined).toBe(2); // PUC keeps these in stripped chunks too
  });

  it('nested functions with a different source keep their own', () => {
    const p = handProto();
    const child = handProto();
    child.source = '@other.lua';
    child.upvalues = [];
    p.p = [child];
    roundTrip(p);
  });

  it('1 MB string constants', () => {
    let big = '';
    const chunk = Array.from({ length: 1024 }, (_, i) => String.fromCharCode((i * 7) & 255)).join('');
    for (let i = 0; i < 1024; i++) big += chunk;
    const p = compileLua(`return ${JSON.stringify('x')}`);
    p.k = [big, big.slice(1)];
    const q = undump(dump(p, false), '=x');
    expect(q.k[0]).toBe(big);
    expect(q.k[1]).toBe(big.slice(1));
  });

  it('deeply nested functions: 50 levels compiled, 200 levels built by hand', () => {
    // Lua's parser (and moonlet's) stops near 200 levels with "C stack overflow".
    let src = 'return ...';
    for (let i = 0; i < 50; i++) src = `local u${i} = ${i}; return function(...) ${src}, u${i} end`;
    roundTrip(compileLua(src));
    const p = handProto();
    let cur = p;
    for (let i = 0; i < 200; i++) {
      const child = handProto();
      child.upvalues = [];
      cur.p = [child];
      cur = child;
    }
    roundTrip(p);
    let depth = 0;
    for (let q = undump(dump(p, true), '=x'); q.p.length > 0; q = q.p[0]) depth++;
    expect(depth).toBe(200);
    // Beyond MAX_FUNCTION_NESTING a chunk is corrupt (and the reader never overflows the JS stack).
    for (let i = 0; i < MAX_FUNCTION_NESTING; i++) {
      const child = handProto();
      child.upvalues = [];
      cur.p = [child];
      cur = child;
    }
    expect(luaErrorOf(() => undump(dump(p, true), '=x')).message).toBe('x: bad binary format (corrupted chunk)');
  });

  it('every file of the official test suite that compiles', { timeout: 120_000 }, () => {
    if (!existsSync(SUITE)) return;
    let n = 0;
    for (const f of readdirSync(SUITE).filter((x) => x.endsWith('.lua'))) {
      const src = readFileSync(`${SUITE}/${f}`, 'latin1');
      let p: Proto;
      try {
        p = compile(parseChunk(src, `@${f}`, { skipShebang: true }));
      } catch {
        continue;
      }
      roundTrip(p);
      n++;
    }
    expect(n).toBeGreaterThan(20);
  });
});

// ============================================================================================
// The header
// ============================================================================================

describe('header', () => {
  const c = dump(compileLua('local a = 1; local f = function() return a + _ENV.c end; return a'), false);

  it("is PUC Lua 5.4's, then the upvalue count and the body version", () => {
    const header =
      '\x1bLua' + '\x54' + '\x00' + '\x19\x93\r\n\x1a\n' + '\x04\x08\x08' + '\x78\x56\0\0\0\0\0\0' + '\0\0\0\0\0\x28\x77\x40';
    expect(c.slice(0, 31)).toBe(header);
    expect(CHUNK_HEADER).toBe(header);
    expect(c.charCodeAt(31)).toBe(1); // _ENV
    expect(c.charCodeAt(32)).toBe(BODY_VERSION);
    expect(isBinaryChunk(c)).toBe(true);
    expect(isBinaryChunk('return 1')).toBe(false);
    expect(isBinaryChunk('')).toBe(false);
    for (let i = 0; i < c.length; i++) expect(c.charCodeAt(i)).toBeLessThan(256);
  });

  it("rejects every single-byte corruption with lundump.c's reason", () => {
    const reasons: string[] = [];
    for (let i = 0; i < 31; i++) {
      const s = c.slice(0, i) + String.fromCharCode((c.charCodeAt(i) + 1) & 255) + c.slice(i + 1);
      reasons.push(luaErrorOf(() => undump(s, c)).message); // load(s) names a chunk after itself
    }
    const want = (why: string) => `binary string: bad binary format (${why})`;
    expect(reasons).toEqual([
      ...Array(4).fill(want('not a binary chunk')),
      want('version mismatch'),
      want('format mismatch'),
      ...Array(6).fill(want('corrupted chunk')),
      want('Instruction size mismatch'),
      want('lua_Integer size mismatch'),
      want('lua_Number size mismatch'),
      ...Array(8).fill(want('integer format mismatch')),
      ...Array(8).fill(want('float format mismatch')),
    ]);
  });

  it('rejects every truncation with "truncated chunk"', () => {
    for (let i = 0; i < c.length; i++) {
      const s = c.slice(0, i);
      expect(luaErrorOf(() => undump(s, c)).message).toBe('binary string: bad binary format (truncated chunk)');
    }
  });

  it('rejects truncations of larger chunks too', () => {
    const mid = dump(compileLua(SAMPLES[2][1], '@mid.lua'), false);
    for (let i = 0; i < mid.length; i++) {
      expect(() => undump(mid.slice(0, i), '=x')).toThrow('x: bad binary format (truncated chunk)');
    }
    const big = dump(compileLua(SAMPLES[4][1].replace('return t, u', SAMPLES[2][1]), '@big.lua'), false);
    for (let i = 0; i < big.length; i += 1 + (i % 37)) {
      expect(() => undump(big.slice(0, i), '=x')).toThrow('x: bad binary format (truncated chunk)');
    }
  });

  it('names the chunk as lundump.c does', () => {
    const s = c.slice(0, 20);
    expect(luaErrorOf(() => undump(s, '=stdin')).message).toBe('stdin: bad binary format (truncated chunk)');
    expect(luaErrorOf(() => undump(s, '@foo.lua')).message).toBe('foo.lua: bad binary format (truncated chunk)');
    expect(luaErrorOf(() => undump(s, 'foo')).message).toBe('foo: bad binary format (truncated chunk)');
    expect(luaErrorOf(() => undump(s, 'a\0b')).message).toBe('a: bad binary format (truncated chunk)');
    expect(luaErrorOf(() => undump(s, '')).message).toBe(': bad binary format (truncated chunk)');
  });

  it('ignores bytes after the main function, as PUC Lua does', () => {
    expect(shape(undump(c + 'xyz', '=x'))).toEqual(shape(undump(c, '=x')));
  });

  it('rejects unknown body versions and PUC bodies with a clear message', () => {
    const v2 = c.slice(0, 32) + '\x02' + c.slice(33);
    expect(luaErrorOf(() => undump(v2, '=x')).message).toBe(
      'x: bad binary format (unknown moonlet body version 2; this moonlet reads version 1)',
    );
    // A real PUC Lua 5.4 chunk (string.dump(function() end, true) from lua5.4).
    const puc = CHUNK_HEADER + '\x01\x80\x80\x80\x00\x00\x02\x81\x47\x00\x01\x00\x80\x80\x80\x80\x80';
    expect(luaErrorOf(() => undump(puc, '=x')).message).toContain('unknown moonlet body version 128');
  });

  it('rejects a main upvalue count that disagrees with the function', () => {
    const s = c.slice(0, 31) + '\x02' + c.slice(32);
    expect(luaErrorOf(() => undump(s, '=x')).message).toBe('x: bad binary format (corrupted chunk)');
  });

  it('rejects strings that are not byte strings', () => {
    expect(luaErrorOf(() => undump(c + '\u0100', '=x')).message).toBe('x: bad binary format (corrupted chunk)');
  });
});

// ============================================================================================
// Corrupted bodies
// ============================================================================================

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('corrupted bodies', () => {
  const sources = SAMPLES.filter(([name]) => name !== 'big table').map(([, src]) => compileLua(src, '@fuzz.lua'));
  const chunks = sources.flatMap((p) => [dump(p, false), dump(p, true)]);

  it('random byte mutations give a LuaError or a valid Proto, never a JS exception', { timeout: 60_000 }, () => {
    const rand = rng(12345);
    let rejected = 0;
    let accepted = 0;
    for (let iter = 0; iter < 6000; iter++) {
      let s = chunks[iter % chunks.length];
      const edits = 1 + Math.floor(rand() * 4);
      for (let e = 0; e < edits; e++) {
        const pos = 33 + Math.floor(rand() * (s.length - 33));
        const what = rand();
        if (what < 0.6) s = s.slice(0, pos) + String.fromCharCode(Math.floor(rand() * 256)) + s.slice(pos + 1);
        else if (what < 0.8) s = s.slice(0, pos) + String.fromCharCode(s.charCodeAt(pos) ^ (1 << Math.floor(rand() * 8))) + s.slice(pos + 1);
        else if (what < 0.9) s = s.slice(0, pos) + s.slice(pos + 1 + Math.floor(rand() * 4));
        else s = s.slice(0, pos) + String.fromCharCode(Math.floor(rand() * 256)) + s.slice(pos);
      }
      try {
        const p = undump(s, '=fuzz');
        accepted++;
        // Whatever was accepted dumps and loads again to the same thing.
        expect(shape(undump(dump(p, false), '=x'))).toEqual(shape(p));
      } catch (e) {
        expect(e).toBeInstanceOf(LuaError);
        const err = e as LuaError;
        expect(err.cause).toBeUndefined(); // not the safety net: the reader saw it coming
        expect(err.message).toMatch(/^fuzz: bad binary format \((truncated chunk|corrupted chunk|unknown moonlet body version \d+; this moonlet reads version 1)\)$/);
        rejected++;
      }
    }
    expect(rejected).toBeGreaterThan(1000);
    expect(accepted + rejected).toBe(6000);
  });

  it('every single-byte change of a body is a LuaError or a valid Proto', () => {
    const s0 = chunks[2];
    for (let pos = 31; pos < s0.length; pos++) {
      for (const b of [0, 1, 0x7f, 0x80, 0xff, (s0.charCodeAt(pos) + 1) & 255]) {
        const s = s0.slice(0, pos) + String.fromCharCode(b) + s0.slice(pos + 1);
        try {
          undump(s, '=x');
        } catch (e) {
          expect(e).toBeInstanceOf(LuaError);
          expect((e as LuaError).cause).toBeUndefined();
        }
      }
    }
  });

  it('bad opcodes, out-of-range operands and jumps are rejected', () => {
    const bad: number[][] = [
      [ABCk(127 as Op, 0, 0, 0, 0)],
      [ABCk(Op.EXTRAARG, 0, 0, 0, 0)],
      [ABxOp(Op.LOADK, 0, 5)], // constant index
      [ABxOp(Op.CLOSURE, 0, 0)], // no nested function
      [ABCk(Op.GETUPVAL, 0, 3, 0, 0)], // upvalue index
      [ABCk(Op.MOVE, 0, 200, 0, 0)], // register beyond maxStackSize
      [sJOp(Op.JMP, 5)], // jump off the end
      [sJOp(Op.JMP, -3)], // jump before the start
      [ABCk(Op.EQ, 0, 1, 0, 0)], // a test without its jump
      [ABCk(Op.ADD, 0, 0, 1, 0)], // arithmetic without its MMBIN
      [ABCk(Op.MMBIN, 0, 1, 6, 0)], // MMBIN without arithmetic
      [ABCk(Op.GETFIELD, 0, 0, 0, 0)], // K[0] is not a string
      [ABxOp(Op.LOADKX, 0, 0)], // no EXTRAARG
      [ABxOp(Op.LOADKX, 0, 0), AxOp(Op.EXTRAARG, 9)], // EXTRAARG's index
      [ABCk(Op.VARARG, 0, 0, 0, 0)], // varargs in a non-vararg function
      [ABCk(Op.LOADI, 0, 0, 0, 0), ABCk(Op.VARARGPREP, 0, 0, 0, 0)],
    ];
    for (const ins of bad) {
      const p = new Proto();
      p.k = [1];
      p.code = Int32Array.from([...ins, ABCk(Op.RETURN0, 0, 1, 0, 0)]);
      expect(() => undump(dump(p, true), '=x'), `code ${ins.join(',')}`).toThrow('x: bad binary format (corrupted chunk)');
    }
    // Code that runs off its end.
    const p = new Proto();
    p.code = Int32Array.of(ABCk(Op.LOADI, 0, 0, 0, 0));
    expect(() => undump(dump(p, true), '=x')).toThrow('corrupted chunk');
    // A nested function capturing an upvalue its parent does not have.
    const q = handProto();
    const child = handProto();
    child.upvalues = [{ name: 'u', inStack: false, index: 4, kind: VarKind.Regular }];
    q.p = [child];
    expect(() => undump(dump(q, true), '=x')).toThrow('corrupted chunk');
  });

  it('frames, open results and loops are checked as the VM relies on them', () => {
    const proto = (code: number[], vararg: boolean, msz = 10): Proto => {
      const p = new Proto();
      p.isVararg = vararg;
      p.maxStackSize = msz;
      p.code = Int32Array.from(code);
      return p;
    };
    const loads = (p: Proto) => () => undump(dump(p, true), '=x');
    const VPREP = ABCk(Op.VARARGPREP, 0, 0, 0, 0);
    const bad: [string, Proto][] = [
      ['RETURN0 in a vararg function', proto([VPREP, ABCk(Op.RETURN0, 0, 1, 0, 0)], true)],
      ['RETURN1 in a vararg function', proto([VPREP, ABCk(Op.RETURN1, 0, 2, 0, 0)], true)],
      ['RETURN not undoing VARARGPREP', proto([VPREP, ABCk(Op.RETURN, 0, 1, 0, 0)], true)],
      ['RETURN shifting a fixed frame', proto([ABCk(Op.RETURN, 0, 1, 1, 0)], false)],
      ['TAILCALL shifting a fixed frame', proto([ABCk(Op.TAILCALL, 0, 1, 1, 0), ABCk(Op.RETURN, 0, 0, 0, 0)], false)],
      ['open call without a producer', proto([ABCk(Op.CALL, 0, 0, 1, 0), ABCk(Op.RETURN0, 0, 1, 0, 0)], false)],
      ['open return after a fixed one', proto([ABCk(Op.LOADI, 0, 0, 0, 0), ABCk(Op.RETURN, 0, 0, 0, 0)], false)],
      [
        'open return above its producer',
        proto([VPREP, ABCk(Op.VARARG, 0, 0, 0, 0), ABCk(Op.RETURN, 1, 0, 1, 0)], true),
      ],
      [
        'jump onto an open consumer',
        proto([VPREP, sJOp(Op.JMP, 1), ABCk(Op.VARARG, 0, 0, 0, 0), ABCk(Op.RETURN, 0, 0, 1, 0)], true),
      ],
      ['FORLOOP without FORPREP', proto([ABCk(Op.LOADI, 0, 0, 0, 0), ABxOp(Op.FORLOOP, 0, 1), ABCk(Op.RETURN0, 0, 1, 0, 0)], false)],
      [
        'jump into a loop body',
        proto(
          [sJOp(Op.JMP, 1), ABxOp(Op.FORPREP, 0, 1), ABxOp(Op.LOADI, 5, 0), ABxOp(Op.FORLOOP, 0, 2), ABCk(Op.RETURN0, 0, 1, 0, 0)],
          false,
        ),
      ],
    ];
    for (const [what, p] of bad) expect(loads(p), what).toThrow('x: bad binary format (corrupted chunk)');
    // The same shapes, well formed, load.
    const good: Proto[] = [
      proto([VPREP, ABCk(Op.VARARG, 0, 0, 0, 0), ABCk(Op.RETURN, 0, 0, 1, 0)], true),
      proto(
        [sJOp(Op.JMP, 3), ABxOp(Op.FORPREP, 0, 1), ABxOp(Op.LOADI, 5, 0), ABxOp(Op.FORLOOP, 0, 2), ABCk(Op.RETURN0, 0, 1, 0, 0)],
        false,
      ),
    ];
    for (const p of good) expect(shape(loads(p)())).toEqual(strippedShape(p));
  });

  it('absurd counts are truncations, not allocations', () => {
    const p = handProto();
    const s = dump(p, true);
    // The code count sits after source(1) + lines(2) + params/flags/stack(3).
    const at = 33 + 6;
    expect(s.charCodeAt(at)).toBe(2);
    const huge = s.slice(0, at) + '\xff\xff\xff\xff\x0f' + s.slice(at + 1);
    expect(() => undump(huge, '=x')).toThrow('x: bad binary format (truncated chunk)');
    const overlong = s.slice(0, at) + '\xff\xff\xff\xff\xff\xff\xff\xff\x7f' + s.slice(at + 1);
    expect(() => undump(overlong, '=x')).toThrow('x: bad binary format (corrupted chunk)');
  });
});

// ============================================================================================
// Speed
// ============================================================================================

describe('speed', () => {
  it('undumps a 1 MB chunk of code in a few milliseconds', { timeout: 60_000 }, () => {
    // 250,000 instructions in nested functions of 5,000 each, plus 1,000 constants each.
    const root = handProto();
    for (let f = 0; f < 50; f++) {
      const child = new Proto();
      child.maxStackSize = 10;
      child.k = Array.from({ length: 1000 }, (_, i) => (i % 3 === 0 ? `s${i}` : i % 3 === 1 ? i * 1.5 : i));
      const code = new Int32Array(5000);
      const lines = new Int32Array(5000);
      for (let i = 0; i < 4999; i++) {
        code[i] = i % 2 === 0 ? ABxOp(Op.LOADK, i % 10, i % 1000) : ABCk(Op.MOVE, i % 10, (i + 1) % 10, 0, 0);
        lines[i] = 1 + (i >> 2);
      }
      code[4999] = ABCk(Op.RETURN0, 0, 1, 0, 0);
      lines[4999] = 2000;
      child.code = code;
      child.lineinfo = lines;
      root.p.push(child);
    }
    const s = dump(root, false);
    expect(s.length).toBeGreaterThan(1_000_000);
    // The best of several runs: test machines are often busy with other work.
    const best = (f: () => void): number => {
      let min = Infinity;
      for (let i = 0; i < 15; i++) {
        const t0 = performance.now();
        f();
        min = Math.min(min, performance.now() - t0);
      }
      return min;
    };
    const ms = best(() => undump(s, '=x'));
    const dumpMs = best(() => dump(root, false));
    console.log(`undump of ${(s.length / 1e6).toFixed(2)} MB: ${ms.toFixed(2)} ms; dump: ${dumpMs.toFixed(2)} ms`);
    expect(ms).toBeLessThan(60); // typically 3-10 ms; generous for slow machines
  });
});
