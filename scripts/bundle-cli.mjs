#!/usr/bin/env node
// bundle-cli.mjs — the last step of `npm run build`: turns the `moonlet` command that tsc wrote
// (dist/cli.js and the ~60 modules it imports) into what starts fastest:
//
//   dist/moonlet-bundle.cjs   every module of the command in one minified CommonJS file
//   dist/moonlet-bundle.cache V8's code cache for it, made by running it once
//   dist/moonlet.cjs          the launcher (scripts/cli-launcher.cjs): loads the bundle with
//                             the cache; the package's `bin`
//   dist/cli.js               `node dist/cli.js` as before: an ES module that runs the launcher
//
// Why: Node pays for each ES module it loads (resolution, a file read, a compile, linking), and
// compiling 300 KB of JavaScript costs more than deserialising its code cache. Measured in
// docs/architecture.md ("Measured choices"). The library entry (dist/index.js) stays as tsc
// wrote it: programs that import moonlet bundle it themselves if they want to.
//
// Nothing in the command reads a JS function's name (the embedding API, which does, is not part
// of it), so names are minified too. A source map next to the bundle leads back to dist/ (and
// from there tsc's maps lead to src/). Running plain `tsc` leaves an unbundled dist/cli.js,
// which behaves the same, only starts slower; dist/moonlet.cjs then still runs the bundle of
// the last `npm run build` (bench/lib.mjs checks which of the two is current).

import { build } from 'esbuild';
import { chmodSync, copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const scripts = dirname(fileURLToPath(import.meta.url));
const dist = join(scripts, '..', 'dist');

await build({
  entryPoints: [join(dist, 'cli.js')],
  outfile: join(dist, 'moonlet-bundle.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  // A CommonJS file has no import.meta; src/host/node-builtins.ts only needs a path to require
  // from, and the bundle's own file name is one.
  define: { 'import.meta.url': '__filename' },
  sourcemap: true,
  logLevel: 'warning',
});
copyFileSync(join(scripts, 'cli-launcher.cjs'), join(dist, 'moonlet.cjs'));
chmodSync(join(dist, 'moonlet.cjs'), 0o755);
writeFileSync(
  join(dist, 'cli.js'),
  "#!/usr/bin/env node\n// The `moonlet` command as an ES module (see dist/moonlet.cjs, which the package's bin runs).\nimport { createRequire } from 'node:module';\ncreateRequire(import.meta.url)('./moonlet.cjs');\n",
);
rmSync(join(dist, 'cli.js.map'), { force: true });

// The code cache: run a program touching what most starts use (the libraries' set-up, the
// compiler, the VM, print), then V8 serialises everything compiled so far.
const cacheRun = spawnSync(process.execPath, [join(dist, 'moonlet.cjs'), '-e', 'local t = {} for i = 1, 3 do t[i] = tostring(i) .. "x" end print(#table.concat(t))'], {
  env: { ...process.env, MOONLET_WRITE_CODE_CACHE: '1' },
  encoding: 'utf8',
});
if (cacheRun.status !== 0 || cacheRun.stdout !== '6\n') {
  throw new Error(`bundle-cli: the bundled command did not run: ${cacheRun.stderr}`);
}
