#!/usr/bin/env node
// fengari.mjs — run one Lua file on fengari (Lua 5.3 reimplemented in JavaScript), as `lua` would.
//
// Usage: node bench/runners/fengari.mjs file.lua [args...]
//
// Used by bench/run.mjs to time fengari as a whole process. The same contract as wasmoon.mjs:
// - `arg` is the table lua.c builds: arg[0] the script, arg[1..n] the arguments.
// - `print` writes what Lua 5.4's print writes: luaL_tolstring of each argument, tab-separated,
//   newline-terminated, as bytes. fengari's own print writes each piece with its own
//   process.stdout.write; ours collects bytes and writes them once at exit, as a block-buffered
//   C stdout would be when piped.
// - The chunk is loaded from the file's bytes (chunk name `@file`); an error goes to stderr as
//   `fengari: message` with exit status 1, like lua.c.
// fengari is Lua 5.3 with 32-bit-safe integer arithmetic on JS numbers, so programs whose
// checksums depend on 64-bit integers print different numbers: run.mjs reports that as a
// mismatch; it is fengari's, not ours.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { lua, lauxlib, lualib, to_luastring } = require('fengari');

const [file, ...args] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node bench/runners/fengari.mjs file.lua [args...]\n');
  process.exit(2);
}

const chunks = [];
let pending = 0;
function emit(bytes) {
  chunks.push(Buffer.from(bytes));
  pending += bytes.length;
  if (pending > 1 << 20) flush();
}
function flush() {
  if (chunks.length > 0) {
    process.stdout.write(Buffer.concat(chunks));
    chunks.length = 0;
    pending = 0;
  }
}

const TAB = to_luastring('\t');
const NEWLINE = to_luastring('\n');

/** print(...) with Lua 5.4's behaviour (luaL_tolstring per argument). */
function benchPrint(L) {
  const n = lua.lua_gettop(L);
  for (let i = 1; i <= n; i++) {
    if (i > 1) emit(TAB);
    emit(lauxlib.luaL_tolstring(L, i));
    lua.lua_pop(L, 1);
  }
  emit(NEWLINE);
  return 0;
}

const L = lauxlib.luaL_newstate();
lualib.luaL_openlibs(L);
lua.lua_pushcfunction(L, benchPrint);
lua.lua_setglobal(L, to_luastring('print'));

lua.lua_createtable(L, args.length, 1);
[file, ...args].forEach((s, i) => {
  lua.lua_pushstring(L, to_luastring(s));
  lua.lua_rawseti(L, -2, i);
});
lua.lua_setglobal(L, to_luastring('arg'));

let source = readFileSync(file);
if (source[0] === 0x23) source = Buffer.concat([Buffer.from('--'), source]); // skip a '#' line
let status = lauxlib.luaL_loadbuffer(L, source, null, to_luastring('@' + file));
if (status === lua.LUA_OK) status = lua.lua_pcall(L, 0, 0, 0);
flush();
if (status !== lua.LUA_OK) {
  const msg = lua.lua_tojsstring(L, -1);
  process.stderr.write(`fengari: ${msg}\n`);
  process.exitCode = 1;
}
