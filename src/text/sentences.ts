import { englishAbbreviations } from './natural';

const ABBREVIATIONS = new Set(
  [...englishAbbreviations, 'st.', 'mt.', 'jr.', 'sr.', 'prof.', 'gen.', 'col.', 'lt.', 'sgt.', 'capt.', 'gov.', 'sen.', 'rep.', 'rev.', 'ft.', 'etc.', 'al.', 'cf.', 'ca.', 'c.', 'vol.', 'no.', 'nr.', 'approx.', 'jan.', 'feb.', 'mar.', 'apr.', 'aug.', 'sept.', 'sep.', 'oct.', 'nov.', 'dec.', 'u.s.', 'u.k.', 'e.g.', 'i.e.', 'a.m.', 'p.m.', 'b.c.', 'a.d.', 'ad.', 'fig.', 'inc.', 'ltd.', 'co.', 'corp.', 'bros.', 'vs.', 'v.']
    .map((a) => a.toLowerCase()),
);

// A candidate boundary: end punctuation, optional closing quote/bracket, whitespace, then a capital, digit or opening quote.
const BOUNDARY_RE = /([.!?…]+["'”’)\]]*)\s+(?=["'“‘(\[]?[\p{Lu}\p{N}])/gu;

/** Sentences of a paragraph, with their character offsets. Lines are hard boundaries. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const line of text.split(/\n+/)) {
    let start = 0;
    BOUNDARY_RE.lastIndex = 0;
    for (let m = BOUNDARY_RE.exec(line); m; m = BOUNDARY_RE.exec(line)) {
      const end = m.index + m[1].length;
      const lastWord = line.slice(start, end).split(/\s+/).pop() ?? '';
      // "Dr. Smith", "U.S. Army", "J. K. Rowling" are not sentence ends.
      if (m[1] === '.' && (ABBREVIATIONS.has(lastWord.toLowerCase()) || /^\(?\p{Lu}\.$/u.test(lastWord))) continue;
      const sentence = line.slice(start, end).trim();
      if (sentence) sentences.push(sentence);
      start = m.index + m[0].length;
    }
    const rest = line.slice(start).trim();
    if (rest) sentences.push(rest);
  }
  return sentences;
}
