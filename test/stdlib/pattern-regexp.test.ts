// Tests for src/stdlib/pattern-regexp.ts: patterns that translate to JS regexps must give
// exactly what the interpreted matcher gives (string-pattern.ts, itself checked against
// lua5.4 by string-pattern.test.ts), for find, match, gmatch and gsub, on hand-picked tricky
// patterns and on thousands of random ones; patterns that must not translate do not.

import { afterEach, describe, expect, it } from 'vitest';
import { GmatchState, gsubString, patternFind } from '../../src/stdlib/string-pattern.js';
import { patternRegExp, patternRegExpSettings } from '../../src/stdlib/pattern-regexp.js';

/** Everything the four functions return for one pattern and subject, errors included. */
function outcomes(subject: string, pat: string): string {
  const out: unknown[] = [];
  const attempt = (f: () => unknown) => {
    try {
      out.push(f());
    } catch (e) {
      out.push(`error: ${(e as Error).message}`);
    }
  };
  for (const init of [1, 2, -3]) {
    attempt(() => patternFind(subject, pat, init, false, true));
    attempt(() => patternFind(subject, pat, init, false, false));
  }
  attempt(() => {
    const g = new GmatchState(subject, pat);
    const all: unknown[] = [];
    for (let v = g.next(); v !== undefined && all.length < 100; v = g.next()) all.push(v);
    return all;
  });
  attempt(() => gsubString(subject, pat, '<%0>'));
  attempt(() => gsubString(subject, pat, '[%1]', 2));
  return JSON.stringify(out);
}

function bothEngines(subject: string, pat: string): { interpreted: string; regexp: string } {
  patternRegExpSettings.enabled = false;
  const interpreted = outcomes(subject, pat);
  patternRegExpSettings.enabled = true;
  const regexp = outcomes(subject, pat);
  return { interpreted, regexp };
}

afterEach(() => {
  patternRegExpSettings.enabled = true;
});

describe('which patterns translate', () => {
  it('translates the common well-formed patterns', () => {
    for (const p of ['item%-(%d+):(%a+)', '%s*(.-)%s*$', '[%w_]+', 'a.-b', '[^,]*', '%d+%.?%d*', 'x?y+z*', '[]]', '[^]]', 'a**', '(a)*'])
      expect(patternRegExp(p, 0), p).not.toBeNull();
  });

  it('leaves to the interpreted matcher what would differ or may raise an error', () => {
    for (const p of ['()', 'a()b', '%b()', '%f[%w]', '(a)%1', '%', 'a%', '[a', '[^', '(', 'a)', '((a)', '[z-a]', 'x'.repeat(200)])
      expect(patternRegExp(p, 0), p).toBeNull();
  });
});

describe('anchors', () => {
  it('keeps an anchored pattern apart from the same text matched whole (gmatch reads "^" literally)', () => {
    expect(patternFind('x^abc abc', '^abc', 1, false, true)).toBeUndefined();
    const g = new GmatchState('x^^abc ^^abc', '^^abc');
    expect([g.next(), g.next(), g.next()]).toEqual([['^^abc'], ['^^abc'], undefined]);
  });
});

describe('same results as the interpreted matcher', () => {
  const subjects = ['', 'abc', 'hello world', 'baaac', ' a1 b22 c333 ', 'x]y^z$-', 'item-00042:seven,item-00043:other', 'a\0b\nc\x80\xff', '((a))'];
  const patterns = [
    'a*', 'x*', '.', '.-', '%a+', '%A+', '%d+', '%D', '%s', '%S+', '%w+', '%W', '%p', '%c', '%x+', '%u', '%l+', '%g+', '%z',
    '^a', '^', '$', 'c$', 'a$b', '^$', '[]]', '[^]]', '[a-c]+', '[%a-]', '[-a]', '[a-]', '[%]]', '[^%s]+', '[%w_]+', '[\x80-\xff]',
    'a**', '(a)*', '+a', '-', 'a-b', '(%a+) (%a+)', '(a)(b)(c)', '((a)(b))', '%((%a)%)', 'item%-(%d+):(%a+)', '(.-)%s', '%s*(.-)%s*$',
    '^(%a+)', '(o)', '[^a]-$', 'a?b?c?', '%.', '%%', '%-', '[.]', '[^.]', '(%d)(%d?)',
  ];
  for (const pat of patterns) {
    it(JSON.stringify(pat), () => {
      for (const s of subjects) {
        const { interpreted, regexp } = bothEngines(s, pat);
        expect(regexp, `${JSON.stringify(s)} ~ ${JSON.stringify(pat)}`).toBe(interpreted);
      }
    });
  }

  it('on random patterns and subjects', () => {
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const alphabet = 'ab a1.%-]^$()[';
    const items = ['a', 'b', '.', '%a', '%d', '%s', '%W', '[ab]', '[^a]', '[a-c%d]', '%.', '%%', '-', ']', '^', '$', 'x'];
    const quantifiers = ['', '', '', '*', '+', '-', '?'];
    let translated = 0;
    for (let n = 0; n < 3000; n++) {
      let pat = rand(5) === 0 ? '^' : '';
      const count = 1 + rand(5);
      let open = 0;
      for (let k = 0; k < count; k++) {
        if (rand(6) === 0 && open < 3) {
          pat += '(';
          open++;
        }
        pat += items[rand(items.length)] + quantifiers[rand(quantifiers.length)];
        if (open > 0 && rand(3) === 0) {
          pat += ')';
          open--;
        }
      }
      if (rand(4) !== 0) pat += ')'.repeat(open);
      if (rand(6) === 0) pat += '$';
      let subject = '';
      for (let k = rand(12); k > 0; k--) subject += alphabet[rand(alphabet.length)];
      if (patternRegExp(pat, pat.startsWith('^') ? 1 : 0) !== null) translated++;
      const { interpreted, regexp } = bothEngines(subject, pat);
      expect(regexp, `${JSON.stringify(subject)} ~ ${JSON.stringify(pat)}`).toBe(interpreted);
    }
    // The comparison means something only if most random patterns took the regexp path.
    expect(translated).toBeGreaterThan(2000);
  });
});
