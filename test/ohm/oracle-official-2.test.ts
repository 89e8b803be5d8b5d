// oracle-official-2.test.ts — the Ohm grammar and the hand-written parser agree on every file of
// the official Lua 5.4 test suite (../shared/lua-5.4-tests and its v5.4.8 folder): both accept
// it and build the same tree. The files are split over oracle-official-1 and -2 (alternately)
// so that vitest can run the halves side by side: Ohm needs a few seconds per 100 KB. Skipped
// when the suite is not there.

import { describe, expect, test } from 'vitest';
import { officialDisagreement, officialFiles, officialSuite } from './oracle.js';

const files = officialFiles().filter((_, i) => i % 2 === 1);

describe.skipIf(files.length === 0)('the official suite: grammar and parser agree (part 2)', () => {
  for (const file of files) {
    test(file.slice(officialSuite.length + 1), () => {
      expect(officialDisagreement(file)).toBeUndefined();
    });
  }
});
