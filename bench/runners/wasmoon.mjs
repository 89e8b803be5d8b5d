#!/usr/bin/env node
// wasmoon.mjs — run one Lua file on wasmoon (PUC Lua 5.4 compiled to WebAssembly), as `lua` would.
//
// Usage: node bench/runners/wasmoon.mjs file.lua [args...]
//
// Used by bench/run.mjs to time wasmoon as a whole process, the same way moonlet and lua5.4 are
// timed. What must stay true for the comparison to be fair and the outputs comparable:
// - `arg` is the table lua.c builds: arg[0] the script, arg[1..n] the arguments.
// - `print` writes exactly what Lua's print writes (tostring of each argument, tab-separated,
//   newline-terminated). wasmoon's own print goes through emscripten's stdout, which ends in
//   JS console.log; we replace it with a Lua-side print (so tostring is real Lua's tostring,
//   keeping 3 and 3.0 apart) that hands finished strings to one JS writer. Output is buffered and
//   written once at exit, as a block-buffered C stdout would be when piped.
// - The chunk is loaded from the file's bytes with the usual API (`engine.doString`); an error
//   goes to stderr as `wasmoon: message` with exit status 1, like lua.c.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { LuaFactory } = require('wasmoon');

const [file, ...args] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node bench/runners/wasmoon.mjs file.lua [args...]\n');
  process.exit(2);
}

/** A Lua string literal for any JS string of byte-sized chars, via decimal escapes. */
function luaQuote(s) {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += /[A-Za-z0-9_.\/-]/.test(s[i]) ? s[i] : '\\' + String(c & 0xff).padStart(3, '0');
  }
  return out + '"';
}

const chunks = [];
function flush() {
  if (chunks.length > 0) {
    process.stdout.write(chunks.join(''));
    chunks.length = 0;
  }
}

const factory = new LuaFactory();
const engine = await factory.createEngine();
try {
  engine.global.set('__bench_write', (s) => { chunks.push(s); });
  const prelude = [
    `arg = { [0] = ${luaQuote(file)}, ${args.map(luaQuote).join(', ')} }`,
    'do',
    '  local write, tostring, select = __bench_write, tostring, select',
    '  __bench_write = nil',
    '  function print(...)',
    '    local n = select("#", ...)',
    '    local parts = {}',
    '    for i = 1, n do parts[i] = tostring((select(i, ...))) end',
    '    write(table.concat(parts, "\\t", 1, n) .. "\\n")',
    '  end',
    'end',
  ].join('\n');
  await engine.doString(prelude);
  let source = readFileSync(file, 'utf8') // wasmoon encodes JS strings as UTF-8;
  if (source.startsWith('#')) source = '--' + source; // lua.c skips a first '#' line
  await engine.doString(source);
  flush();
} catch (e) {
  flush();
  process.stderr.write(`wasmoon: ${e && e.message ? e.message : String(e)}\n`);
  process.exitCode = 1;
} finally {
  engine.global.close();
}
