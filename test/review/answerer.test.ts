/**
 * Regression tests from the pre-release review of the answerer (src/answer/*) over the bundled knowledge:
 * each title says what the bot must do where it once did not.
 */
import { MAX_QUESTION_CHARS } from '../../src/answer/answerer';
import { createQA, type QA } from '../../src/qa';
import { BUNDLED_KNOWLEDGE } from '../core/helpers';

let qa: QA;

beforeAll(async () => {
  qa = await createQA({ knowledgeDir: BUNDLED_KNOWLEDGE, persistIndex: false, logQuestions: false });
});
afterAll(() => qa.close());

describe('control cases', () => {
  it('answers "Who is the vice chair?" from the labelled facts', () => {
    expect(qa.ask('Who is the vice chair?')).toMatchObject({ status: 'answered', kind: 'labelled_fact' });
  });

  it('answers plain thanks as small talk', () => {
    expect(qa.ask('Thanks!').status).toBe('chitchat');
  });
});

describe('small talk (src/answer/chitchat.ts)', () => {
  // The last 'thanks' pattern guards with [^?] but runs on text whose '?' were already removed.
  it('answers the question in "Thanks! Who is the vice chair?" instead of only saying "you\'re welcome"', () => {
    expect(qa.ask('Thanks! Who is the vice chair?')).toMatchObject({ status: 'answered', kind: 'labelled_fact' });
  });
});

describe('word resolution (src/answer/retrieve.ts)', () => {
  // compoundParts() splits English words too: "everyone" → "every" (+ "one"), then answers at 0.8.
  it('does not split an English word as a Dutch/German compound ("everyone" is not "every"): "@everyone" gets no answer', () => {
    expect(qa.ask('@everyone').status).not.toBe('answered');
    expect(qa.ask('everyone').status).not.toBe('answered');
  });

  // NAME_RE counts any capitalised word as the person a "who" question expects, even "Presidency",
  // which shares the question word's stem (presid), so the Presidency sentence answers at confidence 1.
  it('does not answer "Who is the president?" with a sentence that names no person (the Finnish Presidency)', () => {
    const answer = qa.ask('Who is the president?');
    expect(answer.status === 'answered' ? answer.answer : '').not.toMatch(/Presidency of the Council/);
  });
});

describe('follow-ups (src/answer/answerer.ts followUps / ask)', () => {
  it('control: "what about Oslo?" after a membership question asks about Oslo', () => {
    expect(qa.ask('what about Oslo?', { previousQuestion: 'Is Helsinki a member?' })).toMatchObject({ status: 'answered', kind: 'membership', understoodAs: 'is oslo a member' });
  });

  // Any follow-up of five words or fewer is taken as the name in the previous membership question.
  it('does not turn "when was it founded?" after "Is Helsinki a member?" into a membership check of the name "When Was It Founded"', () => {
    const answer = qa.ask('when was it founded?', { previousQuestion: 'Is Helsinki a member?' });
    expect(answer.answer).not.toMatch(/When Was It Founded/i);
  });

  // String.prototype.replace(string, userText) interprets $', $` and $& in the user's text.
  it('puts the user\'s words into the rewritten follow-up literally ("$\'" is not a replacement pattern)', () => {
    const answer = qa.ask("what about $'?", { previousQuestion: 'Is Helsinki a member?' });
    expect(answer.understoodAs).not.toBe('is  a member a member');
    expect(answer.answer).not.toMatch(/^No: A is not listed/);
  });

  // When the rewrite with the thread's subject finds nothing, the pointing question is answered alone
  // and its "its" silently becomes another document's subject.
  it('does not answer "what about its budget?" after "What is ENoLL?" with a sentence from another document', () => {
    const answer = qa.ask('what about its budget?', { previousQuestion: 'What is ENoLL?' });
    if (answer.status === 'answered') expect(answer.sources[0]?.file).toBe('partners/enoll.md');
  });

  // MAX_QUESTION_CHARS limits the thread's earlier question like the question itself.
  it('reads no more of a huge previousQuestion (34 kB) than of a question', () => {
    const previousQuestion = `Is Helsinki a member of the forum ${'and the forum '.repeat(2500)}`;
    const answer = qa.ask('what about Oslo?', { previousQuestion });
    expect(answer.answer).toMatch(/^Yes: Oslo /);
    expect(answer.understoodAs.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS + 50);
  });
});

describe('what kind of X', () => {
  it('answers "What kind of organisations are members of EUROCITIES?" with the kind, though the sentence never says "organisations"', () => {
    const answer = qa.ask('What kind of organisations are members of EUROCITIES?');
    expect(answer.status).toBe('answered');
    expect(answer.answer).toContain('local and municipal governments');
  });
});

describe('a document named in another language', () => {
  it.each(['wat doet het comite van de regios', "qu'est-ce que le comité des régions ?", 'Was ist der Ausschuss der Regionen?'])('answers %j with the Committee of the Regions', (question) => {
    const answer = qa.ask(question);
    // Its definition, alone or with the sentence after it.
    expect(answer.status).toBe('answered');
    expect(answer.answer).toMatch(/^The European Committee of the Regions \(CoR\) is the voice of regions and cities/);
  });
});

describe('long and odd input', () => {
  const rep = (s: string, n: number) => s.repeat(Math.ceil(n / s.length)).slice(0, n);
  const inputs = [rep('member ', 1000), rep('who is the vice chair ', 1000), rep('.', 1000), rep('?!', 1000), '('.repeat(500) + ')'.repeat(500), rep('(a) ', 1000), `is ${rep('in ', 990)}member`, rep('est ce que ', 1000), rep('مرحبا ', 1000), rep('Kraków München 東京 ', 1000), rep('😀', 1000), rep('abcdefghij', 1000), rep('e.g. ', 1000)];
  it.each(inputs.map((q) => [q.slice(0, 24), q]))('answers %j… (1,000 chars) with a well-formed reply, also as a follow-up', (_label, question) => {
    for (const answer of [qa.ask(question), qa.ask(question, { previousQuestion: 'Is Helsinki a member?' })]) {
      expect(['answered', 'no_answer', 'chitchat']).toContain(answer.status);
      expect(answer.answer.length).toBeLessThanOrEqual(700);
    }
  });
});
