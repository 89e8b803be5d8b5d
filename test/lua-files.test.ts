// lua-files.test.ts — the runner for .lua test files with inline expectations (GUIDE §8).
//
// Every test/**/*.lua file is loaded as `loadfile` loads it, from its own folder: the chunk name
// is "@<file name>", so messages read `name.lua:3: ...` (the scripts that write expectations
// run lua5.4 the same way). What is checked so far:
//   - a file whose first line is `-- expect error: <message>` must fail to compile, with exactly
//     that message;
//   - every other file must compile.
// Output expectations (`-- expect: ...` comments) and runtime errors are checked once the VM
// can run files; see test/README.md.

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
}

function expectations(src: string): Expectations {
  const first = /^-- expect error: ([^\r\n]*)/.exec(src);
  return { compileError: first?.[1] };
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
  describe(`test/${folder}`, () => {
    for (const file of list) {
      test(basename(file), () => {
        // Files are bytes: one char per byte, as the parser reads sources.
        const src = readFileSync(file).toString('latin1');
        const want = expectations(src);
        expect(compile(file, src)).toBe(want.compileError);
      });
    }
  });
}
