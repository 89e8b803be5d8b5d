// node-builtins.ts — Node's built-in modules that only some programs need, loaded on first use.
//
// Every `import` of a built-in runs when moonlet starts, and child_process (with net, dgram and
// streams behind it), readline and os together cost a `moonlet` start about 9 ms that a script
// which never runs a command or opens a prompt should not pay (docs/architecture.md, "Measured
// choices"). ES modules cannot `require`, so a require made for this file loads them; the
// command's CommonJS bundle gives it the bundle's own file name instead of import.meta.url
// (scripts/bundle-cli.mjs).

import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/** A function returning built-in `name`, loaded the first time it is called. */
function onFirstUse<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load(name) as T);
}

export const childProcess = onFirstUse<typeof import('node:child_process')>('node:child_process');
export const nodeOs = onFirstUse<typeof import('node:os')>('node:os');
export const nodeReadline = onFirstUse<typeof import('node:readline')>('node:readline');
