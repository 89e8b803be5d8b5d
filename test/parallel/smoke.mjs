// smoke.mjs — the worker pool end to end on whichever runtime runs this file (node, deno,
// bun): runtimes.test.ts spawns it and compares the JSON line it prints.
import { LuaPool } from '../../dist/index.js';

const pool = new LuaPool({ size: 2, init: 'function sq(x) return x * x end' });
const squares = await pool.map('return sq(...)', [1, 2, 3, 4]);
const counter = pool.shared.table('counter');
await pool.map(`local c = parallel.shared.table('counter') for i = 1, 10000 do c:increment('n') end`, [1, 2]);
const channel = pool.shared.channel('ch', 2);
const producer = pool.run(`local ch = parallel.shared.channel('ch') for i = 1, 5 do ch:send(i * 1.5) end ch:close()`);
const received = [];
for await (const v of channel) received.push(v);
await producer;
let died = '';
try {
  await pool.run('os.exit(2)');
} catch (e) {
  died = e.message.replace(/worker \d+/, 'worker N');
}
const [after, mathType] = await pool.run('return 40 + ..., math.type(...)', 2);
// Workers create shared objects (a synchronous request to this thread: host/reply-line.ts).
await pool.map(`local t = parallel.shared.table('made', 4) for i = 1, 1000 do t:increment('n') end`, [1, 2]);
const [fromWorker] = await pool.run(`local ch = parallel.shared.channel('made', 2) ch:send('hi') return parallel.shared.table('made'):get('n')`);
const made = [fromWorker, pool.shared.table('made').capacity, (await pool.shared.channel('made').receive()).value];
await pool.close();
console.log(JSON.stringify({ squares, n: counter.get('n'), received, died, after, mathType, made }));
