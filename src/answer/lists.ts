import type { SearchIndex } from '../search/build';
import { factLabels, listPassageIds, perIndex } from '../search/lookups';
import { itemHead } from '../search/segments';
import { isStopwordAnywhere, stem } from '../text/analyze';
import { foldedWords } from '../text/fold';
import type { Candidate } from './candidate';
import { bestNameMatches, wordsClose } from './names';
import type { AnalyzedQuestion } from './question';
import type { ResolvedWord } from './retrieve';

const MEMBER_RE = /\b(member|members|membership|lid|leden|membre|membres|mitglied|mitglieder|miembro|miembros|membro|membri|participants?|partners?)\b/;
const ENGLISH_CONTAINER_WORDS = new Set(['forum', 'network', 'list', 'eurocities']);
const CONTAINER_WORDS = new Set([...ENGLISH_CONTAINER_WORDS, 'netwerk', 'lijst', 'reseau', 'liste', 'netzwerk', 'red', 'rete']);

interface MembershipQuestion {
  name: string;
  /** The relation names membership outright ("a member", "listed"), not just "in …". */
  explicit: boolean;
  /** The words of the relation ("a member", "in", "signed up"). */
  relation: string;
  tail: string[];
}

// On folded words joined by spaces (punctuation gone).
const MEMBERSHIP_PATTERNS: RegExp[] = [
  /^(?:is|are|was|were)\s+(.+?)\s+(?:also\s+|still\s+|already\s+)?(?:(?:a|an|one of the)\s+)?(members?(?: city| cities| organisation| organization)?|listed|a participant|partners?|part of|included in|signed up|on board|in|among|on)\b(.*)$/,
  /^(?:has|have|did)\s+(.+?)\s+(?:already\s+|ever\s+)?(joined|join|signed up|sign up)\b(.*)$/,
  /^(?:does|do)\s+(.+?)\s+(belong to|participate in|take part in|appear in|appear on)\b(.*)$/,
  /^(?:is|zijn)\s+(.+?)\s+(?:een\s+)?(lid|leden|deelnemer|onderdeel van|aangesloten bij|vermeld)\b(.*)$/,
  /^hoort\s+(.+?)\s+(bij)\b(.*)$/,
  /^(?:est ce que\s+)?(.+?)\s+(?:est|sont)\s+(?:un |une )?(membres?)\b(.*)$/,
  /^(?:est ce que\s+)?(.+?)\s+(fait partie)\b(.*)$/,
  /^(?:ist|sind)\s+(.+?)\s+(?:ein\s+)?(mitglied|teil)\b(.*)$/,
  /^(?:es|son)\s+(.+?)\s+(?:un\s+)?(miembros?|parte)\b(.*)$/,
  /^(?:e|sono)\s+(.+?)\s+(?:un\s+)?(membro|membri|parte)\b(.*)$/,
  // "Torino fa parte della rete?", "Sevilla forma parte de la red?", "Gent maakt deel uit van het forum?", "Köln gehört zum Netzwerk?"
  /^(.+?)\s+(fa parte|fanno parte|forma parte|forman parte|maakt deel uit|maken deel uit|gehort zu|gehoren zu|gehort zum|gehoren zum)\b(.*)$/,
  // Chat style: "krakow member?", "gent lid van het forum?", "brighton a member?"
  /^(.+?)\s+(?:a\s+|an\s+|een\s+)?(member|lid|membre|mitglied|miembro|membro)\b(.*)$/,
  // "liverpool in the network?": only where the rest names the list's container (checked with the lists).
  /^(.+?)\s+(in|part of|among|on)\s+(the\s+\S+(?:\s+\S+)?)$/,
];

// "Does the forum include Utrecht?": the container first, the name last.
// The container is a name of one to three words: "does the forum want every citizen to have ICT access?" asks no membership.
// What something has after "a" or "an" is a kind of thing ("does eurocities have a youth programme?"), not a member.
const CONTAINS_RE = /^(?:does|do)\s+(?:the\s+)?(\S+(?:\s+\S+){0,2}?)\s+(?:include|contain|list|count|have(?!\s+an?\s))s?\s+(.+?)(?:\s+(?:as (?:a )?members?|among (?:its|the) members))?$/;
// Not a name: "Are there any Dutch cities in the forum?" asks for a list, not about one member.
// Nor is a request ("give me all the member cities") or a question about kinds ("welk soort organisaties kan lid worden").
const NOT_A_NAME_RE = /^(there|any|some|all|which|what|who|whose|when|where|why|how|many|was|were|is|are|does|do|did|can|could|will|would|has|have|had|it|its|they|wie|wat|wanneer|waar|welke?|hoeveel|give|list|show|tell|name|geef|noem)\b|\b(cities|members|towns|organisations|organizations|organisaties|any|me|kind|kinds|sort|type|types|soort|kan|can|kann|peut|puede|puo|pode)\b/;

// Relations that say joining without naming what ("is X signed up?", "has X joined?", "is X part of it?").
const JOINING_RELATIONS = new Set(['signed up', 'on board', 'joined', 'join', 'sign up', 'part of']);
// What may follow such a relation: "part of it", "signed up yet", "on board already".
const POINTING_TAIL_WORDS = new Set(['it', 'this', 'that', 'them', 'us', 'yet', 'already', 'too', 'also', 'now', 'there', 'here']);
// Relations that say joining only with a pointing word after them: "is X in there?", "is X among them?".
const POINTED_RELATIONS = new Set(['in', 'among', 'on']);

// The words membership is asked with; a typo in one ("memeber", "membr") is read as it, by the names' typo rule.
const MEMBERSHIP_WORDS = ['member', 'members', 'membership', 'listed'];

/** A word read as the membership word it misspells, or as itself. */
function membershipWord(word: string): string {
  // The membership words of the other languages ("membre", "membro") are words, not typos.
  if (MEMBER_RE.test(word) || MEMBERSHIP_WORDS.includes(word) || CONTAINER_WORDS.has(word)) return word;
  // A letter typed twice, dropped or swapped ("memeber", "membr", "memebr"); one letter for another is as often
  // another word ("lifted", "lasted" for "listed").
  return MEMBERSHIP_WORDS.find((m) => wordsClose(word, m) && (word.length !== m.length || sameLetters(word, m))) ?? word;
}

const sameLetters = (a: string, b: string): boolean => [...a].sort().join('') === [...b].sort().join('');

export function parseMembership(q: AnalyzedQuestion): MembershipQuestion | null {
  const folded = q.allWords.map(membershipWord).join(' ');
  // The question's own grammar words never end a name: "torino e membro" asks about Torino, "sevilla es miembro" about Sevilla.
  const strip = (name: string) => {
    const words = name.replace(/^(the|de|het|le|la|les|der|die|das|el|il)\s+/, '').split(' ');
    while (words.length > 1 && isStopwordAnywhere(words[words.length - 1])) words.pop();
    return words.join(' ');
  };
  const usable = (name: string) => name.split(' ').length <= 6 && !NOT_A_NAME_RE.test(name);
  for (const re of MEMBERSHIP_PATTERNS) {
    const m = re.exec(folded);
    if (!m || !usable(m[1])) continue;
    return { name: strip(m[1]), explicit: MEMBER_RE.test(m[2]) || /listed|vermeld|participant/.test(m[2]), relation: m[2], tail: m[3].trim().split(' ').filter(Boolean) };
  }
  const contains = CONTAINS_RE.exec(folded);
  if (contains && usable(contains[2])) return { name: strip(contains[2]), explicit: false, relation: 'include', tail: contains[1].split(' ') };
  return null;
}

const headingText = (index: SearchIndex, i: number): string => index.passages[i].passage.headings.join(' ') || '';
/** The list passages whose headings say they list members, once per index (read by membership and list questions). */
const memberListIds = perIndex((index): ReadonlySet<number> => new Set(listPassageIds(index).filter((i) => MEMBER_RE.test(foldedWords(headingText(index, i)).join(' ')))));
const docTitle = (index: SearchIndex, i: number): string => index.documents[index.passages[i].doc].title;

/** A document title after "of": "the EUROCITIES Knowledge Society forum", but "The Quay Compact" keeps its own article. */
const theTitle = (title: string): string => (/^the\s/i.test(title) ? title : `the ${title}`);

function titleCase(name: string): string {
  return name.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}

/** "Is Helsinki a member?": yes or no from the lists whose heading says they list members. */
export function answerMembership(index: SearchIndex, q: AnalyzedQuestion): Candidate | null {
  const asked = parseMembership(q);
  // "Is the vice chair in the forum?" asks about a role the knowledge names, not a member's name.
  if (!asked || factLabels(index).has(asked.name)) return null;
  const memberLists = [...memberListIds(index)];
  if (!memberLists.length) return null;
  // "Is Brighton & Hove part of it?", "is Newcastle signed up?": no list named, so only a name on a members list
  // answers, never a "no" (the question may be about something else altogether).
  let onlyIfListed = false;
  if (!asked.explicit) {
    // "Is X in the forum?" is about membership only when "the forum" is what the list belongs to ("the" says nothing).
    const context = new Set(memberLists.flatMap((i) => foldedWords(`${docTitle(index, i)} ${headingText(index, i)}`)));
    // After English "the", only English words name it: "in the red" is no Spanish "la red" (network).
    const containers = asked.tail.includes('the') ? ENGLISH_CONTAINER_WORDS : CONTAINER_WORDS;
    if (!asked.tail.some((w) => !isStopwordAnywhere(w) && (context.has(w) || containers.has(w)))) {
      const pointing = asked.tail.every((w) => POINTING_TAIL_WORDS.has(w));
      const joining = JOINING_RELATIONS.has(asked.relation) || (POINTED_RELATIONS.has(asked.relation) && asked.tail.length > 0);
      if (!joining || !pointing) return null;
      onlyIfListed = true;
    }
    // "Has Helsinki joined the ENoLL network?": an abbreviation of another subject than the members list's (not
    // namesAnotherSubject's test, which would also refuse "EUROCITIES", a word of the forum's own title).
    const otherAbbreviation = (w: string) => {
      const expansion = index.acronyms.get(w)?.expansion;
      return expansion !== undefined && !context.has(w) && !foldedWords(expansion).every((x) => context.has(x));
    };
    if (asked.tail.some(otherAbbreviation)) return null;
  }
  let best: { list: number; name: string; score: number; others: string[] } | null = null;
  for (const list of memberLists) {
    const matches = bestNameMatches(asked.name, index.passages[list].passage.items ?? [], 0.75);
    if (matches.length && (!best || matches[0].score > best.score)) {
      best = { list, name: matches[0].name, score: matches[0].score, others: matches.slice(1, 4).map((m) => m.name) };
    }
  }
  if (best) {
    const count = index.passages[best.list].passage.items?.length ?? 0;
    const also = best.others.length ? ` Also listed: ${best.others.join(', ')}.` : '';
    return {
      kind: 'membership',
      text: `Yes: ${best.name} is listed as a member of ${theTitle(docTitle(index, best.list))} (one of ${count} listed members).${also}`,
      passage: best.list,
      confidence: 0,
      signals: { membership_yes: 1, name_match: best.score },
    };
  }
  if (onlyIfListed) return null;
  const list = memberLists[0];
  const count = index.passages[list].passage.items?.length ?? 0;
  return {
    kind: 'membership',
    text: `No: ${titleCase(asked.name)} is not listed among the ${count} members of ${theTitle(docTitle(index, list))}.`,
    passage: list,
    confidence: 0,
    signals: { membership_no: 1 },
  };
}

const COUNT_RE = /\b(?:how many|hoeveel|combien de|combien d|wie viele|cuantos|cuantas|quanti|quante)\s+(?:\d+\s+)?(\p{L}+)/u;
const GENERIC_COUNTED = new Set(['cities', 'city', 'towns', 'town', 'municipalities', 'members', 'organisations', 'organizations', 'entries', 'items', 'names', 'partners', 'steden', 'leden', 'villes', 'membres', 'stadte', 'mitglieder', 'ciudades', 'miembros', 'citta', 'membri']);

/**
 * Whether the question's other words name a different document's subject ("members of EUROCITIES"
 * is not about the forum's member list, even though the forum's title contains "EUROCITIES").
 */
function namesAnotherSubject(index: SearchIndex, q: AnalyzedQuestion, list: number): boolean {
  const folded = ` ${q.allWords.join(' ')} `;
  const own = index.passages[list].doc;
  const ownSubjects = index.documents[own].subjects;
  return index.documents.some((d, i) => i !== own && d.subjects.some((s) => s.length > 2 && folded.includes(` ${s} `) && !ownSubjects.some((o) => o === s)));
}

/**
 * Whether every question word is in `terms` (or in `except`, or an ordinal). The words of a phrase found there count
 * with it: "focus areas" reaches the heading's "priorities", its "focus" and "areas" need not.
 */
function coveredBy(words: ResolvedWord[], terms: Set<string>, except: Set<string>): boolean {
  const held = (w: ResolvedWord) => w.terms.some((t) => terms.has(t));
  const inHeldPhrase = new Set(words.filter((w) => w.word.includes(' ') && held(w)).flatMap((w) => w.word.split(' ')));
  return words.every((w) => except.has(w.word) || inHeldPhrase.has(w.word) || ordinalOf(w.word) !== undefined || held(w));
}

function listTerms(index: SearchIndex, i: number): { heading: Set<string>; all: Set<string> } {
  const p = index.passages[i];
  const heading = new Set(p.headingTerms);
  return { heading, all: new Set([...p.headingTerms, ...p.titleTerms]) };
}

const NUMBER_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twee', 'drie', 'vier', 'vijf', 'deux', 'trois', 'quatre', 'zwei', 'drei', 'vier', 'dos', 'tres', 'cuatro', 'due', 'tre', 'quattro'];
const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, last: -1, eerste: 1, tweede: 2, derde: 3, laatste: -1, premier: 1, premiere: 1, deuxieme: 2, troisieme: 3, dernier: -1, derniere: -1, erste: 1, zweite: 2, dritte: 3, letzte: -1, primero: 1, primera: 1, segundo: 2, segunda: 2, tercero: 3, tercera: 3, primo: 1, prima: 1, secondo: 2, seconda: 2, terzo: 3, terza: 3 };
// An ordinal written in digits, in any of the languages: "2nd", "3rd", "2e", "2ème", "2º", "3te".
const DIGIT_ORDINAL_RE = /^(\d{1,2})(?:st|nd|rd|th|e|de|ste|te|eme|er|re|o|a)$/;

/** The position an ordinal word names ("second", "2nd", "tweede": 2; "last": -1), or undefined. */
function ordinalOf(word: string): number | undefined {
  if (Object.hasOwn(ORDINALS, word)) return ORDINALS[word];
  const digits = DIGIT_ORDINAL_RE.exec(word);
  return digits ? Number(digits[1]) : undefined;
}
/** Verbs that ask for a members list ("which cities belong to the forum?"), words of a list question's frame too. */
const MEMBERSHIP_VERBS = ['belong', 'belongs', 'participate', 'participates', 'take part', 'takes part'];
const MEMBERSHIP_VERB_RE = new RegExp(`\\b(?:${MEMBERSHIP_VERBS.join('|')})\\b`);
const LIST_FRAME = new Set(['listed', 'list', 'there', 'total', 'all', 'whole', 'entire', 'full', 'complete', 'current', 'currently', 'set', 'include', 'includes', 'included', 'contain', 'contains', ...MEMBERSHIP_VERBS.flatMap((v) => v.split(' ')), 'exist', 'number', 'count', 'named', 'defined', ...NUMBER_WORDS]);
/** What a list question may say beside the list's own words: its frame and generic nouns for the items. */
const LIST_QUESTION_FRAME = new Set([...LIST_FRAME, ...GENERIC_COUNTED]);
/** Items up to which a list is shown one per line, and a count names them; a longer list is shown as a run. */
const SHORT_LIST = 8;

/** "How many members …?": counts the items of the list the question names. */
export function answerCount(index: SearchIndex, q: AnalyzedQuestion, words: ResolvedWord[]): Candidate | null {
  const m = COUNT_RE.exec(q.allWords.join(' '));
  if (!m) return null;
  const counted = m[1];
  const countFrame = new Set([counted, ...LIST_QUESTION_FRAME]);
  for (const i of listPassageIds(index)) {
    const { heading, all } = listTerms(index, i);
    const countedTerms = [stem(counted, index.passages[i].passage.lang), ...(words.find((w) => w.word === counted)?.terms ?? [])];
    const namesList = countedTerms.some((t) => heading.has(t)) || (GENERIC_COUNTED.has(counted) && words.some((w) => w.word !== counted && w.terms.some((t) => heading.has(t))));
    // "How many cities and organisations are members?": the other generic nouns of what is counted say nothing more.
    if (!namesList || !coveredBy(words, all, countFrame) || namesAnotherSubject(index, q, i)) continue;
    const p = index.passages[i].passage;
    const what = (p.headings[p.headings.length - 1] ?? 'items').toLowerCase();
    const listed = p.items ?? [];
    // A short list is named as well as counted ("3 2015 priorities: Digitally Enabled citizens, …").
    const named = listed.length && listed.length <= SHORT_LIST ? `: ${listed.map((item) => itemHead(item)?.head ?? item).join('; ')}` : '';
    return { kind: 'count', text: `The ${docTitle(index, i)} lists ${listed.length} ${what}${named}.`, passage: i, confidence: 0, signals: { count_answer: 1 } };
  }
  return null;
}

const LIST_QUESTION_RE = /^(what|whats|which|who|whos|list|name|show|give|enumerate|wat|welke|wie|quels|quelles|quelle|quel|qui|welche|was|cuales|quali|quais|qual|quels sont|noem)\b/;
const MAX_LISTED = 40;

/** "What were the 2015 priorities?": the items of the list the question names, concisely. */
export function answerList(index: SearchIndex, q: AnalyzedQuestion, words: ResolvedWord[]): Candidate | null {
  if (!words.length) return null;
  // "2015 prios?" with no question word asks for the list when every word is in its heading or its document's title
  // ("knowledge society forum priorities 2015?").
  const terse = !LIST_QUESTION_RE.test(q.allWords.join(' '));
  const membershipVerb = MEMBERSHIP_VERB_RE.test(q.allWords.join(' '));
  for (const i of listPassageIds(index)) {
    const { heading, all } = listTerms(index, i);
    // "Which cities belong to the forum?" asks for its members list, though it names no member.
    const asksMembers = membershipVerb && memberListIds(index).has(i);
    if (!asksMembers && !words.some((w) => w.terms.some((t) => heading.has(t)))) continue;
    if (terse && !words.every((w) => w.terms.some((t) => all.has(t)))) continue;
    // "Which cities are members?": a generic noun for the items does not need to be in the heading.
    if (!coveredBy(words, all, LIST_QUESTION_FRAME) || namesAnotherSubject(index, q, i)) continue;
    const p = index.passages[i].passage;
    const name = p.headings[p.headings.length - 1] ?? 'List';
    // "What is the second priority?": that item, whole.
    // An ordinal the heading or title itself holds ("the 21st century priorities") is part of its name.
    const ordinal = q.allWords.filter((w) => !all.has(w)).map(ordinalOf).find((n) => n !== undefined && n !== 0);
    const listed = p.items ?? [];
    if (ordinal !== undefined && listed.length) {
      const position = ordinal < 0 ? listed.length : ordinal;
      if (position > listed.length) return null;
      return { kind: 'list', text: `${name} (${docTitle(index, i)}), number ${position} of ${listed.length}: ${listed[position - 1]}`, passage: i, items: [position - 1], confidence: 0, signals: { list_answer: 1 } };
    }
    const items = listed.map((item) => itemHead(item)?.head ?? item);
    const shown = items.slice(0, MAX_LISTED);
    const more = items.length > shown.length ? `, and ${items.length - shown.length} more` : '';
    const text =
      items.length <= SHORT_LIST
        ? `${name} (${docTitle(index, i)}):\n${shown.map((x) => `- ${x}`).join('\n')}`
        : `${name} (${docTitle(index, i)}), ${items.length} in all: ${shown.join(', ')}${more}.`;
    return { kind: 'list', text, passage: i, items: shown.map((_, k) => k), confidence: 0, signals: { list_answer: 1 } };
  }
  return null;
}
