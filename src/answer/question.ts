import { escapeRegExp } from '../text/escape-regexp';
import { isContentWord, isStopword, isStopwordAnywhere, stem, words, writtenAsAbbreviation } from '../text/analyze';
import { fold } from '../text/fold';
import { detectLang, likeliestLang, SUPPORTED_LANGS } from '../text/lang';
import frameWords from '../text/data/frame-words.json';
import type { Lang } from '../types';

/** What kind of thing the question asks for, when its wording says so ("when" → a date). */
export type Expectation = 'date' | 'number' | 'person' | 'place' | 'expansion' | 'reason' | 'comparison' | 'quote';

/** Meaningful words read from one question; the answerer tracks them in 31-bit masks. */
export const MAX_QUESTION_WORDS = 31;

/** One meaningful word of a question, with its stem in every language the knowledge holds. */
export interface QuestionWord {
  /** Folded surface form. */
  word: string;
  /** Stems to look up: the question language's first, then the knowledge's other languages. */
  stems: string[];
}

export interface AnalyzedQuestion {
  /** The question as asked, whitespace tidied. */
  text: string;
  /** Folded words, stop words included. */
  allWords: string[];
  lang: Lang;
  /** The language it is written in, among all supported ones, when the detector is sure (a French question to English documents). */
  spoken: Lang | null;
  words: QuestionWord[];
  expects: Expectation | null;
  /** Folded words written with a capital inside the question ("Finnish", "Bristol"): names the answer must deal with. */
  capitalized: Set<string>;
  /** Words that only said what kind of answer is expected ("when", "stand" of "stand for"): no topic. */
  cueWords: Set<string>;
  /** The category a "what kind of X" question asks within: the answer is a kind of X, often without the word X. */
  category: Set<string>;
  /** `allWords` as a set, and every stem of `words`: what a candidate's names are checked against. */
  asked: ReadonlySet<string>;
  askedStems: ReadonlySet<string>;
}

// Words that frame a question rather than say what it is about, hedges among them: src/text/data/frame-words.json.
const HEDGE_WORDS: ReadonlySet<string> = new Set(frameWords.hedges);
const FRAME_WORDS: ReadonlySet<string> = new Set([...frameWords.words, ...HEDGE_WORDS]);
// Phrases that only place a question in time ("over the years", "at the moment"), from the same file.
const FRAME_PHRASES_RE = new RegExp(`\\b(?:${frameWords.phrases.map(escapeRegExp).join('|')})\\b`, 'gi');
// What a question sets aside ("apart from laws, what does the Commission do abroad?", "anything besides making
// laws?") is not what it asks about: up to a comma at its start, or in its last three words (same file).
// "Apart from" only at the start: near the end it may set a thing apart ("what sets the council apart from others?").
const EXCLUSIONS = frameWords.exclusions.map(escapeRegExp);
const SET_ASIDE_RES = [
  new RegExp(`^[¿¡"'«(]*(?:${EXCLUSIONS.join('|')})\\s[^,;?!]{1,60},`, 'iu'),
  new RegExp(`\\s(?:${EXCLUSIONS.filter((e) => e !== 'apart from').join('|')})(?:\\s+[^\\s,;?!]+){1,3}[\\s?.!]*$`, 'iu'),
];
/** A question without what it sets aside; all of it when nothing else would be left ("who else besides the mayor?"). */
function withoutSetAside(text: string, lang: Lang): string {
  const rest = SET_ASIDE_RES.reduce((t, re) => t.replace(re, ' '), text);
  return rest === text || words(rest).some((w) => isContentWord(w, lang)) ? rest : text;
}
// Idioms for one word the documents would use ("set up" for "founded"), from the same file.
const IDIOMS = new Map(Object.entries(frameWords.idioms as Record<string, string>).map(([idiom, word]) => [idiom.toLowerCase(), word]));
// Not where the idiom is part of a longer phrase: "the point of contact", "from the point of view of".
const IDIOMS_RE = new RegExp(`\\b(?:${[...IDIOMS.keys()].map(escapeRegExp).join('|')})\\b(?! (?:contact|view)\\b)`, 'gi');

/** Whether a word only frames a question ("please", "actually", "eigenlijk") and says nothing of its topic. */
export const isFrameWord = (word: string): boolean => FRAME_WORDS.has(word);

/** Whether a frame word is a hedge ("exactly", "eigenlijk"), which may stand before or after a name. */
export const isHedgeWord = (word: string): boolean => HEDGE_WORDS.has(word);

// English verbs that, followed by "to", lead to the verb that says what is asked.
const CATENATIVE_VERBS = new Set('want wants wanted try tries trying tried supposed going intend intends intended hope hopes hoping seek seeks seeking'.split(' '));

/** How far after a leading verb its "to" may come: "want to", "want cities to", "want our cities to". */
const CATENATIVE_REACH = 3;
const CLAUSE_BREAK = new Set(['and', 'or', 'but', 'how', 'what', 'when', 'where', 'who', 'why', 'which']);

/** Whether a verb followed by "to" only leads to another ("want to", "trying to"). */
export const isCatenativeVerb = (word: string): boolean => CATENATIVE_VERBS.has(word);

interface Cue {
  re: RegExp;
  expects: Expectation;
  /** Words of the cue that are no topic ("year" in "which year"). */
  drop: string[];
  /** Whether the cue counts only in a question about an abbreviation alone ("OASC", "CoR"). */
  abbreviated?: boolean;
  /** A question this matches is not the cue's, though `re` matches it. */
  unless?: RegExp;
}

/**
 * "Where do SMEs come up in the priorities?", "where does the charter come in?", "where does OASC stand on open
 * data?": a place in a text or a stance, not on a map. The verb (group 1) says how, not what, it is asked about.
 */
const WHERE_IDIOM_RE = /^where (?:do|does|did|would|will)\b.*?\b((?:come|comes) (?:in|up)|fits?(?: in)?|stands?|features?|appears?|(?:show|shows) up)\b/;

/** Whether abbreviations are all a question is about, its cue aside ("OASC - what's the full name?", not "the CoR president's"). */
function asksAbbreviation(text: string, lang: Lang, cue: Cue): boolean {
  if (text === text.toUpperCase()) return false;
  const topic = (text.match(/[\p{L}\p{N}&]+/gu) ?? []).filter((w) => {
    const folded = fold(w);
    return !cue.drop.includes(folded) && !FRAME_WORDS.has(folded) && isContentWord(folded, lang);
  });
  return topic.length > 0 && topic.every(writtenAsAbbreviation);
}

// "Who is the contact person?", "qui est la personne de contact ?": the word says what kind of answer is asked, as "who" does.
const PERSON_WORDS = ['person', 'persoon', 'personne', 'persona'];

// Words for a motto: what a quote-question asks for, no topic of it (src/text/data/frame-words.json).
const MOTTO_WORDS: string[] = frameWords.motto;

// Nouns for the kind of thing a which-question asks for (src/text/data/frame-words.json), and the question words before them.
const CATEGORY_NOUNS: ReadonlySet<string> = new Set(frameWords.categories.nouns);
const WHICH_RE = new RegExp(`\\b(?:${frameWords.categories.ask.map(escapeRegExp).join('|')}) `, 'g');
/** How many words may stand between the question word and its category noun: "which EU institution", "what other body". */
const CATEGORY_REACH = 2;

/** "What share of laws…", "what percentage…", "what size…": the noun says a number is asked ("share" as a verb, "the size of the fleet" stay topic words). */
const QUANTITY_NOUN_RE = /\b(?:what|which) (percentage|proportion|share|size|amount)\b/;

// Matched against folded text.
const CUES: Cue[] = [
  // "Which year…", and chat style that ends on the kind of date: "enoll founding yr?", "launch date?"
  { re: /\b(what|which|in what|in which) (year|date|month|day)\b|\b(year|yr|date)$/, expects: 'date', drop: ['year', 'yr', 'date', 'month', 'day'] },
  { re: /^(when|wanneer|quand|wann|cuando|quando)\b|\b(since when|in welk jaar|en quelle annee|in welchem jahr|en que ano|in che anno)\b/, expects: 'date', drop: ['when', 'wanneer', 'quand', 'wann', 'cuando', 'quando', 'jaar', 'annee', 'jahr', 'ano', 'anno'] },
  { re: /\b(how (many|much|big|large|long|old|far|high|tall)|what (size|amount|percentage|proportion|share)|hoeveel|combien|wie viele?|cuant[oa]s?|quant[oaie])\b/, expects: 'number', drop: ['many', 'much', 'big', 'large', 'long', 'old', 'far', 'high', 'tall', 'hoeveel', 'combien', 'viele', 'viel', 'cuanto', 'cuanta', 'cuantos', 'cuantas', 'quanto', 'quanta', 'quanti', 'quante'] },
  { re: /\b(stand|stands|short) for\b|\b(abbreviation|acronym|afkorting|sigle)\b/, expects: 'expansion', drop: ['stand', 'stands', 'short', 'abbreviation', 'acronym', 'afkorting', 'sigle'] },
  // "How is OASC different from other networks?", "what sets it apart?", "are all living labs run the same way?": a
  // comparison, which a sentence that compares answers ("Unlike any other city network…", "…common elements but
  // different implementations"). Before "who": German "wie" asks how ("Wie unterscheidet sich X von Y?"). "Apart from
  // laws, what…", "how many different species…" and "make a difference" compare nothing.
  { re: /\b(?:(?:different|similar)(?= (?:from|than|to|de|da|von|van|als)\b|$)|differ|differs|(?<!make a |makes a |making a |what )(?:difference|differences)|unlike|alike|distinguish|distinguishes|the same (?:way|as)|sets? \S+(?: \S+){0,4} apart|verschil|verschilt|verschillen|anders (?:dan|als)|unterschied|unterscheidet|unterscheiden|differente|differentes|distingue|diferencia|diferente|diferentes|diferencian|diverso|differenza|differiscono)\b/, expects: 'comparison', drop: ['apart', 'set', 'sets', 'distinguish', 'distinguishes', 'distingue', 'unterscheidet', 'different', 'differ', 'differs', 'difference', 'differences', 'similar', 'unlike', 'alike'] },
  // "Who is the vice chair?" asks for a name; "who are the members?", "who can join?", "whose voice is it?" as
  // often for a kind of people or a body ("local governments", "regions and cities").
  { re: /^(who|whom|who's|wie|qui|wer|quien|chi)\b(?! (are|were|zijn|waren|sont|etaient|sind|son|eran|sono|erano|(?:can|could|may) (?:be|become|join)|(?:kan|kunnen|mag|mogen) (?:er )?(?:lid|worden)|(?:peut|peuvent) (?:devenir|etre membre|adherer)|(?:kann|konnen) (?:mitglied|beitreten)|(?:puede|pueden) (?:ser miembro|hacerse|unirse)|(?:puo|possono) (?:diventare|essere membro|aderire))\b)/, expects: 'person', drop: ['who', 'whom', 'wie', 'qui', 'wer', 'quien', 'chi', ...PERSON_WORDS] },
  // "What's the motto for…?", "the slogan?": words in quotation marks, which the question cannot name.
  { re: new RegExp(`\\b(?:${MOTTO_WORDS.join('|')})\\b`), expects: 'quote', drop: MOTTO_WORDS },
  // A why-question asks for a reason, which a sentence may give and a labelled fact ("Vice chair: Laia Bonet") never does.
  { re: /^(why|how come|waarom|pourquoi|warum|wieso|weshalb|por que|porque|perche|come mai)\b/, expects: 'reason', drop: ['why', 'waarom', 'pourquoi', 'warum', 'wieso', 'weshalb', 'porque', 'perche'] },
  { re: /^(where|waar|ou|wo|donde|dove)\b|\b(which|what|in which|in what) (city|town|country|region|place)\b/, expects: 'place', drop: ['where', 'waar', 'ou', 'wo', 'donde', 'dove'], unless: WHERE_IDIOM_RE },
  // What something costs or is worth is an amount ("what does membership cost?", "what's one Bristol pound worth?"),
  // after the cues that open a question: "who covers the costs?" asks for a name, "why does it cost so much?" a reason.
  { re: /\b(cost|costs|worth|kost|kosten|kostet|waard|coute|coutent|vaut|cuesta|cuestan)\b/, expects: 'number', drop: [] },
  // "OASC - what's the full name?"; but the full name of a person ("the vice chair's full name") is no expansion.
  { re: /\b(full|volledige) (name|form|naam)\b|\bnom complet\b/, expects: 'expansion', drop: ['full', 'name', 'form', 'volledige', 'naam', 'nom', 'complet'], abbreviated: true },
  // Chat style that ends on the question word ("ENoLL a été créé quand ?", "founded when?"); last, so that "who
  // chaired the forum and when?" still asks for a name.
  { re: /\b(when|wanneer|quand|wann|cuando|quando)$/, expects: 'date', drop: ['when', 'wanneer', 'quand', 'wann', 'cuando', 'quando'] },
];

// A what-question that ends on a verb of describing, in each language (frame-words.json's describe).
const DESCRIBE = Object.values(frameWords.describe as Record<string, { ask: string[]; verbs: string[]; goal: string[] }>);
const GOAL_VERBS: ReadonlySet<string> = new Set(DESCRIBE.flatMap((d) => d.goal));
// One per language: German "was" opens no English question ("Was the target hard to achieve?").
const DESCRIBE_RES = DESCRIBE.map(({ ask, verbs, goal }) => new RegExp(`^(?:${ask.map(escapeRegExp).join('|')})\\b.*\\b(${[...verbs, ...goal].map(escapeRegExp).join('|')})$`));
// Per language, the role nouns and the verbs that only say such a role is held or played (frame-words.json's roles).
const ROLES = new Map(Object.entries(frameWords.roles as Record<string, { nouns: string[]; verbs: string[] }>).map(([lang, { nouns, verbs }]) => [lang, { nouns: new Set(nouns), verbs: new Set(verbs) }]));
/** How many words from its role noun a role verb may stand ("what *role* do living labs in Europe *play*"). */
const ROLE_VERB_REACH = 5;

/**
 * "What role does X play?", "what position does she hold?": the verbs of the question's language (or English) that
 * only say the role asked is held, within reach of one of its role nouns.
 */
function roleVerbsIn(words: readonly string[], langs: readonly string[]): string[] {
  const out: string[] = [];
  for (const lang of new Set(langs)) {
    const roles = ROLES.get(lang);
    if (!roles) continue;
    words.forEach((w, i) => {
      if (!roles.verbs.has(w)) return;
      const near = words.slice(Math.max(0, i - ROLE_VERB_REACH), i + ROLE_VERB_REACH + 1);
      if (near.some((n) => roles.nouns.has(n))) out.push(w);
    });
  }
  return out;
}

/** What a goal verb ending a what-question asks for ("what is OASC trying to achieve?" asks for its aim). */
const GOAL_WORD = 'aim';

/**
 * Function words of another language than the question's that outnumber a name's particles: three or more ("de",
 * "van", "het"; a name such as "De la Warr" has two at most).
 */
const MIXED_FUNCTION_WORDS = 3;

/**
 * The other language a question is asked in around words of `lang`: it opens with that language's function word
 * ("wie", "qui", "wer") and holds at least `MIXED_FUNCTION_WORDS` of them, none of them `lang`'s. "Which door do
 * men want?" holds three Dutch function words ("door", "men", "want") but opens in English.
 */
function mixedInLanguage(words: readonly string[], lang: Lang): Lang | null {
  const first = words[0];
  if (first === undefined) return null;
  for (const other of SUPPORTED_LANGS) {
    if (other === lang || !isStopword(first, other) || isStopword(first, lang)) continue;
    if (new Set(words.filter((w) => isStopword(w, other) && !isStopword(w, lang))).size >= MIXED_FUNCTION_WORDS) return other;
  }
  return null;
}

/**
 * The language tinyld finds likeliest for a question it is unsure of (`guess`), kept when the question holds at least
 * {@link GUESS_FUNCTION_WORDS} function words of it that `lang` lacks: "O que é a Rede Europeia de Living Labs?"
 * (Portuguese at 0.12, with "que" and "de"), where short questions keep the detector under its sure accuracy.
 */
function guessedLang(guess: Lang, words: readonly string[], lang: Lang): Lang | null {
  if (guess === lang) return null;
  return new Set(words.filter((w) => isStopword(w, guess) && !isStopword(w, lang))).size >= GUESS_FUNCTION_WORDS ? guess : null;
}
const GUESS_FUNCTION_WORDS = 2;

/**
 * The category noun of a which-question ("which EU institution…" → institution): the first noun of the category list
 * after the question word, with at most {@link CATEGORY_REACH} words before it and none of them a grammar word
 * ("what does the institution do?" asks about the institution, not for one).
 */
function categoryNouns(folded: string, lang: Lang): string[] {
  const found: string[] = [];
  for (const m of folded.matchAll(WHICH_RE)) {
    const next = folded.slice(m.index + m[0].length).split(' ', CATEGORY_REACH + 1);
    const at = next.findIndex((w) => CATEGORY_NOUNS.has(w));
    if (at >= 0 && next.slice(0, at).every((w) => !isStopword(w, lang))) found.push(next[at]);
  }
  return found;
}

/**
 * Analyses a question: its language (among `langs`), what it expects, and its meaningful words
 * with their stems in each of the knowledge's languages.
 */
export function analyzeQuestion(text: string, langs: readonly Lang[]): AnalyzedQuestion {
  const tidy = text.replace(/\s+/g, ' ').trim();
  const lang = detectLang(tidy, langs.length ? langs : ['en']);
  // Phrasal verbs the documents say in one word.
  const allWords = words(withoutSetAside(tidy, lang).replace(/[‘’]/g, "'").replace(IDIOMS_RE, (m) => IDIOMS.get(m.toLowerCase()) ?? m).replace(FRAME_PHRASES_RE, ' '));
  const folded = allWords.join(' ');
  let expects: Expectation | null = null;
  const dropped = new Set<string>();
  const quantity = QUANTITY_NOUN_RE.exec(folded);
  if (quantity) dropped.add(quantity[1]);
  const idiom = WHERE_IDIOM_RE.exec(folded);
  idiom?.[1].split(' ').forEach((w) => dropped.add(w));
  for (const cue of CUES) {
    if (cue.re.test(folded) && !cue.unless?.test(folded) && (!cue.abbreviated || asksAbbreviation(tidy, lang, cue))) {
      expects = cue.expects;
      cue.drop.forEach((w) => dropped.add(w));
      break;
    }
  }
  // "What is OASC trying to achieve?", "which charter did they want to advance?": a verb that only leads to another
  // ("want to", "trying to", "supposed to") says what is asked about no more than "please" does; so does one with
  // its object before the "to" ("do they want cities to turn into…", "want our cities to become").
  allWords.forEach((w, i) => {
    if (!CATENATIVE_VERBS.has(w)) return;
    const after = allWords.slice(i + 1, i + 1 + CATENATIVE_REACH);
    // Within its own clause: "what do the members want, and how to join?" keeps "want".
    const clause = after.slice(0, after.findIndex((x) => CLAUSE_BREAK.has(x)) >>> 0);
    if (clause.includes('to')) dropped.add(w);
  });
  // "What does the Smart Technologies priority cover?", "what is OASC trying to achieve?": a verb that ends a
  // what-question asks for a description of its subject, in whatever words the documents give it.
  let describe: RegExpExecArray | null = null;
  for (const re of DESCRIBE_RES) if (!describe) describe = re.exec(folded);
  if (describe) dropped.add(describe[1]);
  const otherLangs = langs.filter((l) => l !== lang);
  // A question in a language the knowledge lacks ("de" in a Spanish one) has that language's function words too.
  // The detector runs only when two words are function words of another language: most questions have none, and one
  // alone is usually part of a name ("De Gaulle", "La Scala").
  const foreignFunctionWords = allWords.filter((w) => !isStopword(w, lang) && isStopwordAnywhere(w)).length >= 2;
  const likeliest = foreignFunctionWords ? likeliestLang(tidy) : null;
  const spoken = likeliest === null ? null : likeliest.sure ? likeliest.lang : guessedLang(likeliest.lang, allWords, lang);
  for (const verb of roleVerbsIn(allWords, [spoken ?? lang, 'en'])) dropped.add(verb);
  // Code-switching ("wie is de vice chair van het forum"): English names in a Dutch sentence make it read as English,
  // yet the Dutch grammar words are still grammar.
  const mixedIn = foreignFunctionWords ? mixedInLanguage(allWords, lang) : null;
  const functionWord = (word: string) => (spoken !== null && spoken !== lang && isStopword(word, spoken)) || (mixedIn !== null && isStopword(word, mixedIn));
  const seen = new Set<string>();
  const questionWords: QuestionWord[] = [];
  const stemsOf = (word: string): string[] => {
    const stems = [stem(word, lang)];
    for (const other of otherLangs) {
      const s = stem(word, other);
      if (!stems.includes(s)) stems.push(s);
    }
    return stems;
  };
  for (const word of allWords) {
    if (seen.has(word) || dropped.has(word) || FRAME_WORDS.has(word) || !isContentWord(word, lang) || functionWord(word)) continue;
    seen.add(word);
    questionWords.push({ word, stems: stemsOf(word) });
    if (questionWords.length === MAX_QUESTION_WORDS) break;
  }
  if (describe && GOAL_VERBS.has(describe[1]) && !seen.has(GOAL_WORD) && questionWords.length < MAX_QUESTION_WORDS) questionWords.push({ word: GOAL_WORD, stems: stemsOf(GOAL_WORD) });
  // Capitals mean names only where the question is not written in capitals throughout, nor in German (every noun).
  const capitalized = new Set<string>();
  if (tidy !== tidy.toUpperCase() && (spoken ?? lang) !== 'de') {
    const original = tidy.match(/[\p{L}\p{N}]+/gu) ?? [];
    original.slice(1).forEach((w) => {
      if (/^\p{Lu}/u.test(w)) capitalized.add(fold(w));
    });
  }
  const category = new Set([...folded.matchAll(/\b(?:kind|kinds|type|types|sort|sorts) of (\S+)/g)].map((m) => m[1]));
  // Grammar words of the language the question is spoken in: "est-ce que la ville…" put to English documents.
  for (const noun of categoryNouns(folded, spoken ?? lang)) category.add(noun);
  // Only who- and where-questions read these (satisfies in retrieve.ts): made the first time they are read.
  let asked: Set<string> | undefined;
  let askedStems: Set<string> | undefined;
  return {
    text: tidy,
    allWords,
    lang,
    spoken,
    words: questionWords,
    expects,
    capitalized,
    cueWords: dropped,
    category,
    get asked() {
      return (asked ??= new Set(allWords));
    },
    get askedStems() {
      return (askedStems ??= new Set(questionWords.flatMap((w) => w.stems)));
    },
  };
}
