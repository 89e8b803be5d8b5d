// fetch-many.mjs — runs examples/fetch-many.lua: a Lua script that fetches many URLs with at
// most 4 in flight, through a host function, against a local HTTP server this example starts
// on loopback. Run: npm run build && node examples/fetch-many.mjs

import { readFileSync } from 'node:fs';
import { Lua } from '../dist/index.js';
import { startServer } from './local-server.mjs';

const server = await startServer();
const lua = new Lua();
lua.set('BASE_URL', server.baseUrl);
// A host function that returns a promise: the calling Lua task waits for it. It passes on the
// task's AbortSignal, so task.timeout and task.cancel abort the HTTP request too.
lua.set('http_get', async (url) => {
  const res = await fetch(url, { signal: lua.signal });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.text();
});

const script = new URL('./fetch-many.lua', import.meta.url);
const t0 = performance.now();
try {
  await lua.runAsync(readFileSync(script, 'utf8'), { chunkName: '@examples/fetch-many.lua' });
} finally {
  await server.close();
}
console.log(
  `${server.stats.requests} requests in ${(performance.now() - t0).toFixed(0)} ms; ` +
    `at most ${server.stats.maxInFlight} in flight at the server`,
);
