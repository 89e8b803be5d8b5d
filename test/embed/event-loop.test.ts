// event-loop.test.ts — issue 5 item 5: an async run yields to the event loop every
// `sliceInstructions` ticks, so host timers keep firing while Lua computes; a synchronous run
// does not (it holds the thread, as any synchronous JS does).

import { describe, expect, test } from 'vitest';
import { Lua } from '../../dist/index.js';

const longComputation = 'local s = 0 for i = 1, 3e7 do s = s + i % 7 end return s';

describe('time slices', () => {
  test('a host setInterval keeps ticking during a long async computation', async () => {
    const lua = new Lua();
    let ticks = 0;
    const interval = setInterval(() => ticks++, 1);
    const started = Date.now();
    try {
      await lua.runAsync(longComputation);
    } finally {
      clearInterval(interval);
    }
    const elapsed = Date.now() - started;
    // The interval kept firing all along (a synchronous run lets it fire 0 times, below):
    // at least one tick per 100 ms of wall time, lenient enough for a heavily loaded machine
    // where each slice may wait for the CPU.
    expect(ticks).toBeGreaterThanOrEqual(Math.max(3, Math.floor(elapsed / 100)));
  });

  test('smaller slices give the event loop more turns', async () => {
    const count = async (slice: number): Promise<number> => {
      const lua = new Lua({ sliceInstructions: slice });
      let turns = 0;
      let stop = false;
      const spin = (): void => {
        if (stop) return;
        turns++;
        setImmediate(spin);
      };
      setImmediate(spin);
      await lua.runAsync('local s = 0 for i = 1, 2e6 do s = s + i end');
      stop = true;
      return turns;
    };
    expect(await count(1000)).toBeGreaterThan(await count(1_000_000));
  });

  test('a synchronous run holds the thread until it ends', () => {
    const lua = new Lua({ sliceInstructions: 1000 });
    let ticks = 0;
    const interval = setInterval(() => ticks++, 1);
    lua.run('local s = 0 for i = 1, 2e6 do s = s + i end');
    clearInterval(interval);
    expect(ticks).toBe(0);
  });
});
