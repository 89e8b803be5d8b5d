// chunk-name.test.ts — luaO_chunkid: how chunk names appear in messages (LUA_IDSIZE 60).

import { describe, expect, test } from 'vitest';
import { chunkId } from '../../src/parser/chunk-name.js';

describe('chunkId', () => {
  test('=name is shown as it is, cut to 59 bytes', () => {
    expect(chunkId('=stdin')).toBe('stdin');
    expect(chunkId('=')).toBe('');
    expect(chunkId('=' + 'n'.repeat(59))).toBe('n'.repeat(59));
    expect(chunkId('=' + 'n'.repeat(70))).toBe('n'.repeat(59));
  });

  test('@file keeps its end', () => {
    expect(chunkId('@main.lua')).toBe('main.lua');
    expect(chunkId('@' + 'p'.repeat(59))).toBe('p'.repeat(59));
    expect(chunkId('@' + 'a'.repeat(10) + 'b'.repeat(56))).toBe('...' + 'b'.repeat(56));
  });

  test('source text is [string "..."], first line, at most 45 bytes', () => {
    expect(chunkId('x = 1')).toBe('[string "x = 1"]');
    expect(chunkId('')).toBe('[string ""]');
    expect(chunkId('s'.repeat(44))).toBe(`[string "${'s'.repeat(44)}"]`);
    expect(chunkId('s'.repeat(45))).toBe(`[string "${'s'.repeat(45)}..."]`);
    expect(chunkId('s'.repeat(80))).toBe(`[string "${'s'.repeat(45)}..."]`);
    expect(chunkId('first\nsecond')).toBe('[string "first..."]');
    expect(chunkId('\nx')).toBe('[string "..."]');
  });

  test('a NUL byte ends the name', () => {
    expect(chunkId('has\0nul')).toBe('[string "has"]');
    expect(chunkId('=a\0b')).toBe('a');
  });
});
