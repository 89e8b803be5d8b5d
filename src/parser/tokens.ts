// tokens.ts — token kinds, the reserved-word table and how tokens are named in messages.
//
// A token kind is a number, as in Lua: a single-byte token ('+', '(', a stray '$' or byte 0xC3)
// is its own byte value 0..255, and everything else (reserved words, multi-byte symbols, <eof>,
// numerals, names, strings) counts up from FIRST_RESERVED. Kind 0 is a real token (a NUL byte in
// the source) but, as in Lua, an error "near" it prints no token at all.
//
// Invariant: the order of the reserved words and symbols below is the order of TOKEN_TEXT. The
// lexer recognises reserved words by interning them (see NameEntry in lexer.ts).
// Cf. llex.h (RESERVED), llex.c (luaX_tokens, luaX_token2str).

export const FIRST_RESERVED = 256;

export const enum Tok {
  // reserved words
  And = 256,
  Break,
  Do,
  Else,
  Elseif,
  End,
  False,
  For,
  Function,
  Goto,
  If,
  In,
  Local,
  Nil,
  Not,
  Or,
  Repeat,
  Return,
  Then,
  True,
  Until,
  While,
  // multi-byte symbols
  Idiv, // //
  Concat, // ..
  Dots, // ...
  Eq, // ==
  Ge, // >=
  Le, // <=
  Ne, // ~=
  Shl, // <<
  Shr, // >>
  DbColon, // ::
  // the rest
  Eos,
  Flt,
  Int,
  Name,
  String,
}

/** Text of every token kind from FIRST_RESERVED on, in `Tok` order. */
const TOKEN_TEXT: readonly string[] = [
  'and', 'break', 'do', 'else', 'elseif', 'end', 'false', 'for', 'function', 'goto', 'if', 'in',
  'local', 'nil', 'not', 'or', 'repeat', 'return', 'then', 'true', 'until', 'while',
  '//', '..', '...', '==', '>=', '<=', '~=', '<<', '>>', '::',
  '<eof>', '<number>', '<integer>', '<name>', '<string>',
];

/**
 * How a token kind is named in "X expected" and "near X" (luaX_token2str): printable bytes and
 * fixed tokens in single quotes, control and non-ASCII bytes as '<\N>', and <eof>, <number>,
 * <integer>, <name>, <string> bare.
 */
export function tokenToString(tok: number): string {
  if (tok < FIRST_RESERVED) {
    if (tok >= 32 && tok <= 126) return `'${String.fromCharCode(tok)}'`;
    return `'<\\${tok}>'`;
  }
  const s = TOKEN_TEXT[tok - FIRST_RESERVED]!;
  return tok < Tok.Eos ? `'${s}'` : s;
}

/** The 22 reserved words, in `Tok` order from Tok.And (the lexer interns them). */
export const RESERVED_WORDS: readonly string[] = TOKEN_TEXT.slice(0, Tok.While - FIRST_RESERVED + 1);
