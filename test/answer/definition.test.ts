import { answerDefinition, definitionSubject } from '../../src/answer/definition';
import { analyzeQuestion } from '../../src/answer/question';
import type { SearchIndex } from '../../src/search/build';
import { doc, indexedTree } from '../core/helpers';

// Invented documents: the tests check which opening answers "what is X?", not what any real text says.
const KNOWLEDGE = {
  'league.md': doc(
    { title: '"Tidewater League (TWL)"', lang: 'en' },
    `
# Tidewater League (TWL)

The Tidewater League (TWL) is a union of harbour towns. It shares pilot boats and tide gauges among its members.

## Members
- Saltmere
- Kirkhaven
`,
  ),
  'league.nl.md': doc(
    { title: '"Tidewater League (TWL)"', lang: 'nl' },
    `
# Tidewater League (TWL)

De Tidewater League (TWL) is een verbond van havensteden die loodsboten en getijdenmeters met elkaar delen.
`,
  ),
  'council.md': doc(
    { title: '"Council of the Tides"', lang: 'en' },
    `
# Council of the Tides

The Council of the Tides is the invented body that sets the yearly tide tables for every port of the league, meeting each winter at Saltmere. Its minutes are public.
`,
  ),
  'pilotage.md': doc(
    { title: '"Pilot rules"', lang: 'en' },
    `
# Pilot rules

Pilots renew their licence each spring. The Tide Gauge Officers (TGOs) read the gauges at dawn. Every harbour of the league follows the Shared Pilotage Code (SPC), a set of rules for guiding ships past the sandbanks.
`,
  ),
};

const knowledge = indexedTree(KNOWLEDGE, 'network-qa-definition-');
let index: SearchIndex;
beforeAll(() => ({ index } = knowledge));

const ask = (text: string) => analyzeQuestion(text, index.langs);
const subject = (text: string) => definitionSubject(ask(text));
const define = (text: string) => answerDefinition(index, ask(text));
const fileOf = (passage: number) => index.documents[index.passages[passage].doc].file;

const LEAGUE_OPENING = 'The Tidewater League (TWL) is a union of harbour towns. It shares pilot boats and tide gauges among its members.';

describe('definitionSubject', () => {
  it('reads the subject of "What is X?", without its article or a framing word after it', () => {
    expect(subject('What is the Tidewater League?')).toBe('tidewater league');
    expect(subject('What is TWL exactly?')).toBe('twl');
    expect(subject('whats TWL')).toBe('twl');
    expect(subject('What kind of body is the Council of the Tides?')).toBe('council of the tides');
  });

  it('reads "what does X mean", "stand for", "tell me about", "define" and chat forms', () => {
    expect(subject('What does pilotage mean?')).toBe('pilotage');
    expect(subject('What does TWL stand for?')).toBe('twl');
    expect(subject('Tell me about the Tidewater League')).toBe('tidewater league');
    expect(subject('Give me a short description of the Tidewater League')).toBe('tidewater league');
    expect(subject('Define TWL')).toBe('twl');
    expect(subject('TWL what is that?')).toBe('twl');
    expect(subject('TWL?? never heard of it')).toBe('twl');
    expect(subject('what does the Tidewater League try to do?')).toBe('tidewater league');
    expect(subject('what does the harbour master do for a living?')).toBe('harbour master');
    expect(subject('what exactly is the Tidewater League?')).toBe('tidewater league');
    expect(subject('Could you explain what TWL actually is?')).toBe('twl');
    expect(subject('What does TWL do in a nutshell?')).toBe('twl');
    expect(subject('which word is TWL short for?')).toBeNull();
    expect(subject("what's TWL short for?")).toBe('twl');
    expect(subject('TWL stands for what?')).toBe('twl');
    expect(subject("what's the TWL for?")).toBe('twl');
    expect(subject('what is the TWL actually for?')).toBe('twl');
    expect(subject('what are tide gauges for?')).toBe('tide gauges');
    expect(subject('who does the TWL stand for')).toBe('twl');
    expect(subject('whom does the TWL stand for')).toBe('twl');
    // "Speak for" asks whom it represents, which its definition may not say.
    expect(subject('who does the TWL speak for')).toBeNull();
    expect(subject('O que é a TWL?')).toBe('twl');
    for (const text of ['¿Qué tipo de organización es la TWL?', "Quel type d'organisation est TWL ?", 'Wat voor soort organisatie is TWL?', 'Was für eine Organisation ist TWL?', 'Che tipo di organizzazione è TWL?']) {
      expect(subject(text)).toBe('twl');
    }
    // Without a word for a kind, "which city is …" asks no definition.
    expect(subject('Welche Stadt ist Mitglied?')).toBeNull();
    expect(subject('¿Qué día es la reunión?')).toBeNull();
    expect(subject("C'est quoi la TWL au juste ?")).toBe('twl');
    expect(subject('the tidewater league - what kind of organisation is it')).toBe('tidewater league');
  });

  it('reads the question in Dutch, French, German, Spanish and Italian', () => {
    expect(subject('Wat is de Tidewater League eigenlijk?')).toBe('tidewater league');
    expect(subject("Qu'est-ce que la TWL ?")).toBe('twl');
    expect(subject('Was ist die TWL?')).toBe('twl');
    expect(subject('Que es la TWL?')).toBe('twl');
    expect(subject("Cos'è la TWL?")).toBe('twl');
  });

  it('drops a hedge before the name as well as after it', () => {
    expect(subject("C'est quoi exactement la TWL ?")).toBe('twl');
    expect(subject('Wat is eigenlijk de Tidewater League?')).toBe('tidewater league');
    // A name that opens with a word that frames other questions keeps it.
    expect(subject('What is the Just Transition Fund?')).toBe('just transition fund');
    expect(subject('What is the List of members?')).toBe('list of members');
  });

  it('reads "what does X mean" in the other languages', () => {
    expect(subject('Que signifie TWL ?')).toBe('twl');
    expect(subject('Was bedeutet TWL?')).toBe('twl');
    expect(subject('¿Qué significa TWL?')).toBe('twl');
    expect(subject('Cosa vuol dire TWL?')).toBe('twl');
    expect(subject('O que significa TWL?')).toBe('twl');
  });

  it('returns null for a question that asks no definition', () => {
    expect(subject('How many members does the league have?')).toBeNull();
    expect(subject('Is Saltmere a member?')).toBeNull();
    expect(subject('TWL?')).toBeNull();
  });
});

describe('answerDefinition', () => {
  it('answers with the opening of the document the abbreviation names, as a definition with a full name match', () => {
    const twl = define('What is TWL?');
    expect(twl).toMatchObject({ kind: 'definition', text: LEAGUE_OPENING, confidence: 0 });
    expect(twl?.signals).toEqual({ definition_answer: 1, name_match: 1 });
    expect(fileOf(twl!.passage)).toBe('league.md');
    expect(define('Tell me about the Tidewater League')?.text).toBe(LEAGUE_OPENING);
    // A bare name with a phrase that only asks for brevity ("in a nutshell": frame-words.json) asks what it is too.
    expect(define('TWL in a nutshell?')?.text).toBe(LEAGUE_OPENING);
    expect(define('twl, what is it in a few words')?.text).toBe(LEAGUE_OPENING);
  });

  it('adds the second sentence only to a short first one', () => {
    expect(define('What is the Tidewater League?')?.text).toBe(LEAGUE_OPENING);
    expect(define('What is the Council of the Tides?')?.text).toBe(
      'The Council of the Tides is the invented body that sets the yearly tide tables for every port of the league, meeting each winter at Saltmere.',
    );
  });

  it('answers a bare name as what it is', () => {
    expect(define('TWL?')?.text).toBe(LEAGUE_OPENING);
  });

  it('prefers the document in the language of the question', () => {
    const dutch = define('Wat is de TWL?');
    expect(fileOf(dutch!.passage)).toBe('league.nl.md');
    expect(dutch?.text).toMatch(/^De Tidewater League \(TWL\) is een verbond/);
  });

  it('finds a name asked with its function words in another language ("van de" for "of the")', () => {
    const council = define('Wat is de Council van de Tides?');
    expect(fileOf(council!.passage)).toBe('council.md');
    expect(council?.signals).toEqual({ definition_answer: 1, name_match: 1 });
  });

  it('reads "de" as "of" too, and a noun before its adjective as the languages of the Romance family write it', () => {
    expect(fileOf(define('¿Qué es el Council de la Tides?')!.passage)).toBe('council.md');
    expect(define("Qu'est-ce que la League Tidewater ?")?.text).toBe(LEAGUE_OPENING);
    expect(define("Qu'est-ce que la League Tidewater ?")?.signals).toEqual({ definition_answer: 1, name_match: 1 });
  });

  it('finds a name written with a typo, without a name match', () => {
    const typo = define('What is the Tidewatr League?');
    expect(typo?.text).toBe(LEAGUE_OPENING);
    expect(typo?.signals).toEqual({ definition_answer: 1, name_match: 0 });
  });

  it('answers an abbreviation a passage spells out with the sentence that defines it', () => {
    const spc = define('What is SPC?');
    expect(spc).toMatchObject({ kind: 'definition', signals: { definition_answer: 1, name_match: 1 } });
    expect(spc?.text).toBe('Every harbour of the league follows the Shared Pilotage Code (SPC), a set of rules for guiding ships past the sandbanks.');
    expect(fileOf(spc!.passage)).toBe('pilotage.md');
    expect(define('What are TGOs?')?.text).toBe('The Tide Gauge Officers (TGOs) read the gauges at dawn.');
  });

  // The index keeps "(TGOs)" under "tgo" too: the sentence writes the plural.
  it('answers the singular of an abbreviation written in the plural with its defining sentence', () => {
    expect(define('What is a TGO?')?.text).toBe('The Tide Gauge Officers (TGOs) read the gauges at dawn.');
  });

  it('returns null for a subject no document or abbreviation names', () => {
    expect(subject('What does pilotage mean?')).toBe('pilotage');
    expect(define('What does pilotage mean?')).toBeNull();
    expect(define('What is a lighthouse keeper?')).toBeNull();
  });
});
