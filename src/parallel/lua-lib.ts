// lua-lib.ts — the Lua `parallel` library: shared tables and channels in every VM (the main
// one and each worker's), and `parallel.run` / `parallel.map` on the main VM.
//
//   local hits = parallel.shared.table("hits")          -- got or created, by name, in any
//   hits:increment("total", 1)                           -- VM of the pool
//   hits:set("x", 1.5); hits:get("x")
//   local ch = parallel.shared.channel("jobs", 16)
//   ch:send({ n = 1 });  local v, ok = ch:receive()
//   local squares = parallel.map(function(x) return x * x end, { 1, 2, 3 })
//   local a, b = parallel.run(f, 1, 2)
//
// Natives receive raw Lua values (no JS conversion), so integers, floats and byte strings
// cross exactly as transfer.ts carries them. On the main VM, anything that must wait (a
// task, a receive on an empty channel, a send on a full one) requests a call of `awaitNative`,
// which suspends the async run on a promise (the embedding API's native async: a host
// promise), and a continuation pushes the values once it settles: waiting happens only in
// async runs (`runAsync`), as for any host promise. In workers the same operations block the
// worker's thread with Atomics.wait, which is what a worker is for.
// Cf. lauxlib.c (luaL_newmetatable, luaL_checkudata), Roblox's SharedTable.

import type { LuaValue } from '../vm/value.js';
import { LuaUserdata, toDouble } from '../vm/value.js';
import { LuaTable } from '../vm/table.js';
import { NativeFunction } from '../vm/closure.js';
import type { GlobalState, LuaThread } from '../vm/state.js';
import { NativeRequest } from '../vm/state.js';
import { LuaError } from '../vm/errors.js';
import { call1 } from '../vm/api.js';
import {
  arg,
  argCount,
  argError,
  checkAny,
  checkFunction,
  checkNumber,
  checkTable,
  checkUserdata,
  isNoneOrNil,
  luaError,
  newLib,
  optIntegerNumber,
  ret1,
  retN,
} from '../stdlib/aux.js';
import { SharedTable } from './shared-table.js';
import type { SharedTableOptions } from './shared-table.js';
import { SharedChannel } from './channel.js';
import type { SharedChannelOptions } from './channel.js';
import { fromByteString } from '../embed/convert.js';
import { setSharedResolver } from './transfer.js';

const TABLE_TYPE = 'SharedTable';
const CHANNEL_TYPE = 'SharedChannel';

/** How a VM gets or creates shared objects by name (workers ask the main thread). */
export interface SharedAccess {
  table(name: string, options: SharedTableOptions | undefined): SharedTable;
  channel(name: string, options: SharedChannelOptions | undefined): SharedChannel;
  /** An existing object, for a name that arrived in a message (never creates one). */
  find(kind: 'table' | 'channel', name: string): SharedTable | SharedChannel;
}

/** What `parallel.run` and `parallel.map` need from the pool (main VM only). */
export interface PoolBridge {
  run(G: GlobalState, f: LuaValue, args: LuaValue[]): Promise<LuaValue[]>;
  map(G: GlobalState, f: LuaValue, items: LuaValue[], concurrency: number | undefined): Promise<LuaValue[]>;
}

export interface ParallelLibOptions {
  shared: SharedAccess;
  /** Workers block in Atomics.wait; the main thread awaits instead. */
  blocking: boolean;
  pool?: PoolBridge;
  /** The worker's number (1-based), exposed as `parallel.worker`; absent on the main VM. */
  workerId?: number;
}

/** Build the `parallel` table for the VM of `G`. */
export function makeParallelLib(G: GlobalState, options: ParallelLibOptions): LuaTable {
  const lib = new LuaContext(G, options);
  return lib.table;
}

// ============================================================================================
// Waiting on the main VM: a call of awaitNative, then a continuation
// ============================================================================================

/** Suspends the run on the promise in its first argument (a light userdata). */
const awaitNative = new NativeFunction('await', (L, base) => {
  L.awaiting = (L.stack[base] as LuaUserdata).data as PromiseLike<unknown>;
  return NativeRequest.Await;
});

/**
 * Finish the running native after `promise` settles: its rejection is raised as a Lua error
 * at the call; its value goes to `finish`, which pushes the native's results.
 */
function awaitThen<T>(L: LuaThread, promise: Promise<T>, finish: (L: LuaThread, value: T) => number): number {
  let value: T;
  const settled = promise.then((v) => {
    value = v;
  });
  // The run may never await it (a synchronous run fails first): keep that rejection handled.
  settled.catch(() => undefined);
  const ci = L.ci;
  const slot = L.top;
  L.push(awaitNative);
  L.push(new LuaUserdata(settled, true));
  L.pendingFunc = slot;
  L.pendingResults = 0;
  ci.k = (L2) => finish(L2, value);
  return NativeRequest.Call;
}

// ============================================================================================
// The library
// ============================================================================================

class LuaContext {
  readonly table: LuaTable;
  private readonly userdata = new Map<object, LuaUserdata>();
  private readonly tableMeta: LuaTable;
  private readonly channelMeta: LuaTable;

  constructor(
    private readonly G: GlobalState,
    private readonly options: ParallelLibOptions,
  ) {
    this.tableMeta = this.makeTableMeta();
    this.channelMeta = this.makeChannelMeta();
    // Shared objects arriving in this VM (as upvalues, arguments, results, messages) become
    // this library's userdata for the same buffer.
    setSharedResolver(G, (kind, name) => this.wrap(options.shared.find(kind, name)));
    const shared = newLib({
      table: (L) => this.sharedTable(L),
      channel: (L) => this.sharedChannel(L),
    });
    const t = new LuaTable();
    t.setStr('shared', shared);
    if (options.workerId !== undefined) t.setStr('worker', options.workerId);
    if (options.pool !== undefined) {
      const pool = options.pool;
      t.setStr('run', new NativeFunction('run', (L) => this.run(L, pool)));
      t.setStr('map', new NativeFunction('map', (L) => this.map(L, pool)));
    }
    this.table = t;
  }

  /** The same userdata for the same shared object, so `==` and table keys work. */
  private wrap(obj: SharedTable | SharedChannel): LuaUserdata {
    let u = this.userdata.get(obj);
    if (u === undefined) {
      u = new LuaUserdata(obj);
      u.metatable = obj instanceof SharedTable ? this.tableMeta : this.channelMeta;
      this.userdata.set(obj, u);
    }
    return u;
  }

  // ------------------------------------------------------------------------------------------
  // parallel.shared.table(name [, capacity | options]) / parallel.shared.channel(name [, capacity])
  // ------------------------------------------------------------------------------------------

  private sharedTable(L: LuaThread): number {
    const name = checkName(L);
    let options: SharedTableOptions | undefined;
    const o = arg(L, 2);
    if (o instanceof LuaTable) {
      options = {
        capacity: optField(L, o, 'capacity'),
        keyBytes: optField(L, o, 'keyBytes'),
        valueBytes: optField(L, o, 'valueBytes'),
      };
    } else if (!isNoneOrNil(L, 2)) options = { capacity: optIntegerNumber(L, 2, 1024) };
    return ret1(L, this.wrap(this.shared(L, () => this.options.shared.table(name, options))));
  }

  private sharedChannel(L: LuaThread): number {
    const name = checkName(L);
    let options: SharedChannelOptions | undefined;
    const o = arg(L, 2);
    if (o instanceof LuaTable) {
      options = { capacity: optField(L, o, 'capacity'), messageBytes: optField(L, o, 'messageBytes') };
    } else if (!isNoneOrNil(L, 2)) options = { capacity: optIntegerNumber(L, 2, 64) };
    return ret1(L, this.wrap(this.shared(L, () => this.options.shared.channel(name, options))));
  }

  /** Run a lookup, turning its errors into Lua errors at the caller's position. */
  private shared<T>(L: LuaThread, get: () => T): T {
    try {
      return get();
    } catch (e) {
      if (e instanceof LuaError && typeof e.value === 'string') luaError(L, e.value);
      if (e instanceof RangeError) luaError(L, e.message);
      throw e;
    }
  }

  // ------------------------------------------------------------------------------------------
  // Shared table methods
  // ------------------------------------------------------------------------------------------

  private makeTableMeta(): LuaTable {
    const self = (L: LuaThread) => checkUserdata(L, 1, TABLE_TYPE).data as SharedTable;
    const methods = newLib({
      get: (L) => ret1(L, self(L).rawGet(checkAny(L, 2))),
      set: (L) => {
        self(L).rawSet(checkAny(L, 2), arg(L, 3));
        return 0;
      },
      increment: (L) => {
        const t = self(L);
        const key = checkAny(L, 2);
        const delta = isNoneOrNil(L, 3) ? 1 : checkNumber(L, 3);
        return ret1(L, t.rawIncrement(key, delta));
      },
      update: (L) => {
        const t = self(L);
        const key = checkAny(L, 2);
        const fn = arg(L, 3);
        if (fn === undefined) argError(L, 3, 'function expected');
        return ret1(L, t.rawUpdate(key, (old) => call1(L, fn, old)));
      },
      keys: (L) => {
        const out = new LuaTable();
        const keys = self(L).rawKeys();
        for (let i = 0; i < keys.length; i++) out.setInt(i + 1, keys[i]);
        return ret1(L, out);
      },
      size: (L) => ret1(L, self(L).size()),
      clone: (L) => {
        const out = new LuaTable();
        for (const [k, v] of self(L).rawEntries()) out.set(k, v);
        return ret1(L, out);
      },
    });
    // Methods through an __index table, as Lua's file handles do: the VM finds them without
    // calling anything, which matters for `c:increment(k)` in a hot loop. (No `t.key` sugar:
    // it would need an __index function on every method lookup, twice as slow.)
    const meta = new LuaTable();
    meta.setStr('__index', methods);
    meta.setStr('__tostring', new NativeFunction('__tostring', (L) => ret1(L, `SharedTable: ${self(L).name}`)));
    meta.setStr('__name', TABLE_TYPE);
    meta.setStr('__metatable', false);
    return meta;
  }

  // ------------------------------------------------------------------------------------------
  // Channel methods
  // ------------------------------------------------------------------------------------------

  private makeChannelMeta(): LuaTable {
    const G = this.G;
    const blocking = this.options.blocking;
    const self = (L: LuaThread) => checkUserdata(L, 1, CHANNEL_TYPE).data as SharedChannel;
    /** Optional timeout argument, in seconds as Lua code counts time; milliseconds back. */
    const timeout = (L: LuaThread, i: number): number => {
      if (isNoneOrNil(L, i)) return Infinity;
      const s = toDouble(checkNumber(L, i));
      return s > 0 ? s * 1000 : 0;
    };
    const received = (L: LuaThread, r: ReturnType<SharedChannel['tryReceiveBytes']> | { kind: 'timeout' }): number => {
      switch (r.kind) {
        case 'message':
          return retN(L, [SharedChannel.decodeLua(r.data, L.global), true]);
        case 'closed':
          return retN(L, [undefined, false, 'closed']);
        case 'timeout':
          return retN(L, [undefined, false, 'timeout']);
        case 'empty':
          return retN(L, [undefined, false, 'empty']);
      }
    };
    const sent = (L: LuaThread, ch: SharedChannel, r: 'sent' | 'full' | 'closed' | 'timeout'): number => {
      switch (r) {
        case 'sent':
          return ret1(L, true);
        case 'closed':
          return luaError(L, `channel '${ch.name}' is closed`);
        case 'full':
        case 'timeout':
          return retN(L, [false, 'timeout']);
      }
    };
    const methods = newLib({
      // ch:send(v [, timeout]) → true, or false, "timeout"; an error if the channel is closed
      send: (L) => {
        const ch = self(L);
        const data = encodeArg(L, () => SharedChannel.encodeLua(arg(L, 2), G));
        const ms = timeout(L, 3);
        if (blocking) return sent(L, ch, ch.sendBytesBlocking(data, ms));
        const now = ch.trySendBytes(data);
        if (now !== 'full' || ms === 0) return sent(L, ch, now);
        return awaitThen(L, ch.sendBytesAsync(data, ms), (L2, r) => sent(L2, ch, r));
      },
      // ch:receive([timeout]) → value, true | nil, false, "closed" | "timeout"
      receive: (L) => {
        const ch = self(L);
        const ms = timeout(L, 2);
        if (blocking) return received(L, ch.receiveBytesBlocking(ms));
        const now = ch.tryReceiveBytes();
        if (now.kind !== 'empty') return received(L, now);
        if (ms === 0) return received(L, { kind: 'timeout' });
        return awaitThen(L, ch.receiveBytesAsync(ms), received);
      },
      close: (L) => {
        self(L).close();
        return 0;
      },
      size: (L) => ret1(L, self(L).size()),
      closed: (L) => ret1(L, self(L).closed),
      name: (L) => ret1(L, self(L).name),
    });
    const meta = new LuaTable();
    meta.setStr('__index', methods);
    meta.setStr('__name', CHANNEL_TYPE);
    meta.setStr('__metatable', false);
    meta.setStr('__tostring', new NativeFunction('__tostring', (L) => ret1(L, `SharedChannel: ${self(L).name}`)));
    return meta;
  }

  // ------------------------------------------------------------------------------------------
  // parallel.run(f, ...) and parallel.map(f, list [, { concurrency = n }])
  // ------------------------------------------------------------------------------------------

  private run(L: LuaThread, pool: PoolBridge): number {
    const f = checkFunction(L, 1);
    const n = argCount(L);
    const args: LuaValue[] = [];
    for (let i = 2; i <= n; i++) args.push(arg(L, i));
    const promise = encodeArg(L, () => pool.run(L.global, f, args));
    return awaitThen(L, promise, (L2, values) => retN(L2, values));
  }

  private map(L: LuaThread, pool: PoolBridge): number {
    const f = checkFunction(L, 1);
    const list = checkTable(L, 2);
    let concurrency: number | undefined;
    const o = arg(L, 3);
    if (o instanceof LuaTable) concurrency = optField(L, o, 'concurrency');
    else if (!isNoneOrNil(L, 3)) argError(L, 3, 'table expected');
    const n = list.length();
    const items: LuaValue[] = [];
    for (let i = 1; i <= n; i++) items.push(list.getInt(i));
    const promise = encodeArg(L, () => pool.map(L.global, f, items, concurrency));
    return awaitThen(L, promise, (L2, results) => {
      const out = new LuaTable();
      for (let i = 0; i < results.length; i++) out.setInt(i + 1, results[i]);
      return ret1(L2, out);
    });
  }
}

// ============================================================================================
// Helpers
// ============================================================================================

function checkName(L: LuaThread): string {
  const v = arg(L, 1);
  if (typeof v !== 'string') argError(L, 1, 'string expected');
  return fromByteString(v);
}

/** An optional positive integer field of an options table. */
function optField(L: LuaThread, t: LuaTable, name: string): number | undefined {
  const v = t.getStr(name);
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) luaError(L, `option '${name}' must be a positive integer`);
  return v;
}

/**
 * Run something that encodes Lua values for another state; its copy errors ("cannot copy a
 * userdata value ...") become Lua errors at the caller's position.
 */
function encodeArg<T>(L: LuaThread, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof LuaError && !e.needsWhere && typeof e.value === 'string') luaError(L, e.value);
    throw e;
  }
}
