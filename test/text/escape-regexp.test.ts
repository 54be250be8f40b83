import { escapeRegExp } from '../../src/text/escape-regexp';

describe('escapeRegExp', () => {
  it('makes a pattern that matches the text literally', () => {
    for (const text of ['a.b', 'C++ (2015)', '[x]', 'a|b', '^$', 'back\\slash', '{1,2}?*']) {
      const re = new RegExp(`^${escapeRegExp(text)}$`);
      expect([text, re.test(text)]).toEqual([text, true]);
    }
    expect(new RegExp(escapeRegExp('a.b')).test('axb')).toBe(false);
  });
});
