import { moreStep, nextChunk, shownByAnswer } from '../../src/conversation/more';
import type { Passage } from '../../src/types';

const passage = (id: string, text: string): Passage => ({ id, kind: 'text', text, lang: 'en', headings: ['Doc'], source: { title: 'Doc', file: 'doc.md', heading: 'Doc', line: 1 }, tags: [] });

describe('nextChunk', () => {
  it('gives the rest when it fits', () => {
    expect(nextChunk('One. Two. Three.', 5)).toEqual({ chunk: 'Two. Three.', end: 16 });
  });

  it('cuts a long rest at a sentence end in the second half of the room', () => {
    const text = `${'a'.repeat(30)}. ${'b'.repeat(30)}. ${'c'.repeat(30)}.`;
    const { chunk, end } = nextChunk(text, 0, 70);
    expect(chunk).toBe(`${'a'.repeat(30)}. ${'b'.repeat(30)}.`);
    expect(nextChunk(text, end, 70).chunk).toBe(`${'c'.repeat(30)}.`);
  });
});

describe('shownByAnswer', () => {
  it('counts a whole passage shown when the answer holds all of it', () => {
    expect(shownByAnswer('- a\n- b', '- a\n- b')).toBe(7);
  });

  it('goes on after the sentence the answer quoted', () => {
    const text = 'The forum was founded in 2006 in Helsinki. It meets twice a year.';
    expect(text.slice(shownByAnswer('The forum was founded in 2006 in Helsinki.', text)).trim()).toBe('It meets twice a year.');
  });

  it('starts over when the answer is not a quote of the passage', () => {
    expect(shownByAnswer('Vice chair: Laia Bonet (Forum)', 'Vice chair: Laia Bonet\nContact: Anna')).toBe(0);
  });
});

describe('moreStep', () => {
  const first = passage('doc.md#3', 'First paragraph.');
  const second = passage('doc.md#5', 'Second paragraph.');

  it('shows the rest of the passage, then the next passage of the section, then the end', () => {
    const a = moreStep(first, 0, () => second);
    expect(a).toEqual({ passage: first, chunk: 'First paragraph.', shown: first.text.length });
    const b = moreStep(first, first.text.length, () => second);
    expect(b).toEqual({ passage: second, chunk: 'Second paragraph.', shown: second.text.length });
    expect(moreStep(second, second.text.length, () => undefined)).toEqual({ end: true, passage: second });
  });
});
