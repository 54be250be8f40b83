import { FEATURE_NAMES } from '../../src/answer/features';
import { intentCandidates } from '../../src/answer/intents';
import { rawScore } from '../../src/answer/model';
import { analyzeQuestion } from '../../src/answer/question';
import { resolveWords } from '../../src/answer/retrieve';
import type { SearchIndex } from '../../src/search/build';
import { doc, indexedTree } from '../core/helpers';

// Invented documents: the test checks which intent makes which candidate, not what any real text says.
const KNOWLEDGE = {
  'league.md': doc(
    { title: '"Harbour League (HL)"', lang: 'en' },
    `
# Harbour League (HL)

The Harbour League (HL) is an association of port towns that share tide tables.

## Members

- Port Alba
- Vesterby
- Northmouth
- Kelmsgate
`,
  ),
};

const knowledge = indexedTree(KNOWLEDGE, 'network-qa-intents-');
let index: SearchIndex;
beforeAll(() => ({ index } = knowledge));

function candidatesFor(question: string) {
  const q = analyzeQuestion(question, index.langs);
  return intentCandidates(index, q, resolveWords(index, q));
}
const setFeatures = (features: Record<string, number>) => FEATURE_NAMES.filter((n) => features[n] !== 0);

describe('intentCandidates', () => {
  it('makes a membership verdict, yes with how closely the name matched, no without', () => {
    const [yes] = candidatesFor('Is Vesterby a member?');
    expect(yes.candidate.kind).toBe('membership');
    expect(yes.candidate.text).toMatch(/^Yes: Vesterby/);
    expect(setFeatures(yes.features)).toEqual(['membership_yes', 'name_match']);
    expect(yes.features.name_match).toBeGreaterThan(0.9);
    const [no] = candidatesFor('Is Lisbon a member?');
    expect(no.candidate.text).toMatch(/^No: Lisbon/);
    expect(setFeatures(no.features)).toEqual(['membership_no']);
  });

  it('reads membership asked in chat style and in other languages ("X in the league?", "X fa parte…?")', () => {
    expect(candidatesFor('kelmsgate in the league?')[0]?.candidate.text).toMatch(/^Yes: Kelmsgate/);
    expect(candidatesFor('lisbon in the league?')[0]?.candidate.text).toMatch(/^No: Lisbon/);
    expect(candidatesFor('Vesterby fa parte della rete?')[0]?.candidate.text).toMatch(/^Yes: Vesterby/);
    expect(candidatesFor('Vesterby maakt deel uit van het netwerk?')[0]?.candidate.text).toMatch(/^Yes: Vesterby/);
    expect(candidatesFor('Does the league include Northmouth?')[0]?.candidate.text).toMatch(/^Yes: Northmouth/);
    expect(candidatesFor('kelmsgate memeber?')[0]?.candidate.text).toMatch(/^Yes: Kelmsgate/);
    expect(candidatesFor('Est-ce que Kelmsgate est membre ?')[0]?.candidate.text).toMatch(/^Yes: Kelmsgate/);
    // Nor does a sentence whose verb comes late: "does the league want every town to have tide tables?"
    expect(candidatesFor('does the league want every town to have tide tables?').filter((c) => c.candidate.kind === 'membership')).toEqual([]);
    // "in the …" says nothing of membership when the rest does not name what the list belongs to.
    expect(candidatesFor('tide tables in the summer?').filter((c) => c.candidate.kind === 'membership')).toEqual([]);
  });

  it('makes a count and a list from the list the question names', () => {
    const count = candidatesFor('How many members are listed?').find((c) => c.candidate.kind === 'count');
    expect(count?.candidate.text).toContain('4 members');
    expect(setFeatures(count?.features ?? {})).toEqual(['count_answer']);
    const list = candidatesFor('Which cities are members?').find((c) => c.candidate.kind === 'list');
    expect(list?.candidate.text).toContain('Kelmsgate');
    expect(setFeatures(list?.features ?? {})).toEqual(['list_answer']);
  });

  it('makes a definition from the opening of the document a name or abbreviation titles', () => {
    const [definition] = candidatesFor('What is HL?');
    expect(definition.candidate.kind).toBe('definition');
    expect(definition.candidate.text).toContain('association of port towns');
    expect(definition.features).toMatchObject({ definition_answer: 1, name_match: 1 });
    for (const chat of ['HL what is that?', 'harbour league wat is dat', 'what is HL exactly?', 'wat is harbour league eigenlijk?']) {
      expect(candidatesFor(chat).find((c) => c.candidate.kind === 'definition')?.candidate.text).toContain('association of port towns');
    }
  });

  it('scores every candidate with the answer model, not a confidence of its own', () => {
    for (const c of candidatesFor('Is Vesterby a member?')) {
      expect(c.score).toBe(rawScore(c.features));
      expect(c.candidate.confidence).toBe(0);
    }
  });

  it('makes none for a question no intent reads', () => {
    expect(candidatesFor('When do the tide tables change?')).toEqual([]);
  });
});
