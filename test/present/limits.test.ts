import fc from 'fast-check';
import { checkMessage, MAX_QUESTION_CHARS, truncate } from '../../src/present';

describe('checkMessage', () => {
  it('trims and collapses white space of a question', () => {
    expect(checkMessage('  Who   chairs\nthe forum? ')).toEqual({ kind: 'question', text: 'Who chairs the forum?' });
  });

  it('finds no question in emoji, shortcodes and punctuation, but does in any script', () => {
    expect(checkMessage(':wave: 👍🏽 ❤️ ?!')).toEqual({ kind: 'empty' });
    expect(checkMessage(undefined)).toEqual({ kind: 'empty' });
    expect(checkMessage('Ποιος; 城市?')).toMatchObject({ kind: 'question' });
  });

  it('refuses a message over the one limit, saying how long it was', () => {
    expect(checkMessage('a'.repeat(MAX_QUESTION_CHARS))).toMatchObject({ kind: 'question' });
    expect(checkMessage('a'.repeat(MAX_QUESTION_CHARS + 1))).toEqual({ kind: 'too_long', length: MAX_QUESTION_CHARS + 1 });
    expect(checkMessage('a'.repeat(40_000))).toEqual({ kind: 'too_long', length: 40_000 });
  });
});

describe('truncate', () => {
  it('keeps short text and cuts long text at a word near the end, with an ellipsis', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('the quick brown fox jumps', 22)).toBe('the quick brown fox…');
  });

  it('never cuts a protected pattern or half an emoji', () => {
    expect(truncate('aaaaaaaaa&amp;b', 12, /&[a-z]{0,4}$/)).toBe('aaaaaaaaa…');
    expect(truncate('ab😀cd', 4)).toBe('ab…');
  });

  it('always fits the limit', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), fc.integer({ min: 2, max: 300 }), (text, max) => expect(truncate(text, max).length).toBeLessThanOrEqual(max)));
  });
});
