// index.ts — moonlet's public API. Nothing else lives here.
export { parse } from './parser/parser.js';
export { LuaSyntaxError } from './parser/syntax-error.js';
export type * from './parser/ast.js';
