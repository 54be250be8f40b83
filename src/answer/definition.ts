import type { SearchIndex } from '../search/build';
import { fold } from '../text/fold';
import { englishFor } from '../text/glossary';
import { editDistance } from '../text/edit-distance';
import { documentsNamed } from '../search/lookups';
import type { Candidate } from './candidate';
import { type AnalyzedQuestion, isCatenativeVerb, isFrameWord, isHedgeWord } from './question';

// A hedge between the question word and its verb: "what exactly is X?", "what actually are X?".
const HEDGE = '(?:(?:exactly|actually|really|basically|precisely|even|just) )?';

// On folded words joined by spaces; group 1 is the subject asked about.
const DEFINITION_PATTERNS: RegExp[] = [
  // Before "what is X": "what's CoR short for?"
  /^(?:what (?:is|s) |whats )?(?:the )?(.+?) short for$/,
  new RegExp(`^(?:what|who) ${HEDGE}(?:is|are|was|were|s) (?:the |a |an )?(.+)$`),
  /^(?:whats|whos) (?:the |a |an )?(.+)$/,
  /^what (?:kind|type|sort) of (?:\S+ )?(?:is|are) (?:the |a |an )?(.+)$/,
  /^what (?:does|do) (?:the )?(.+?) do$/,
  // Chat: "what does X do for a living?" (read as "do as a job": frame-words.json's idioms), "X?? never heard of it".
  /^what (?:does|do) (?:the )?(.+?) do as a job$/,
  /^(?:the )?(.+?) (?:i ve |i have )?never heard of (?:it|that|this|them)$/,
  /^(?:wat doet|wat doen) (?:de |het )?(.+)$/,
  /^(?:que fait|que font) (?:le |la |les |l )?(.+)$/,
  /^(?:was macht|was machen) (?:der |die |das )?(.+)$/,
  /^(?:give me |i want |i d like )?(?:a |an )?(?:short |brief |quick )?(?:description|overview|summary|definition|explanation) of (?:the )?(.+)$/,
  /^what do you know about (?:the )?(.+)$/,
  /^(?:tell me|can you tell me|could you tell me) (?:about|what|who) (?:the )?(.+?)(?: is| are| was)?$/,
  /^(?:can you |could you )?(?:explain|describe) (?:to me )?(?:what|who) (?:the )?(.+?)(?: is| are| was| does| do)?$/,
  // Chat: "eurocities - what kind of organisation is it?" ("eurocities in a nutshell?" is its bare name: frame-words.json)
  /^(?:the )?(.+?) what (?:kind|type|sort) of (?:organi[sz]ation|body|group|network|association|entity|thing) (?:is (?:it|that|this)|are (?:they|those))$/,
  /^(?:what|who|whom) (?:does|do) (?:the )?(.+?) (?:stand for|mean)$/,
  // Chat: "CoR stands for what?", "ENoLL means what?"
  /^(?:the )?(.+?) (?:stands? for|means|short for)(?: what)?$/,
  /^(?:define|explain|describe) (?:the )?(.+)$/,
  /^(?:wat|wie) (?:is|zijn|betekent) (?:de |het |een )?(.+)$/,
  // "What kind of organisation is X?" in the other languages: "qué tipo de organización es", "quel type d'organisation est",
  // "wat voor soort organisatie is", "was für eine Organisation ist", "che tipo di organizzazione è", "que tipo de organização é".
  /^(?:(?:que|quel|quelle|che|qual) (?:tipo|type|sorte|genre)|welche art|wat voor(?: soort)?|was fur(?: eine?)?)(?: (?:de|d|di|von|van))? \S+ (?:es|est|ist|e|is) (?:el |la |le |l |der |die |das |il |de |het |o |a )?(.+)$/,
  // "What does X mean?" in the other languages ("que signifie", "was bedeutet", "qué significa", "cosa vuol dire"; Portuguese "o que significa" too).
  /^(?:o )?(?:que|qu est ce que|was|cosa|che cosa|che) (?:signifie|veut dire|bedeutet|significa|quiere decir|vuol dire) (?:le |la |les |l |der |die |das |el |los |las |il |lo )?(.+)$/,
  /^qu est ce que (?:c est )?(?:le |la |les |l |un |une )?(.+)$/,
  /^c est quoi (?:le |la |les |l |un |une )?(.+)$/,
  /^o que (?:e|sao) (?:o |a |os |as |um |uma )?(.+)$/,
  /^(?:qui|qu) est (?:ce que )?(?:le |la |les |l )?(.+)$/,
  /^(?:was|wer) (?:ist|sind) (?:der |die |das |ein |eine )?(.+)$/,
  /^(?:que|quien) (?:es|son) (?:el |la |los |las |un |una )?(.+)$/,
  /^(?:che )?(?:cos|cosa) e (?:il |la |lo |l |un |una )?(.+)$/,
  // Chat style, the name first: "eurocities wat is dat", "oasc what is that", "enoll c est quoi".
  /^(?:the |de |het |le |la |l )?(.+?) (?:what is (?:that|it|this)|whats that|what s (?:that|it|this)|wat is (?:dat|het)|c est quoi|qu est ce que c est|was ist das|que es eso|cos e)$/,
];

// Articles the patterns take before a subject, for one that stood behind a hedge ("c'est quoi exactement la TWL").
const ARTICLES = new Set(['the', 'a', 'an', 'de', 'het', 'le', 'la', 'les', 'l', 'un', 'une', 'der', 'die', 'das', 'el', 'los', 'las', 'il', 'lo', 'o', 'os', 'as', 'um', 'uma']);

// A subject never starts with a question word.
const SUBJECT_NOT_RE = /^(?:what|whats|which|who|whos|whom|how|when|where|why)$/;

export function definitionSubject(q: AnalyzedQuestion): string | null {
  const folded = q.allWords.join(' ');
  for (const re of DEFINITION_PATTERNS) {
    const m = re.exec(folded);
    if (!m) continue;
    // "wat is eurocities eigenlijk?", "what is oasc exactly": the framing word is no part of the name.
    const words = m[1].trim().split(' ');
    // "which word is ENoLL short for?" names no subject of its own.
    if (SUBJECT_NOT_RE.test(words[0])) continue;
    // "what's the CoR (actually) for?" asks what it is there to do: what a definition says.
    while (words.length > 1 && (isFrameWord(words[words.length - 1]) || words[words.length - 1] === 'for')) words.pop();
    // "c'est quoi exactement EUROCITIES ?": a hedge before the name too.
    if (words.length > 1 && isHedgeWord(words[0])) {
      while (words.length > 1 && isHedgeWord(words[0])) words.shift();
      if (words.length > 1 && ARTICLES.has(words[0])) words.shift();
    }
    // "what does eurocities try to do?": the verb that leads to "do" is no part of the name.
    if (words.length > 2 && words[words.length - 1] === 'to' && isCatenativeVerb(words[words.length - 2])) words.length -= 2;
    return words.join(' ');
  }
  return null;
}

const NAME_FUNCTION_WORDS: Record<string, string> = {
  van: 'of', de: 'the', het: 'the', der: 'of the', des: 'of the', du: 'of the', di: 'of', del: 'of the', della: 'of the', delle: 'of the', dei: 'of the',
  degli: 'of the', da: 'of the', do: 'of the', dos: 'of the', das: 'of the', la: 'the', le: 'the', les: 'the', el: 'the', il: 'the',
};
// "de" is Dutch "the" but French, Spanish and Portuguese "of": a second reading takes it so.
const ROMANCE_FUNCTION_WORDS: Record<string, string> = { ...NAME_FUNCTION_WORDS, de: 'of' };

/** A name asked in another language in English words, word by word: its Dutch and its Romance reading. */
function inEnglish(name: string): string[] {
  const read = (functionWords: Record<string, string>) =>
    name
      .split(' ')
      .map((w) => (Object.hasOwn(functionWords, w) ? functionWords[w] : (englishFor(w)[0] ?? w)))
      .join(' ');
  return [...new Set([read(NAME_FUNCTION_WORDS), read(ROMANCE_FUNCTION_WORDS)])];
}

// A short name matches only when one letter is missing or added at its end ("enol" for ENoLL): short names differ by one letter too often otherwise.
const closeEnough = (a: string, b: string, levenshtein = Infinity): boolean => {
  if (a === b) return true;
  if (a.length >= 4 && Math.abs(a.length - b.length) === 1 && (a.startsWith(b) || b.startsWith(a))) return true;
  if (a.length < 6 || a[0] !== b[0] || Math.abs(a.length - b.length) > 2) return false;
  const allowed = a.length >= 10 ? 2 : 1;
  // Swapped neighbours count once: the plain distance, when small enough, already says yes.
  return levenshtein <= allowed || editDistance(a, b, allowed) <= allowed;
};

/** A name with one pair of neighbouring words swapped, each pair in turn (names of up to six words). */
function adjacentSwaps(name: string): string[] {
  const words = name.split(' ');
  if (words.length < 2 || words.length > MAX_SWAPPED_WORDS) return [];
  return words.slice(1).map((_, i) => [...words.slice(0, i), words[i + 1], words[i], ...words.slice(i + 2)].join(' '));
}
const MAX_SWAPPED_WORDS = 6;

/**
 * "What is X?": when X names a document's subject (its title or abbreviation), the document's
 * opening sentence, which says what X is; when X is an abbreviation defined in a passage, that sentence.
 */
export function answerDefinition(index: SearchIndex, q: AnalyzedQuestion): Candidate | null {
  // A bare name ("OASC?", "Eurocities") asks what it is, too.
  const subject = definitionSubject(q) ?? (q.allWords.length <= 6 ? q.allWords.join(' ') : null);
  if (!subject) return null;
  // closeEnough allows two edits from ten letters on, one below.
  const matching = (name: string) => documentsNamed(index, name, closeEnough, name.length >= 10 ? 2 : 1);
  // "het comite van de regios" is "the committee of the regions": a name asked in another language, word by word.
  let asked = subject;
  let docs = matching(asked);
  // French, Spanish, Italian and Portuguese put the adjective after its noun: "rede europeia" is the European network.
  // Tried only for a name asked in another language, or one that had words to translate.
  const foreign = (q.spoken ?? q.lang) !== 'en';
  for (const english of docs.length ? [] : inEnglish(subject)) {
    const names: string[] = foreign || english !== subject ? [english, ...adjacentSwaps(english)] : [];
    for (const name of names) if (!docs.length && name !== subject) docs = matching((asked = name));
    if (docs.length) break;
  }
  if (docs.length) {
    const doc = docs.find((d) => d.lang === q.lang) ?? docs.find((d) => d.lang === 'en') ?? docs[0];
    const first = doc.passages.find((i) => index.passages[i].passage.kind === 'text') ?? doc.passages[0];
    const segments = index.passages[first].segments;
    let text = segments[0]?.text ?? '';
    if (text.length < 100 && segments[1]) text += ` ${segments[1].text}`;
    return { kind: 'definition', text, passage: first, confidence: 0, signals: { definition_answer: 1, name_match: doc.subjects.includes(asked) ? 1 : 0 } };
  }
  const acronym = index.acronyms.get(subject);
  if (acronym) {
    // The index keeps "(TGOs)" under "tgo" too: the defining sentence may write either form.
    const markers = [`(${subject})`, `(${subject}s)`];
    const segment = index.passages[acronym.passage].segments.find((s) => {
      const folded = fold(s.text);
      return markers.some((m) => folded.includes(m));
    });
    if (segment) return { kind: 'definition', text: segment.text, passage: acronym.passage, confidence: 0, signals: { definition_answer: 1, name_match: 1 } };
  }
  return null;
}
