#!/usr/bin/env node
// interop.mjs — the cost of crossing between JavaScript and Lua, side by side with wasmoon and
// fengari in one run (issue #5, item 8):
//   1. a JS→Lua call of a small Lua function        (goal ≤ 0.2 µs)
//   2. a Lua→JS call of a small host function       (goal ≤ 0.1 µs)
//   3. an await round trip of a resolved promise     (goal ≤ 2 µs)
//   4. `new Lua()` with all standard libraries       (goal ≤ 0.3 ms)
// Usage: npm run build && node bench/interop.mjs [--json out.json]
// Each figure is the median of several timed batches after a warm-up, in wall time and in the
// process's CPU time (user + system, GC threads included). On a quiet machine the two agree;
// on a loaded one (a shared 2-core box) wall time counts the time other processes held the
// CPU, and the CPU-time table is the better estimate of the cost itself. Compare the
// implementations within one run only.

import { performance } from 'node:perf_hooks';
import { writeFileSync } from 'node:fs';
import { Lua } from '../dist/index.js';

const ROUNDS = 7;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** CPU time of this process so far, in µs. */
function cpuNow() {
  const u = process.cpuUsage();
  return u.user + u.system;
}

/** Wall and CPU µs per operation of `fn(n)` doing n operations: medians of ROUNDS batches. */
function measure(fn, n) {
  fn(Math.min(n, 1000)); // warm-up
  const wall = [];
  const cpu = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t = performance.now();
    const c = cpuNow();
    fn(n);
    cpu.push((cpuNow() - c) / n);
    wall.push(((performance.now() - t) * 1000) / n);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

async function measureAsync(fn, n) {
  await fn(Math.min(n, 100));
  const wall = [];
  const cpu = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t = performance.now();
    const c = cpuNow();
    await fn(n);
    cpu.push((cpuNow() - c) / n);
    wall.push(((performance.now() - t) * 1000) / n);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

/** µs per op → ms per op (the new-VM row). */
const toMs = (m) => ({ wall: m.wall / 1000, cpu: m.cpu / 1000 });

// ---- moonlet ----------------------------------------------------------------------------------

async function moonlet() {
  const lua = new Lua({ stdout: () => {} });
  const [add] = lua.run('return function(a, b) return a + b end');
  const jsToLua = measure((n) => {
    for (let i = 0; i < n; i++) add.call(i, 1);
  }, 200_000);
  lua.set('hostAdd', (a, b) => a + b);
  const loop = lua.load('local f, n = hostAdd, ... for i = 1, n do f(i, 1) end');
  const luaToJs = measure((n) => loop.call(n), 1_000_000);
  lua.set('resolved', () => Promise.resolve(1));
  const awaitLoop = lua.load('local f, n = resolved, ... for i = 1, n do f() end');
  const awaitTrip = await measureAsync((n) => awaitLoop.callAsync(n), 50_000);
  const newVm = measure((n) => {
    for (let i = 0; i < n; i++) new Lua({ stdout: () => {} });
  }, 300);
  return { jsToLua, luaToJs, awaitTrip, newVm: toMs(newVm) };
}

// ---- wasmoon ----------------------------------------------------------------------------------

async function wasmoon() {
  let mod;
  try {
    mod = await import('wasmoon');
  } catch {
    return null;
  }
  const factory = new mod.LuaFactory();
  const lua = await factory.createEngine();
  const add = await lua.doString('return function(a, b) return a + b end');
  const jsToLua = measure((n) => {
    for (let i = 0; i < n; i++) add(i, 1);
  }, 50_000);
  lua.global.set('hostAdd', (a, b) => a + b);
  await lua.doString('function hostLoop(n) local f = hostAdd for i = 1, n do f(i, 1) end end');
  const hostLoop = lua.global.get('hostLoop');
  const luaToJs = measure((n) => hostLoop(n), 200_000);
  lua.global.set('resolved', () => Promise.resolve(1));
  await lua.doString('function awaitLoop(n) for i = 1, n do resolved():await() end end');
  const awaitLoop = lua.global.get('awaitLoop');
  let awaitTrip = null;
  try {
    awaitTrip = await measureAsync(async (n) => {
      await lua.doString(`awaitLoop(${n})`);
    }, 2_000);
  } catch {
    awaitTrip = null;
  }
  const wall = [];
  const cpu = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t = performance.now();
    const c = cpuNow();
    for (let i = 0; i < 20; i++) (await factory.createEngine()).global.close();
    cpu.push((cpuNow() - c) / 20 / 1000);
    wall.push((performance.now() - t) / 20);
  }
  lua.global.close();
  return { jsToLua, luaToJs, awaitTrip, newVm: { wall: median(wall), cpu: median(cpu) } };
}

// ---- fengari ----------------------------------------------------------------------------------

async function fengari() {
  let f;
  try {
    f = (await import('fengari')).default;
  } catch {
    return null;
  }
  const { lua, lauxlib, lualib, to_luastring } = f;
  const L = lauxlib.luaL_newstate();
  lualib.luaL_openlibs(L);
  lauxlib.luaL_dostring(L, to_luastring('function add(a, b) return a + b end'));
  const jsToLua = measure((n) => {
    for (let i = 0; i < n; i++) {
      lua.lua_getglobal(L, to_luastring('add'));
      lua.lua_pushinteger(L, i);
      lua.lua_pushinteger(L, 1);
      lua.lua_call(L, 2, 1);
      lua.lua_pop(L, 1);
    }
  }, 100_000);
  lua.lua_pushjsfunction(L, (L2) => {
    lua.lua_pushinteger(L2, lua.lua_tointeger(L2, 1) + lua.lua_tointeger(L2, 2));
    return 1;
  });
  lua.lua_setglobal(L, to_luastring('hostAdd'));
  lauxlib.luaL_dostring(L, to_luastring('function hostLoop(n) local f = hostAdd for i = 1, n do f(i, 1) end end'));
  const luaToJs = measure((n) => {
    lua.lua_getglobal(L, to_luastring('hostLoop'));
    lua.lua_pushinteger(L, n);
    lua.lua_call(L, 1, 0);
  }, 200_000);
  const newVm = measure((n) => {
    for (let i = 0; i < n; i++) {
      const L2 = lauxlib.luaL_newstate();
      lualib.luaL_openlibs(L2);
    }
  }, 50);
  return { jsToLua, luaToJs, awaitTrip: null, newVm: toMs(newVm) };
}

// ---- report -----------------------------------------------------------------------------------

const results = { moonlet: await moonlet(), wasmoon: await wasmoon(), fengari: await fengari() };
const fmt = (v, unit) => (v === null || v === undefined ? 'n/a' : `${v.toFixed(v < 1 ? 3 : 2)} ${unit}`);
const rows = [
  ['JS→Lua call', 'jsToLua', 'µs', '≤ 0.2 µs'],
  ['Lua→JS call', 'luaToJs', 'µs', '≤ 0.1 µs'],
  ['await round trip', 'awaitTrip', 'µs', '≤ 2 µs'],
  ['new VM (all libs)', 'newVm', 'ms', '≤ 0.3 ms'],
];
for (const clock of ['wall', 'cpu']) {
  console.log(`\n${clock === 'wall' ? 'Wall time' : 'CPU time (user + system)'} per operation:\n`);
  console.log('| operation | moonlet | wasmoon | fengari | goal |');
  console.log('|---|---|---|---|---|');
  const at = (impl, key) => results[impl]?.[key]?.[clock];
  for (const [name, key, unit, goal] of rows) {
    console.log(`| ${name} | ${fmt(at('moonlet', key), unit)} | ${fmt(at('wasmoon', key), unit)} | ${fmt(at('fengari', key), unit)} | ${goal} |`);
  }
}
const out = process.argv.indexOf('--json');
if (out > 0) writeFileSync(process.argv[out + 1], JSON.stringify(results, null, 2));
