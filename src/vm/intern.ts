// intern.ts — string constants as V8's own internalized strings.
//
// Compiled code compares table keys with `===` against string literals (jit.ts field caches:
// `t.hkeys[slot] === "x"`). V8 answers that with one pointer comparison when both strings are
// internalized (V8's table of unique strings, where every literal lives) and calls a builtin
// that compares characters otherwise. Strings the lexer or the chunk loader build are not
// internalized, and a class table filled by interpreted code holds them as keys: every cached
// field read on it paid the character comparison. Interning the constants when a function is
// compiled or loaded makes the keys and the literals the same string.

/** Lua's short strings: longer constants are left as they are (hashing them costs more). */
const MAX_INTERNED = 40;

/**
 * The internalized copy of `s` (the same characters). A property name is always
 * internalized, so the key of a one-property object is (a null prototype keeps "__proto__"
 * an ordinary name).
 */
export function intern(s: string): string {
  if (s.length > MAX_INTERNED) return s;
  const holder: Record<string, number> = Object.create(null);
  holder[s] = 0;
  for (const key in holder) return key;
  return s;
}
