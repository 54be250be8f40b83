import MiniSearch from 'minisearch';
import type { LoadedKnowledge } from '../knowledge/load';
import { type AbbreviationDefinition, initialsOf, type NameInitials } from '../text/abbreviations';
import { terms } from '../text/analyze';
import { fold, foldedWords } from '../text/fold';
import { buildLexicalLinks, type LexicalLinks } from '../text/lexicon';
import type { KnowledgeDocument, KnowledgeWarning, Lang, Passage } from '../types';
import { INDEX_FORMAT_VERSION, INDEX_OPTIONS, type IndexedFields } from './options';
import { segmentTexts } from './segments';

/** A sentence (or list item, or labelled fact) of a passage: the unit an answer is cut from. */
export interface Segment {
  text: string;
  terms: string[];
  /** Index of the list item or fact this segment belongs to. */
  item?: number;
}

export interface IndexedPassage {
  passage: Passage;
  /** Index into `SearchIndex.documents`. */
  doc: number;
  segments: Segment[];
  titleTerms: string[];
  headingTerms: string[];
}

export interface Acronym {
  expansion: string;
  /** Index of the passage (or, for a title, the document's first passage) where it is spelt out. */
  passage: number;
  /** Only the initials of a name the documents write out ("European Commission" for "ec"): a question must write it in capitals. */
  fromName?: true;
}

export interface DocumentInfo {
  file: string;
  title: string;
  lang: Lang;
  translatedFrom?: Lang;
  url?: string;
  /** Folded names the document is about: its title, the title without a parenthesis, the abbreviation in it. */
  subjects: string[];
  /** Indexes of its passages, in document order. */
  passages: number[];
}

/** Everything answering needs, built from loaded knowledge; serialisable (see `store.ts`). */
export interface SearchIndex {
  formatVersion: number;
  fingerprint: string;
  builtAt: string;
  langs: Lang[];
  warnings: KnowledgeWarning[];
  documents: DocumentInfo[];
  passages: IndexedPassage[];
  /** In how many passages each term occurs (title, headings or text). */
  documentFrequency: Map<string, number>;
  /** Folded abbreviation → the words it stands for and the passage that spells it out ("icts" → "information and communications technologies"). */
  acronyms: Map<string, Acronym>;
  /** WordNet synonyms, derived forms and antonyms (and the maintainers' synonym groups) resolved against the English index terms. */
  lexicon: LexicalLinks;
  mini: MiniSearch<IndexedFields>;
}

export { itemHead, segmentTexts } from './segments';

function segmentsOf(passage: Passage): Segment[] {
  return segmentTexts(passage).map((s) => ({ ...s, terms: terms(s.text, passage.lang) }));
}

function subjectsOf(title: string): string[] {
  const subjects = new Set<string>([foldedWords(title).join(' ')]);
  const paren = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(title);
  if (paren) {
    subjects.add(foldedWords(paren[1]).join(' '));
    if (!/\s/.test(paren[2].trim())) subjects.add(fold(paren[2].trim()));
  }
  for (const s of [...subjects]) if (s.startsWith('the ')) subjects.add(s.slice(4));
  // "the Committee of the Regions" names "The European Committee of the Regions" too.
  for (const s of [...subjects]) {
    const words = s.split(' ');
    if (words.length >= 4) subjects.add(words.slice(1).join(' '));
  }
  return [...subjects].filter(Boolean);
}

/**
 * Learns the abbreviations a text spells out, by parenthesis ("information and communications technologies
 * (ICTs)") or by the initials of a phrase nearby ("NGOs" near "non-governmental organisations"), under the
 * folded abbreviation and its singular ("icts", "ict"). The first definition of each wins.
 */
function addAcronyms(defined: readonly AbbreviationDefinition[], passage: number, into: Map<string, Acronym>): void {
  for (const found of defined) {
    for (const key of new Set([fold(found.abbreviation).replace(/[^a-z0-9]/g, ''), found.key])) {
      if (!into.has(key)) into.set(key, { expansion: found.expansion, passage });
    }
  }
}

/**
 * Adds the initials of the names the texts write out ("European Commission" → "ec") where no abbreviation is defined:
 * a key two different names share says nothing and is left out.
 */
function addNameInitials(found: Iterable<[readonly NameInitials[], number]>, into: Map<string, Acronym>): void {
  const names = new Map<string, Acronym | null>();
  for (const [named, passage] of found) {
    for (const { key, name } of named) {
      if (into.has(key)) continue;
      const seen = names.get(key);
      if (seen === undefined) names.set(key, { expansion: name, passage, fromName: true });
      else if (seen && fold(seen.expansion) !== fold(name)) names.set(key, null);
    }
  }
  for (const [key, acronym] of names) if (acronym) into.set(key, acronym);
}

/** Folded words of the English text of an index, for tying index terms to WordNet lemmas. */
function englishWords(passages: readonly IndexedPassage[], documents: readonly DocumentInfo[]): Set<string> {
  const out = new Set<string>();
  for (const p of passages) {
    if (p.passage.lang !== 'en') continue;
    for (const w of foldedWords(`${documents[p.doc].title} ${p.passage.headings.join(' ')} ${p.passage.text}`)) out.add(w);
  }
  return out;
}

/**
 * Builds the search index over loaded knowledge.
 * @example
 * const index = buildIndex(loadKnowledge('knowledge'));
 */
export function buildIndex(knowledge: Pick<LoadedKnowledge, 'documents' | 'warnings' | 'fingerprint'> & Partial<Pick<LoadedKnowledge, 'synonyms'>>): SearchIndex {
  const documents: DocumentInfo[] = [];
  const passages: IndexedPassage[] = [];
  const acronyms = new Map<string, Acronym>();
  // Names by their initials, per passage: used once every defined abbreviation is known (a definition wins).
  const namesOfTitles: [NameInitials[], number][] = [];
  const namesOfPassages: [NameInitials[], number][] = [];
  knowledge.documents.forEach((doc: KnowledgeDocument) => {
    const info: DocumentInfo = {
      file: doc.file,
      title: doc.title,
      lang: doc.lang,
      subjects: subjectsOf(doc.title),
      passages: [],
      ...(doc.translatedFrom ? { translatedFrom: doc.translatedFrom } : {}),
      ...(doc.url ? { url: doc.url } : {}),
    };
    const titleTerms = terms(doc.title, doc.lang);
    const titleInitials = initialsOf(doc.title);
    addAcronyms(titleInitials.abbreviations, passages.length, acronyms);
    if (doc.passages.length) namesOfTitles.push([titleInitials.names, passages.length]);
    for (const passage of doc.passages) {
      info.passages.push(passages.length);
      const initials = initialsOf(passage.text);
      addAcronyms(initials.abbreviations, passages.length, acronyms);
      namesOfPassages.push([initials.names, passages.length]);
      passages.push({
        passage,
        doc: documents.length,
        segments: segmentsOf(passage),
        titleTerms,
        headingTerms: terms(passage.headings.join(' '), passage.lang),
      });
    }
    documents.push(info);
  });
  addNameInitials([...namesOfTitles, ...namesOfPassages], acronyms);
  const documentFrequency = documentFrequencies(passages);
  const lexicon = buildLexicalLinks(documentFrequency.keys(), {
    words: englishWords(passages, documents),
    synonymGroups: (knowledge.synonyms?.groups ?? []).map((g) => ({ words: g.words.map(fold) })),
  });
  return assembleIndex({
    formatVersion: INDEX_FORMAT_VERSION,
    fingerprint: knowledge.fingerprint,
    builtAt: new Date().toISOString(),
    langs: [...new Set(knowledge.documents.map((d) => d.lang))].sort(),
    warnings: knowledge.warnings,
    documents,
    passages,
    acronyms,
    lexicon,
  }, documentFrequency);
}

type IndexParts = Omit<SearchIndex, 'mini' | 'documentFrequency'>;

function fieldsOf(p: IndexedPassage, id: number): IndexedFields {
  return { id, context: [...p.titleTerms, ...p.headingTerms].join(' '), text: p.segments.flatMap((s) => s.terms).join(' ') };
}

/** Term → number of passages that contain it. */
export function documentFrequencies(passages: IndexedPassage[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const p of passages) {
    const seen = new Set<string>([...p.titleTerms, ...p.headingTerms]);
    for (const s of p.segments) for (const t of s.terms) seen.add(t);
    for (const t of seen) df.set(t, (df.get(t) ?? 0) + 1);
  }
  return df;
}

function assembleIndex(parts: IndexParts, documentFrequency: Map<string, number>): SearchIndex {
  const mini = new MiniSearch<IndexedFields>(INDEX_OPTIONS);
  mini.addAll(parts.passages.map(fieldsOf));
  return { ...parts, mini, documentFrequency };
}
