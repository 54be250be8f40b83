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

/** Abbreviations a text spells out: "information and communication technologies (ICTs)". */
export function findAbbreviations(text: string): AbbreviationDefinition[] {
  const out: AbbreviationDefinition[] = [];
  if (text.includes('(')) {
    for (const m of text.matchAll(PARENTHESIS_RE)) {
      const abbreviation = m[1];
      const capitals = capitalsOf(abbreviation);
      if (capitals.length < 2) continue;
      const before = text.slice(Math.max(0, (m.index ?? 0) - 120), m.index).trim().split(/\s+/).slice(-MAX_EXPANSION_WORDS);
      const expansion = expansionFor(before, capitals);
      if (expansion) out.push({ abbreviation, key: abbreviationKey(abbreviation), expansion, how: 'parenthesis', offset: m.index ?? 0 });
    }
  }
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
