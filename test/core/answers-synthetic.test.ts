/**
 * Every kind of answer over a small made-up knowledge folder (test/fixtures/knowledge-citynet): the
 * mechanisms must work for any list, labelled facts and definitions, not only for the bundled documents.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledgeSync } from '../../src/knowledge/load';
import { createQA, type QA } from '../../src/qa';
import type { Answer, Passage } from '../../src/types';
import { CITYNET_KNOWLEDGE } from './helpers';

let qa: QA;
const knowledge = loadKnowledgeSync(CITYNET_KNOWLEDGE);
const listUnder = (heading: string): Passage => {
  const found = knowledge.passages.find((p) => p.kind === 'list' && p.headings.at(-1) === heading);
  if (!found) throw new Error(`fixture has no list under "${heading}"`);
  return found;
};
const members = listUnder('Member towns');
const priorities = listUnder('2024 priorities');
const lineOf = (file: string, start: string): number =>
  readFileSync(join(CITYNET_KNOWLEDGE, file), 'utf8').split('\n').findIndex((l) => l.startsWith(start)) + 1;

beforeAll(async () => {
  qa = await createQA({ knowledgeDir: CITYNET_KNOWLEDGE, persistIndex: false, logQuestions: false });
});
afterAll(() => qa.close());

function answered(question: string, context?: Parameters<QA['ask']>[1]): Answer {
  const answer = qa.ask(question, context);
  if (answer.status !== 'answered') throw new Error(`"${question}" got ${answer.status}: ${answer.answer}`);
  return answer;
}

describe('facts in sentences', () => {
  it('answers with the sentence that holds the fact, not the whole passage, and cites it', () => {
    const answer = answered('What does the water-quality report compare?');
    expect(answer.kind).toBe('fact');
    expect(answer.answer).toContain('oxygen levels, algae blooms and microplastics');
    expect(answer.answer).not.toContain('Ferry operators');
    expect(answer.passage).toContain('Ferry operators use the report');
    expect(answer.answer.length).toBeLessThan(answer.passage.length);
    expect(answer.sources).toEqual([
      { title: 'Lakeside Towns Alliance (LTA)', file: 'alliance.md', heading: 'About', line: lineOf('alliance.md', 'The alliance publishes'), url: 'https://example.org/lta' },
    ]);
  });

  it('keeps the sentence a "It …" sentence points back to', () => {
    const answer = answered('When was the Lakeside Towns Alliance founded?');
    expect(answer.answer).toContain('founded in 1998 in Vellmar');
    expect(answer.answer).toContain('Lakeside Towns Alliance');
    expect(answer.answer).not.toContain('boathouse');
  });

  it('answers from a plain-text document and cites its paragraph line', () => {
    const answer = answered('What must every captain pass?');
    expect(answer.answer).toContain('night-navigation exam');
    expect(answer.sources[0]).toMatchObject({ file: 'partners/ferry-guild.txt', heading: '', line: 3, title: 'Ferry guild' });
  });

  it('answers a question using another inflection of the document words', () => {
    const answer = answered('What do ferry operators plan with the reports?');
    expect(answer.answer).toContain('plan winter services');
    expect(answer.answer).not.toContain('oxygen');
  });
});

describe('definitions', () => {
  it('answers "What is X?" for a document abbreviation with its opening sentence', () => {
    const answer = answered('What is the LTA?');
    expect(answer.kind).toBe('definition');
    expect(answer.answer).toMatch(/^The Lakeside Towns Alliance \(LTA\) is a made-up association/);
    expect(answer.sources[0]).toMatchObject({ file: 'alliance.md', heading: 'About' });
  });

  it('answers "What is X?" for a document title with its definition, even when a list heading shares a word with it', () => {
    // "towns" is also in the heading "Member towns"; the question still asks what the alliance is.
    const answer = answered('What is the Lakeside Towns Alliance?');
    expect(answer.kind).toBe('definition');
    expect(answer.answer).toContain('made-up association of small towns');
  });

  it('answers "Wat is X?" from the Dutch original', () => {
    const answer = answered('Wat is het Merenverbond?');
    expect(answer.kind).toBe('definition');
    expect(answer.answer).toContain('verzonnen samenwerkingsverband');
    expect(answer.sources[0].file).toBe('merenverbond.nl.md');
  });

  it('answers "Qu\'est-ce que X ?" in French', () => {
    const answer = answered("Qu'est-ce que le Réseau des Rives ?");
    expect(answer.kind).toBe('definition');
    expect(answer.answer).toContain('association imaginaire');
    expect(answer.sources[0].file).toBe('partners/reseau-des-rives.md');
  });

  it('answers "What is X?" for a plain-text document', () => {
    expect(answered('What is the Ferry Guild?').answer).toContain('fictional union of ferry captains');
  });
});

describe('labelled facts', () => {
  it.each([
    ['Who is the chair?', 'Mirela Kovač'],
    ['Who is the treasurer?', 'Jonas Feldtmann'],
    ['Who is the secretariat contact?', 'Ilse Marwood'],
  ])('answers "%s" with the labelled fact', (question, holder) => {
    const answer = answered(question);
    expect(answer.kind).toBe('labelled_fact');
    expect(answer.answer).toContain(holder);
    expect(answer.sources[0]).toMatchObject({ file: 'alliance.md', heading: 'People', line: lineOf('alliance.md', '- **Chair') });
  });

  it("answers a named person's role from the fact's label", () => {
    const answer = answered("What is Jonas Feldtmann's role?");
    expect(answer.answer).toContain('Treasurer');
    expect(answer.answer).not.toContain('Mirela');
  });
});

describe('lists', () => {
  it('names the items of a list concisely, without their descriptions', () => {
    const answer = answered('What are the 2024 priorities?');
    expect(answer.kind).toBe('list');
    for (const item of priorities.items ?? []) expect(answer.answer).toContain(item.split(' - ')[0]);
    expect(answer.answer).not.toContain('removing plastic');
    expect(answer.passage).toBe(priorities.text);
    expect(answer.sources[0]).toMatchObject({ heading: '2024 priorities', line: priorities.source.line });
  });

  it('counts the items of the list the question names', () => {
    const count = String(members.items?.length);
    for (const question of ['How many member towns are listed?', 'How many towns are members?']) {
      const answer = answered(question);
      expect(answer.kind).toBe('count');
      expect(answer.answer).toMatch(new RegExp(`\\b${count}\\b`));
    }
  });
});

describe('membership', () => {
  it.each([
    ['Is Vellmar a member?', 'Vellmar'],
    ['Is Bruckenau a member?', 'Brückenau'],
    ['Is Lomnica a member?', 'Łomnica'],
    ['Is Vellmarr a member?', 'Vellmar'],
    ['Is Odenburg a member?', 'Sankt Ödenburg am See'],
    ['Is Kastelruth a member?', 'Kastelruth-Unterwald Lake District'],
    ['Is Saint Aubin a member?', 'Saint-Aubin-les-Eaux'],
    ['is zell a member', 'Zell'],
  ])('answers yes to "%s", naming the listed %s', (question, listed) => {
    const answer = answered(question);
    expect(answer.kind).toBe('membership');
    expect(answer.answer).toMatch(/^Yes\b/);
    expect(answer.answer).toContain(listed);
    expect(answer.sources[0]).toMatchObject({ heading: 'Member towns', line: members.source.line });
  });

  it('says a name that is not on the list is not listed', () => {
    const answer = answered('Is Geneva a member?');
    expect(answer.kind).toBe('membership');
    expect(answer.answer).toMatch(/^No\b/);
    expect(answer.answer).toContain('Geneva');
    expect(answer.answer).toContain('not listed');
  });

  it('does not take a short name for a typo of a listed one', () => {
    expect(answered('Is Zel a member?').answer).toMatch(/^No\b/);
  });
});

describe('chitchat', () => {
  it.each(['hello', 'Hi there!', 'Good morning', 'hallo', 'bonjour'])('greets back on "%s"', (greeting) => {
    const answer = qa.ask(greeting);
    expect(answer.status).toBe('chitchat');
    expect(answer.sources).toEqual([]);
  });

  it.each(['thanks!', 'Thank you so much', 'merci', 'dank je wel'])('says you are welcome on "%s"', (thanks) => {
    expect(qa.ask(thanks).status).toBe('chitchat');
  });

  it('shows example questions drawn from the knowledge on help', () => {
    for (const question of ['help', 'What can you do?']) {
      const answer = qa.ask(question);
      expect(answer.status).toBe('chitchat');
      expect(qa.examples(3).some((e) => answer.answer.includes(e))).toBe(true);
    }
  });
});

describe('abstention', () => {
  it.each([
    'What is the population of Brückenau?',
    'When was Port Vesna founded?',
    'What is the capital of Peru?',
    'Who won the football world cup in 2014?',
    'xqzv blorf',
    'asdf asdf asdf',
  ])('says it does not know "%s" and names the contact found in the knowledge', (question) => {
    const answer = qa.ask(question);
    expect(answer.status).toBe('no_answer');
    expect(answer.kind).toBe('none');
    expect(answer.sources).toEqual([]);
    expect(answer.contact).toContain('Ilse Marwood');
    expect(answer.answer).toContain(answer.contact);
  });

  it('names the configured contact instead when one is given', async () => {
    const custom = await createQA({ knowledgeDir: CITYNET_KNOWLEDGE, persistIndex: false, logQuestions: false, contact: 'lakes-help@example.org' });
    const answer = custom.ask('What is the capital of Peru?');
    expect(answer.contact).toBe('lakes-help@example.org');
    expect(answer.answer).toContain('lakes-help@example.org');
    await custom.close();
  });
});

describe('typos', () => {
  it('answers a list question with a typo in the list name', () => {
    expect(answered('What were the 2024 priorites?').kind).toBe('list');
  });

  it('answers a labelled fact asked with a typo in the label', () => {
    expect(answered('Who is the tresurer?').answer).toContain('Jonas Feldtmann');
  });
});

describe('follow-ups', () => {
  it('reads "what about X?" after a membership question as a membership question about X', () => {
    const answer = answered('what about Geneva?', { previousQuestion: 'Is Brückenau a member?' });
    expect(answer.kind).toBe('membership');
    expect(answer.answer).toMatch(/^No: Geneva/);
    expect(answer.understoodAs).toContain('geneva');
  });

  it('answers "and X?" with a listed name after a membership question', () => {
    expect(answered('and Tarnowo?', { previousQuestion: 'Is Geneva a member?' }).answer).toMatch(/^Yes: Tarnowo/);
  });

  it('answers "and who is the treasurer?" on its own after another labelled fact', () => {
    expect(answered('and who is the treasurer?', { previousQuestion: 'Who is the chair?' }).answer).toContain('Jonas Feldtmann');
  });

  it('does not answer a bare "what about Geneva?" without the earlier question', () => {
    expect(qa.ask('what about Geneva?').status).toBe('no_answer');
  });
});

describe('translations', () => {
  it('marks an answer from a translated document as a translation', () => {
    const answer = answered('What does the Merenverbond share?');
    expect(answer.sources[0].file).toBe('merenverbond.en.md');
    expect(answer.answer).toContain('water management');
    expect(answer.answer).toMatch(/English translation of the Dutch original/);
  });

  it("quotes the original's sentence beside the translated one, so the reply holds the source's own words", () => {
    const answer = answered('What does the Merenverbond share?');
    expect(answer.answer).toMatch(/\n\(English translation of the Dutch original: “De gemeenten delen kennis over waterbeheer, dijken en recreatie\.”\)$/);
  });

  it('does not mark an answer from an original document', () => {
    expect(answered('What must every captain pass?').answer).not.toMatch(/translation/i);
  });
});

describe('examples', () => {
  it('proposes examples that it answers', () => {
    const examples = qa.examples(20);
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const example of examples) expect(qa.ask(example).status).toBe('answered');
  });

  it('suggests examples matching what has been typed', () => {
    const suggestions = qa.suggest('treas');
    expect(suggestions).toEqual(qa.examples(100).filter((e) => e.toLowerCase().includes('treas')));
    expect(suggestions.length).toBeGreaterThan(0);
  });
});
