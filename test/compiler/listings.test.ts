// listings.test.ts — moonlet's compiler against luac 5.4.4, listing by listing.
//
// Every test/compiler/snippets/*.lua must compile to exactly the listing luac5.4 printed for it
// (test/compiler/listings/*.txt, made by scripts/gen-compiler-listings.mjs): same opcodes,
// operands, constants, lines, locals and upvalues. Files of the official suite
// (../shared/lua-5.4-tests, skipped when absent) are compared through the SHA-256 of their
// listing; the few that differ for a known reason are listed below, and a listed file that
// starts to match must be removed from the list.

import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseChunk } from '../../src/parser/parser.js';
import { compile } from '../../src/compiler/compile.js';
import { disassemble } from '../../src/compiler/disasm.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const snippetsDir = path.join(here, 'snippets');
const listingsDir = path.join(here, 'listings');
const officialDir = path.resolve(here, '../../../shared/lua-5.4-tests');

/** Official files whose listing differs from luac's, and why. */
const KNOWN_DIFFERENCES: Record<string, string> = {};

function normalise(text: string): string {
  const seen = new Map<string, string>();
  return text.replace(/0x[0-9a-fA-F]+/g, (a) => {
    if (!seen.has(a)) seen.set(a, `ADDR${seen.size + 1}`);
    return seen.get(a)!;
  });
}

function listingOf(dir: string, file: string): string {
  const src = readFileSync(path.join(dir, file), 'latin1');
  const proto = compile(parseChunk(src, '@' + file, { skipShebang: true }));
  return normalise(disassemble(proto, { full: true }));
}

/** The first differing line with some context, for a readable failure. */
function firstDifference(expected: string, got: string): string {
  const a = expected.split('\n');
  const b = got.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      const from = Math.max(0, i - 4);
      const ctx = (xs: string[]) => xs.slice(from, i + 3).join('\n');
      return `first difference at listing line ${i + 1}\n--- luac\n${ctx(a)}\n--- moonlet\n${ctx(b)}`;
    }
  }
  return 'identical';
}

describe('snippets compile exactly as luac 5.4.4', () => {
  const files = readdirSync(snippetsDir).filter((f) => f.endsWith('.lua')).sort();
  it('has listings for every snippet', () => {
    for (const f of files) expect(existsSync(path.join(listingsDir, f.replace(/\.lua$/, '.txt')))).toBe(true);
  });
  for (const file of files) {
    it(file, () => {
      const expected = readFileSync(path.join(listingsDir, file.replace(/\.lua$/, '.txt')), 'latin1');
      const got = listingOf(snippetsDir, file);
      if (got !== expected) expect.fail(firstDifference(expected, got));
    });
  }
});

describe.skipIf(!existsSync(officialDir))('official test suite compiles as luac 5.4.4', () => {
  const hashes = JSON.parse(readFileSync(path.join(listingsDir, 'official.json'), 'utf8')) as Record<
    string,
    { sha256: string; lines: number }
  >;
  for (const [file, want] of Object.entries(hashes)) {
    it(file, () => {
      if (!existsSync(path.join(officialDir, file))) return;
      const got = listingOf(officialDir, file);
      const same = createHash('sha256').update(got, 'latin1').digest('hex') === want.sha256;
      if (file in KNOWN_DIFFERENCES) {
        if (same) expect.fail(`${file} now matches luac: remove it from KNOWN_DIFFERENCES`);
        return;
      }
      if (!same) {
        let detail = '';
        try {
          const luac = execFileSync('luac5.4', ['-l', '-l', '-p', file], { cwd: officialDir, encoding: 'latin1', maxBuffer: 1 << 30 });
          detail = firstDifference(normalise(luac), got);
        } catch {
          detail = '(install luac5.4 to see the first difference)';
        }
        expect.fail(`${file}: listing differs from luac 5.4.4's\n${detail}`);
      }
    });
  }

  it('compiles the whole suite quickly', () => {
    const files = Object.keys(hashes).filter((f) => existsSync(path.join(officialDir, f)));
    const sources = files.map((f) => [f, readFileSync(path.join(officialDir, f), 'latin1')] as const);
    const asts = sources.map(([f, src]) => parseChunk(src, '@' + f, { skipShebang: true }));
    for (const ast of asts) compile(ast); // warm-up
    const t0 = performance.now();
    for (const ast of asts) compile(ast);
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(1000);
  });
});
