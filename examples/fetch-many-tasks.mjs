// fetch-many-tasks.mjs — the same job as fetch-many.mjs, driven from JavaScript: one Lua
// function, run as 20 tasks by lua.runTasks with at most 4 in flight, results in input order,
// each settled on its own (a failure or a timeout costs only its own result).
// Run: npm run build && node examples/fetch-many-tasks.mjs

import { Lua } from '../dist/index.js';
import { startServer } from './local-server.mjs';

const server = await startServer();
const lua = new Lua();
lua.set('http_get', async (url) => {
  const res = await fetch(url, { signal: lua.signal }); // aborted if the task times out
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.text();
});

// Each task: fetch one URL and return the first word and the delay the server reports.
const fetchOne = lua.load(`
  local url = ...
  local body = http_get(url)
  return body:match("^(%S+ %d+)"), tonumber(body:match("after (%d+) ms"))
`, { chunkName: '=fetchOne' });

const urls = Array.from({ length: 20 }, (_, i) => `${server.baseUrl}/item/${i + 1}`);
urls.push(`${server.baseUrl}/missing`); // one failure, to show it costs nothing else
const t0 = performance.now();
const results = await lua.runTasks(
  urls.map((url) => ({ fn: fetchOne, args: [url] })),
  { concurrency: 4, timeoutMs: 2000 },
);
for (const [i, r] of results.entries()) {
  console.log(
    String(i + 1).padStart(2),
    r.status === 'fulfilled' ? `${r.values[0]} (${r.values[1]} ms)` : `failed: ${r.error.message}`,
  );
}
await server.close();
console.log(
  `${server.stats.requests} requests in ${(performance.now() - t0).toFixed(0)} ms; ` +
    `at most ${server.stats.maxInFlight} in flight at the server`,
);
