// userdata.ts — JS objects inside Lua: class instances, Maps, Dates... become userdata whose
// fields and methods Lua code uses directly (`obj.x`, `obj.x = 1`, `obj:method(...)`).
//
// One metatable per JS class (constructor), created on first use: __index reads a property
// (a method becomes a Lua function that calls it with the object as `this`), __newindex
// writes one, __tostring shows the class, and a class exposed with `Lua.exposeClass` adds
// its metamethods (__add, __eq, __lt, __len, __concat, __call, __close, __tostring ...).

import type { LuaValue } from '../vm/value.js';
import { LuaUserdata } from '../vm/value.js';
import { LuaTable } from '../vm/table.js';
import { NativeFunction } from '../vm/closure.js';
import { LuaError } from '../vm/errors.js';
import type { Runtime } from './runtime.js';
import { fromByteString, toByteString, toJS, toLua } from './convert.js';

const metatables = new WeakMap<Runtime, Map<unknown, LuaTable>>();

/** The shared metatable for objects of obj's class. */
export function objectMetatable(rt: Runtime, obj: object): LuaTable {
  const ctor = Object.getPrototypeOf(obj)?.constructor ?? Object;
  let perRuntime = metatables.get(rt);
  if (perRuntime === undefined) metatables.set(rt, (perRuntime = new Map()));
  let mt = perRuntime.get(ctor);
  if (mt === undefined) {
    mt = newObjectMetatable(rt, typeof ctor === 'function' && ctor.name ? ctor.name : 'object');
    perRuntime.set(ctor, mt);
  }
  return mt;
}

/** Register metamethods for a class (Lua.exposeClass). */
export function classMetatable(rt: Runtime, ctor: unknown, name: string): LuaTable {
  let perRuntime = metatables.get(rt);
  if (perRuntime === undefined) metatables.set(rt, (perRuntime = new Map()));
  let mt = perRuntime.get(ctor);
  if (mt === undefined) {
    mt = newObjectMetatable(rt, name);
    perRuntime.set(ctor, mt);
  }
  return mt;
}

function selfObject(v: LuaValue, what: string): Record<string, unknown> {
  if (!(v instanceof LuaUserdata)) throw new LuaError(`${what}: expected an object, got ${v === undefined ? 'nil' : typeof v}`);
  return v.data as Record<string, unknown>;
}

function newObjectMetatable(rt: Runtime, className: string): LuaTable {
  const mt = new LuaTable();
  const methods = new Map<string, NativeFunction>();
  mt.setStr('__name', toByteString(className));
  mt.setStr(
    '__index',
    new NativeFunction('__index', (L, base) => {
      const obj = selfObject(L.stack[base], '__index');
      const key = L.stack[base + 1];
      if (typeof key !== 'string') return 0;
      const name = fromByteString(key);
      const v = obj[name];
      if (typeof v === 'function') {
        // A method: called as obj:name(...), with the object as `this`.
        let m = methods.get(name);
        if (m === undefined) {
          m = new NativeFunction(name, (L2, b2, n2) => {
            const self = selfObject(L2.stack[b2], name);
            const f = self[name];
            if (typeof f !== 'function') throw new LuaError(`method '${name}' is not a function`);
            // `self` (the first argument) becomes `this`; the rest are the method's arguments.
            return rt.callHost(L2, b2 + 1, n2 - 1, f as (...a: unknown[]) => unknown, self, name);
          });
          methods.set(name, m);
        }
        L.push(m);
        return 1;
      }
      L.push(toLua(rt, v));
      return 1;
    }),
  );
  mt.setStr(
    '__newindex',
    new NativeFunction('__newindex', (L, base) => {
      const obj = selfObject(L.stack[base], '__newindex');
      const key = L.stack[base + 1];
      if (typeof key !== 'string') throw new LuaError('object fields must be strings');
      obj[fromByteString(key)] = toJS(rt, L.stack[base + 2]);
      return 0;
    }),
  );
  mt.setStr(
    '__tostring',
    new NativeFunction('__tostring', (L, base) => {
      const obj = selfObject(L.stack[base], '__tostring');
      const s = typeof (obj as { toString?: unknown }).toString === 'function' && obj.toString !== Object.prototype.toString
        ? String(obj)
        : `${className}`;
      L.push(toByteString(s));
      return 1;
    }),
  );
  return mt;
}
