#!/usr/bin/env node
// cli.ts — the `moonlet` command: the same options and behaviour as the standalone `lua`.
//
//   moonlet [options] [script [args]]
//     -e stat   execute string 'stat'          -l mod    require 'mod' into global 'mod'
//     -l g=mod  require 'mod' into global 'g'  -i        interactive mode after the script
//     -v        version information            -E        ignore LUA_INIT
//     -W        turn warnings on               --        stop handling options
//     -         execute stdin and stop handling options
//     --dump    print the bytecode listing of a script (luac -l style) instead of running it
//
// Errors print `moonlet: <message>` and a traceback on stderr and exit with status 1.
//
// Every chunk (the script, -e, -l, LUA_INIT, each REPL line) runs as a scheduler task on the
// main thread (`Scheduler.startOn`), so scripts can use the `task` library. A chunk that never
// waits is exactly the protected call lua.c makes; one that waits (`task.wait`, a semaphore, a
// channel...) lets the event loop turn and goes on later. After the script the command waits
// until every task has settled, then closes the state. A task error nobody awaited prints
// `moonlet: task error: <message>` and a traceback, and makes the exit status 1. Tasks are
// cooperative here (no time slices): a busy loop keeps the others waiting, as in Roblox.
//
// This is the only file allowed to touch process, fs and the terminal. Cf. lua.c.

import { setFlagsFromString } from 'node:v8';
import { NodeHost } from './host/node.js';
import { nodeReadline } from './host/node-builtins.js';
import type { LuaThread } from './vm/state.js';
import type { LuaValue } from './vm/value.js';
import { typeName } from './vm/value.js';
import { LuaTable } from './vm/table.js';
import { NativeFunction } from './vm/closure.js';
import { LuaError } from './vm/errors.js';
import { loadProto, mainClosure, newState, toStringBasic, metaField, callAll } from './vm/api.js';
import { traceback } from './vm/debug-info.js';
import { openLibs } from './stdlib/index.js';
import { Scheduler, stopError } from './scheduler/scheduler.js';
import type { RunState, SchedulerHost, Task } from './scheduler/scheduler.js';
import { openTaskLib } from './scheduler/task-lib.js';
import { disassemble } from './compiler/disasm.js';
import { jitSettings } from './vm/jit.js';

// V8 "pretenures" objects from allocation sites whose objects tend to survive a young
// collection: they are then born in the old generation. A Lua program's tables and closures
// all come from a few sites in the VM, so one phase of long-lived data (binary_trees' long
// tree) switched them to old-space allocation for the rest of the run, and every later
// short-lived table cost a major collection: binary_trees took 1.5 s or 5 s from run to run.
// Without pretenuring it takes 1.4-1.6 s every time; other benchmarks are unchanged or
// faster (sort, strings). Only the command sets this; an embedding host keeps its own flags.
// Checked again on 2026-11-25, when dropping it would have saved loading node:v8 at start:
// through the launcher (with its code cache) binary_trees took 4.7-5.2 s in every run without
// the flag, 1.2 s with it.
setFlagsFromString('--no-allocation-site-pretenuring');

const PROGNAME = 'moonlet';
const VERSION = 'moonlet 0.1.0 (Lua 5.4)  Copyright (C) 2026 the moonlet authors; Lua is Copyright (C) 1994-2022 Lua.org, PUC-Rio';

const host = new NodeHost();

function message(msg: string): void {
  // lua.c writes the message with "%s": it ends at an embedded zero.
  const zero = msg.indexOf('\0');
  if (zero >= 0) msg = msg.slice(0, zero);
  host.stderr(`${PROGNAME}: ${msg}\n`);
}

function usage(badOption: string): void {
  host.stderr(
    `${PROGNAME}: ${badOption.startsWith('-e') || badOption.startsWith('-l') ? `'${badOption}' needs argument` : `unrecognized option '${badOption}'`}\n` +
      `usage: ${PROGNAME} [options] [script [args]]\n` +
      'Available options are:\n' +
      "  -e stat   execute string 'stat'\n" +
      "  -i        enter interactive mode after executing 'script'\n" +
      "  -l mod    require library 'mod' into global 'mod'\n" +
      "  -l g=mod  require library 'mod' into global 'g'\n" +
      '  -v        show version information\n' +
      '  -E        ignore environment variables\n' +
      '  -W        turn warnings on\n' +
      '  --        stop handling options\n' +
      '  -         stop handling options and execute stdin\n' +
      '  --dump    list the bytecode of \'script\' instead of running it\n',
  );
}

/** UTF-8 text from the command line or environment, as the byte string Lua sees. */
function bytes(s: string): string {
  return Buffer.from(s, 'utf8').toString('latin1');
}

// ============================================================================================
// Tasks: the scheduler's host
// ============================================================================================

/** The run state in force (the task executing now); the scheduler switches it. */
let currentRun: RunState | null = null;
/** Failed tasks nobody awaited (reported on stderr): they make the exit status 1. */
let taskErrors = 0;
/** The state is closed: no task is left to cancel. */
let closed = false;

function schedulerHost(): SchedulerHost {
  return {
    getRun: () => currentRun,
    setRun: (r) => {
      currentRun = r;
    },
    // Only the embedding API's host functions return promises; none exist in the command.
    awaitedValues: (v) => (v === undefined ? [] : [v as LuaValue]),
    awaitedError: (e) => (e instanceof LuaError ? e : new LuaError(String(e))),
    reportTaskError,
    taskLimits: () => ({}),
    flush: () => host.flush(),
  };
}

/** A failed task nobody awaited: `moonlet: task error: <message>` and its traceback. */
function reportTaskError(t: Task): void {
  const s = t.state;
  if (s.kind !== 'failed') return;
  taskErrors++;
  const err = s.error;
  // No __tostring here (unlike msghandler): the report runs outside any task, and the main
  // thread may be suspended in one, so no Lua code can be called.
  const msg =
    typeof err === 'string' ? err
    : typeName(err) === 'number' ? toStringBasic(mainThread, err)
    : `(error object is a ${typeName(err)} value)`;
  message(`task error: ${msg}${s.traceback !== undefined ? '\n' + s.traceback : ''}`);
}

// ============================================================================================
// Running chunks with lua.c's message handler
// ============================================================================================

/** lua.c's msghandler: turn the error into a message with a traceback, at the error point. */
const msgHandler = new NativeFunction('msghandler', (L, base) => {
  const err = L.stack[base];
  let msg: string;
  if (typeof err === 'string') msg = err;
  // lua_tostring: a number (integer or float, "2.0") becomes its string, without __tostring.
  else if (typeName(err) === 'number') msg = toStringBasic(L, err);
  else {
    const tm = metaField(L, err, '__tostring');
    if (tm !== undefined) {
      const r = callAll(L, tm, [err])[0];
      if (typeof r === 'string') {
        L.push(r);
        return 1;
      }
    }
    msg = `(error object is a ${typeName(err)} value)`;
  }
  // luaL_traceback takes the message as a C string: it ends at an embedded zero, and the
  // traceback follows what is left.
  const zero = msg.indexOf('\0');
  L.push(traceback(L, zero >= 0 ? msg.slice(0, zero) : msg, 1));
  return 1;
});

/**
 * Call f(args) protected, as a task on L (the main thread): report an error and return null,
 * or return the results. Settles at once unless the chunk waits on the scheduler.
 */
async function docall(L: LuaThread, f: LuaValue, args: LuaValue[]): Promise<LuaValue[] | null> {
  const t = sched.startOn(L, f, args, msgHandler);
  if (!t.settled) await new Promise((r) => t.onSettled(r));
  const s = t.state;
  switch (s.kind) {
    case 'done':
      return s.values;
    case 'failed': {
      // msgHandler already made the message (with its traceback) at the error point.
      const err = s.error;
      message(typeof err === 'string' ? err : `(error object is a ${typeof err} value)`);
      return null;
    }
    case 'cancelled':
      message(s.reason.message);
      return null;
    case 'pending':
    case 'running':
    case 'waiting':
    case 'ready':
      throw new Error(`moonlet: task not settled (${s.kind})`);
    default: {
      const never: never = s;
      return never;
    }
  }
}

async function dochunk(L: LuaThread, code: string, chunkName: string): Promise<boolean> {
  let f: LuaValue;
  try {
    f = mainClosure(loadProto(code, chunkName, 'bt'), L.global.globals);
  } catch (e) {
    if (e instanceof LuaError) {
      message(String(e.value));
      return false;
    }
    throw e;
  }
  return (await docall(L, f, [])) !== null;
}

async function dofile(L: LuaThread, path: string | undefined, args: LuaValue[]): Promise<boolean> {
  let data: string | { error: string } | undefined;
  let chunkName: string;
  if (path === undefined) {
    data = host.readStdin() ?? { error: 'cannot read stdin' };
    chunkName = '=stdin';
  } else {
    data = host.readFile(path);
    chunkName = '@' + bytes(path);
  }
  if (typeof data !== 'string') {
    message(`cannot open ${path ?? 'stdin'}${data.error === 'cannot read stdin' ? '' : ': ' + data.error}`);
    return false;
  }
  let f: LuaValue;
  try {
    f = mainClosure(loadProto(data, chunkName, 'bt', true), L.global.globals);
  } catch (e) {
    if (e instanceof LuaError) {
      message(String(e.value));
      return false;
    }
    throw e;
  }
  return (await docall(L, f, args)) !== null;
}

/** -l [g=]mod: require the module and store it in a global. */
async function dolibrary(L: LuaThread, spec: string): Promise<boolean> {
  const eq = spec.indexOf('=');
  const global = eq >= 0 ? spec.slice(0, eq) : spec;
  const mod = eq >= 0 ? spec.slice(eq + 1) : spec;
  const require = L.global.globals.getStr('require');
  const r = await docall(L, require, [bytes(mod)]);
  if (r === null) return false;
  L.global.globals.setStr(bytes(global), r[0]);
  return true;
}

// ============================================================================================
// Interactive mode
// ============================================================================================

async function repl(L: LuaThread): Promise<void> {
  const rl = nodeReadline().createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  let buffer: string | null = null;
  const prompt = () => {
    host.flush();
    rl.setPrompt(buffer === null ? '> ' : '>> ');
    rl.prompt();
  };
  prompt();
  for await (const line of rl) {
    const text: string = buffer === null ? bytes(line) : buffer + '\n' + bytes(line);
    buffer = null;
    // First try the line as an expression to print, then as a statement.
    let f: LuaValue;
    try {
      f = mainClosure(loadProto('return ' + text, '=stdin', 't'), L.global.globals);
    } catch {
      try {
        f = mainClosure(loadProto(text, '=stdin', 't'), L.global.globals);
      } catch (e) {
        if (e instanceof LuaError && typeof e.value === 'string' && e.value.endsWith('<eof>')) {
          buffer = text;
          prompt();
          continue;
        }
        message(e instanceof LuaError ? String(e.value) : String(e));
        prompt();
        continue;
      }
    }
    const results = await docall(L, f, []);
    if (results !== null && results.length > 0) {
      const print = L.global.globals.getStr('print');
      await docall(L, print, results);
    }
    prompt();
  }
  host.flush();
  process.stdout.write('\n');
}

// ============================================================================================
// main
// ============================================================================================

/** Run the command line; returns the exit status, or -1 to continue in interactive mode. */
async function main(L: LuaThread, argv: string[]): Promise<number> {
  const G = L.global;

  // Collect options (lua.c collectargs).
  let hasE = false;
  let hasI = false;
  let hasV = false;
  let ignoreEnv = false;
  let dump = false;
  let script = argv.length; // index of the script, argv.length when none
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-')) {
      script = i;
      break;
    }
    if (a === '--') {
      script = i + 1 < argv.length ? i + 1 : argv.length;
      break;
    }
    if (a === '-') {
      script = i;
      break;
    }
    if (a === '--dump') {
      dump = true;
      continue;
    }
    switch (a.slice(0, 2)) {
      case '-E':
        if (a.length !== 2) return (usage(a), 1);
        ignoreEnv = true;
        break;
      case '-W':
        if (a.length !== 2) return (usage(a), 1);
        break;
      case '-i':
        if (a.length !== 2) return (usage(a), 1);
        hasI = true;
        hasV = true;
        break;
      case '-v':
        if (a.length !== 2) return (usage(a), 1);
        hasV = true;
        break;
      case '-e':
      case '-l':
        if (a.startsWith('-e')) hasE = true;
        if (a.length === 2) {
          i++;
          if (i >= argv.length || argv[i].startsWith('-')) return (usage(a), 1);
        }
        break;
      default:
        return (usage(a), 1);
    }
  }

  // As lua.c: -E is known before the libraries open (package.path ignores LUA_PATH then).
  if (ignoreEnv) G.registry.setStr('LUA_NOENV', true);
  openLibs(L);
  const taskLib = openTaskLib(sched);
  G.globals.setStr('task', taskLib);
  G.loaded.setStr('task', taskLib);

  // The arg table: script at 0, its arguments at 1.., interpreter and options below 0.
  const progArgs = [PROGNAME, ...argv];
  const scriptIdx = script < argv.length ? script + 1 : 0;
  const argTable = new LuaTable();
  for (let i = 0; i < progArgs.length; i++) argTable.set(i - scriptIdx, bytes(progArgs[i]));
  G.globals.setStr('arg', argTable);

  if (hasV) host.stdout(VERSION + '\n');

  if (dump) {
    if (script >= argv.length) return (message('--dump needs a script'), 1);
    const data = host.readFile(argv[script]);
    if (typeof data !== 'string') return (message(`cannot open ${argv[script]}: ${data.error}`), 1);
    try {
      host.stdout(disassemble(loadProto(data, '@' + bytes(argv[script]), 't', true)));
    } catch (e) {
      message(e instanceof LuaError ? String(e.value) : String(e));
      return 1;
    }
    return 0;
  }

  // LUA_INIT_5_4 or LUA_INIT.
  if (!ignoreEnv) {
    const name = process.env.LUA_INIT_5_4 !== undefined ? 'LUA_INIT_5_4' : 'LUA_INIT';
    const init = process.env[name];
    if (init !== undefined) {
      const ok = init.startsWith('@') ? await dofile(L, init.slice(1), []) : await dochunk(L, bytes(init), `=${name}`);
      if (!ok) return 1;
    }
  }

  // -e, -l, -W in order.
  for (let i = 0; i < script && i < argv.length; i++) {
    const a = argv[i];
    if (a === '--dump' || a === '--') continue;
    const opt = a.slice(0, 2);
    if (opt === '-e' || opt === '-l') {
      const value = a.length > 2 ? a.slice(2) : argv[++i];
      const ok = opt === '-e' ? await dochunk(L, bytes(value), '=(command line)') : await dolibrary(L, value);
      if (!ok) return 1;
    } else if (opt === '-W') G.warnOn = true;
  }

  if (script < argv.length) {
    const args = argv.slice(script + 1).map(bytes);
    const path = argv[script] === '-' && argv[script - 1] !== '--' ? undefined : argv[script];
    if (!(await dofile(L, path, args))) return 1;
  }
  if (hasI) return -1;
  if (script >= argv.length && !hasE && !hasV) {
    if (process.stdin.isTTY) {
      host.stdout(VERSION + '\n');
      return -1;
    }
    if (!(await dofile(L, undefined, []))) return 1;
  }
  return 0;
}

// MOONLET_JIT=eager|off changes when functions are compiled to JS (tests run both ways).
const jitMode = process.env.MOONLET_JIT;
if (jitMode === 'eager' || jitMode === 'off') jitSettings.mode = jitMode;
// MOONLET_JIT_DUMP=1 prints each compiled function's JS on stderr (for debugging the JIT).
if (process.env.MOONLET_JIT_DUMP) {
  jitSettings.dump = (p, source) => process.stderr.write(`--- compiled ${p.source}:${p.lineDefined}\n${source}\n`);
}

const mainThread = newState(host).mainThread;
// lua.c runs scripts inside pmain, a C function it calls through lua_pcall: one nested call
// below every chunk, which counts towards "C stack overflow" (vm/nested.ts).
mainThread.cbase = 1;
const sched = new Scheduler(mainThread.global, schedulerHost());
void run(mainThread, process.argv.slice(2));

/** The command's life: the command line, the REPL, the tasks left, closing the state. */
async function run(L: LuaThread, argv: string[]): Promise<void> {
  // Nothing left on the event loop while a chunk or a task still waits: it waits on something
  // that can never happen (a channel nobody sends to, task.wait(math.huge)). Cancel what is
  // left so the state closes; the chunk being run, if any, fails with this message.
  process.on('beforeExit', () => {
    if (!closed) sched.cancelAll(() => stopError('deadlock: every task waits and nothing is left to wake one'));
  });
  let status = await main(L, argv);
  if (status === -1) {
    await repl(L);
    status = 0;
  }
  if (status === 0) await sched.idle();
  // Tasks still going when the script failed stop here (their <close> handlers run), as
  // lua_close ends a failed script's pending work.
  else sched.cancelAll(() => stopError('the Lua state is closed'));
  // Errors of unawaited tasks are reported one turn of the event loop after they settle.
  await new Promise<void>((r) => setImmediate(r));
  closeState(L);
  // Exit now rather than when the event loop drains: a natural exit first waits for V8's
  // background work to finish (an optimising compilation still running for a loop that has
  // ended), then frees the heap page by page. All output is written synchronously and was
  // flushed by closeState. Measured on strings.lua: 15 ms less from the last output to the
  // end of the process (median of 15 runs).
  process.exit(status !== 0 || taskErrors > 0 ? 1 : 0);
}

/** lua_close: pending finalizers run, then output is flushed. */
function closeState(L: LuaThread): void {
  closed = true;
  try {
    L.global.gc?.closeAll(L);
  } catch {
    // errors in finalizers at exit were already reported as warnings
  }
  host.flush();
}
