#!/usr/bin/env node
// gen-compiler-listings.mjs — records what luac 5.4 prints for the compiler's test corpus, so
// that test/compiler/listings.test.ts can check, without luac installed, that moonlet's
// compiler produces the same bytecode as PUC Lua 5.4.4.
//
//   node scripts/gen-compiler-listings.mjs
//
// For every test/compiler/snippets/NAME.lua it writes test/compiler/listings/NAME.txt: the
// output of `luac5.4 -l -l -p NAME.lua` (run in the snippet's folder, so the chunk is
// "@NAME.lua") with addresses normalised to ADDR1, ADDR2... in order of appearance.
// For the official test suite (../shared/lua-5.4-tests/*.lua, skipped when absent) it records
// only the SHA-256 and line count of each normalised listing in listings/official.json: the
// suite's files stay out of the project, and so do listings derived from them.
// Requires luac5.4 (apt-get install lua5.4); it checks the version is 5.4.4.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const snippetsDir = path.join(root, 'test/compiler/snippets');
const listingsDir = path.join(root, 'test/compiler/listings');
const officialDir = path.resolve(root, '../shared/lua-5.4-tests');

/** Replaces each distinct address by ADDRn, numbered in order of first appearance. */
export function normaliseListing(text) {
  const seen = new Map();
  return text.replace(/0x[0-9a-fA-F]+/g, (a) => {
    if (!seen.has(a)) seen.set(a, `ADDR${seen.size + 1}`);
    return seen.get(a);
  });
}

function luac(dir, file) {
  return execFileSync('luac5.4', ['-l', '-l', '-p', file], {
    cwd: dir,
    encoding: 'latin1',
    maxBuffer: 1 << 30,
  });
}

const version = execFileSync('luac5.4', ['-v'], { encoding: 'utf8' });
if (!version.includes('5.4.4')) {
  console.error(`expected luac 5.4.4, found: ${version.trim()}`);
  process.exit(1);
}

mkdirSync(listingsDir, { recursive: true });
let count = 0;
for (const file of readdirSync(snippetsDir).filter((f) => f.endsWith('.lua')).sort()) {
  const listing = normaliseListing(luac(snippetsDir, file));
  writeFileSync(path.join(listingsDir, file.replace(/\.lua$/, '.txt')), listing, 'latin1');
  count++;
}
console.log(`${count} snippet listings written to ${path.relative(root, listingsDir)}`);

if (existsSync(officialDir)) {
  const official = {};
  for (const file of readdirSync(officialDir).filter((f) => f.endsWith('.lua')).sort()) {
    let listing;
    try {
      listing = normaliseListing(luac(officialDir, file));
    } catch {
      console.log(`luac5.4 rejects ${file}: skipped`);
      continue;
    }
    official[file] = {
      sha256: createHash('sha256').update(listing, 'latin1').digest('hex'),
      lines: listing.split('\n').length,
    };
  }
  writeFileSync(path.join(listingsDir, 'official.json'), JSON.stringify(official, null, 2) + '\n');
  console.log(`${Object.keys(official).length} official-suite listing hashes written`);
} else {
  console.log(`no ${officialDir}: official-suite hashes left as they are`);
}
