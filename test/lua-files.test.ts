// lua-files.test.ts — the runner for .lua test files with inline expectations (GUIDE §8).
//
// Every test/**/*.lua file is loaded as `loadfile` loads it, from its own folder: the chunk name
// is "@<file name>", so messages read `name.lua:3: ...` (the scripts that write expectations
// run lua5.4 the same way). What is checked:
//   - a file whose first line is `-- expect error: <message>` must fail to compile, with exactly
//     that message;
//   - every other file must compile, and (outside test/parser and test/compiler, whose files
//     are compiler inputs only) running it with the built `moonlet` command
//     (dist/cli.js, from the file's folder) must print exactly the `-- expect: <line>` comments
//     in file order (one line may carry several: `-- expect: 1 -- expect: 2`); a final `-- expect error: <message>` line means the run must end with that
//     uncaught error (`moonlet: <message>` on stderr, exit status 1), else exit status 0.
// See test/README.md.

import { execFile } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseChunk } from '../src/parser/parser.js';
import { LuaSyntaxError } from '../src/parser/syntax-error.js';

const testDir = dirname(fileURLToPath(import.meta.url));

function luaFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) return luaFiles(p);
      return f.endsWith('.lua') ? [p] : [];
    });
}

interface Expectations {
  /** The compile error the file must give, from its first line. */
  readonly compileError: string | undefined;
  /** The lines the run must print. */
  readonly output: string[];
  /** The uncaught error the run must end with, from a `-- expect error:` line after line 1. */
  readonly runtimeError: string | undefined;
}

function expectations(src: string): Expectations {
  const first = /^-- expect error: ([^\r\n]*)/.exec(src);
  const output: string[] = [];
  let runtimeError: string | undefined;
  const lines = src.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /-- expect(?: error)?: (.*)$/.exec(lines[i]);
    if (m === null) continue;
    if (lines[i].includes('-- expect error: ')) {
      if (i > 0) runtimeError = lines[i].slice(lines[i].indexOf('-- expect error: ') + 17).replace(/\r$/, '');
    } else {
      // Several outputs of one statement share its line: `-- expect: 1 -- expect: 2`.
      const text = lines[i].slice(lines[i].indexOf('-- expect: ') + 11).replace(/\r$/, '');
      output.push(...text.split(' -- expect: '));
    }
  }
  return { compileError: first?.[1], output, runtimeError };
}

const cli = join(testDir, '..', 'dist', 'cli.js');

/** Files under test/parser and test/compiler are inputs of the front end, not programs to run. */
function compileOnly(file: string): boolean {
  const rel = relative(testDir, file);
  return rel.startsWith('parser') || rel.startsWith('compiler');
}

/**
 * Runs a file with the built CLI from its folder. `jit: 'eager'` compiles every function to
 * JS before it first runs (vm/jit.ts), so each file also checks the compiled code paths.
 */
function run(file: string, jit: 'auto' | 'eager' = 'auto'): Promise<{ stdout: string; stderr: string; status: number | null }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, basename(file)],
      {
        cwd: dirname(file),
        encoding: 'latin1',
        timeout: 60_000,
        maxBuffer: 64 << 20,
        env: { ...process.env, MOONLET_JIT: jit },
      },
      (err, stdout, stderr) => {
        const status = err === null ? 0 : typeof err.code === 'number' ? err.code : null;
        resolve({ stdout, stderr, status });
      },
    );
  });
}

/** Compiles a file as loadfile does; returns the error message, or undefined if it compiles. */
function compile(file: string, src: string): string | undefined {
  try {
    parseChunk(src, '@' + basename(file), { skipShebang: true });
    return undefined;
  } catch (e) {
    if (e instanceof LuaSyntaxError) return e.message;
    throw e;
  }
}

const files = luaFiles(testDir);
const byFolder = new Map<string, string[]>();
for (const f of files) {
  const folder = relative(testDir, dirname(f));
  byFolder.set(folder, [...(byFolder.get(folder) ?? []), f]);
}

for (const [folder, list] of byFolder) {
  describe.concurrent(`test/${folder}`, () => {
    for (const file of list) {
      test(basename(file), async () => {
        // Files are bytes: one char per byte, as the parser reads sources.
        const src = readFileSync(file).toString('latin1');
        const want = expectations(src);
        expect(compile(file, src)).toBe(want.compileError);
        if (want.compileError !== undefined || compileOnly(file)) return;
        for (const jit of ['auto', 'eager'] as const) {
          const got = await run(file, jit);
          const lines = got.stdout === '' ? [] : got.stdout.replace(/\n$/, '').split('\n');
          expect(lines, `output (jit ${jit})`).toEqual(want.output);
          if (want.runtimeError !== undefined) {
            expect(got.stderr.split('\n')[0], `error (jit ${jit})`).toBe(`moonlet: ${want.runtimeError}`);
            expect(got.status).toBe(1);
          } else {
            expect(got.stderr, `stderr (jit ${jit})`).toBe('');
            expect(got.status).toBe(0);
          }
        }
      });
    }
  });
}
