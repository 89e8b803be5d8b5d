// chunk-name.ts — how a chunk's name appears in messages ("input:3: ...").
//
// Lua keeps the chunk name a program gave to `load` and shortens it for messages to fit a
// LUA_IDSIZE (60) byte buffer, terminator included:
//   "=name"  the rest, verbatim, cut to 59 bytes;
//   "@file"  the file name, or "..." and its last 56 bytes when it is longer than 59;
//   other    the source text itself, as [string "first line..."], with at most 45 bytes of it.
// Names are byte strings (one char per byte), so lengths count bytes, and end at a NUL byte as
// C strings do. The parser uses this for
// syntax errors and the VM for runtime error positions.
// Cf. lobject.c luaO_chunkid.

export const LUA_IDSIZE = 60;

const RETS = '...';
const PRE = '[string "';
const POS = '"]';

/** The printable form of chunk name `source` (luaO_chunkid). */
export function chunkId(source: string): string {
  // Lua keeps the name as a C string: nothing after a NUL byte survives.
  const nul = source.indexOf('\0');
  if (nul >= 0) source = source.slice(0, nul);
  let out: string;
  const srclen = source.length; // bytes, not counting the terminator
  const first = source.charCodeAt(0);
  if (first === 61 /* = */) {
    // Copies at most LUA_IDSIZE-1 bytes of the name after '='.
    out = srclen <= LUA_IDSIZE ? source.slice(1) : source.slice(1, LUA_IDSIZE);
  } else if (first === 64 /* @ */) {
    if (srclen <= LUA_IDSIZE) out = source.slice(1);
    else {
      // '...' plus the tail that fills the rest of the buffer (its last byte is the terminator).
      const keep = LUA_IDSIZE - RETS.length - 1;
      out = RETS + source.slice(srclen - keep);
    }
  } else {
    const nl = source.indexOf('\n');
    const room = LUA_IDSIZE - (PRE.length + RETS.length + POS.length) - 1;
    if (srclen < room && nl < 0) out = PRE + source + POS;
    else {
      let len = nl >= 0 ? nl : srclen;
      if (len > room) len = room;
      out = PRE + source.slice(0, len) + RETS + POS;
    }
  }
  return out;
}
