import { analyzeQuestion } from '../../src/answer/question';
import { resolveWords } from '../../src/answer/retrieve';
import { MAX_SPAN_CHARS, tightSpan } from '../../src/answer/span';
import { doc, indexedTree } from '../core/helpers';

// Invented documents: the tests check how a long sentence is cut, not what any real text says.
const LONG =
  'The Lantern Guild of Velmora began as a small club of glassblowers and retired sailors who met in the back room of a harbour tavern, ' +
  'and over the decades it grew into a respected civic body with its own hall near the fish market; ' +
  'it now looks after the old lighthouse on the northern cliffs, trains apprentices in the making of coloured lamps for the winter festival, ' +
  'and was formally recognised by the town council in 1987, after a long campaign led by its founder, Mirela Oster, and her two daughters.';
const PAINTED = 'The guild hall was painted blue by the apprentices, the roof was mended by sailors, the floor was laid by glassblowers, the guild hall was painted white in 1954, and the doors are opened at dawn.';
const HARBOUR = 'The herring boats return at noon, the eel traps are emptied at dusk, the lighthouse keeper rings the old bell, the gulls follow the boats home, the nets are mended at night.';

const knowledge = indexedTree({
  'guild.md': doc({ title: '"Lantern Guild"', lang: 'en' }, `# Lantern Guild\n\n${LONG}\n\n${PAINTED}\n`),
  'harbour.md': doc({ title: '"Harbour"', lang: 'en' }, `# Harbour\n\n${HARBOUR}\n`),
}, 'network-qa-span-');

const span = (question: string, text: string, max?: number) => {
  const q = analyzeQuestion(question, knowledge.index.langs);
  return tightSpan(text, resolveWords(knowledge.index, q), q, 'en', max);
};

const RECOGNISED = 'When was the Lantern Guild recognised by the town council?';

describe('tightSpan', () => {
  it('returns a text no longer than max unchanged, clauses and all', () => {
    const short = 'The guild hall opens every Saturday, in winter and in summer.';
    expect(span(RECOGNISED, short)).toBe(short);
    expect(span(RECOGNISED, LONG, LONG.length)).toBe(LONG);
    expect(span(RECOGNISED, LONG, LONG.length - 1)).not.toBe(LONG);
  });

  it('cuts sentences to MAX_SPAN_CHARS by default', () => {
    expect(LONG.length).toBeGreaterThan(MAX_SPAN_CHARS);
    const cut = span(RECOGNISED, LONG);
    expect(cut.length).toBeLessThanOrEqual(MAX_SPAN_CHARS);
    expect(cut).toContain('recognised by the town council in 1987');
  });

  it('returns a long text without clause boundaries unchanged', () => {
    const run = `${'The lantern guild of Velmora trains apprentices and looks after the lighthouse and the hall '.repeat(5)}in 1987.`;
    expect(run.length).toBeGreaterThan(MAX_SPAN_CHARS);
    expect(span(RECOGNISED, run)).toBe(run);
  });

  it('cuts an over-long sentence to the clauses holding the question words, marking what was left out on both sides', () => {
    expect(span(RECOGNISED, LONG, 120)).toBe('… and was formally recognised by the town council in 1987, after a long campaign led by its founder, Mirela Oster …');
    expect(span('Who trains apprentices in making lamps?', LONG, 100)).toBe('… trains apprentices in the making of coloured lamps for the winter festival …');
  });

  it('marks only the side where text was left out, and drops a dangling comma at the cut', () => {
    expect(span('When do the herring boats return?', HARBOUR, 80)).toBe('The herring boats return at noon, the eel traps are emptied at dusk …');
    expect(span('When are the nets mended?', HARBOUR, 80)).toBe('… the gulls follow the boats home, the nets are mended at night.');
  });

  it('prefers, among clauses sharing the question words, the one holding what the question expects', () => {
    expect(span('When was the guild hall painted?', PAINTED, 60)).toBe('… the guild hall was painted white in 1954 …');
    expect(span('How was the guild hall painted?', PAINTED, 60)).toBe('The guild hall was painted blue by the apprentices …');
  });

  it('grows toward the neighbouring clause holding more of the question words', () => {
    const keeper = 'the lighthouse keeper rings the old bell';
    expect(span('What does the lighthouse keeper ring at dusk?', HARBOUR, 80)).toBe(`… the eel traps are emptied at dusk, ${keeper} …`);
    expect(span('What does the lighthouse keeper ring for the gulls?', HARBOUR, 80)).toBe(`… ${keeper}, the gulls follow the boats home …`);
  });

  it('never makes the span longer than max when its best clause fits', () => {
    const questions = [RECOGNISED, 'Who trains apprentices in making lamps?', 'Where is the old lighthouse?'];
    for (const max of [80, 120, 160, 200, 300, 400]) {
      for (const question of questions) {
        const cut = span(question, LONG, max);
        expect([max, cut.length <= max]).toEqual([max, true]);
        expect(cut).toMatch(/…/);
      }
    }
  });
});
