#!/usr/bin/env node
// bundle-cli.mjs — the last step of `npm run build`: replaces dist/cli.js (the `moonlet`
// command, as tsc wrote it) with one minified file holding it and every module it imports.
//
// Why: a Node process pays for each ES module it loads (resolution, a file read, a compile,
// linking). The command loads about sixty of them, which cost more than a second node process
// start; in one file, without comments and whitespace, the command starts about 70 ms sooner
// (docs/architecture.md, "Measured choices"). The library entry (dist/index.js) stays as
// tsc wrote it: programs that import moonlet bundle it themselves if they want to.
//
// Nothing in the command reads a JS function's name (the embedding API, which does, is not part
// of it), so names are minified too. A source map next to the bundle leads back to dist/ (and
// from there tsc's maps lead to src/). Running plain `tsc` leaves an unbundled dist/cli.js,
// which behaves the same, only starts slower.

import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

await build({
  entryPoints: [join(dist, 'cli.js')],
  outfile: join(dist, 'cli.js'),
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
});
