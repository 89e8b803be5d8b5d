// syntax-errors.test.ts — the corpus of scripts/parser-gen-syntax-errors.mjs: every source gets
// exactly lua5.4's `load(source, chunkname)` answer (the message, or success).

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseChunk } from '../../src/parser/parser.js';
import { LuaSyntaxError } from '../../src/parser/syntax-error.js';

interface Case {
  readonly tag: string;
  readonly src: string;
  readonly chunkName: string;
  readonly ok: boolean;
  readonly message?: string;
}

const cases: Case[] = JSON.parse(readFileSync(new URL('./syntax-errors.json', import.meta.url), 'utf8'));

/** What parseChunk answers, in the corpus's terms. */
function answer(c: Case): { ok: boolean; message?: string } {
  try {
    parseChunk(c.src, c.chunkName);
    return { ok: true };
  } catch (e) {
    if (!(e instanceof LuaSyntaxError)) throw e;
    return { ok: false, message: e.message };
  }
}

describe('syntax errors match lua5.4', () => {
  test('the corpus is large and mostly errors', () => {
    expect(cases.filter((c) => !c.ok).length).toBeGreaterThanOrEqual(300);
  });

  const groups = new Map<string, Case[]>();
  for (const c of cases) {
    const g = c.tag.split('/')[0]!;
    groups.set(g, [...(groups.get(g) ?? []), c]);
  }
  for (const [group, list] of groups) {
    test(`${group} (${list.length} cases)`, () => {
      const wrong: string[] = [];
      for (const c of list) {
        const got = answer(c);
        const want = c.ok ? { ok: true } : { ok: false, message: c.message };
        if (got.ok !== want.ok || got.message !== want.message) {
          wrong.push(`${JSON.stringify(c.src.slice(0, 120))} (${JSON.stringify(c.chunkName.slice(0, 30))})\n  want ${want.message ?? 'ok'}\n  got  ${got.message ?? 'ok'}`);
        }
      }
      expect(wrong.join('\n')).toBe('');
    });
  }
});
