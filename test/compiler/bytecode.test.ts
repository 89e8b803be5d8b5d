// bytecode.test.ts — what a few constructs compile to, as opcode sequences one can read, plus
// the compiler's limits and errors (Lua's messages) and the LOADKX path that the snippet
// listings cannot reach (it needs more than 2^17 constants).

import { describe, expect, it } from 'vitest';
import { parseChunk } from '../../src/parser/parser.js';
import { compile } from '../../src/compiler/compile.js';
import { disassemble } from '../../src/compiler/disasm.js';
import { OPCODES, Op, getOp, getAx, getBx } from '../../src/compiler/opcodes.js';
import type { Proto } from '../../src/compiler/proto.js';
import { LuaFloat } from '../../src/vm/value.js';

function compileLua(src: string): Proto {
  return compile(parseChunk(src, '=test'));
}

/** Opcode names of a proto (`fn` selects a nested function by index path). */
function ops(src: string, ...path: number[]): string[] {
  let p = compileLua(src);
  for (const i of path) p = p.p[i]!;
  return Array.from(p.code, (i) => OPCODES[getOp(i) as Op].name);
}

describe('opcode sequences', () => {
  it('global access and calls', () => {
    expect(ops('print("hi")')).toEqual(['VARARGPREP', 'GETTABUP', 'LOADK', 'CALL', 'RETURN']);
  });
  it('arithmetic picks immediate, constant and register forms with their MMBIN', () => {
    expect(ops('local a, b = ... ; local c = a + 1, a * 2.5, a - b')).toEqual([
      'VARARGPREP', 'VARARG', 'ADDI', 'MMBINI', 'MULK', 'MMBINK', 'SUB', 'MMBIN', 'RETURN',
    ]);
  });
  it('folds constants, but not division by zero', () => {
    expect(ops('local x = 2^10 + 3 // 2')).toEqual(['VARARGPREP', 'LOADF', 'RETURN']);
    expect(ops('local x = 1 // 0')).toEqual(['VARARGPREP', 'LOADI', 'IDIVK', 'MMBINK', 'RETURN']);
  });
  it('comparisons become test-and-jump pairs', () => {
    expect(ops('local a = ... ; if a < 10 then a = 1 end')).toEqual([
      'VARARGPREP', 'VARARG', 'LTI', 'JMP', 'LOADI', 'RETURN',
    ]);
    expect(ops('local a = ... ; return a == "x"')).toEqual([
      'VARARGPREP', 'VARARG', 'EQK', 'JMP', 'LFALSESKIP', 'LOADTRUE', 'RETURN', 'RETURN',
    ]);
  });
  it('and/or values use TESTSET', () => {
    expect(ops('local a, b = ... ; local c = a and b')).toEqual([
      'VARARGPREP', 'VARARG', 'TESTSET', 'JMP', 'MOVE', 'RETURN',
    ]);
  });
  it('numeric and generic for loops', () => {
    expect(ops('for i = 1, 3 do end')).toEqual(['VARARGPREP', 'LOADI', 'LOADI', 'LOADI', 'FORPREP', 'FORLOOP', 'RETURN']);
    expect(ops('for k, v in pairs(t) do end')).toEqual([
      'VARARGPREP', 'GETTABUP', 'GETTABUP', 'CALL', 'TFORPREP', 'TFORCALL', 'TFORLOOP', 'CLOSE', 'RETURN',
    ]);
  });
  it('table constructors size the table and flush with SETLIST', () => {
    expect(ops('local t = {1, 2, x = 3, ...}')).toEqual([
      'VARARGPREP', 'NEWTABLE', 'EXTRAARG', 'LOADI', 'LOADI', 'SETFIELD', 'VARARG', 'SETLIST', 'RETURN',
    ]);
  });
  it('closures capture locals, and blocks with captured locals CLOSE them', () => {
    expect(ops('do local x = 1; f = function() return x end end')).toEqual([
      'VARARGPREP', 'LOADI', 'CLOSURE', 'SETTABUP', 'CLOSE', 'RETURN',
    ]);
    expect(ops('do local x = 1; f = function() return x end end', 0)).toEqual(['GETUPVAL', 'RETURN1', 'RETURN0']);
  });
  it('tail calls, except in the scope of a to-be-closed variable', () => {
    expect(ops('return f()')).toEqual(['VARARGPREP', 'GETTABUP', 'TAILCALL', 'RETURN', 'RETURN']);
    expect(ops('local x <close> = nil; return f()')).toEqual([
      'VARARGPREP', 'LOADNIL', 'TBC', 'GETTABUP', 'CALL', 'RETURN', 'RETURN',
    ]);
  });
  it('compile-time constants take no register', () => {
    const p = compileLua('local k <const> = 42; local s <const> = "xy"; local t <const> = {}; return k, s, t');
    expect(p.locvars.map((v) => v.name)).toEqual(['t']);
    expect(Array.from(p.code, (i) => OPCODES[getOp(i) as Op].name)).toEqual([
      'VARARGPREP', 'NEWTABLE', 'EXTRAARG', 'LOADI', 'LOADK', 'MOVE', 'RETURN', 'RETURN',
    ]);
  });
});

describe('constants', () => {
  it('keeps 1, 1.0 and "1" apart and shares repeated constants', () => {
    const p = compileLua('local a = ... ; a = a + 1000, a + 1000.0, a .. "1000", a + 1000');
    expect(p.k).toEqual([1000, new LuaFloat(1000), '1000']);
  });
  it('uses LOADKX past 2^17 - 1 constants', () => {
    const n = (1 << 17) + 2;
    const items: string[] = [];
    for (let i = 0; i < n; i++) items.push(`"s${i}"`);
    const p = compileLua(`local t = {${items.join(',')}}`);
    expect(p.k.length).toBe(n);
    const code = Array.from(p.code);
    const kx = code.findIndex((i) => getOp(i) === Op.LOADKX);
    expect(kx).toBeGreaterThan(0);
    expect(getOp(code[kx - 1]!)).toBe(Op.LOADK);
    expect(getBx(code[kx - 1]!)).toBe((1 << 17) - 1);
    expect(getOp(code[kx + 1]!)).toBe(Op.EXTRAARG);
    expect(getAx(code[kx + 1]!)).toBe(1 << 17);
    expect(disassemble(p)).toContain('LOADKX   \t');
  });
});

describe('compile-time errors', () => {
  const err = (src: string) => {
    try {
      compileLua(src);
    } catch (e) {
      return (e as Error).message;
    }
    return 'no error';
  };
  it('reports too many registers', () => {
    expect(err(`f(${Array(300).fill('1').join(',')})`)).toBe('test:1: function or expression needs too many registers');
  });
});

describe('disassembler', () => {
  it('prints luac -l headers and instruction lines', () => {
    const text = disassemble(compileLua('local x = 1\nprint(x)'), { address: () => '0x1' });
    expect(text).toBe(
      '\nmain <test:0,0> (6 instructions at 0x1)\n' +
        '0+ params, 3 slots, 1 upvalue, 1 local, 1 constant, 0 functions\n' +
        '\t1\t[1]\tVARARGPREP\t0\n' +
        '\t2\t[1]\tLOADI    \t0 1\n' +
        '\t3\t[2]\tGETTABUP \t1 0 0\t; _ENV "print"\n' +
        '\t4\t[2]\tMOVE     \t2 0\n' +
        '\t5\t[2]\tCALL     \t1 2 1\t; 1 in 0 out\n' +
        '\t6\t[2]\tRETURN   \t1 1 1\t; 0 out\n',
    );
  });
});
