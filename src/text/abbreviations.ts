import { isStopword } from './analyze';
import { fold } from './fold';

/** How a text taught an abbreviation. */
export type AbbreviationSource = 'parenthesis' | 'initials';

/** An abbreviation a text spells out, and where. */
export interface AbbreviationDefinition {
  /** As written ("NGOs"). */
  abbreviation: string;
  /** Folded, plural "s" dropped: the key to look it up by ("ngo"). */
  key: string;
  /** The words it stands for, as written ("non-governmental organisations"). */
  expansion: string;
  /** "Name (ABBR)", or initials of a phrase nearby that the text does not link to it. */
  how: AbbreviationSource;
  /** Character offset of the abbreviation in the text. */
  offset: number;
}

// "(ICTs)": an abbreviation in parentheses; the words before it may spell it out.
const PARENTHESIS_RE = /\(([\p{Lu}][\p{L}]{1,9})\)/gu;
// Words that an expansion may hold without their initial in the abbreviation.
const SMALL_WORD_RE = /^(and|of|the|for|&|de|des|du|van|der|het|in|on|to)$/i;
// How many words before "(ABBR)" may spell it out.
const MAX_EXPANSION_WORDS = 8;
// How many words of a nearby expansion may give no letter ("of", "and", "the"…).
const MAX_SMALL_WORDS = 3;

/** Folded lookup key of an abbreviation: "NGOs", "ngo", "NGO's" → "ngo". */
export function abbreviationKey(abbreviation: string): string {
  return fold(abbreviation).replace(/'?s$/, '').replace(/[^a-z0-9]/g, '');
}

/** The capitals an abbreviation is made of, folded ("ICTs" → "ict"). */
function capitalsOf(abbreviation: string): string {
  return fold(abbreviation.replace(/[^\p{Lu}]/gu, ''));
}

/** The shortest tail of `words` whose initials (small words aside) spell `capitals`, or null. */
function expansionFor(words: string[], capitals: string): string | null {
  for (let start = words.length - 1; start >= 0; start--) {
    const tail = words.slice(start);
    const initials = tail.filter((w) => !SMALL_WORD_RE.test(w)).map((w) => fold(w)[0]).join('');
    if (initials === capitals || initials.replace(/s$/, '') === capitals) return tail.join(' ');
    if (initials.length > capitals.length) break;
  }
  return null;
}

/** Abbreviations a text spells out: "information and communication technologies (ICTs)", or "NGOs" used near "non-governmental organisations". */
export function findAbbreviations(text: string): AbbreviationDefinition[] {
  return abbreviationsIn(text, tokensOf(text));
}

/**
 * A text's abbreviations (`findAbbreviations`) and its names by their initials (`namesByInitials`), the text read
 * into words once for both: an index build asks both of every passage.
 */
export function initialsOf(text: string): { abbreviations: AbbreviationDefinition[]; names: NameInitials[] } {
  const tokens = tokensOf(text);
  return { abbreviations: abbreviationsIn(text, tokens), names: namesIn(text, tokens) };
}

function abbreviationsIn(text: string, tokens: readonly Token[]): AbbreviationDefinition[] {
  const out: AbbreviationDefinition[] = [];
  const defined = new Set<string>();
  if (text.includes('(')) {
    for (const m of text.matchAll(PARENTHESIS_RE)) {
      const abbreviation = m[1];
      const capitals = capitalsOf(abbreviation);
      if (capitals.length < 2) continue;
      const before = text.slice(Math.max(0, (m.index ?? 0) - 120), m.index).trim().split(/\s+/).slice(-MAX_EXPANSION_WORDS);
      const expansion = expansionFor(before, capitals);
      if (expansion) {
        out.push({ abbreviation, key: abbreviationKey(abbreviation), expansion, how: 'parenthesis', offset: m.index ?? 0 });
        defined.add(abbreviationKey(abbreviation));
      }
    }
  }
  for (const found of initialsNearby(text, tokens)) {
    if (defined.has(found.key)) continue;
    defined.add(found.key);
    out.push(found);
  }
  return out.sort((a, b) => a.offset - b.offset);
}

interface Token {
  text: string;
  start: number;
  end: number;
  /** Whether punctuation that ends a phrase (.,;:!?()[]") stands between this token and the next. */
  breakAfter: boolean;
}

const TOKEN_RE = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const PHRASE_BREAK_RE = /[.,;:!?()[\]"“”]/;
// A written abbreviation: two to eight capitals, maybe lower-case letters among them, maybe a plural "s" ("NGOs", "ICTs").
const ABBREVIATION_TOKEN_RE = /^(?=(?:[^\p{Lu}]*\p{Lu}){2,8}[^\p{Lu}]*$)\p{Lu}[\p{Lu}\p{Ll}&]*?(?:'?s)?$/u;

function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const start = m.index ?? 0;
    const word = m[0].replace(/['’-]+$/, '');
    if (tokens.length > 0) {
      const previous = tokens[tokens.length - 1];
      previous.breakAfter = PHRASE_BREAK_RE.test(text.slice(previous.end, start));
    }
    tokens.push({ text: word, start, end: start + word.length, breakAfter: false });
  }
  return tokens;
}

/** Whether a token reads as an abbreviation: mostly capitals ("NGOs", "ICT"), not a capitalised word ("The"). */
function isAbbreviationToken(token: string): boolean {
  if (!ABBREVIATION_TOKEN_RE.test(token)) return false;
  const letters = token.replace(/'?s$/, '').replace(/[^\p{L}]/gu, '');
  const capitals = letters.replace(/[^\p{Lu}]/gu, '');
  return capitals.length * 2 > letters.length;
}

/** The letters a phrase word may give the abbreviation: its initial, or its hyphen parts' initials ("non-governmental" → n or ng). */
function initialChoices(word: string): string[] {
  const folded = fold(word);
  const parts = folded.split('-').filter(Boolean);
  const choices = new Set([folded[0]]);
  if (parts.length > 1) choices.add(parts.map((p) => p[0]).join(''));
  return [...choices];
}

/** Whether the words' initials can spell `capitals` (small words may give their initial or nothing). */
function spells(words: readonly string[], capitals: string): boolean {
  // reachable[k]: the first k capitals are spelt by the words seen so far.
  let reachable = new Set<number>([0]);
  words.forEach((word, i) => {
    const next = new Set<number>();
    const small = SMALL_WORD_RE.test(word) && i > 0 && i < words.length - 1;
    for (const k of reachable) {
      if (small) next.add(k);
      for (const initials of initialChoices(word)) if (capitals.startsWith(initials, k)) next.add(k + initials.length);
    }
    reachable = next;
  });
  return reachable.has(capitals.length);
}

const isSmallWord = (word: string): boolean => SMALL_WORD_RE.test(word) || isStopword(fold(word), 'en');

/**
 * Whether words read as a name: it neither starts nor ends with a function word ("of Arab Petroleum…",
 * "can invoke a"), and its words after the first are all capitalised or all lower case ("that form the
 * European Union" is a chance match).
 */
function isPhrase(words: readonly string[]): boolean {
  if (isSmallWord(words[0]) || isSmallWord(words[words.length - 1])) return false;
  const rest = words.slice(1).filter((w) => !isSmallWord(w));
  return rest.every((w) => /^\p{Lu}/u.test(w)) || rest.every((w) => !/^\p{Lu}/u.test(w));
}

/**
 * Abbreviations the text uses without "(ABBR)": a phrase elsewhere in the same text whose initials are the
 * abbreviation's capitals, nearest to its first use. A two-letter abbreviation needs a phrase of capitalised
 * words ("European Union"), since two initials are met by chance in any long text.
 */
function initialsNearby(text: string, tokens: readonly Token[]): AbbreviationDefinition[] {
  const out: AbbreviationDefinition[] = [];
  const seen = new Set<string>();
  tokens.forEach((token, at) => {
    if (!isAbbreviationToken(token.text)) return;
    const key = abbreviationKey(token.text);
    const capitals = capitalsOf(token.text.replace(/'?s$/, ''));
    if (seen.has(key) || capitals.length < 2) return;
    seen.add(key);
    let best: { start: number; end: number; distance: number } | null = null;
    for (let start = 0; start < tokens.length; start++) {
      if (start === at || isAbbreviationToken(tokens[start].text) || fold(tokens[start].text)[0] !== capitals[0]) continue;
      const words: string[] = [];
      for (let end = start; end < tokens.length && end !== at && words.length < capitals.length + MAX_SMALL_WORDS; end++) {
        if (end > start && isAbbreviationToken(tokens[end].text)) break;
        words.push(tokens[end].text);
        if (words.length >= (capitals.length + 1) / 2 && spells(words, capitals)) {
          if (isPhrase(words) && (capitals.length > 2 || words.every((w) => isSmallWord(w) || /^\p{Lu}/u.test(w)))) {
            const distance = Math.abs(start - at);
            if (!best || distance < best.distance) best = { start, end, distance };
          }
          break;
        }
        if (tokens[end].breakAfter) break;
      }
    }
    if (best) {
      const expansion = text.slice(tokens[best.start].start, tokens[best.end].end);
      out.push({ abbreviation: token.text, key, expansion, how: 'initials', offset: token.start });
    }
  });
  return out;
}

// Small words inside a name ("Council of the Isles"); "and" joins two names more often than it sits in one.
const NAME_JOINER_RE = /^(of|the|for|de|des|du|van|der|het)$/i;
// Words a name may have: "Presidency of the Council of the European Union" has eight (initials of more say nothing).
const MAX_NAME_WORDS = 8;

/** A name written in capitalised words ("European Commission") and the key its initials spell ("ec"). */
export interface NameInitials {
  key: string;
  name: string;
}

/**
 * Names of two or more capitalised words in a text ("European Commission", "Committee of the Regions"), keyed by
 * the initials of their capitalised words, so that a question may use initials the text never writes ("EC").
 */
export function namesByInitials(text: string): NameInitials[] {
  return namesIn(text, tokensOf(text));
}

function namesIn(text: string, tokens: readonly Token[]): NameInitials[] {
  const out: NameInitials[] = [];
  let run: Token[] = [];
  const flush = (): void => {
    while (run.length && isSmallWord(run[run.length - 1].text)) run.pop();
    while (run.length && isSmallWord(run[0].text)) run.shift();
    const capitalised = run.filter((t) => !isSmallWord(t.text));
    if (capitalised.length >= 2) out.push({ key: capitalised.map((t) => fold(t.text)[0]).join(''), name: text.slice(run[0].start, run[run.length - 1].end) });
    run = [];
  };
  tokens.forEach((token, i) => {
    const capitalised = /^\p{Lu}\p{Ll}/u.test(token.text) && !isAbbreviationToken(token.text);
    if (capitalised || (run.length && NAME_JOINER_RE.test(token.text))) run.push(token);
    else flush();
    // A name ends at punctuation and at a line's end (a list's items are names of their own), and is not a sentence.
    const next = tokens[i + 1];
    if (token.breakAfter || run.length >= MAX_NAME_WORDS || (next && text.slice(token.end, next.start).includes('\n'))) flush();
  });
  flush();
  return out;
}

/**
 * Abbreviation key → expansion over many texts (a knowledge base's passages), first definition kept;
 * a "Name (ABBR)" definition wins over initials found nearby. Plain object: store it with the index.
 */
export function learnAbbreviations(texts: Iterable<string>): Record<string, string> {
  const found: Record<string, string> = {};
  const how: Record<string, AbbreviationSource> = {};
  for (const text of texts) {
    for (const d of findAbbreviations(text)) {
      if (!Object.prototype.hasOwnProperty.call(found, d.key) || (how[d.key] === 'initials' && d.how === 'parenthesis')) {
        found[d.key] = d.expansion;
        how[d.key] = d.how;
      }
    }
  }
  return found;
}
