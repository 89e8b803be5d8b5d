// standalone.test.ts — the scheduler without the embedding API, as a standalone interpreter
// (the `moonlet` command) would use it: the main chunk runs on the main thread through
// `Scheduler.startOn`, behaves as a plain protected call when it never waits (it is still
// the main coroutine), and becomes a task when it does.

import { expect, test } from 'vitest';
import { newState, mainClosure, loadProto } from '../../dist/vm/api.js';
import { openLibs } from '../../dist/stdlib/index.js';
import { Scheduler } from '../../dist/scheduler/scheduler.js';
import type { RunState, Task } from '../../dist/scheduler/scheduler.js';
import { openTaskLib } from '../../dist/scheduler/task-lib.js';
import { LuaError } from '../../dist/index.js';

function interpreter() {
  let out = '';
  const G = newState({ stdout: (s: string) => (out += s), stderr: (s: string) => (out += s) });
  let run: RunState | null = null;
  const sched = new Scheduler(G, {
    getRun: () => run,
    setRun: (r) => (run = r),
    awaitedValues: (v) => (v === undefined ? [] : [v as never]),
    awaitedError: (e) => (e instanceof LuaError ? e : new LuaError(String(e))),
    reportTaskError: (t: Task) => (out += `task error: ${String((t.state as { error: unknown }).error)}\n`),
    taskLimits: () => ({}),
    flush: () => {},
  }, { clock: 'virtual' });
  openLibs(G.mainThread);
  const lib = openTaskLib(sched);
  G.globals.setStr('task', lib);
  const runMain = async (code: string): Promise<Task> => {
    const f = mainClosure(loadProto(code, '=main', 't'), G.globals);
    const t = sched.startOn(G.mainThread, f, [], undefined);
    if (!t.settled) await new Promise((r) => t.onSettled(r));
    await sched.idle();
    return t;
  };
  return { runMain, out: () => out };
}

test('a main chunk that never waits is a plain protected call on the main thread', async () => {
  const { runMain, out } = interpreter();
  const t = await runMain('local co, main = coroutine.running() print(main, coroutine.isyieldable()) return 1, 2');
  expect(t.state).toEqual({ kind: 'done', values: [1, 2] });
  expect(out()).toBe('true\tfalse\n');
});

test('a main chunk that waits becomes a task; spawned tasks finish before idle()', async () => {
  const { runMain, out } = interpreter();
  const t = await runMain(`
    task.spawn(function() task.wait(2) print("background done") end)
    print("main waits", task.wait(1))
    local _, main = coroutine.running()
    print("still main:", main)
  `);
  expect(t.state.kind).toBe('done');
  expect(out()).toBe('main waits\t1.0\nstill main:\ttrue\nbackground done\n');
});

test('errors in the main chunk come back as the protected call\'s error', async () => {
  const { runMain } = interpreter();
  const t = await runMain('task.wait(1) error("late")');
  expect(t.state.kind).toBe('failed');
  expect((t.state as { error: unknown }).error).toBe('main:1: late');
});
