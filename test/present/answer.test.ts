import { presentAnswer, wantsFeedback } from '../../src/present';
import type { Answer } from '../../src/types';

const answer = (overrides: Partial<Answer> = {}): Answer => ({
  id: 'a1', status: 'answered', kind: 'fact', answer: 'The chair is Mira Holm.', sources: [], passage: '', confidence: 0.9, related: [], understoodAs: 'who is the chair?',
  ...overrides,
});

describe('presentAnswer', () => {
  it('gives one source line per document, with title, heading, line or page, and only http(s) links', () => {
    const parts = presentAnswer(answer({
      sources: [
        { title: 'League', file: 'league.md', heading: 'People', line: 12, url: 'https://example.org/league' },
        { title: 'League', file: 'league.md', heading: 'Members', line: 30 },
        { title: 'Report', file: 'report.pdf', heading: '', line: 1, page: 4, url: 'javascript:alert(1)' },
      ],
    }));
    expect(parts.sources).toEqual([
      { title: 'League', heading: 'People', file: 'league.md', where: 'line 12', url: 'https://example.org/league' },
      { title: 'Report', heading: '', file: 'report.pdf', where: 'p. 4' },
    ]);
  });

  it('takes the translation note out of the text', () => {
    const parts = presentAnswer(answer({ answer: 'EUROCITIES is the network of major European cities.\n(English translation of the Dutch original.)' }));
    expect(parts).toMatchObject({ text: 'EUROCITIES is the network of major European cities.', translatedNote: 'English translation of the Dutch original.' });
    const quoting = presentAnswer(answer({ answer: 'EUROCITIES is the network of major European cities.\n(English translation of the Dutch original: “EUROCITIES is het netwerk van grote Europese steden.”)' }));
    expect(quoting).toMatchObject({ text: 'EUROCITIES is the network of major European cities.', translatedNote: 'English translation of the Dutch original: “EUROCITIES is het netwerk van grote Europese steden.”' });
  });

  it('names the contact of a no_answer once, unless the text already does', () => {
    expect(presentAnswer(answer({ status: 'no_answer', answer: "I don't know.", contact: 'Jonas Berg' })).contact).toBe('Jonas Berg');
    expect(presentAnswer(answer({ status: 'no_answer', answer: "I don't know. Please ask Jonas Berg.", contact: 'Jonas Berg' })).contact).toBeUndefined();
  });

  it('shows how a follow-up was understood only when that differs from what was typed', () => {
    expect(presentAnswer(answer({ understoodAs: 'is malmo a member' }), 'and Malmö?').understoodAs).toBe('is malmo a member');
    expect(presentAnswer(answer({ understoodAs: 'Who is the chair?' }), 'who is the chair?').understoodAs).toBeUndefined();
  });

  it('offers feedback on answers and "I don\'t know" replies, not on small talk (one policy for every surface)', () => {
    expect([wantsFeedback({ status: 'answered' }), wantsFeedback({ status: 'no_answer' }), wantsFeedback({ status: 'chitchat' })]).toEqual([true, true, false]);
    expect(presentAnswer(answer({ related: [' A? ', '', 'B?', 'C?', 'D?'] })).related).toEqual(['A?', 'B?', 'C?']);
  });
});
