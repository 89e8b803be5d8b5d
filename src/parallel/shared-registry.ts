// shared-registry.ts — the pool's shared tables and channels by kind and name, kept on the
// main thread, which is the one arbiter of names: whoever creates `name` first (the main
// thread through `pool.shared`, or a worker through `parallel.shared`) fixes its buffer, and
// every VM of the pool gets that one from then on.
//
// Tables and channels are separate namespaces (a table and a channel may share a name). Getting
// an existing name ignores the options given with it (capacity and sizes are fixed when the
// object is created), on the main thread and in workers alike.
//
// Workers learn of objects three ways: the list in their init message (so replacement workers
// see everything created before them), a `shared` broadcast when one is created elsewhere,
// and the answer to their own `shared-request` when they ask for a name they have not heard
// of yet (worker.ts). A worker that creates an object allocates the buffer itself and sends it
// as a candidate: the main thread only decides, so two workers racing on a name both end up
// with the buffer of whichever request the main thread handled first.

import { LuaError } from '../vm/errors.js';
import type { SharedAnswer, SharedDescriptor } from './protocol.js';
import { SharedTable } from './shared-table.js';
import type { SharedTableOptions } from './shared-table.js';
import { SharedChannel } from './channel.js';
import type { SharedChannelOptions } from './channel.js';

type SharedKind = 'table' | 'channel';

/** Tell the workers (all, or all but the one that created it) of a new shared object. */
export type Announce = (d: SharedDescriptor, exceptWorker: number | undefined) => void;

/** The pool's shared tables and channels, by name; workers learn of each as it is created. */
export class SharedRegistry {
  private readonly items = new Map<string, SharedTable | SharedChannel>();

  constructor(private readonly announce: Announce) {}

  /** The shared table `name`, created with `options` if it does not exist yet. */
  table(name: string, options?: SharedTableOptions): SharedTable {
    const found = this.items.get(sharedKey('table', name));
    if (found !== undefined) return found as SharedTable;
    return this.register(SharedTable.create(name, options), undefined) as SharedTable;
  }

  /** The channel `name`, created with `options` (or a capacity) if it does not exist yet. */
  channel(name: string, options?: SharedChannelOptions | number): SharedChannel {
    const found = this.items.get(sharedKey('channel', name));
    if (found !== undefined) return found as SharedChannel;
    return this.register(SharedChannel.create(name, typeof options === 'number' ? { capacity: options } : options), undefined) as SharedChannel;
  }

  /** An existing shared object by kind and name (what arrives in messages names one). */
  readonly resolve = (kind: SharedKind, name: string): SharedTable | SharedChannel => {
    const found = this.items.get(sharedKey(kind, name));
    if (found === undefined) throw new LuaError(`shared ${kind} '${name}' does not exist in this pool`);
    return found;
  };

  /**
   * A worker's `shared-request`: the existing object's buffer, or else the worker's candidate
   * buffer becomes the object (announced to the other workers).
   */
  answer(kind: SharedKind, name: string, candidate: SharedArrayBuffer | null, fromWorker: number): SharedAnswer {
    const found = this.items.get(sharedKey(kind, name));
    if (found !== undefined) return { kind: 'existing', buffer: found.buffer };
    if (candidate === null) return { kind: 'missing', message: `shared ${kind} '${name}' does not exist in this pool` };
    let view: SharedTable | SharedChannel;
    try {
      view = kind === 'table' ? new SharedTable(name, candidate) : new SharedChannel(name, candidate);
    } catch (e) {
      return { kind: 'refused', message: e instanceof Error ? e.message : String(e) };
    }
    this.register(view, fromWorker);
    return { kind: 'yours' };
  }

  /** Release every lock worker `id` held: it has been ended (atomics.ts releaseIfOwner). */
  releaseLocksOf(id: number): void {
    for (const v of this.items.values()) v.releaseLocksOf(id);
  }

  /** Every shared object, for a worker that starts now. */
  descriptors(): SharedDescriptor[] {
    const out: SharedDescriptor[] = [];
    for (const v of this.items.values()) out.push(descriptor(v));
    return out;
  }

  private register(obj: SharedTable | SharedChannel, createdBy: number | undefined): SharedTable | SharedChannel {
    // Channels decode the shared objects their messages name through the registry (JS side).
    if (obj instanceof SharedChannel) obj.resolveShared = this.resolve;
    this.items.set(sharedKey(obj instanceof SharedTable ? 'table' : 'channel', obj.name), obj);
    this.announce(descriptor(obj), createdBy);
    return obj;
  }
}

/** The map key of a shared object (worker.ts keys its own map the same way). */
export function sharedKey(kind: SharedKind, name: string): string {
  return `${kind}\0${name}`;
}

function descriptor(obj: SharedTable | SharedChannel): SharedDescriptor {
  return { kind: obj instanceof SharedTable ? 'table' : 'channel', name: obj.name, buffer: obj.buffer };
}
