#!/usr/bin/env node
// parser-gen-lua-expectations.mjs — fills in the compile-error expectation of .lua test files.
//
// Usage: node scripts/parser-gen-lua-expectations.mjs [file.lua ...]   (default: test/parser/**/*.lua)
//
// A .lua test file that must not compile starts with the line `-- expect error: <message>`.
// For each such file this script asks lua5.4 what `loadfile` says about it, loaded the way the
// runner (test/lua-files.test.ts) loads it: from the file's own folder, so that the chunk name is
// "@<file name>" and messages read `name.lua:3: ...`. It rewrites the first line with that
// message; the rest of the file is untouched (the first line is one line whatever it says, so
// line numbers do not move). Requires lua5.4 on PATH.

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const HEADER = /^-- expect error:[^\r\n]*/;
const DRIVER = "local f, err = loadfile(arg[1]) io.write(f and '\\1OK' or err)";

function luaFiles(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return luaFiles(p);
    return f.endsWith('.lua') ? [p] : [];
  });
}

const files = process.argv.length > 2 ? process.argv.slice(2).map((f) => resolve(f)) : luaFiles(join(root, 'test/parser'));
for (const file of files) {
  const src = readFileSync(file, 'latin1');
  if (!HEADER.test(src)) continue;
  const r = spawnSync('lua5.4', ['-', basename(file)], { cwd: dirname(file), input: DRIVER, encoding: 'latin1' });
  if (r.error) throw r.error;
  const message = r.stdout;
  if (message === '\x01OK') {
    console.log(`${file}: compiles (no error to expect)`);
    continue;
  }
  if (/[\r\n]/.test(message)) throw new Error(`${file}: message spans lines: ${JSON.stringify(message)}`);
  writeFileSync(file, src.replace(HEADER, `-- expect error: ${message}`), 'latin1');
  console.log(`${file}: ${message}`);
}
