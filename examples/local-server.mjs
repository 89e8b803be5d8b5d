// local-server.mjs — a small HTTP server on loopback for the fetch examples: each request for
// /item/<n> answers after a random delay with a line of text, and the server counts how many
// requests are in flight at once, so the examples can show their concurrency limit holds.

import { createServer } from 'node:http';

/** Start the server on 127.0.0.1 (a free port); resolves with its base URL and stats. */
export function startServer({ minDelayMs = 20, maxDelayMs = 120 } = {}) {
  const stats = { requests: 0, inFlight: 0, maxInFlight: 0 };
  const server = createServer((req, res) => {
    stats.requests++;
    stats.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    const delay = minDelayMs + Math.floor(Math.random() * (maxDelayMs - minDelayMs));
    setTimeout(() => {
      stats.inFlight--;
      const m = /^\/item\/(\d+)$/.exec(req.url ?? '');
      if (m === null) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain' }).end(`item ${m[1]} served after ${delay} ms\n`);
    }, delay);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ baseUrl: `http://127.0.0.1:${port}`, stats, close: () => new Promise((r) => server.close(r)) });
    });
  });
}
