#!/usr/bin/env node
'use strict';
// moonlet.cjs — the `moonlet` command's entry point (copied to dist/ by scripts/bundle-cli.mjs).
//
// The command's code is one CommonJS bundle, dist/moonlet-bundle.cjs. This launcher compiles it
// with the V8 code cache that the build made beside it (dist/moonlet-bundle.cache), so a start
// deserialises compiled code instead of parsing and compiling about 300 KB of JavaScript: about
// 20 ms less per run (docs/architecture.md, "Measured choices"). It is CommonJS because Node
// starts a CommonJS entry sooner than an ES module and offers code caches only to vm.Script.
//
// V8 accepts a cache only when the source and the V8 flags are the ones it was made with, and
// ignores it otherwise (another Node version, a rebuilt bundle): then the bundle compiles as
// usual. The build makes the cache by running a small program with MOONLET_WRITE_CODE_CACHE=1,
// so the cache also holds the functions a start compiles lazily; nothing is written at run
// time otherwise.

const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { wrap } = require('node:module');
const { Script } = require('node:vm');
const { setFlagsFromString } = require('node:v8');

// The flags the command runs with (src/cli.ts says why), set before compiling: they are part
// of what the cache must match.
setFlagsFromString('--no-allocation-site-pretenuring');

const bundle = join(__dirname, 'moonlet-bundle.cjs');
const cacheFile = join(__dirname, 'moonlet-bundle.cache');
// The bundle starts with a #! line (kept as a comment so line numbers stay those of the map).
const source = readFileSync(bundle, 'utf8').replace(/^#!/, '//');
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined; // no cache: compile
}
const script = new Script(wrap(source), { filename: bundle, cachedData });
if (process.env.MOONLET_WRITE_CODE_CACHE === '1') {
  process.on('exit', () => writeFileSync(cacheFile, script.createCachedData()));
}
script.runInThisContext()(exports, require, module, bundle, __dirname);
