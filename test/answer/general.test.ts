import { bestPassageCandidate, changesRole, finishCandidate, generalCandidates } from '../../src/answer/general';
import { confidenceOf } from '../../src/answer/model';
import { analyzeQuestion } from '../../src/answer/question';
import { resolveWords } from '../../src/answer/retrieve';
import type { SearchIndex } from '../../src/search/build';
import { doc, indexedTree } from '../core/helpers';

// Invented documents: the test checks how candidates are found and described, not what any real text says.
const KNOWLEDGE = {
  'broadcaster.md': doc(
    { title: '"Northwave Television"', lang: 'en' },
    `
# Northwave Television

Northwave became the country's largest digital subscription broadcaster in 2004.
The council decided in 2006 to move its studios to Port Alba.
It later opened a second studio in Vesterby.
The court found that Northwave infringed the trade mark.
The Harbour Council approved the new pier.
`,
  ),
  'board.md': doc({ title: '"The Pier Board"', lang: 'en' }, '\n# The Pier Board\n\nThe Pier Board manages the toll money.\n'),
  'people.md': doc(
    { title: '"Northwave people"', lang: 'en' },
    `
# Northwave people

- **Vice chair:** Ilse Marr, harbour councillor
- **Staff contact:** Tomas Vell, policy officer
`,
  ),
};

const knowledge = indexedTree(KNOWLEDGE, 'network-qa-general-');
let index: SearchIndex;
beforeAll(() => ({ index } = knowledge));

function candidatesFor(question: string) {
  const q = analyzeQuestion(question, index.langs);
  const words = resolveWords(index, q);
  return { q, words, candidates: generalCandidates(index, q, words) };
}

function best(question: string) {
  const { candidates } = candidatesFor(question);
  return [...candidates].sort((a, b) => b.score - a.score)[0];
}

describe('general candidates', () => {
  it('offers each sentence with its features and a score, the best ranked first by the model', () => {
    const top = best('When did the council decide to move the studios?');
    expect(top.candidate.text).toMatch(/decided in 2006/);
    expect(top.features.expected_present).toBe(1);
    expect(top.features.cover_exact).toBeGreaterThan(0);
  });

  it('matches a derived form through WordNet and says so in its own feature', () => {
    const { words } = candidatesFor('When was the decision to move the studios made?');
    const decision = words.find((w) => w.word === 'decision');
    expect(decision?.lexical.length || decision?.how === 'wordnet').toBeTruthy();
    const top = best('When was the decision to move the studios made?');
    expect(top.candidate.text).toMatch(/decided in 2006/);
    expect(top.features.cover_wordnet).toBeGreaterThan(0);
  });

  it('joins a sentence that points back with the one before it', () => {
    const { candidates } = candidatesFor('Where did it open a second studio?');
    const joined = candidates.find((c) => c.features.joined_previous === 1);
    expect(joined?.candidate.text).toMatch(/Port Alba\. It later opened a second studio/);
  });

  it('flags an antonym of a question word, a negation and a changed number', () => {
    const smallest = best("Who is the country's smallest digital subscription broadcaster?");
    expect(smallest.candidate.text).toMatch(/largest/);
    expect(smallest.features.antonym).toBe(1);
    const notInfringed = best('Did the court find that Northwave did not infringe the trade mark?');
    expect(notInfringed.features.negation_mismatch).toBe(1);
    const year = best('What did the council decide in 1999 about the studios?');
    expect(year.features.number_mismatch).toBe(1);
  });

  it('flags a question about what came before or after when the sentence places nothing so', () => {
    const before = candidatesFor('What did the council decide about the studios before 2006?').candidates;
    expect(before.find((c) => c.candidate.text === 'The council decided in 2006 to move its studios to Port Alba.')?.features.sequence_missing).toBe(1);
    const later = candidatesFor('What did Northwave open later?').candidates.find((c) => /later opened/.test(c.candidate.text));
    expect(later?.features.sequence_missing).toBe(0);
    expect(best('Which studio did Northwave open in Vesterby?').features.sequence_missing).toBe(0);
  });

  it('weighs a missing answer type by how much of the question the candidate covers', () => {
    const { candidates } = candidatesFor('Which city is Ilse Marr harbour councillor of?');
    const fact = candidates.find((c) => /Ilse Marr/.test(c.candidate.text));
    const other = candidates.find((c) => /Northwave became/.test(c.candidate.text));
    expect(fact?.features.expected_missing).toBe(1);
    expect(fact?.features.expected_missing_covered).toBeGreaterThan(0.5);
    expect(other?.features.expected_missing_covered ?? 0).toBeLessThan(fact?.features.expected_missing_covered ?? 0);
    const who = candidatesFor('Who is the vice chair?').candidates.find((c) => /Ilse Marr/.test(c.candidate.text));
    expect(who?.features.expected_missing_covered).toBe(0);
  });

  it("tells a who-question's name WordNet lacks from common words written large", () => {
    const marr = candidatesFor('Who is the harbour councillor?').candidates.find((c) => /Ilse Marr/.test(c.candidate.text));
    expect(marr?.features.person_common_words_only).toBe(0);
    const council = candidatesFor('Who approved the new pier?').candidates.find((c) => /Harbour Council approved/.test(c.candidate.text));
    expect(council?.features.expected_present).toBe(1);
    expect(council?.features.person_common_words_only).toBe(1);
    // Common words that are a document's title name a body: "The Pier Board" answers "who".
    const board = candidatesFor('Who manages the toll money?').candidates.find((c) => /Pier Board manages/.test(c.candidate.text));
    expect(board?.features.expected_present).toBe(1);
    expect(board?.features.person_common_words_only).toBe(0);
  });

  it('finds no reason in a labelled fact, and a why-question expects one', () => {
    const why = candidatesFor('Why is Ilse Marr vice chair?').candidates.find((c) => /Ilse Marr/.test(c.candidate.text));
    expect(why?.features.expected_missing).toBe(1);
  });

  it('abstains on a contradicted question where the plain sentence would have answered', () => {
    const confidence = (text: string) => {
      const q = analyzeQuestion(text, index.langs);
      const best = bestPassageCandidate(index, q, resolveWords(index, q));
      return best ? confidenceOf(best.score) : 0;
    };
    expect(confidence("Who is the country's smallest digital subscription broadcaster?")).toBeLessThan(confidence("Who is the country's largest digital subscription broadcaster?"));
  });

  it('marks a country, people or city the question names that the documents never mention', () => {
    expect(best('Which Polish broadcaster moved its studios to Port Alba?').features.absent_place).toBe(1);
    expect(best('Which broadcaster moved its studios to Port Alba?').features.absent_place).toBe(0);
    expect(best('Did Northwave open a studio in Munich?').features.absent_place).toBe(1);
  });

  it('marks another role and another attribute of a fact holder', () => {
    expect(changesRole(['vice', 'chair'], (w) => w === 'chair')).toBe(true);
    expect(changesRole(['vice', 'chair'], (w) => w === 'chair' || w === 'vice')).toBe(false);
    // The second in command has several names; an acting chair is another role.
    expect(changesRole(['vice', 'chair'], (w) => w === 'chair' || w === 'deputy')).toBe(false);
    expect(changesRole(['acting', 'chair'], (w) => w === 'chair' || w === 'deputy')).toBe(true);
    expect(best('Who is the chair?').features.role_conflict).toBe(1);
    const email = best('What is the email of the staff contact?');
    expect(email.features.fact_unmatched).toBeGreaterThan(0);
  });

  it('gives a calibrated confidence between 0 and 1', () => {
    const q = analyzeQuestion('When did the council decide to move the studios?', index.langs);
    const words = resolveWords(index, q);
    const best = bestPassageCandidate(index, q, words);
    const answer = best && finishCandidate(index, best, q, words);
    expect(answer?.confidence).toBeGreaterThan(0);
    expect(answer?.confidence).toBeLessThan(1);
    expect(answer?.confidence).toBe(best && confidenceOf(best.score));
  });
});

describe('how a matched word was written', () => {
  it('tells a word found as written from one found only as another form of its stem', () => {
    const q = analyzeQuestion('When did the council decide to move the studios?', index.langs);
    const [best] = generalCandidates(index, q, resolveWords(index, q), 'best');
    // "decide" is written "decided": matched by its stem only; "council", "move" and "studios" as written.
    expect(best.candidate.text).toContain('decided in 2006');
    expect(best.features.cover_stem).toBeGreaterThan(0);
    expect(best.features.cover_exact).toBeGreaterThan(best.features.cover_stem);
  });
});

describe('a name the documents also abbreviate', () => {
  const pilots = indexedTree(
    { 'pilots.md': doc({ title: '"Harbour guides"', lang: 'en' }, '\n# Harbour guides\n\nThe Tide Pilots meet in Port Alba every spring. TPs guide ships through the strait.\n') },
    'network-qa-general-pilots-',
  );

  it('finds its words in a sentence that writes only the abbreviation, counted as an abbreviation match', () => {
    const q = analyzeQuestion('Whom do tide pilots guide?', pilots.index.langs);
    const candidates = generalCandidates(pilots.index, q, resolveWords(pilots.index, q), 'all');
    const abbreviated = candidates.find((c) => c.candidate.text.startsWith('TPs guide'));
    expect(abbreviated?.features.cover_abbreviation).toBeGreaterThan(0);
    expect(abbreviated?.features.cover_stem).toBe(0);
    const written = candidates.find((c) => c.candidate.text.startsWith('The Tide Pilots'));
    expect(written?.features.cover_abbreviation).toBe(0);
  });
});
