// index.ts (stdlib) — opening the standard libraries into a VM (luaL_openlibs).
//
// Each library is one file with an `open*` function; this file decides the order (base
// first, then the rest, as linit.c) and records each library in package.loaded so that
// `require "string"` and tracebacks' global function names ("string.rep") work.

import type { LuaThread } from '../vm/state.js';
import type { LuaTable } from '../vm/table.js';
import { openBase } from './base.js';
import { openCoroutine } from './coroutine.js';
import { openPackage } from './package.js';
import { openIo } from './io.js';
import { openOs } from './os.js';
import { openTable } from './table.js';
import { openMath } from './math.js';
import { openDebug } from './debug.js';
import { openString } from './string.js';
import { openUtf8 } from './utf8.js';

export type LibName = 'base' | 'coroutine' | 'package' | 'string' | 'table' | 'math' | 'utf8' | 'os' | 'io' | 'debug';

type Opener = (L: LuaThread) => LuaTable;

const OPENERS: readonly [LibName, string, Opener][] = [
  ['base', '_G', openBase],
  ['package', 'package', openPackage],
  ['coroutine', 'coroutine', () => openCoroutine()],
  ['table', 'table', openTable],
  ['io', 'io', openIo],
  ['os', 'os', openOs],
  ['string', 'string', openString],
  ['math', 'math', openMath],
  ['utf8', 'utf8', openUtf8],
  ['debug', 'debug', () => openDebug()],
];

/** Open the standard libraries (all by default) into the VM of thread L. */
export function openLibs(L: LuaThread, libs?: readonly LibName[]): void {
  const G = L.global;
  for (const [lib, name, open] of OPENERS) {
    if (libs !== undefined && !libs.includes(lib)) continue;
    const t = open(L);
    G.loaded.setStr(name, t);
    if (name !== '_G') G.globals.setStr(name, t);
  }
}
