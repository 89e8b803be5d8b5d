// official-suite.test.ts — the official Lua 5.4 test suite, through the known-failures list.
//
// Runs ../shared/lua-5.4-tests/run.sh with the built `moonlet` command (soft + portable mode,
// one process per file, as run.sh does) and compares each file's result with
// test/known-failures.json: a file not on the list must pass, and a listed file that now
// passes fails this test until it is taken off the list. When the suite folder is absent
// (a machine without ../shared) the test is skipped. The suite's files are never copied here.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const suite = join(root, '..', 'shared', 'lua-5.4-tests');
const runSh = join(suite, 'run.sh');

interface KnownFailure {
  file: string;
  reason: string;
}

const known: KnownFailure[] = JSON.parse(readFileSync(join(root, 'test', 'known-failures.json'), 'utf8'));
const knownFiles = new Set(known.map((k) => k.file));

/** Run run.sh and return each file's PASS/FAIL/TIMEOUT status. */
function runSuite(): Map<string, string> {
  const r = spawnSync('bash', [runSh, '-t', '240', `node ${join(root, 'dist', 'cli.js')}`], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const results = new Map<string, string>();
  for (const line of (r.stdout ?? '').split('\n')) {
    const m = /^(PASS|FAIL|TIMEOUT)\s+(\S+\.lua)/.exec(line);
    if (m !== null) results.set(m[2], m[1]);
  }
  return results;
}

describe.skipIf(!existsSync(runSh))('official Lua 5.4 test suite (run.sh, soft+portable)', () => {
  const results = existsSync(runSh) ? runSuite() : new Map<string, string>();

  test('run.sh reported every file', () => {
    expect(results.size).toBeGreaterThanOrEqual(29);
  });

  for (const [file, status] of results) {
    if (knownFiles.has(file)) {
      test(`${file} is a known failure (remove it from test/known-failures.json when it passes)`, () => {
        expect(status).not.toBe('PASS');
      });
    } else {
      test(`${file} passes`, () => {
        expect(status).toBe('PASS');
      });
    }
  }

  test('every known failure names a file of the suite and a reason', () => {
    for (const k of known) {
      expect(existsSync(join(suite, k.file))).toBe(true);
      expect(k.reason.length).toBeGreaterThan(10);
    }
  });
});
