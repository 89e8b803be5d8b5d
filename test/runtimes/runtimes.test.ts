// runtimes.test.ts — the embedding API's smoke test (smoke.mjs) under Node, Deno and Bun
// (issue #5 item 7). Deno and Bun are devDependencies (node_modules/.bin/deno, .../bun); a
// runtime whose binary is missing or does not start is skipped, saying so in the test name,
// rather than failing: the check is that moonlet runs there, not that the install worked.
//
// Deno runs with --allow-read only: the package must not need environment access (a state
// opening `package` reads LUA_PATH, which must then count as unset), and --no-prompt so a
// missing permission fails instead of waiting for an answer.

import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const smoke = join(here, 'smoke.mjs');

interface Runtime {
  name: string;
  bin: string;
  args: string[];
}

const runtimes: Runtime[] = [
  { name: 'node', bin: process.execPath, args: [smoke] },
  { name: 'deno', bin: join(root, 'node_modules', '.bin', 'deno'), args: ['run', '--no-prompt', '--allow-read', smoke] },
  { name: 'bun', bin: join(root, 'node_modules', '.bin', 'bun'), args: [smoke] },
];

/** Why a runtime cannot be tested here, or undefined when its binary starts. */
function unavailable(rt: Runtime): string | undefined {
  if (!existsSync(rt.bin)) return `${rt.bin} not found (npm ci installs it)`;
  const r = spawnSync(rt.bin, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  if (r.error !== undefined || r.status !== 0) return `${rt.bin} --version failed: ${r.error?.message ?? r.stderr}`;
  return undefined;
}

function run(rt: Runtime): Promise<{ stdout: string; stderr: string; status: number | null }> {
  return new Promise((resolve) => {
    execFile(rt.bin, rt.args, { cwd: root, encoding: 'utf8', timeout: 120_000 }, (err, stdout, stderr) => {
      const status = err === null ? 0 : typeof err.code === 'number' ? err.code : null;
      resolve({ stdout, stderr, status });
    });
  });
}

for (const rt of runtimes) {
  const why = unavailable(rt);
  const name = why === undefined ? `the smoke test passes on ${rt.name}` : `${rt.name} skipped: ${why}`;
  test.skipIf(why !== undefined)(name, { timeout: 150_000 }, async () => {
    const got = await run(rt);
    const failed = got.stdout.split('\n').filter((l) => l.startsWith('FAIL'));
    expect(failed, `${rt.name} output:\n${got.stdout}\n${got.stderr}`).toEqual([]);
    expect(got.stdout).toMatch(/(\d+) of \1 checks passed/);
    expect(got.status, got.stderr).toBe(0);
  });
}
