// index.ts — moonlet's public API. Nothing else lives here.
export { Lua } from './embed/lua.js';
export type { RunOptions, RunAsyncOptions, ClassOptions } from './embed/lua.js';
export type { LuaOptions, LuaLimits, TaskSpec, TaskResult, RunTasksOptions } from './embed/runtime.js';
export { LuaMultiple } from './embed/runtime.js';
export { LuaTable, LuaFunction, LuaThreadHandle } from './embed/handles.js';
export type { ToJSOptions } from './embed/convert.js';
export { LuaError } from './vm/errors.js';
export { parse } from './parser/parser.js';
export { LuaSyntaxError } from './parser/syntax-error.js';
export type * from './parser/ast.js';
export { LuaPool, SharedTable, SharedChannel, type LuaPoolOptions, type PoolRunOptions, type PoolMapOptions, type SharedTableOptions, type SharedChannelOptions } from './parallel/pool.js';
