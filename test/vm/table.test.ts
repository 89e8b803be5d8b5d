// table.test.ts — LuaTable against a plain Map model under random operations: gets, sets,
// removals (tombstones and compaction), array growth and trimming, borders and traversal.

import { describe, expect, test } from 'vitest';
import { LuaTable } from '../../src/vm/table.js';
import { LuaFloat } from '../../src/vm/value.js';
import type { LuaValue } from '../../src/vm/value.js';

/** Deterministic xorshift so failures reproduce. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

function randomKey(r: () => number): LuaValue {
  const c = r();
  if (c < 0.5) return 1 + Math.floor(r() * 40); // array-ish integers
  if (c < 0.7) return 'k' + Math.floor(r() * 30);
  if (c < 0.8) return -Math.floor(r() * 5);
  if (c < 0.9) return new LuaFloat(1 + Math.floor(r() * 40)); // integral float keys normalise
  return Math.floor(r() * 10) + 0.5;
}

function norm(k: LuaValue): unknown {
  return k instanceof LuaFloat ? k.n : k;
}

function traverse(t: LuaTable): Map<unknown, LuaValue> {
  const out: LuaValue[] = [undefined, undefined];
  const seen = new Map<unknown, LuaValue>();
  let key: LuaValue = undefined;
  while (t.next(key, out, 0)) {
    key = out[0];
    expect(seen.has(norm(key))).toBe(false);
    seen.set(norm(key), out[1]);
  }
  return seen;
}

describe('LuaTable', () => {
  for (let seed = 1; seed <= 40; seed++) {
    test(`random operations, seed ${seed}`, () => {
      const r = rng(seed);
      const t = new LuaTable();
      const model = new Map<unknown, LuaValue>();
      for (let step = 0; step < 3000; step++) {
        const k = randomKey(r);
        const op = r();
        if (op < 0.6) {
          const v = r() < 0.3 ? undefined : step;
          t.set(k, v);
          if (v === undefined) model.delete(norm(k));
          else model.set(norm(k), v);
        } else {
          expect(t.get(k)).toBe(model.get(norm(k)));
        }
        if (step % 500 === 0) {
          expect(traverse(t)).toEqual(model);
          // '#' returns a border: t[n] ~= nil and t[n+1] == nil (or n == 0 and t[1] == nil).
          const n = t.length();
          if (n > 0) expect(t.get(n)).not.toBeUndefined();
          expect(t.get(n + 1)).toBeUndefined();
        }
      }
      expect(traverse(t)).toEqual(model);
    });
  }

  test('clearing fields during traversal keeps next working', () => {
    const t = new LuaTable();
    for (let i = 1; i <= 100; i++) t.set(i, i);
    for (let i = 0; i < 100; i++) t.set('s' + i, i);
    const out: LuaValue[] = [undefined, undefined];
    let key: LuaValue = undefined;
    let count = 0;
    while (t.next(key, out, 0)) {
      key = out[0];
      t.set(key, undefined);
      count++;
    }
    expect(count).toBe(200);
    expect(t.next(undefined, out, 0)).toBe(false);
  });
});
