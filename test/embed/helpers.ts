// helpers.ts — small tools shared by the embedding tests (not a test file itself).

import { Lua } from '../../dist/index.js';
import type { LuaOptions } from '../../dist/index.js';

/** A promise that resolves to `value` (default: `ms`) after `ms` milliseconds. */
export function sleep<T = number>(ms: number, value?: T): Promise<T | number> {
  return new Promise((resolve) => setTimeout(() => resolve(value ?? ms), ms));
}

/** A Lua state whose standard output is collected; `out()` reads what Lua printed so far. */
export function capturing(options: LuaOptions = {}): { lua: Lua; out: () => string } {
  const chunks: Uint8Array[] = [];
  const lua = new Lua({ ...options, stdout: (b) => chunks.push(b) });
  return { lua, out: () => Buffer.concat(chunks).toString('utf8') };
}

/** A Lua state with an asynchronous `sleep(ms, value)` host function. */
export function withSleep(options: LuaOptions = {}): { lua: Lua; out: () => string } {
  const c = capturing(options);
  c.lua.set('sleep', sleep);
  return c;
}
