// package.ts — the package library and `require`: package.loaded, preload, path, cpath,
// searchers, searchpath, loadlib, config.
//
// require runs the searchers and then the loader by request (NativeRequest.Call with a
// continuation, docs/natives.md), so a module's main chunk may yield or await like any other
// code. The searchers are Lua's four: preload, Lua files along package.path, and the two C
// searchers, which search package.cpath exactly as lua5.4 does (so "module not found"
// messages list the same places) but cannot load what they find: moonlet has no dynamic
// libraries, and says so as a Lua built without them does ("dynamic libraries not enabled").
// The default paths are those of Debian's lua5.4, which include ./?.lua and ./?/init.lua, so
// messages match the reference interpreter byte for byte; LUA_PATH_5_4 / LUA_PATH (and the
// cpath variables) override them, ";;" standing for the default.
//
// Invariants: package.loaded is the registry's _LOADED table (the same one index.ts fills
// with the standard libraries); package.preload is the registry's _PRELOAD; `require` and the
// searchers reach `package` through their closure (C's upvalue), not through the global.
// Cf. loadlib.c.

import type { LuaValue } from '../vm/value.js';
import { isFunction, isNumber, numberToString, truthy } from '../vm/value.js';
import { LuaTable } from '../vm/table.js';
import { NativeFunction } from '../vm/closure.js';
import type { NativeImpl } from '../vm/closure.js';
import type { CallInfo, GlobalState, LuaThread } from '../vm/state.js';
import { CIST_NOYIELD, NativeRequest } from '../vm/state.js';
import { LuaError } from '../vm/errors.js';
import { index, loadProto, mainClosure, setIndex } from '../vm/api.js';
import { isFailure } from '../host/host.js';
import { checkString, luaError, optString, ret1, ret2, setFuncs } from './aux.js';

// ============================================================================================
// Configuration (luaconf.h, Debian's build of lua5.4)
// ============================================================================================

const LUA_VERSUFFIX = '_5_4';
const LUA_PATH_DEFAULT =
  '/usr/local/share/lua/5.4/?.lua;/usr/local/share/lua/5.4/?/init.lua;' +
  '/usr/local/lib/lua/5.4/?.lua;/usr/local/lib/lua/5.4/?/init.lua;' +
  '/usr/share/lua/5.4/?.lua;/usr/share/lua/5.4/?/init.lua;' +
  './?.lua;./?/init.lua';
const LUA_CPATH_DEFAULT =
  '/usr/local/lib/lua/5.4/?.so;/usr/lib/x86_64-linux-gnu/lua/5.4/?.so;' +
  '/usr/lib/lua/5.4/?.so;/usr/local/lib/lua/5.4/loadall.so;./?.so';
const LUA_DIRSEP = '/';
const LUA_PATH_SEP = ';';
const LUA_PATH_MARK = '?';
const LUA_EXEC_DIR = '!';
const LUA_IGMARK = '-';
const LUA_CSUBSEP = LUA_DIRSEP;
const LUA_LSUBSEP = LUA_DIRSEP;

/** What a Lua built without dynamic-library support says (loadlib.c's DLMSG). */
const DLMSG = 'dynamic libraries not enabled; check your Lua installation';

// ============================================================================================
// Files
// ============================================================================================

/** A C string's view of a Lua string: everything before the first NUL. */
function cstr(s: string): string {
  const nul = s.indexOf('\0');
  return nul < 0 ? s : s.slice(0, nul);
}

/** readable(): the file exists and can be opened for reading. */
function readable(G: GlobalState, filename: string): boolean {
  const sys = G.io.system;
  if (sys === undefined) {
    const r = G.io.readFile?.(filename);
    return typeof r === 'string';
  }
  const fd = sys.open(filename, 'r');
  if (isFailure(fd)) return false;
  sys.close(fd);
  return true;
}

/** The whole contents of a file, or luaL_loadfilex's "cannot open/read" message. */
function readWholeFile(G: GlobalState, filename: string): string | { message: string } {
  const sys = G.io.system;
  if (sys === undefined) {
    const r = G.io.readFile?.(filename);
    if (r === undefined) return { message: `cannot open ${filename}` };
    return typeof r === 'string' ? r : { message: `cannot open ${filename}: ${r.error}` };
  }
  const fd = sys.open(filename, 'r');
  if (isFailure(fd)) return { message: `cannot open ${filename}: ${fd.error}` };
  const parts: string[] = [];
  let at = 0;
  try {
    for (;;) {
      const chunk = sys.read(fd, 1 << 16, at);
      if (isFailure(chunk)) return { message: `cannot read ${filename}: ${chunk.error}` };
      if (chunk.length === 0) break;
      parts.push(chunk);
      at += chunk.length;
    }
  } finally {
    sys.close(fd);
  }
  return parts.join('');
}

/**
 * searchpath: the first readable file among the templates of `path` with '?' replaced by
 * `name` (whose `sep` characters become `dirsep` first), or the "no file" listing.
 */
function searchPath(G: GlobalState, name: string, path: string, sep: string, dirsep: string): { file: string } | { notFound: string } {
  name = cstr(name);
  path = cstr(path);
  sep = cstr(sep);
  dirsep = cstr(dirsep);
  if (sep !== '' && name.includes(sep[0])) name = name.split(sep).join(dirsep);
  const filled = path.split(LUA_PATH_MARK).join(name);
  if (filled !== '') {
    for (const filename of filled.split(LUA_PATH_SEP)) {
      if (readable(G, filename)) return { file: filename };
    }
  }
  return { notFound: "no file '" + filled.split(LUA_PATH_SEP).join("'\n\tno file '") + "'" };
}

/** findfile: search package[pname] ("path" or "cpath"), which must be a string. */
function findFile(L: LuaThread, pkg: LuaTable, name: string, pname: string, dirsep: string): { file: string } | { notFound: string } {
  const v = index(L, pkg, pname);
  const path = typeof v === 'string' ? v : isNumber(v) ? numberToString(v) : undefined;
  if (path === undefined) luaError(L, `'package.${pname}' must be a string`);
  return searchPath(L.global, name, path, '.', dirsep);
}

/** checkload: the loader and its data, or "error loading module" with the reason. */
function checkLoad(L: LuaThread, name: string, loader: LuaValue, filename: string, reason: string): number {
  if (loader !== undefined) return ret2(L, loader, filename);
  luaError(L, `error loading module '${name}' from file '${filename}':\n\t${reason}`);
}

// ============================================================================================
// Searchers
// ============================================================================================

function searcherPreload(L: LuaThread): number {
  const name = checkString(L, 1);
  const preload = L.global.registry.getStr('_PRELOAD');
  const v = index(L, preload, name);
  if (v === undefined) return ret1(L, `no field package.preload['${name}']`);
  return ret2(L, v, ':preload:');
}

function searcherLua(pkg: LuaTable): NativeImpl {
  return (L) => {
    const name = checkString(L, 1);
    const found = findFile(L, pkg, name, 'path', LUA_LSUBSEP);
    if ('notFound' in found) return ret1(L, found.notFound);
    const filename = found.file;
    const bytes = readWholeFile(L.global, filename);
    if (typeof bytes !== 'string') return checkLoad(L, name, undefined, filename, bytes.message);
    let f: LuaValue;
    try {
      f = mainClosure(loadProto(bytes, '@' + filename, 'bt', true), L.global.globals);
    } catch (e) {
      if (e instanceof LuaError) return checkLoad(L, name, undefined, filename, String(e.value));
      throw e;
    }
    return checkLoad(L, name, f, filename, '');
  };
}

function searcherC(pkg: LuaTable): NativeImpl {
  return (L) => {
    const name = checkString(L, 1);
    const found = findFile(L, pkg, name, 'cpath', LUA_CSUBSEP);
    if ('notFound' in found) return ret1(L, found.notFound);
    return checkLoad(L, name, undefined, found.file, DLMSG);
  };
}

/** The all-in-one searcher: a submodule "a.b" may live in the C library of its root "a". */
function searcherCroot(pkg: LuaTable): NativeImpl {
  return (L) => {
    const name = checkString(L, 1);
    const dot = cstr(name).indexOf('.');
    if (dot < 0) return 0;
    const found = findFile(L, pkg, name.slice(0, dot), 'cpath', LUA_CSUBSEP);
    if ('notFound' in found) return ret1(L, found.notFound);
    return checkLoad(L, name, undefined, found.file, DLMSG);
  };
}

// ============================================================================================
// require
// ============================================================================================

/**
 * require(name): package.loaded[name], or find a loader (asking each searcher in turn, by
 * request) and run it (by request) with the name and the loader data; returns the module and
 * the loader data.
 */
function makeRequire(pkg: LuaTable): NativeImpl {
  return (L) => {
    const name = checkString(L, 1);
    const G = L.global;
    const loaded = G.registry.getStr('_LOADED');
    const already = index(L, loaded, name);
    if (truthy(already)) return ret1(L, already);

    const searchers = index(L, pkg, 'searchers');
    if (!(searchers instanceof LuaTable)) luaError(L, "'package.searchers' must be a table");
    const ci = L.ci;
    // Lua runs searchers and loaders with lua_call: a coroutine cannot yield across require
    // (host awaits still can).
    ci.callstatus |= CIST_NOYIELD;
    let msg = '';
    let i = 0;

    const askNext = (): number => {
      i++;
      msg += '\n\t';
      const searcher = searchers.getInt(i);
      if (searcher === undefined) {
        msg = msg.slice(0, -2);
        luaError(L, `module '${name}' not found:${msg}`);
      }
      const func = L.top;
      L.push(searcher);
      L.push(name);
      L.pendingFunc = func;
      L.pendingResults = 2;
      ci.k = searcherReturned;
      return NativeRequest.Call;
    };

    const searcherReturned = (L2: LuaThread, _ci: CallInfo): number => {
      const loader = L2.stack[L2.top - 2];
      const data = L2.stack[L2.top - 1];
      L2.top -= 2;
      if (isFunction(loader)) {
        const func = L2.top;
        L2.push(loader);
        L2.push(name);
        L2.push(data);
        L2.pendingFunc = func;
        L2.pendingResults = 1;
        ci.k = (L3: LuaThread) => loaderReturned(L3, data);
        return NativeRequest.Call;
      }
      if (typeof loader === 'string') msg += loader;
      else if (isNumber(loader)) msg += numberToString(loader);
      else msg = msg.slice(0, -2);
      return askNext();
    };

    const loaderReturned = (L3: LuaThread, data: LuaValue): number => {
      const result = L3.stack[--L3.top];
      if (result !== undefined) setIndex(L3, loaded, name, result);
      let mod = index(L3, loaded, name);
      if (mod === undefined) {
        mod = true;
        setIndex(L3, loaded, name, true);
      }
      return ret2(L3, mod, data);
    };

    return askNext();
  };
}

// ============================================================================================
// package.searchpath, package.loadlib
// ============================================================================================

function ll_searchpath(L: LuaThread): number {
  const name = checkString(L, 1);
  const path = checkString(L, 2);
  const sep = optString(L, 3, '.');
  const rep = optString(L, 4, LUA_DIRSEP);
  const r = searchPath(L.global, name, path, sep, rep);
  if ('file' in r) return ret1(L, r.file);
  return ret2(L, undefined, r.notFound);
}

/** loadlib(path, funcname): moonlet cannot load C libraries ("absent", as without dlopen). */
function ll_loadlib(L: LuaThread): number {
  checkString(L, 1);
  checkString(L, 2);
  L.push(undefined);
  L.push(DLMSG);
  L.push('absent');
  return 3;
}

// ============================================================================================
// Paths from the environment (setpath)
// ============================================================================================

function envPath(G: GlobalState, envname: string, dft: string): string {
  const sys = G.io.system;
  const noenv = truthy(G.registry.getStr('LUA_NOENV'));
  let path = sys?.getenv(envname + LUA_VERSUFFIX);
  if (path === undefined) path = sys?.getenv(envname);
  if (path === undefined || noenv) return dft;
  path = cstr(path);
  const mark = path.indexOf(LUA_PATH_SEP + LUA_PATH_SEP);
  if (mark < 0) return path;
  let out = '';
  if (mark > 0) out += path.slice(0, mark) + LUA_PATH_SEP;
  out += dft;
  if (mark < path.length - 2) out += LUA_PATH_SEP + path.slice(mark + 2);
  return out;
}

// ============================================================================================
// Registration
// ============================================================================================

export function openPackage(L: LuaThread): LuaTable {
  const G = L.global;
  const pkg = new LuaTable();
  setFuncs(pkg, { loadlib: ll_loadlib, searchpath: ll_searchpath });

  // The searchers and require hold `package` as C's closures hold it in an upvalue.
  const withPackage = (name: string, impl: NativeImpl): NativeFunction => {
    const f = new NativeFunction(name, impl);
    f.refs = [pkg];
    return f;
  };
  const searchers = new LuaTable();
  searchers.setInt(1, new NativeFunction('searcher_preload', searcherPreload));
  searchers.setInt(2, withPackage('searcher_Lua', searcherLua(pkg)));
  searchers.setInt(3, withPackage('searcher_C', searcherC(pkg)));
  searchers.setInt(4, withPackage('searcher_Croot', searcherCroot(pkg)));
  pkg.setStr('searchers', searchers);

  pkg.setStr('path', envPath(G, 'LUA_PATH', LUA_PATH_DEFAULT));
  pkg.setStr('cpath', envPath(G, 'LUA_CPATH', LUA_CPATH_DEFAULT));
  pkg.setStr('config', [LUA_DIRSEP, LUA_PATH_SEP, LUA_PATH_MARK, LUA_EXEC_DIR, LUA_IGMARK].join('\n') + '\n');

  pkg.setStr('loaded', G.loaded);
  let preload = G.registry.getStr('_PRELOAD');
  if (!(preload instanceof LuaTable)) {
    preload = new LuaTable();
    G.registry.setStr('_PRELOAD', preload);
  }
  pkg.setStr('preload', preload);

  G.globals.setStr('require', withPackage('require', makeRequire(pkg)));
  return pkg;
}
