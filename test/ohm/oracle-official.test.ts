// oracle-official.test.ts — the Ohm grammar and the hand-written parser agree on every file of
// the official Lua 5.4 test suite (../shared/lua-5.4-tests and its v5.4.8 folder): both accept
// it and build the same tree. Skipped when the suite is not there. (A file of its own so that
// vitest can run it beside oracle.test.ts: Ohm needs a few seconds per 100 KB.)

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { moonletVerdict, ohmKinds } from './oracle.js';

const suite = fileURLToPath(new URL('../../../shared/lua-5.4-tests', import.meta.url));
const files = [suite, join(suite, 'v5.4.8')]
  .filter((d) => existsSync(d))
  .flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.lua'))
      .map((f) => join(d, f)),
  );

describe.skipIf(files.length === 0)('the official suite: grammar and parser agree', () => {
  for (const file of files) {
    test(file.slice(suite.length + 1), () => {
      const src = readFileSync(file).toString('latin1');
      const m = moonletVerdict(src, '@' + file, true);
      expect(m.kind).toBe('accepted');
      // loadfile skips a first '#' line; the grammar gets it blanked.
      const o = ohmKinds(src.startsWith('#') ? src.replace(/^#[^\r\n]*/, '') : src);
      expect(o).toBeDefined();
      if (m.kind === 'accepted') expect(o!.join(' ')).toBe(m.kinds.join(' '));
    });
  }
});
