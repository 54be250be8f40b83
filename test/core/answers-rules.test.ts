import { createQA, type QA } from '../../src/qa';
import { doc, makeTempDir, removeDir, writeTree } from './helpers';

// A made-up network whose documents exercise the rules that keep answers honest.
const KNOWLEDGE = {
  'harbour.md': doc(
    { title: '"Harbour Cities League (HCL)"', lang: 'en' },
    `
# Harbour Cities League (HCL)

The Harbour Cities League (HCL) is an invented network of port cities that share tide data.
It runs a yearly regatta for apprentices, held since 1998.
Its objective is to keep every member harbour open in winter.

## People

- **Vice president:** Oona Ristik, harbour master
- **League contact:** Piet Janszoon, secretariat

## Members

- Antwerp
- Saint-Malo Agglomeration
- Gdynia
- Kotor Bay Municipality
`,
  ),
  'tide-forum.md': doc(
    { title: '"HCL Tide Data forum"', lang: 'en' },
    `
# HCL Tide Data forum

The forum publishes tide tables and funds sensor buoys with participatory budgeting.
`,
  ),
  // The maintainers' vocabulary (knowledge/synonyms.yml) that the cross-language and synonym questions use.
  'synonyms.yml': 'synonyms:\n  - [aim, goal, objective]\ntranslations:\n  nl:\n    leden: members\n  de:\n    ansprechpartner: contact\n',
};

let dir: string;
let qa: QA;

beforeAll(async () => {
  dir = writeTree(makeTempDir(), KNOWLEDGE);
  qa = await createQA({ knowledgeDir: dir, persistIndex: false, logQuestions: false });
});

afterAll(async () => {
  await qa.close();
  removeDir(dir);
});

describe('answers that keep to what the documents say', () => {
  it('does not give the vice president when asked for the president', () => {
    const answer = qa.ask('Who is the president of the Harbour Cities League?');
    expect(answer.status).toBe('no_answer');
  });

  it('gives the vice president when asked for the vice president', () => {
    const answer = qa.ask('Who is the vice president?');
    expect(answer.status).toBe('answered');
    expect(answer.answer).toContain('Oona Ristik');
  });

  it('does not answer a question about a named subject from another document whose title contains that name', () => {
    // "budgeting" sits in the forum document, whose title contains "HCL"; the question is about the league itself.
    expect(qa.ask('What is the budget of HCL?').status).toBe('no_answer');
  });

  it('does not answer an attribute the documents lack from sentences that only name the subject', () => {
    expect(qa.ask('Who is the mayor of the Harbour Cities League?').status).toBe('no_answer');
  });

  it('answers "does the list include X" questions about members, with local name forms', () => {
    const answer = qa.ask('Does the league include Antwerpen?');
    expect(answer.status).toBe('answered');
    expect(answer.kind).toBe('membership');
    expect(answer.answer).toMatch(/^Yes: Antwerp /);
  });

  it('says a name is not listed when the list does not have it', () => {
    const answer = qa.ask('Is Rotterdam a member?');
    expect(answer.kind).toBe('membership');
    expect(answer.answer).toMatch(/^No: Rotterdam is not listed among the 4 members/);
  });

  it('does not take a question about kinds of members for a name', () => {
    const answer = qa.ask('Are there any Polish cities in the league?');
    expect(answer.kind).not.toBe('membership');
  });

  it('does not correct a common word into an unrelated name with another first letter', () => {
    // "want" is one edit from "kant"-like names; the first letter must stay.
    const answer = qa.ask('What do the port cities want to share?');
    expect(answer.status).toBe('answered');
    expect(answer.answer).toContain('tide data');
  });

  it('understands a Dutch or German question about English documents through the translations in synonyms.yml', () => {
    expect(qa.ask('Hoeveel leden heeft de league?').answer).toMatch(/lists 4 members/);
    const contact = qa.ask('Wer ist der Ansprechpartner?');
    expect(contact.status).toBe('answered');
    expect(contact.answer).toContain('Piet Janszoon');
  });

  it('answers "What is the second …?" with that item of the list', () => {
    const answer = qa.ask('What is the second member?');
    expect(answer.kind).toBe('list');
    expect(answer.answer).toMatch(/number 2 of 4: Saint-Malo Agglomeration$/);
  });

  it('takes "What kind of network is X?" as a definition of X', () => {
    const answer = qa.ask('What kind of network is HCL?');
    expect(answer.kind).toBe('definition');
    expect(answer.answer).toMatch(/^The Harbour Cities League \(HCL\) is an invented network/);
  });

  it('does not count the subject\'s own name as the place or person a question asks for', () => {
    expect(qa.ask('Where is the Harbour Cities League based?').status).toBe('no_answer');
  });

  it('does not answer "how many" with a year', () => {
    expect(qa.ask('How many apprentices sail in the regatta?').status).toBe('no_answer');
  });

  it('treats "can you help me?" and "thanks, that was helpful" as small talk', () => {
    expect(qa.ask('Can you help me?').status).toBe('chitchat');
    expect(qa.ask('Thanks, that was helpful').status).toBe('chitchat');
  });

  it('never answers with one name picked from a roster', () => {
    // "Kotor Bay Municipality" holds "municipality", but a members list is no answer to what the league's municipalities do.
    const answer = qa.ask('What does the Kotor Bay Municipality do?');
    expect(answer.passage).not.toContain('- Antwerp');
  });

  it('answers a follow-up that starts with "and" on its own when it can', () => {
    const answer = qa.ask('and who is the league contact?', { previousQuestion: 'Who is the vice president?' });
    expect(answer.answer).toContain('Piet Janszoon');
  });

  it('never answers a follow-up with another attribute than it asks ("what is her email?" after a role)', () => {
    expect(qa.ask('Who is the vice president?').answer).toContain('Oona Ristik');
    const email = qa.ask('what is her email?', { previousQuestion: 'Who is the vice president?' });
    expect(email.status).toBe('no_answer');
    const since = qa.ask('since when does it run?', { previousQuestion: 'What does the league run for apprentices?' });
    expect(since.answer).toContain('1998');
  });

  it('treats words such as "constructor" and "__proto__" as plain words', () => {
    for (const word of Object.getOwnPropertyNames(Object.prototype)) {
      for (const question of [`What is the ${word} priority?`, `Wat is ${word}?`, `What is the ${word} member?`]) {
        const answer = qa.ask(question);
        expect(answer.answer).not.toMatch(/something went wrong/);
      }
    }
  });

  it('knows a city by its other names', () => {
    const answer = qa.ask('Is Anvers a member?');
    expect(answer.answer).toMatch(/^Yes: Antwerp /);
  });

  it('finds a sentence through a synonym group of synonyms.yml ("aim" → objective)', () => {
    const answer = qa.ask('What is the aim of the league?');
    expect(answer.status).toBe('answered');
    expect(answer.answer).toContain('keep every member harbour open in winter');
  });

  it('does not answer "which Polish cities" from a sentence that never mentions anything Polish', () => {
    expect(qa.ask('Which Polish cities share tide data?').status).toBe('no_answer');
  });

  it('wants a place for "which city" and a number for "how big"', () => {
    expect(qa.ask('Which city is Oona Ristik harbour master of?').status).toBe('no_answer');
    expect(qa.ask('How big is the regatta for apprentices?').status).toBe('no_answer');
  });

  it('does not answer another attribute of a fact\'s holder ("oona ristik email?")', () => {
    expect(qa.ask('oona ristik email?').status).toBe('no_answer');
    expect(qa.ask("What is Oona Ristik's role?").answer).toContain('Vice president');
  });

  it('understands chat-style membership questions', () => {
    expect(qa.ask('gdynia member?').answer).toMatch(/^Yes: Gdynia /);
    expect(qa.ask('rotterdam member').answer).toMatch(/^No: Rotterdam is not listed/);
    expect(qa.ask('anvers lid van de league?').answer).toMatch(/^Yes: Antwerp /);
  });

  it("never reads the question's own verb as part of a name (Italian è, Spanish es)", () => {
    expect(qa.ask('Gdynia è membro?').answer).toMatch(/^Yes: Gdynia /);
    expect(qa.ask('Rotterdam è membro?').answer).toMatch(/^No: Rotterdam is not listed/);
    expect(qa.ask('¿Rotterdam es miembro?').answer).toMatch(/^No: Rotterdam is not listed/);
  });

  it('answers a terse list request whose words are all in the list\'s heading ("members?")', () => {
    const answer = qa.ask('members?');
    expect(answer.kind).toBe('list');
    expect(answer.answer).toContain('Gdynia');
  });
});
