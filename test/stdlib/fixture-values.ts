// fixture-values.ts — decoding the Lua values that scripts/fixture-json.lua writes into the
// JSON fixtures, and comparing Lua values by Lua's rules plus subtype (3 and 3.0 differ).

import { readFileSync } from 'node:fs';
import { LuaFloat, POS_NAN, mkFloat, normInt } from '../../src/vm/value.js';
import type { LuaValue } from '../../src/vm/value.js';
import { LuaError } from '../../src/vm/errors.js';

/** A canned replacement function, by name (`{"fn": name}`). */
export interface CannedFn {
  fn: string;
}

/** A Lua table literal from a fixture: its entries keyed by JS string or number. */
export interface TableSpec {
  table: Map<unknown, unknown>;
}

export type Decoded = LuaValue | CannedFn | TableSpec;

export interface FixtureCase {
  fn: string;
  args: unknown[];
  ok?: unknown[];
  err?: string;
  argerr?: [number, string];
}

export function loadCases(url: URL): FixtureCase[] {
  return (JSON.parse(readFileSync(url, 'latin1')) as { cases: FixtureCase[] }).cases;
}

/** One encoded value back to its Lua value. */
export function decode(v: unknown): Decoded {
  if (v === null) return undefined;
  if (typeof v === 'boolean' || typeof v === 'string' || typeof v === 'number') return v;
  const o = v as Record<string, unknown>;
  if (typeof o.int === 'string') return normInt(BigInt(o.int));
  if (typeof o.float === 'string') {
    switch (o.float) {
      case 'inf':
        return mkFloat(Infinity);
      case '-inf':
        return mkFloat(-Infinity);
      case 'nan':
        return POS_NAN;
      case '-nan':
        return NaN;
    }
    return mkFloat(Number(o.float));
  }
  if (typeof o.fn === 'string') return { fn: o.fn };
  if (Array.isArray(o.table)) {
    const m = new Map<unknown, unknown>();
    for (const [k, x] of o.table as [unknown, unknown][]) m.set(decode(k), decode(x));
    return { table: m };
  }
  throw new Error(`cannot decode ${JSON.stringify(v)}`);
}

/** Same Lua value and same number subtype; NaNs equal when their signs agree. */
export function sameLuaValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isInteger(a) !== Number.isInteger(b)) return false;
    return Object.is(a, b);
  }
  if (a instanceof LuaFloat || b instanceof LuaFloat) {
    // a box never holds what a plain number can (a boxed NaN is the positive NaN)
    return a instanceof LuaFloat && b instanceof LuaFloat && Object.is(a.n, b.n);
  }
  return a === b;
}

/** A readable rendering for failure messages. */
export function show(v: unknown): string {
  if (v === undefined) return 'nil';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'bigint') return `${v}n`;
  if (v instanceof LuaFloat) return v === POS_NAN ? 'float(nan)' : `float(${Object.is(v.n, -0) ? '-0' : v.n})`;
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : `float(${v})`;
  if (Array.isArray(v)) return `[${v.map(show).join(', ')}]`;
  return String(v);
}

/** Does an exception carry the Lua error message `msg` (a library error, no position)? */
export function luaErrorMessage(e: unknown): string {
  if (e instanceof LuaError) return String(e.value);
  throw e;
}
