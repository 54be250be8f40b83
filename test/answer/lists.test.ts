import { answerCount, answerList, answerMembership, parseMembership } from '../../src/answer/lists';
import { analyzeQuestion } from '../../src/answer/question';
import { resolveWords } from '../../src/answer/retrieve';
import type { SearchIndex } from '../../src/search/build';
import { doc, indexedTree } from '../core/helpers';

// Invented documents: the tests check how lists answer, not what any real text says.
const LEAGUE = {
  'league.md': doc(
    { title: '"Tidewater League (TWL)"', lang: 'en' },
    `
# Tidewater League (TWL)

The Tidewater League (TWL) is an invented association of harbour towns that share pilot boats and tide gauges.

## Members
- Saltmere
- Port Éloise
- Kirkhaven
- Bramwick-on-Sea
- Dunmarrow

## Key facts
- **Founded:** 1911
- **Seat:** Saltmere

## Beacons
- Red Tower - the oldest light, on the north mole
- Gull Rock
- Old Lantern
`,
  ),
};
// No list of members, and a list too long to show item by item.
const MOORINGS = Array.from({ length: 10 }, (_, i) => `Berth ${i + 1}`);
const GUIDE = {
  'guide.md': doc({ title: '"Harbour Guide"', lang: 'en' }, `# Harbour Guide\n\n## Moorings\n\n${MOORINGS.map((m) => `- ${m}`).join('\n')}\n\n## 21st century plans\n\n- Deepen the channel\n- Electrify the cranes\n`),
};
// A title with an article, and a heading that names the list's owner.
const COMPACT = { 'compact.md': doc({ title: '"The Quay Compact"', lang: 'en' }, '# The Quay Compact\n\n## Members of the compact\n\n- Wrenholm\n- Askeby\n') };

const league = indexedTree(LEAGUE, 'network-qa-lists-');
const guide = indexedTree(GUIDE, 'network-qa-lists-guide-');
const compact = indexedTree(COMPACT, 'network-qa-lists-compact-');
let index: SearchIndex;
beforeAll(() => ({ index } = league));

const ask = (text: string, on: SearchIndex = index) => analyzeQuestion(text, on.langs);
const parse = (text: string) => parseMembership(ask(text));
const membership = (text: string, on: SearchIndex = index) => answerMembership(on, ask(text, on));
const count = (text: string, on: SearchIndex = index) => answerCount(on, ask(text, on), resolveWords(on, ask(text, on)));
const list = (text: string, on: SearchIndex = index) => answerList(on, ask(text, on), resolveWords(on, ask(text, on)));
const headingOf = (passage: number) => index.passages[passage].passage.headings.at(-1);

describe('parseMembership', () => {
  it('reads the name and an explicit relation from "Is X a member?" and its chat form', () => {
    expect(parse('Is Kirkhaven a member?')).toEqual({ name: 'kirkhaven', explicit: true, relation: 'member', tail: [] });
    expect(parse('Kirkhaven member?')).toEqual({ name: 'kirkhaven', explicit: true, relation: 'member', tail: [] });
    expect(parse('Is the Kirkhaven a member?')?.name).toBe('kirkhaven');
    // A misspelt membership word reads as the word.
    expect(parse('Is Kirkhaven a memeber?')).toEqual({ name: 'kirkhaven', explicit: true, relation: 'member', tail: [] });
  });

  it('reads "X in the league?" and "Does the league include X?" as relations that are not explicit, keeping the list words', () => {
    expect(parse('kirkhaven in the league?')).toEqual({ name: 'kirkhaven', explicit: false, relation: 'in', tail: ['the', 'league'] });
    expect(parse('Does Kirkhaven belong to the league?')).toEqual({ name: 'kirkhaven', explicit: false, relation: 'belong to', tail: ['the', 'league'] });
    expect(parse('Does the league include Saltmere?')).toEqual({ name: 'saltmere', explicit: false, relation: 'include', tail: ['league'] });
  });

  it('reads membership asked in other languages, without their grammar words in the name', () => {
    expect(parse('Ist Kirkhaven Mitglied?')).toMatchObject({ name: 'kirkhaven', explicit: true });
    expect(parse('Kirkhaven es miembro?')).toMatchObject({ name: 'kirkhaven', explicit: true });
    expect(parse('Kirkhaven e membro?')).toMatchObject({ name: 'kirkhaven', explicit: true });
    expect(parse('Est-ce que Kirkhaven est membre ?')).toMatchObject({ name: 'kirkhaven', explicit: true });
    expect(parse('Dunmarrow gehört zum Netzwerk?')).toEqual({ name: 'dunmarrow', explicit: false, relation: 'gehort zum', tail: ['netzwerk'] });
  });

  it('returns null for a question that is not about one member', () => {
    expect(parse('When was the league founded?')).toBeNull();
    expect(parse('Are there any towns in the league?')).toBeNull();
    expect(parse('does the league want every town to have tide gauges?')).toBeNull();
    expect(parse('does the league have a youth programme?')).toBeNull();
    expect(parse('does the league have Dunmarrow?')).toMatchObject({ name: 'dunmarrow' });
  });

  // "lifted" is one letter from "listed", but a word of its own, not a typo of it.
  it('does not read a real word one letter from "listed" as the membership word', () => {
    expect(parse('Was the ban lifted?')).toBeNull();
  });
});

describe('answerMembership', () => {
  it('answers yes for a listed name, from the members list, with a full name match', () => {
    const yes = membership('Is Kirkhaven a member?');
    expect(yes).toMatchObject({ kind: 'membership', text: 'Yes: Kirkhaven is listed as a member of the Tidewater League (TWL) (one of 5 listed members).' });
    expect(yes?.signals).toEqual({ membership_yes: 1, name_match: 1 });
    expect(headingOf(yes!.passage)).toBe('Members');
  });

  it('answers yes with the listed spelling for a member written without accents, with a typo or in part', () => {
    expect(membership('Is Port Eloise a member?')).toMatchObject({ text: expect.stringMatching(/^Yes: Port Éloise is listed/), signals: { name_match: 1 } });
    // A typo matches less closely than the exact name.
    const typo = membership('Is Kirkhavn a member?');
    expect(typo?.text).toMatch(/^Yes: Kirkhaven is listed/);
    expect(typo?.signals?.name_match).toBeGreaterThanOrEqual(0.75);
    expect(typo?.signals?.name_match).toBeLessThan(1);
    expect(membership('Is Bramwick a member?')?.text).toMatch(/^Yes: Bramwick-on-Sea is listed/);
  });

  it('answers no for a name not listed, saying how many members are', () => {
    const no = membership('Is Lisbon a member?');
    expect(no).toMatchObject({ kind: 'membership', text: 'No: Lisbon is not listed among the 5 members of the Tidewater League (TWL).' });
    expect(no?.signals).toEqual({ membership_no: 1 });
  });

  it('answers "X in the league?" only when the words after "in" name what the list belongs to', () => {
    expect(membership('kirkhaven in the league?')?.text).toMatch(/^Yes: Kirkhaven/);
    expect(membership('lisbon in the summer?')).toBeNull();
    expect(membership('Is Wrenholm part of the compact?', compact.index)?.text).toMatch(/^Yes: Wrenholm/);
  });

  it('answers "is X signed up?", "has X joined?", "is X part of it?" only with a yes: no list is named, so no "no"', () => {
    expect(membership('is kirkhaven signed up?')?.text).toMatch(/^Yes: Kirkhaven/);
    expect(membership('has Dunmarrow joined yet?')?.text).toMatch(/^Yes: Dunmarrow/);
    expect(membership('is port eloise part of it')?.text).toMatch(/^Yes: Port Éloise/);
    expect(membership('is lisbon signed up?')).toBeNull();
    expect(membership('is the pilot boat part of it?')).toBeNull();
    // "in" or "on" alone names no list and says no joining; with a pointing word it does ("in there", "among them").
    expect(membership('is kirkhaven in?')).toBeNull();
    expect(membership('is kirkhaven in there')?.text).toMatch(/^Yes: Kirkhaven/);
    expect(membership('is lisbon in there')).toBeNull();
  });

  it('reads no name from a request or a question about kinds of members', () => {
    expect(parse('give me all the member towns')).toBeNull();
    expect(parse('Welk soort organisaties kan lid worden van de league?')).toBeNull();
    expect(parse('that kind of body a member?')).toBeNull();
  });

  it('returns null for a question not about membership, or knowledge without a members list', () => {
    expect(membership('When was the league founded?')).toBeNull();
    // A role the knowledge names in a labelled fact is no member's name: no "No: Seat is not listed".
    expect(membership('Is the seat in the league?')).toBeNull();
    expect(parse('Is Kirkhaven a member?')).not.toBeNull();
    expect(membership('Is Kirkhaven a member?', guide.index)).toBeNull();
  });

  // "the" of the title and heading does not name the list: not every "X in the …?" is a membership question.
  it('does not take "the" of a title or heading as naming the list in "X in the …?"', () => {
    expect(membership('Is the harbour closed in the winter?', compact.index)).toBeNull();
  });
});

describe('answerCount', () => {
  it('counts the items of the list the question names by its heading, and names them when they are few', () => {
    const members = count('How many members are listed?');
    expect(members).toMatchObject({ kind: 'count', text: 'The Tidewater League (TWL) lists 5 members: Saltmere; Port Éloise; Kirkhaven; Bramwick-on-Sea; Dunmarrow.', signals: { count_answer: 1 } });
    expect(headingOf(members!.passage)).toBe('Members');
    expect(count('How many beacons are there?')?.text).toBe('The Tidewater League (TWL) lists 3 beacons: Red Tower; Gull Rock; Old Lantern.');
    expect(count('How many moorings are there?', guide.index)?.text).toBe('The Harbour Guide lists 10 moorings.');
    // Other generic nouns for what is counted say nothing more.
    expect(count('How many towns and organisations are listed as members?')?.text).toMatch(/^The Tidewater League \(TWL\) lists 5 members/);
  });

  it('returns null when no list is named or the question asks no count', () => {
    expect(count('How many ships does Saltmere have?')).toBeNull();
    expect(count('How many key facts are there?')).toBeNull();
    expect(count('What are the beacons?')).toBeNull();
  });
});

describe('answerList', () => {
  it('gives the items of the list a what-question names, each by its head', () => {
    const beacons = list('What are the beacons?');
    expect(beacons).toMatchObject({ kind: 'list', signals: { list_answer: 1 } });
    expect(beacons?.text).toBe('Beacons (Tidewater League (TWL)):\n- Red Tower\n- Gull Rock\n- Old Lantern');
    expect(list('What are the members?')?.text).toContain('- Bramwick-on-Sea\n- Dunmarrow');
    // A membership verb asks for the members list, and "give me the whole list" frames the question.
    expect(list('Which towns belong to the league? Give me the whole list.')?.text).toContain('- Bramwick-on-Sea\n- Dunmarrow');
    expect(list('Which towns take part in the league?')?.text).toContain('- Bramwick-on-Sea\n- Dunmarrow');
  });

  it('runs a long list on one line with its count', () => {
    expect(list('What are the moorings?', guide.index)?.text).toBe(`Moorings (Harbour Guide), 10 in all: ${MOORINGS.join(', ')}.`);
  });

  it('gives one item whole for an ordinal, and null past the end of the list', () => {
    expect(list('What is the first beacon?')?.text).toBe('Beacons (Tidewater League (TWL)), number 1 of 3: Red Tower - the oldest light, on the north mole');
    expect(list('Which is the last beacon?')?.text).toBe('Beacons (Tidewater League (TWL)), number 3 of 3: Old Lantern');
    expect(list('What is the fifth beacon?')).toBeNull();
  });

  it('reads an ordinal written in digits as its word ("2nd", "3e", "2º")', () => {
    expect(list('What is the 2nd beacon?')?.text).toMatch(/^Beacons \(Tidewater League \(TWL\)\), number 2 of 3: /);
    expect(list('Quel est le 3e beacon ?')?.text).toMatch(/number 3 of 3: Old Lantern$/);
    expect(list('whats the 2nd beacon')?.text).toMatch(/number 2 of 3: /);
    expect(list('the 5th beacon?')).toBeNull();
    // An ordinal that is part of the heading's name is no position: the whole list.
    expect(list('What are the 21st century plans?', guide.index)?.text).toContain('Electrify the cranes');
  });

  it('returns null when no list is named (a facts block is no list), or a terse question has words outside the heading and title', () => {
    expect(list('beacons?')?.text).toContain('- Gull Rock');
    expect(list('tidewater league beacons?')?.text).toContain('- Gull Rock');
    expect(list('saltmere beacons?')).toBeNull();
    expect(list('What is the tide?')).toBeNull();
    expect(list('What are the key facts?')).toBeNull();
  });
});

describe('answerMembership wording', () => {
  it('keeps the article a title has of its own ("of The Quay Compact", not "of the The Quay Compact")', () => {
    expect(membership('Is Wrenholm a member?', compact.index)?.text).toMatch(/^Yes: Wrenholm is listed as a member of The Quay Compact /);
    expect(membership('Is Kirkhaven a member?')?.text).toMatch(/member of the Tidewater League/);
  });
});

describe('answerMembership and other languages\' words for the list', () => {
  it('reads "la red" as the network, but not English "in the red"', () => {
    expect(membership('Is Kirkhaven in the red?')).toBeNull();
    expect(membership('Kirkhaven forma parte de la red?')?.text).toMatch(/^Yes: Kirkhaven/);
  });
});

describe('answerList with a phrase of the maintainers\' synonyms', () => {
  // "light markers" stands for the heading's "beacons"; "light" is a word of the documents, "markers" is not.
  const withSynonyms = indexedTree({ ...LEAGUE, 'synonyms.yml': 'synonyms:\n  - [beacons, light markers]\n' }, 'network-qa-lists-phrase-');

  it('takes the phrase as naming the list, its words with it', () => {
    expect(list('What are the light markers?', withSynonyms.index)?.text).toBe('Beacons (Tidewater League (TWL)):\n- Red Tower\n- Gull Rock\n- Old Lantern');
  });
});
