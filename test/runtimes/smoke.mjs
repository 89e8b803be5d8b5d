// smoke.mjs — one smoke test of the embedding API (`Lua`) that runs unchanged in Node, Deno
// and Bun (issue #5 item 7). Plain JS importing the built package, no test framework, so
// each runtime runs it as it is:
//
//   node test/runtimes/smoke.mjs
//   node_modules/.bin/deno run --allow-read test/runtimes/smoke.mjs
//   node_modules/.bin/bun test/runtimes/smoke.mjs
//
// It prints one line per check (`ok <name>` or `FAIL <name>: <why>`) and a summary, and exits
// with status 1 if any check failed. test/runtimes/runtimes.test.ts runs it under all three.
// Needs `npm run build` first (it imports dist/index.js).

import { Lua, LuaError, LuaTable, LuaFunction, LuaThreadHandle } from '../../dist/index.js';

const runtime =
  typeof globalThis.Deno !== 'undefined' ? `deno ${globalThis.Deno.version.deno}`
  : typeof globalThis.Bun !== 'undefined' ? `bun ${globalThis.Bun.version}`
  : `node ${globalThis.process.versions.node}`;

let failures = 0;
let checks = 0;

/** Run one check: it passes unless it throws (or its promise rejects). */
async function check(name, fn) {
  checks++;
  try {
    await fn();
    console.log(`ok ${name}`);
  } catch (e) {
    failures++;
    console.log(`FAIL ${name}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  }
}

function assert(cond, what) {
  if (!cond) throw new Error(`assertion failed: ${what}`);
}

function assertEqual(got, want, what) {
  const g = JSON.stringify(got, (_, v) => (typeof v === 'bigint' ? `${v}n` : v));
  const w = JSON.stringify(want, (_, v) => (typeof v === 'bigint' ? `${v}n` : v));
  if (g !== w) throw new Error(`${what}: got ${g}, want ${w}`);
}

/** Expect `p` (a promise or a function) to fail with a LuaError; returns it. */
async function rejects(p, what) {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (!(e instanceof LuaError)) throw new Error(`${what}: threw a non-LuaError ${e}`);
    return e;
  }
  throw new Error(`${what}: did not fail`);
}

const sleep = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));

console.log(`moonlet smoke test on ${runtime}`);

await check('new Lua and print to a stdout sink', () => {
  let out = '';
  const lua = new Lua({ stdout: (bytes) => (out += new TextDecoder().decode(bytes)) });
  lua.run('print("hello", 1, 2.5, nil, true)');
  assertEqual(out, 'hello\t1\t2.5\tnil\ttrue\n', 'printed');
  lua.close();
});

await check('run returns values of every type', () => {
  const lua = new Lua();
  const [nil, t, i, f, big, s, tbl, fn, th] = lua.run(`
    return nil, true, 42, 0.5, math.maxinteger, "héllo",
           { 1, 2, x = { y = "z" } }, function(a, b) return a * b end, coroutine.create(print)`);
  assertEqual([nil, t, i, f, big, s], [undefined, true, 42, 0.5, 9223372036854775807n, 'héllo'], 'scalars');
  assert(tbl instanceof LuaTable, 'a table is a LuaTable handle');
  assertEqual(tbl.toJS(), { 1: 1, 2: 2, x: { y: 'z' } }, 'table toJS');
  assert(fn instanceof LuaFunction, 'a function is a LuaFunction handle');
  assertEqual(fn.call(6, 7), [42], 'calling a Lua function');
  assert(th instanceof LuaThreadHandle, 'a thread is a LuaThreadHandle');
  // A class instance crosses as userdata (a plain object would be copied into a new table).
  const obj = new (class Thing {
    name = 'js object';
  })();
  lua.set('obj', obj);
  const [back, name, kind] = lua.run('return obj, obj.name, type(obj)');
  assert(back === obj, 'a JS object comes back as itself');
  assertEqual([name, kind], ['js object', 'userdata'], 'a JS object read from Lua');
  lua.set('plain', { list: [1, 2], n: 3 });
  assertEqual(lua.run('return type(plain), #plain.list, plain.n'), ['table', 2, 3], 'a plain object copied into a table');
  assertEqual(lua.run('return math.type(3), math.type(3.0), #"é"'), ['integer', 'float', 2], 'number subtypes and byte strings');
  lua.close();
});

await check('host functions: values, several results, errors caught by pcall', () => {
  const lua = new Lua();
  lua.set('add', (a, b) => a + b);
  lua.set('pair', () => lua.multi('a', 'b'));
  lua.set('fail', () => {
    throw new Error('host failure');
  });
  assertEqual(lua.run('return add(2, 3), pair()'), [5, 'a', 'b'], 'results');
  assertEqual(lua.run('local ok, e = pcall(fail) return ok, e'), [false, 'host failure'], 'pcall of a throwing host function');
  lua.close();
});

await check('runAsync awaits host promises inside pcall and a coroutine', async () => {
  const lua = new Lua();
  lua.set('later', (v) => sleep(5, v));
  lua.set('reject', () => sleep(1).then(() => Promise.reject(new Error('rejected'))));
  const r = await lua.runAsync(`
    local ok, v = pcall(later, "in pcall")
    local gen = coroutine.wrap(function()
      coroutine.yield(later("in coroutine"))
      coroutine.yield(later("again"))
    end)
    local a, b = gen(), gen()
    local ok2, e = pcall(reject)
    return ok, v, a, b, ok2, e`);
  assertEqual(r, [true, 'in pcall', 'in coroutine', 'again', false, 'rejected'], 'results');
  const e = await rejects(() => lua.run('return later(1)'), 'a synchronous run meeting a promise');
  assert(/runAsync/.test(e.message), `the error names runAsync (${e.message})`);
  lua.close();
});

await check('LuaError: message, value, traceback, cause', async () => {
  const lua = new Lua();
  const e1 = await rejects(() => lua.run('local t = nil\nreturn t.x', { chunkName: '=input' }), 'index nil');
  assertEqual(e1.message, "input:2: attempt to index a nil value (local 't')", 'message');
  assert(e1 instanceof Error, 'a LuaError is an Error');
  assert(typeof e1.luaTraceback === 'string' && e1.luaTraceback.includes('stack traceback'), 'luaTraceback');
  const e2 = await rejects(() => lua.run('error("no position", 0)'), 'error without a position');
  assertEqual([e2.value, e2.message], ['no position', 'no position'], 'value is the Lua error value');
  const cause = new TypeError('underlying');
  lua.set('boom', async () => {
    throw cause;
  });
  const e3 = await rejects(lua.runAsync('boom()', { chunkName: '=async' }), 'async host error');
  assert(e3.cause === cause, 'cause is the JS error the host function threw');
  assert(e3.message.includes('underlying'), `message carries the JS message (${e3.message})`);
  lua.close();
});

await check('limits.timeoutMs ends while true do end (pcall cannot catch it)', async () => {
  const lua = new Lua({ limits: { timeoutMs: 50 } });
  const t0 = Date.now();
  const e = await rejects(() => lua.run('pcall(function() while true do end end) return "escaped"'), 'sync run');
  assert(/timeout/.test(e.message), `timeout message (${e.message})`);
  const e2 = await rejects(lua.runAsync('while true do end'), 'async run');
  assert(/timeout/.test(e2.message), `async timeout message (${e2.message})`);
  assert(Date.now() - t0 < 10_000, 'ended promptly');
  lua.close();
});

await check('time slices keep the event loop turning during an async run', async () => {
  const lua = new Lua({ sliceInstructions: 1000 });
  let ticks = 0;
  const timer = setInterval(() => ticks++, 1);
  try {
    lua.set('ticks', () => ticks);
    const [n] = await lua.runAsync(`
      local t0 = os.clock()
      local n = 0
      while ticks() < 3 and os.clock() - t0 < 20 do n = n + 1 end
      return n`);
    assert(ticks >= 3, `timers ran while Lua computed (${ticks} ticks after ${n} iterations)`);
  } finally {
    clearInterval(timer);
    lua.close();
  }
});

await check('AbortSignal cancels an async run and reaches host functions', async () => {
  const lua = new Lua();
  let seen;
  lua.set('forever', () => {
    seen = lua.signal;
    return new Promise(() => {});
  });
  const controller = new AbortController();
  const reason = new Error('stop now');
  const p = lua.runAsync(`
    local guard <close> = setmetatable({}, { __close = function() closed = true end })
    forever()`, { signal: controller.signal });
  setTimeout(() => controller.abort(reason), 10);
  const e = await rejects(p, 'aborted run');
  assert(e.cause === reason, 'cause is the abort reason');
  assert(seen !== undefined && seen.aborted, 'the host function saw the signal abort');
  assertEqual(lua.get('closed'), true, '<close> handler ran');
  lua.close();
});

await check('exposeClass: constructor, methods, properties, metamethods', () => {
  class Vec {
    constructor(x, y) {
      this.x = x;
      this.y = y;
    }
    length() {
      return Math.hypot(this.x, this.y);
    }
  }
  const lua = new Lua();
  lua.exposeClass('Vec', Vec, {
    metamethods: {
      __add: (a, b) => new Vec(a.x + b.x, a.y + b.y),
      __tostring: (v) => `Vec(${v.x}, ${v.y})`,
    },
  });
  const [len, s, x, v] = lua.run(`
    local v = Vec.new(3, 4) + Vec.new(0, 0)
    v.x = v.x + 0
    return v:length(), tostring(v), v.x, v`);
  assertEqual([len, s, x], [5, 'Vec(3, 4)', 3], 'results');
  assert(v instanceof Vec, 'an instance comes back as the JS object');
  lua.close();
});

await check('runTasks: concurrency limit, input order, settled per task', async () => {
  const lua = new Lua();
  let inFlight = 0;
  let most = 0;
  lua.set('work', async (i) => {
    inFlight++;
    most = Math.max(most, inFlight);
    await sleep(2 + ((i * 7) % 5));
    inFlight--;
    return i * 10;
  });
  const fn = lua.load('local i = ... if i == 4 then error("task " .. i .. " fails", 0) end return work(i)');
  const results = await lua.runTasks(
    Array.from({ length: 9 }, (_, i) => ({ fn, args: [i] })),
    { concurrency: 3 },
  );
  assertEqual(most, 3, 'maximum in flight');
  assertEqual(
    results.map((r) => (r.status === 'fulfilled' ? r.values[0] : r.error.message)),
    [0, 10, 20, 30, 'task 4 fails', 50, 60, 70, 80],
    'results in input order',
  );
  assert(results[4].error instanceof LuaError, 'a failed task gives a LuaError');
  const [waited] = await lua.runAsync('return task.wait(0.01) >= 0.01');
  assertEqual(waited, true, 'the task library works in an async run');
  lua.close();
});

console.log(`${checks - failures} of ${checks} checks passed on ${runtime}`);
if (failures > 0) {
  // Deno has no process.exitCode outside its Node compatibility; Deno.exit works everywhere there.
  if (typeof globalThis.Deno !== 'undefined') globalThis.Deno.exit(1);
  globalThis.process.exitCode = 1;
}
