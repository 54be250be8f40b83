/** Answers over the bundled knowledge/ folder: each kind once, abstention, typos, and robustness for any input. */
import fc from 'fast-check';
import { MAX_ANSWER_CHARS } from '../../src/answer/answerer';
import { loadKnowledgeSync } from '../../src/knowledge/load';
import { createQA, type QA } from '../../src/qa';
import type { Answer } from '../../src/types';
import { BUNDLED_KNOWLEDGE } from './helpers';

let qa: QA;
const knowledge = loadKnowledgeSync(BUNDLED_KNOWLEDGE);
const membersList = knowledge.passages.find((p) => p.kind === 'list' && p.headings.at(-1) === 'Members');
const prioritiesList = knowledge.passages.find((p) => p.kind === 'list' && /priorities/i.test(p.headings.at(-1) ?? ''));
const staffContact = knowledge.passages.flatMap((p) => p.facts ?? []).find((f) => /contact/i.test(f.label));

beforeAll(async () => {
  qa = await createQA({ knowledgeDir: BUNDLED_KNOWLEDGE, persistIndex: false, logQuestions: false });
});
afterAll(() => qa.close());

function answered(question: string, context?: Parameters<QA['ask']>[1]): Answer {
  const answer = qa.ask(question, context);
  if (answer.status !== 'answered') throw new Error(`"${question}" got ${answer.status}: ${answer.answer}`);
  return answer;
}

it('has the lists and the contact these tests rely on', () => {
  expect(membersList?.items?.length).toBeGreaterThan(100);
  expect(prioritiesList?.items?.length).toBeGreaterThan(1);
  expect(staffContact?.value).toBeTruthy();
});

describe('each kind of answer', () => {
  it('answers a fact with a sentence shorter than its passage and cites title, file, heading and line', () => {
    const answer = answered('How are new technologies transforming public administration?');
    expect(answer.kind).toBe('fact');
    expect(answer.answer).toContain('realtime information');
    expect(answer.answer.length).toBeLessThan(answer.passage.length + 1);
    const [source] = answer.sources;
    expect(source).toMatchObject({ title: 'EUROCITIES Knowledge Society forum', file: 'knowledge-society-forum.md', heading: 'Purpose' });
    const passage = knowledge.passages.find((p) => p.source.file === source.file && p.source.line === source.line);
    expect(passage?.text).toBe(answer.passage);
  });

  it('answers a fact from a long passage with less than the passage', () => {
    const answer = answered('In which year was ENoLL founded?');
    expect(answer.answer).toContain('2006');
    expect(answer.answer.length).toBeLessThan(answer.passage.length);
    expect(answer.sources[0].file).toBe('partners/enoll.md');
  });

  it.each([
    ['What is OASC?', 'partners/oasc.md', 'non-profit, international smart city network'],
    ['Wat is EUROCITIES?', 'eurocities/eurocities.nl.md', 'netwerk van grote Europese steden'],
    ["Qu'est-ce que l'ENoLL ?", 'partners/enoll.md', 'international federation'],
  ])('answers the definition "%s" from %s', (question, file, text) => {
    const answer = answered(question);
    expect(answer.kind).toBe('definition');
    expect(answer.sources[0].file).toBe(file);
    expect(answer.answer).toContain(text);
  });

  it.each([
    ['Who is the vice chair?', 'Laia Bonet'],
    ['Who is the staff contact?', 'Federica Bordelot'],
    ["What is Laia Bonet's role?", 'Vice chair'],
    ["What is Federica Bordelot's role?", 'Policy advisor'],
  ])('answers the labelled fact "%s"', (question, text) => {
    const answer = answered(question);
    expect(answer.kind).toBe('labelled_fact');
    expect(answer.answer).toContain(text);
    expect(answer.sources[0]).toMatchObject({ file: 'knowledge-society-forum.md', heading: 'People' });
  });

  it('names the 2015 priorities concisely', () => {
    const answer = answered('What were the 2015 priorities?');
    expect(answer.kind).toBe('list');
    for (const item of prioritiesList?.items ?? []) expect(answer.answer).toContain(item.split(' - ')[0]);
    expect(answer.answer.length).toBeLessThan(200);
  });

  it('counts the members as the number of items loaded from the list', () => {
    const answer = answered('How many members does the forum have?');
    expect(answer.kind).toBe('count');
    expect(answer.answer).toMatch(new RegExp(`\\b${membersList?.items?.length}\\b`));
  });

  it.each([
    ['Is Helsinki a member?', 'Helsinki'],
    ['Is Malmö a member?', 'Malmo'],
    ['Is Wrocław a member?', 'Wroclaw'],
    ['Is Dusseldorff a member?', 'Dusseldorf'],
    ['Is Marseille a member?', 'Aix-Marseille-Provence Metropole'],
    ['Is Twente part of the forum?', 'Netwerkstad Twente'],
  ])('answers yes to "%s" naming %s', (question, listed) => {
    const answer = answered(question);
    expect(answer.kind).toBe('membership');
    expect(answer.answer).toMatch(/^Yes\b/);
    expect(answer.answer).toContain(listed);
  });

  it.each(['Is Kraków a member?', 'Is New York a member?'])('answers no to "%s"', (question) => {
    const answer = answered(question);
    expect(answer.kind).toBe('membership');
    expect(answer.answer).toMatch(/^No\b.*not listed/);
  });

  it.each(['hi there', 'thank you!', 'help'])('treats "%s" as chitchat', (message) => {
    const answer = qa.ask(message);
    expect(answer.status).toBe('chitchat');
    expect(answer.sources).toEqual([]);
  });
});

describe('abstention', () => {
  it.each([
    'What is the capital of France?',
    'When was OASC founded?',
    'What is the population of Helsinki?',
    'Who is the mayor of Barcelona?',
    'How many employees does EUROCITIES have?',
    'qwrtp zxcvb',
  ])('abstains on "%s" and names the staff contact', (question) => {
    const answer = qa.ask(question);
    expect(answer.status).toBe('no_answer');
    expect(answer.confidence).toBe(0);
    expect(answer.contact).toContain(staffContact?.value);
    expect(answer.answer).toContain(answer.contact);
  });
});

describe('typo tolerance', () => {
  it.each([
    ['Who is the vise chair?', 'Laia Bonet'],
    ['What were the 2015 priorites?', 'Collaborative Cities'],
    ['What is enol?', 'European Network of Living Labs'],
    ['Is Dusseldorff a member?', 'Dusseldorf'],
    ['Who is the staf contact?', 'Federica Bordelot'],
  ])('answers "%s"', (question, text) => {
    expect(answered(question).answer).toContain(text);
  });
});

describe('follow-ups', () => {
  it('answers "when was it founded?" about the subject of the previous question', () => {
    expect(answered('when was it founded?', { previousQuestion: 'What is ENoLL?' }).answer).toContain('2006');
  });

  it('answers "what about Oslo?" after a membership question', () => {
    const answer = answered('what about Oslo?', { previousQuestion: 'Is Helsinki a member?' });
    expect(answer.kind).toBe('membership');
    expect(answer.answer).toMatch(/^Yes: Oslo/);
  });
});

describe('translations', () => {
  it('marks an answer from the English translation of the Dutch description', () => {
    const answer = answered('What does EUROCITIES try to shape?');
    expect(answer.sources[0].file).toBe('eurocities/eurocities.en.md');
    expect(answer.answer).toContain('translation');
  });
});

describe('every answer', () => {
  it('answers every example it proposes, within the length limit', () => {
    const examples = qa.examples(50);
    expect(examples.length).toBeGreaterThanOrEqual(8);
    for (const example of examples) {
      const answer = qa.ask(example);
      expect(answer.status).toBe('answered');
      expect(answer.answer.length).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
    }
  });

  it('gives each answer its own id and up to three related questions it can answer', () => {
    const examples = qa.examples(100);
    const answers = ['Who is the vice chair?', 'Is Helsinki a member?', 'What is the capital of France?', 'hello'].map((q) => qa.ask(q));
    expect(new Set(answers.map((a) => a.id)).size).toBe(answers.length);
    for (const answer of answers) {
      expect(answer.related.length).toBeLessThanOrEqual(3);
      for (const related of answer.related) expect(examples).toContain(related);
    }
    expect(answers[0].related).not.toContain('Who is the vice chair?');
  });

  it('keeps the full members list within 700 characters', () => {
    const answer = answered('Which cities are members of the forum?');
    expect(answer.answer.length).toBeLessThanOrEqual(700);
    expect(answer.answer).toContain(membersList?.items?.[0]);
  });

  it('answers an overlong message with a reply, not an exception', () => {
    const answer = qa.ask('Is Helsinki a member? '.repeat(300));
    expect(answer.status).toBe('no_answer');
    expect(answer.answer).toMatch(/too long/);
  });

  it('never throws and returns a well-formed answer of at most 700 characters for any string', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.constantFrom('😀🎉 Is 🇫🇮 Helsinki a member? 🙏', '<script>alert(1)</script>', '**bold** _it_ `code` [x](http://e.x)', '<@U123> <#C1|general> @everyone', '\u0000\u0007\u202e\ufeff', '?', '   ', ''),
      fc.string({ unit: 'grapheme-ascii', minLength: 4000, maxLength: 5000 }),
      fc.array(fc.constantFrom('is', 'a', 'member', 'who', 'the', 'vice', 'chair', 'what', 'how', 'many', '2015', 'helsinki', '?', 'and', 'it'), { maxLength: 12 }).map((w) => w.join(' ')),
    );
    const previous = fc.option(fc.constantFrom('Is Helsinki a member?', 'What is ENoLL?', '', '🙂'), { nil: undefined });
    fc.assert(
      fc.property(text, previous, (question, previousQuestion) => {
        const answer = qa.ask(question, previousQuestion === undefined ? {} : { previousQuestion });
        expect(['answered', 'no_answer', 'chitchat']).toContain(answer.status);
        expect(typeof answer.answer).toBe('string');
        expect(answer.answer.length).toBeGreaterThan(0);
        expect(answer.answer.length).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
        expect(answer.confidence).toBeGreaterThanOrEqual(0);
        expect(answer.confidence).toBeLessThanOrEqual(1);
        if (answer.status === 'no_answer') expect(answer.contact).toBeTruthy();
        if (answer.status === 'answered') expect(answer.sources.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('does not throw for a non-string question from untyped callers', () => {
    for (const value of [undefined, null, 42, {}, ['Is Helsinki a member?']]) {
      expect(() => qa.ask(value as unknown as string)).not.toThrow();
    }
  });
});
