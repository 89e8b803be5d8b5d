// runtimes.test.ts — the pool under each runtime it supports: Node (worker_threads), Deno (Web
// Workers) and Bun (its worker_threads), each running smoke.mjs against the built package.

import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const script = path.join(here, 'smoke.mjs');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

const expected = {
  squares: [1, 4, 9, 16],
  n: 20000,
  received: [1.5, 3, 4.5, 6, 7.5],
  died: 'worker N exited (os.exit(2))',
  after: 42,
  mathType: 'integer',
  made: [2000, 4, 'hi'],
};

function runSmoke(command: string, args: string[]): unknown {
  const r = spawnSync(command, [...args, script], { cwd: root, encoding: 'utf8', timeout: 90_000, env: { ...process.env, NO_COLOR: '1' } });
  if (r.status !== 0) throw new Error(`${command} exited with ${r.status}: ${r.stderr}`);
  const line = r.stdout.trim().split('\n').pop()!;
  return JSON.parse(line);
}

describe('runtimes', () => {
  test('node (worker_threads)', () => {
    expect(runSmoke(process.execPath, [])).toEqual(expected);
  });

  // The package library reads LUA_PATH when a VM opens its libraries: Deno asks for env access.
  test.runIf(existsSync(bin('deno')))('deno (Web Workers)', () => {
    expect(runSmoke(bin('deno'), ['run', '--allow-read', '--allow-env'])).toEqual(expected);
  });

  test.runIf(existsSync(bin('bun')))('bun (worker_threads)', () => {
    expect(runSmoke(bin('bun'), [])).toEqual(expected);
  });
});

test('src/parallel reaches node:* only through the host adapters (GUIDE §1)', () => {
  const dir = path.join(root, 'src', 'parallel');
  for (const file of readdirSync(dir)) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    expect(text, file).not.toMatch(/from ['"]node:|import\(['"]node:/);
  }
});
