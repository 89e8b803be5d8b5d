// official-suite.test.ts — every file of the official Lua 5.4 test suite parses, read as
// loadfile reads it (a first '#' line skipped). The suite lives outside the project
// (../shared/lua-5.4-tests, and its v5.4.8 folder); without it these tests are skipped.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseChunk } from '../../src/parser/parser.js';

const suite = fileURLToPath(new URL('../../../shared/lua-5.4-tests', import.meta.url));
const dirs = [suite, join(suite, 'v5.4.8')].filter((d) => existsSync(d));
const files = dirs.flatMap((d) =>
  readdirSync(d)
    .filter((f) => f.endsWith('.lua'))
    .map((f) => join(d, f)),
);

describe.skipIf(files.length === 0)('the official test suite parses', () => {
  for (const file of files) {
    test(file.slice(suite.length + 1), () => {
      const bytes = readFileSync(file).toString('latin1');
      const chunk = parseChunk(bytes, '@' + file, { skipShebang: true });
      expect(chunk.main.body.stats.length).toBeGreaterThan(0);
    });
  }
});
