// oracle.test.ts — the hand-written parser against the Ohm grammar of Lua 5.4 (lua54.ohm) on
// generated programs and the project's own .lua files: both accept and reject the same
// programs, and build the same tree (the same node-kind listing) for those they accept.
// A program the parser rejects with one of Lua's semantic errors (goto scopes, const
// assignment, ...) is one the grammar need not reject; such programs are only counted.
// The official suite goes through the same comparison in oracle-official-1 and -2.test.ts.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { ProgramGenerator, mutate, rng } from './generate.js';
import { moonletVerdict, ohmKinds } from './oracle.js';

const VALID = 1000;
const MUTATED = 1100;

/** Compares the two parsers on `src`; returns a description of the disagreement, if any. */
function disagreement(src: string, mustAccept: boolean, loadfile = false): string | undefined {
  const m = moonletVerdict(src, '=oracle', loadfile);
  const o = ohmKinds(loadfile ? skipShebang(src) : src);
  const show = JSON.stringify(src.length > 400 ? src.slice(0, 400) + '...' : src);
  if (m.kind === 'accepted') {
    if (o === undefined) return `${show}: moonlet accepts, the grammar rejects`;
    const a = m.kinds.join(' ');
    const b = o.join(' ');
    if (a !== b) return `${show}: different trees\n  moonlet ${a}\n  ohm     ${b}`;
    return undefined;
  }
  if (mustAccept) return `${show}: moonlet rejects a valid program: ${m.message}`;
  if (m.kind === 'rejected' && o !== undefined) return `${show}: moonlet rejects (${m.message}), the grammar accepts`;
  return undefined;
}

/** As loadfile reads a file: a first line starting with '#' is blanked. */
function skipShebang(src: string): string {
  return src.startsWith('#') ? src.replace(/^#[^\r\n]*/, '') : src;
}

describe('generated programs', () => {
  const random = rng(0x5eed);
  const gen = new ProgramGenerator(random);
  const valid = Array.from({ length: VALID }, () => gen.validProgram());
  const mutated = Array.from({ length: MUTATED }, (_, i) => mutate(valid[i % VALID]!, random));

  test(`${VALID} valid programs: both accept, same trees`, () => {
    const wrong = valid.map((src) => disagreement(src, true)).filter((d) => d !== undefined);
    expect(wrong.slice(0, 5).join('\n')).toBe('');
  });

  test(`${MUTATED} mutated programs: same verdicts, same trees`, () => {
    const verdicts = { accepted: 0, rejected: 0, semantic: 0 };
    const wrong: string[] = [];
    for (const src of mutated) {
      verdicts[moonletVerdict(src).kind]++;
      const d = disagreement(src, false);
      if (d !== undefined) wrong.push(d);
    }
    expect(wrong.slice(0, 5).join('\n')).toBe('');
    // The mutations must actually exercise rejection.
    expect(verdicts.rejected).toBeGreaterThan(MUTATED / 3);
  });
});

function luaFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return luaFiles(p);
    return f.endsWith('.lua') ? [p] : [];
  });
}

describe('the project’s .lua test files', () => {
  const testDir = fileURLToPath(new URL('..', import.meta.url));
  for (const file of luaFiles(testDir)) {
    test(file.slice(testDir.length), () => {
      expect(disagreement(readFileSync(file).toString('latin1'), false, true)).toBeUndefined();
    });
  }
});
