import { createAnswerer } from '../../src/answer/answerer';
import { originalItems, originalSentences, originalsOf, translationSiblings } from '../../src/answer/translation';
import { doc, indexedTree } from '../core/helpers';

const ORIGINAL = 'Het Meerverbond is een verbond van steden aan meren. Het deelt kennis over dijken.';
const TRANSLATION = 'The Lake League is a league of lakeside towns. It shares knowledge of dikes.';

const knowledge = indexedTree(
  {
    'league/league.nl.md': doc({ title: 'Meerverbond', lang: 'nl' }, `# Meerverbond\n\n${ORIGINAL}\n`),
    'league/league.en.md': doc({ title: 'Lake League (English translation)', lang: 'en', translated_from: 'nl' }, `# Lake League\n\n${TRANSLATION}\n`),
    // A translation whose original has another number of sentences: the places say nothing.
    'ferry.nl.md': doc({ title: 'Veerdienst', lang: 'nl' }, '# Veerdienst\n\nDe veerdienst vaart elk uur. Hij vaart niet op zondag. De kaartjes zijn goedkoop.\n'),
    'ferry.en.md': doc({ title: 'Ferry (English translation)', lang: 'en', translated_from: 'nl' }, '# Ferry\n\nThe ferry sails every hour, but not on Sundays.\n'),
    // Two long sentences: the original fits beside the answer only in part.
    'pact/pact.nl.md': doc({ title: 'Havenpact', lang: 'nl' }, '# Havenpact\n\nHet Havenpact is een oude overeenkomst tussen de riviersteden van het lage dal, gesloten om baggerboten, getijmeters, loodsen en de kosten van het openhouden van elke vaargeul in de winter te delen. Het bundelt ook het geld dat de steden aan waterkeringen uitgeven, zodat een storm die één dijk breekt door allen samen wordt betaald en geen stad alleen hoeft te herbouwen wat het water nam.\n'),
    'pact/pact.en.md': doc({ title: 'Harbour Pact (English translation)', lang: 'en', translated_from: 'nl' }, '# Harbour Pact\n\nThe Harbour Pact is a long-standing agreement between the river towns of the lower valley, signed to share dredging boats, tide gauges, pilots and the cost of keeping every channel open in winter. It also pools the money the towns spend on flood defences, so that a storm that breaks one dike is paid for by all of them together and no town is left alone to rebuild what the water took.\n'),
    // A list in both languages.
    'plan/plan.nl.md': doc({ title: 'Meerplan', lang: 'nl' }, '# Meerplan\n\n## Prioriteiten\n\n- Water - schone rivieren en meren.\n- Groen - meer parken in elke wijk.\n- Fiets - veilige paden naar school.\n'),
    'plan/plan.en.md': doc({ title: 'Lake Plan (English translation)', lang: 'en', translated_from: 'nl' }, '# Lake Plan\n\n## Priorities\n\n- Water - clean rivers and lakes.\n- Greenery - more parks in every district.\n- Cycling - safe paths to school.\n'),
    // A translation without its original beside it.
    'orphan.en.md': doc({ title: 'Orphan (English translation)', lang: 'en', translated_from: 'fr' }, '# Orphan\n\nIt was translated from French.\n'),
  },
  'network-qa-translation-',
);

const fileIndex = (file: string) => knowledge.index.documents.findIndex((d) => d.file === file);
const passageOf = (file: string) => knowledge.index.documents[fileIndex(file)].passages[0];

describe('originalsOf', () => {
  it('pairs a translation with the document of its original language at the same path', () => {
    const originals = originalsOf(knowledge.index);
    expect(originals.get(fileIndex('league/league.en.md'))).toBe(fileIndex('league/league.nl.md'));
    expect(originals.get(fileIndex('ferry.en.md'))).toBe(fileIndex('ferry.nl.md'));
    expect(originals.has(fileIndex('orphan.en.md'))).toBe(false);
    expect(originals.has(fileIndex('league/league.nl.md'))).toBe(false);
  });
});

describe('translationSiblings', () => {
  it("pairs each passage of a translation with its original's at the same place, both ways, where they line up", () => {
    const siblings = translationSiblings(knowledge.index);
    const [en, nl] = [passageOf('league/league.en.md'), passageOf('league/league.nl.md')];
    expect(siblings.get(en)).toBe(nl);
    expect(siblings.get(nl)).toBe(en);
    const plan = (file: string) => knowledge.index.documents[fileIndex(file)].passages;
    expect(plan('plan/plan.en.md').map((p) => siblings.get(p))).toEqual(plan('plan/plan.nl.md'));
    // An orphan translation has no sibling.
    expect(siblings.has(passageOf('orphan.en.md'))).toBe(false);
  });
});

describe('originalSentences', () => {
  it('gives the sentence of the original at the place of the translated one', () => {
    const originals = originalsOf(knowledge.index);
    const passage = passageOf('league/league.en.md');
    expect(originalSentences(knowledge.index, originals, passage, 'It shares knowledge of dikes.')).toEqual(['Het deelt kennis over dijken.']);
    expect(originalSentences(knowledge.index, originals, passage, TRANSLATION)?.join(' ')).toBe(ORIGINAL);
  });

  it('quotes a sentence cut to its clauses whole, and nothing for text that is no run of sentences', () => {
    const originals = originalsOf(knowledge.index);
    const passage = passageOf('league/league.en.md');
    expect(originalSentences(knowledge.index, originals, passage, 'It shares knowledge')).toEqual(['Het deelt kennis over dijken.']);
    expect(originalSentences(knowledge.index, originals, passage, 'It shares knowledge of dikes. The Lake League')).toBeNull();
  });

  it('gives nothing when the two do not line up, or for a document that is no translation', () => {
    const originals = originalsOf(knowledge.index);
    expect(originalSentences(knowledge.index, originals, passageOf('ferry.en.md'), 'The ferry sails every hour, but not on Sundays.')).toBeNull();
    expect(originalSentences(knowledge.index, originals, passageOf('league/league.nl.md'), ORIGINAL)).toBeNull();
  });
});

describe('originalItems', () => {
  it("gives the original's items at the places of the translated ones, whole or by their heads as the answer shows them", () => {
    const originals = originalsOf(knowledge.index);
    const passage = knowledge.index.documents[fileIndex('plan/plan.en.md')].passages.find((p) => knowledge.index.passages[p].passage.kind === 'list')!;
    expect(originalItems(knowledge.index, originals, passage, '- Water\n- Greenery\n- Cycling', [0, 1, 2])).toEqual(['Water', 'Groen', 'Fiets']);
    expect(originalItems(knowledge.index, originals, passage, 'number 2 of 3: Greenery - more parks in every district.', [1])).toEqual(['Groen - meer parken in elke wijk.']);
    expect(originalItems(knowledge.index, originals, passage, '- Water', [0])).toBeNull();
  });
});

describe('an answer from a translation', () => {
  it("quotes the original's items beside a translated list", () => {
    const answer = createAnswerer(knowledge.index).ask('What are the priorities of the Lake Plan?');
    expect(answer.status).toBe('answered');
    expect(answer.answer).toMatch(/- Cycling\n\(English translation of the Dutch original: “Water; Groen; Fiets”\)$/);
  });

  it('quotes as many of the original sentences as fit beside it, the rest marked; for a sentence joined to the one it points back to, its own', () => {
    // "It also pools the money…" answers, joined to the sentence "It" points back to; only one original fits beside both.
    const answer = createAnswerer(knowledge.index).ask('What does the Harbour Pact pool the money of the river towns for?');
    expect(answer.status).toBe('answered');
    expect(answer.answer.length).toBeLessThanOrEqual(700);
    expect(answer.answer).toMatch(/^The Harbour Pact is [^\n]+ It also pools [^\n]+\n\(English translation of the Dutch original: “… Het bundelt ook het geld [^”]+ water nam\.”\)$/);
  });
});
