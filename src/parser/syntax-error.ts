// syntax-error.ts — the error `parse` throws, carrying exactly the message lua5.4's `load` returns.
//
// `message` is "chunkid:line: reason" (plus " near 'token'" for most errors), character for
// character what Lua produces, e.g. `input:1: 'end' expected (to close 'function' at line 1) near
// <eof>`. The one exception to the prefix is nesting too deep for Lua's C stack, which Lua
// reports as a bare "C stack overflow". `reason` is the message without the "chunkid:line: "
// prefix. Messages built by `parseChunk` are byte strings like the source; `parse` decodes them
// from UTF-8 when it was given a JS string.
// Cf. llex.c lexerror, lcode.c luaK_semerror, ldebug.c luaG_addinfo.

import { chunkId } from './chunk-name.js';

export class LuaSyntaxError extends Error {
  override readonly name = 'LuaSyntaxError';
  /** The chunk name as given to the parser (e.g. "=stdin", "@file.lua" or the source itself). */
  readonly chunkName: string;
  /** The line the message names: where the lexer was when the error was found. */
  readonly line: number;
  /** The message without its "chunkid:line: " prefix. */
  readonly reason: string;

  constructor(message: string, chunkName: string, line: number, reason: string) {
    super(message);
    this.chunkName = chunkName;
    this.line = line;
    this.reason = reason;
  }
}

/** Builds the error for `reason` at `line` of chunk `chunkName`, with Lua's position prefix. */
export function syntaxError(chunkName: string, line: number, reason: string): LuaSyntaxError {
  return new LuaSyntaxError(`${chunkId(chunkName)}:${line}: ${reason}`, chunkName, line, reason);
}
