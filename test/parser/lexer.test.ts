// lexer.test.ts — tokens, numerals, string escapes, long brackets, comments and line counting.

import { describe, expect, test } from 'vitest';
import { Lexer, utf8Encode } from '../../src/parser/lexer.js';
import { LuaSyntaxError } from '../../src/parser/syntax-error.js';
import { RESERVED_WORDS, Tok, tokenToString } from '../../src/parser/tokens.js';

interface T {
  tok: number;
  line: number;
  value?: string | number | bigint;
}

function lex(src: string): T[] {
  const lx = new Lexer(src, '=test');
  const out: T[] = [];
  for (;;) {
    lx.next();
    const t: T = { tok: lx.tok, line: lx.tokLine };
    if (lx.tok === Tok.Name || lx.tok === Tok.String) t.value = lx.sval;
    if (lx.tok === Tok.Int || lx.tok === Tok.Flt) t.value = lx.nval;
    out.push(t);
    if (lx.tok === Tok.Eos) return out;
  }
}

function one(src: string): T {
  const toks = lex(src);
  expect(toks.length).toBe(2);
  return toks[0]!;
}

function lexError(src: string): string {
  try {
    lex(src);
  } catch (e) {
    expect(e).toBeInstanceOf(LuaSyntaxError);
    return (e as Error).message;
  }
  throw new Error('no error');
}

describe('names and reserved words', () => {
  test('all 22 reserved words', () => {
    expect(RESERVED_WORDS.length).toBe(22);
    const toks = lex(RESERVED_WORDS.join(' '));
    expect(toks.map((t) => t.tok)).toEqual([...RESERVED_WORDS.map((_, i) => Tok.And + i), Tok.Eos]);
  });

  test('names that look like reserved words', () => {
    for (const n of ['And', 'ends', 'nil_', '_end', 'iff', 'functions', 'goto1', 'o', 'x', '_', 'Ǝ']) {
      const toks = lex(n);
      if (n === 'Ǝ') {
        // Non-ASCII bytes are not name characters: each is a token of its own.
        expect(toks[0]!.tok).toBe(n.charCodeAt(0));
        continue;
      }
      expect(toks[0]).toEqual({ tok: Tok.Name, line: 1, value: n });
    }
  });

  test('the same name is the same string and entry every time', () => {
    const lx = new Lexer('alpha beta alpha', '=t');
    lx.next();
    const a = lx.entry;
    lx.next();
    lx.next();
    expect(lx.entry).toBe(a);
    expect(lx.intern('alpha')).toBe(a);
  });

  test('symbols', () => {
    const src = '+ - * / // % ^ # & ~ | << >> == ~= <= >= < > = ( ) { } [ ] :: ; : , . .. ...';
    const toks = lex(src).map((t) => (t.tok < 256 ? String.fromCharCode(t.tok) : tokenToString(t.tok)));
    expect(toks.join(' ')).toBe(
      "+ - * / '//' % ^ # & ~ | '<<' '>>' '==' '~=' '<=' '>=' < > = ( ) { } [ ] '::' ; : , . '..' '...' <eof>",
    );
  });

  test('token names in messages', () => {
    expect(tokenToString(Tok.End)).toBe("'end'");
    expect(tokenToString(Tok.Eos)).toBe('<eof>');
    expect(tokenToString(Tok.Name)).toBe('<name>');
    expect(tokenToString(Tok.String)).toBe('<string>');
    expect(tokenToString(Tok.Int)).toBe('<integer>');
    expect(tokenToString(Tok.Flt)).toBe('<number>');
    expect(tokenToString(61)).toBe("'='");
    expect(tokenToString(1)).toBe("'<\\1>'");
    expect(tokenToString(0xc3)).toBe("'<\\195>'");
    expect(tokenToString(127)).toBe("'<\\127>'");
  });
});

describe('numerals', () => {
  const cases: [string, number | bigint, boolean][] = [
    ['0', 0, false],
    ['42', 42, false],
    ['007', 7, false],
    ['9007199254740991', 9007199254740991, false],
    ['9007199254740993', 9007199254740993n, false],
    ['9223372036854775807', 9223372036854775807n, false],
    ['9223372036854775808', 9223372036854775808, true],
    ['0xff', 255, false],
    ['0XA', 10, false],
    ['0x7fffffffffffffff', 9223372036854775807n, false],
    ['0xffffffffffffffff', -1, false],
    ['0x10000000000000000', 0, false],
    ['0x8000000000000000', -9223372036854775808n, false],
    ['1e2', 100, true],
    ['1E+2', 100, true],
    ['2.5e-3', 0.0025, true],
    ['.5', 0.5, true],
    ['5.', 5, true],
    ['3.0', 3, true],
    ['0x1p4', 16, true],
    ['0x.8', 0.5, true],
    ['0xA.8p1', 21, true],
    ['0x1P-2', 0.25, true],
    ['1e400', Infinity, true],
  ];
  for (const [src, value, isFloat] of cases) {
    test(src, () => {
      const t = one(src);
      expect(t.tok).toBe(isFloat ? Tok.Flt : Tok.Int);
      expect(t.value).toBe(value);
    });
  }

  test('a sign only after an exponent mark', () => {
    expect(lex('3-4').map((t) => t.tok)).toEqual([Tok.Int, 45, Tok.Int, Tok.Eos]);
    expect(lex('0xe+1').map((t) => t.tok)).toEqual([Tok.Int, 43, Tok.Int, Tok.Eos]);
    expect(lex('1e+1').map((t) => t.tok)).toEqual([Tok.Flt, Tok.Eos]);
  });

  test('malformed numerals name the greedy run', () => {
    expect(lexError('x = 3x')).toBe("test:1: malformed number near '3x'");
    expect(lexError('3xyz')).toBe("test:1: malformed number near '3x'");
    expect(lexError('3abcz')).toBe("test:1: malformed number near '3abcz'");
    expect(lexError('3..2')).toBe("test:1: malformed number near '3..2'");
    expect(lexError('0x')).toBe("test:1: malformed number near '0x'");
    expect(lexError('1e')).toBe("test:1: malformed number near '1e'");
    expect(lexError('.5e+')).toBe("test:1: malformed number near '.5e+'");
  });
});

describe('short strings', () => {
  test('every escape', () => {
    expect(one(String.raw`"\a\b\f\n\r\t\v\\\"\'"`).value).toBe('\x07\b\f\n\r\t\v\\"\'');
    expect(one(String.raw`'\x41\x7a\xFF'`).value).toBe('Az\xff');
    expect(one(String.raw`"\65\066\0\255\0001"`).value).toBe('AB\0\xff\x001');
    expect(one(String.raw`"\u{48}\u{E9}\u{20AC}\u{1F600}"`).value).toBe('H\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80');
    expect(one(String.raw`"\u{7FFFFFFF}"`).value).toBe('\xfd\xbf\xbf\xbf\xbf\xbf');
    expect(one(String.raw`"\u{000000041}"`).value).toBe('A');
  });

  test('line breaks after a backslash are one newline each', () => {
    for (const eol of ['\n', '\r', '\r\n', '\n\r']) {
      const toks = lex(`"a\\${eol}b" x`);
      expect(toks[0]).toEqual({ tok: Tok.String, line: 2, value: 'a\nb' });
      expect(toks[1]!.line).toBe(2);
    }
  });

  test('\\z skips spaces and line breaks', () => {
    const toks = lex('"a\\z  \n\r\n  \t b" x');
    expect(toks[0]).toEqual({ tok: Tok.String, line: 3, value: 'ab' });
  });

  test('utf8Encode', () => {
    expect(utf8Encode(0x7f)).toBe('\x7f');
    expect(utf8Encode(0x80)).toBe('\xc2\x80');
    expect(utf8Encode(0x7ff)).toBe('\xdf\xbf');
    expect(utf8Encode(0xffff)).toBe('\xef\xbf\xbf');
    expect(utf8Encode(0x10ffff)).toBe('\xf4\x8f\xbf\xbf');
    expect(utf8Encode(0x3ffffff)).toBe('\xfb\xbf\xbf\xbf\xbf');
    expect(utf8Encode(0x4000000)).toBe('\xfc\x84\x80\x80\x80\x80');
  });

  test('errors name what the scanner had read', () => {
    expect(lexError('"abc')).toBe('test:1: unfinished string near <eof>');
    expect(lexError('"abc\ndef"')).toBe(`test:1: unfinished string near '"abc'`);
    expect(lexError(String.raw`"a\tb\q"`)).toBe(`test:1: invalid escape sequence near '"a\tb\\q'`);
    expect(lexError(String.raw`"\x4G"`)).toBe(String.raw`test:1: hexadecimal digit expected near '"\x4G'`);
    expect(lexError(String.raw`"\256"`)).toBe(String.raw`test:1: decimal escape too large near '"\256"'`);
    expect(lexError(String.raw`"\u{110000000}"`)).toBe(String.raw`test:1: UTF-8 value too large near '"\u{110000000'`);
    expect(lexError(String.raw`"\u123"`)).toBe(String.raw`test:1: missing '{' near '"\u1'`);
    expect(lexError(String.raw`"\u{12x"`)).toBe(String.raw`test:1: missing '}' near '"\u{12x'`);
    // A NUL byte ends the text in the message, as C's %s does.
    expect(lexError('"a\0b\\q"')).toBe(`test:1: invalid escape sequence near '"a'`);
  });
});

describe('long strings and comments', () => {
  test('levels and the first line break', () => {
    expect(one('[[abc]]').value).toBe('abc');
    expect(one('[==[a]]b]=]c]==]').value).toBe('a]]b]=]c');
    expect(one('[[\nabc]]').value).toBe('abc');
    expect(one('[[\r\nabc]]').value).toBe('abc');
    expect(one('[[\n\nabc]]').value).toBe('\nabc');
    expect(one('[[a\r\nb\n\rc\rd\ne]]')).toEqual({ tok: Tok.String, line: 5, value: 'a\nb\nc\nd\ne' });
  });

  test('comments', () => {
    expect(lex('-- c\nx --[[ long\ncomment ]] y --[==[\n]]\n]==] z --[ short\nw --')).toEqual([
      { tok: Tok.Name, line: 2, value: 'x' },
      { tok: Tok.Name, line: 3, value: 'y' },
      { tok: Tok.Name, line: 5, value: 'z' },
      { tok: Tok.Name, line: 6, value: 'w' },
      { tok: Tok.Eos, line: 6 },
    ]);
  });

  test('unfinished and invalid brackets', () => {
    expect(lexError('x = [[abc\n\n')).toBe('test:3: unfinished long string (starting at line 1) near <eof>');
    expect(lexError('\n--[==[ x ]=]')).toBe('test:2: unfinished long comment (starting at line 2) near <eof>');
    expect(lexError('x = [==x')).toBe("test:1: invalid long string delimiter near '[=='");
  });
});

describe('line breaks', () => {
  test('\\n, \\r, \\r\\n and \\n\\r are one line each', () => {
    expect(lex('a\nb\rc\r\nd\n\re').map((t) => t.line)).toEqual([1, 2, 3, 4, 5, 5]);
    expect(lex('a\n\nb\r\rc\r\n\r\nd\n\r\n\re').map((t) => t.line)).toEqual([1, 3, 5, 7, 9, 9]);
  });

  test('lookahead does not lose the current token', () => {
    const lx = new Lexer('a = 1', '=t');
    lx.next();
    expect(lx.lookahead()).toBe(61);
    expect(lx.sval).toBe('a');
    lx.next();
    expect(lx.tok).toBe(61);
    lx.next();
    expect(lx.nval).toBe(1);
  });
});
