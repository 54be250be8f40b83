/**
 * Checks the shape of a saved index before anything uses it. A file can be damaged in ways JSON.parse does not see
 * (a valid header with a damaged body, a value of the wrong type, a passage number out of range); without this, such
 * a file loads and then fails later with a TypeError while answering. Every check names the path of the bad value.
 */

class Damaged extends Error {}

const fail = (path: string, what: string): never => {
  throw new Damaged(`${path} ${what}`);
};

type Obj = Record<string, unknown>;

function object(value: unknown, path: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'is not an object');
  return value as Obj;
}

function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, 'is not a list');
  return value as unknown[];
}

function string(value: unknown, path: string): string {
  if (typeof value !== 'string') fail(path, 'is not a string');
  return value as string;
}

function integer(value: unknown, path: string, below = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value >= below) fail(path, below === Number.MAX_SAFE_INTEGER ? 'is not a whole number' : `is not a whole number below ${below}`);
  return value as number;
}

function finite(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, 'is not a number');
  return value as number;
}

function strings(value: unknown, path: string): string[] {
  array(value, path).forEach((s, i) => string(s, `${path}[${i}]`));
  return value as string[];
}

function optionalString(o: Obj, key: string, path: string): void {
  if (o[key] !== undefined) string(o[key], `${path}.${key}`);
}

function checkPassage(value: unknown, path: string): void {
  const p = object(value, path);
  for (const key of ['id', 'kind', 'text', 'lang']) string(p[key], `${path}.${key}`);
  if (!['text', 'list', 'facts'].includes(p.kind as string)) fail(`${path}.kind`, 'is not text, list or facts');
  strings(p.headings, `${path}.headings`);
  strings(p.tags, `${path}.tags`);
  if (p.items !== undefined) strings(p.items, `${path}.items`);
  if (p.facts !== undefined) {
    array(p.facts, `${path}.facts`).forEach((f, i) => {
      const fact = object(f, `${path}.facts[${i}]`);
      string(fact.label, `${path}.facts[${i}].label`);
      string(fact.value, `${path}.facts[${i}].value`);
    });
  }
  const source = object(p.source, `${path}.source`);
  for (const key of ['title', 'file', 'heading']) string(source[key], `${path}.source.${key}`);
  integer(source.line, `${path}.source.line`);
  optionalString(source, 'url', `${path}.source`);
  if (source.page !== undefined) integer(source.page, `${path}.source.page`);
}

/** Checks MiniSearch's serialised form (`toJSON()`), and that every document id it holds is a passage number. */
/** The lexical links: term numbers that point into `terms` (a bad number would be read as undefined while answering). */
function checkLexicon(value: unknown): void {
  const lexicon = object(value, 'lexicon');
  const terms = strings(lexicon.terms, 'lexicon.terms');
  integer(lexicon.formatVersion, 'lexicon.formatVersion');
  string(lexicon.source, 'lexicon.source');
  strings(lexicon.lemmaTerms, 'lexicon.lemmaTerms');
  for (const [name, limit] of [['related', terms.length * 2], ['phrases', terms.length * 2], ['antonyms', terms.length]] as const) {
    const record = object(lexicon[name], `lexicon.${name}`);
    for (const key of Object.keys(record)) {
      const codes = array(record[key], `lexicon.${name}.${key}`);
      if (!codes.every((n) => isCount(n) && (n as number) < limit)) fail(`lexicon.${name}.${key}`, 'has a term number out of range');
    }
  }
}

function checkMini(value: unknown, passages: number): void {
  const mini = object(value, 'mini');
  if (mini.serializationVersion !== 1 && mini.serializationVersion !== 2) fail('mini.serializationVersion', 'is not 1 or 2');
  integer(mini.documentCount, 'mini.documentCount');
  integer(mini.nextId, 'mini.nextId');
  const shortIds = new Set<string>();
  for (const [shortId, id] of Object.entries(object(mini.documentIds, 'mini.documentIds'))) {
    integer(id, `mini.documentIds.${shortId}`, passages);
    shortIds.add(shortId);
  }
  object(mini.fieldIds, 'mini.fieldIds');
  for (const [shortId, lengths] of Object.entries(object(mini.fieldLength, 'mini.fieldLength'))) {
    array(lengths, `mini.fieldLength.${shortId}`).forEach((n, i) => finite(n, `mini.fieldLength.${shortId}[${i}]`));
  }
  array(mini.averageFieldLength, 'mini.averageFieldLength').forEach((n, i) => finite(n, `mini.averageFieldLength[${i}]`));
  object(mini.storedFields, 'mini.storedFields');
  // The postings are most of the file: checked with plain loops, without building a list per term.
  const terms = array(mini.index, 'mini.index');
  for (let i = 0; i < terms.length; i++) {
    const pair = terms[i];
    if (!Array.isArray(pair) || typeof pair[0] !== 'string') fail(`mini.index[${i}]`, 'is not a [term, postings] pair');
    const fields = object((pair as unknown[])[1], `mini.index[${i}][1]`);
    for (const field in fields) {
      const postings = fields[field] as Obj;
      const byDoc = mini.serializationVersion === 1 && typeof postings === 'object' && postings !== null ? (postings.ds as Obj) : postings;
      if (typeof byDoc !== 'object' || byDoc === null) fail(`mini.index[${i}][1].${field}`, 'is not an object');
      for (const shortId in byDoc) {
        if (!shortIds.has(shortId)) fail(`mini.index[${i}][1].${field}.${shortId}`, 'names no document');
        if (typeof byDoc[shortId] !== 'number') fail(`mini.index[${i}][1].${field}.${shortId}`, 'is not a number');
      }
    }
  }
}

const isString = (v: unknown): v is string => typeof v === 'string';

/** Whether a text passage's segment spans are two ordered offsets within its text for each of its segments. */
function spansFit(spans: unknown, segmentTerms: unknown[], passage: unknown): boolean {
  if (!Array.isArray(spans) || !isObject(passage) || passage.kind !== 'text' || !isString(passage.text) || spans.length !== 2 * segmentTerms.length) return false;
  let at = 0;
  for (const n of spans) {
    if (!isCount(n) || n < at || n > passage.text.length) return false;
    at = n;
  }
  return true;
}
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const allStrings = (v: unknown): boolean => Array.isArray(v) && v.every(isString);

/**
 * The same checks as {@link checkPassage} and the loops over documents and passages, as one fast pass that builds no
 * message: the detailed checks, which name the bad value, run only when this pass finds something wrong.
 */
function bulkLooksRight(index: Obj): boolean {
  const { passages, documents } = index;
  if (!Array.isArray(passages) || !Array.isArray(documents)) return false;
  for (const d of documents as Obj[]) {
    if (!isObject(d) || !isString(d.file) || !isString(d.title) || !isString(d.lang) || !allStrings(d.subjects) || !Array.isArray(d.passages)) return false;
    if ((d.url !== undefined && !isString(d.url)) || (d.translatedFrom !== undefined && !isString(d.translatedFrom))) return false;
    for (const n of d.passages as unknown[]) if (!isCount(n) || n >= passages.length) return false;
  }
  for (const entry of passages as Obj[]) {
    if (!isObject(entry) || !isCount(entry.doc) || entry.doc >= documents.length || !allStrings(entry.segmentTerms) || !isString(entry.titleTerms) || !isString(entry.headingTerms)) return false;
    const p = entry.passage as Obj;
    if (entry.segmentSpans !== undefined && !spansFit(entry.segmentSpans, entry.segmentTerms as unknown[], p)) return false;
    if (!isObject(p) || !isString(p.id) || !isString(p.text) || !isString(p.lang) || (p.kind !== 'text' && p.kind !== 'list' && p.kind !== 'facts')) return false;
    if (!allStrings(p.headings) || !allStrings(p.tags) || (p.items !== undefined && !allStrings(p.items))) return false;
    if (p.facts !== undefined && !(Array.isArray(p.facts) && p.facts.every((f: unknown) => isObject(f) && isString(f.label) && isString(f.value)))) return false;
    const source = p.source as Obj;
    if (!isObject(source) || !isString(source.title) || !isString(source.file) || !isString(source.heading) || !isCount(source.line)) return false;
    if ((source.url !== undefined && !isString(source.url)) || (source.page !== undefined && !isCount(source.page))) return false;
  }
  return true;
}

/** The detailed checks of documents and passages, which say which value is wrong. */
function checkDocumentsAndPassages(documents: unknown[], passages: unknown[]): void {
  documents.forEach((d, i) => {
    const doc = object(d, `documents[${i}]`);
    for (const key of ['file', 'title', 'lang']) string(doc[key], `documents[${i}].${key}`);
    optionalString(doc, 'url', `documents[${i}]`);
    optionalString(doc, 'translatedFrom', `documents[${i}]`);
    strings(doc.subjects, `documents[${i}].subjects`);
    array(doc.passages, `documents[${i}].passages`).forEach((p, k) => integer(p, `documents[${i}].passages[${k}]`, passages.length));
  });
  passages.forEach((value, i) => {
    const p = object(value, `passages[${i}]`);
    checkPassage(p.passage, `passages[${i}].passage`);
    integer(p.doc, `passages[${i}].doc`, documents.length);
    strings(p.segmentTerms, `passages[${i}].segmentTerms`);
    if (p.segmentSpans !== undefined && !spansFit(p.segmentSpans, p.segmentTerms as unknown[], p.passage)) {
      fail(`passages[${i}].segmentSpans`, 'is not two ordered offsets within the text for each segment');
    }
    string(p.titleTerms, `passages[${i}].titleTerms`);
    string(p.headingTerms, `passages[${i}].headingTerms`);
  });
}

/**
 * Checks a saved index's body (the `index` member of the file) value by value.
 * @returns null when it can be used, else what is wrong and where (`passages[3].doc is not a whole number below 12`)
 */
export function storedIndexProblem(value: unknown): string | null {
  try {
    const index = object(value, 'index');
    string(index.builtAt, 'builtAt');
    strings(index.langs, 'langs');
    array(index.warnings, 'warnings').forEach((w, i) => {
      const warning = object(w, `warnings[${i}]`);
      for (const key of ['code', 'file', 'message']) string(warning[key], `warnings[${i}].${key}`);
      integer(warning.line, `warnings[${i}].line`);
    });
    const passages = array(index.passages, 'passages');
    const documents = array(index.documents, 'documents');
    if (!bulkLooksRight(index)) checkDocumentsAndPassages(documents, passages);
    const df = object(index.documentFrequency, 'documentFrequency');
    const terms = string(df.terms, 'documentFrequency.terms');
    const counts = array(df.counts, 'documentFrequency.counts');
    if (!counts.every(isCount)) counts.forEach((n, i) => integer(n, `documentFrequency.counts[${i}]`));
    if ((terms ? terms.split(' ').length : 0) !== counts.length) fail('documentFrequency', 'has not one count per term');
    array(index.acronyms, 'acronyms').forEach((a, i) => {
      const pair = array(a, `acronyms[${i}]`);
      string(pair[0], `acronyms[${i}][0]`);
      const acronym = object(pair[1], `acronyms[${i}][1]`);
      string(acronym.expansion, `acronyms[${i}][1].expansion`);
      integer(acronym.passage, `acronyms[${i}][1].passage`, passages.length);
      if (acronym.fromName !== undefined && acronym.fromName !== true) fail(`acronyms[${i}][1].fromName`, 'is not true');
    });
    checkLexicon(index.lexicon);
    checkMini(index.mini, passages.length);
    return null;
  } catch (error) {
    if (error instanceof Damaged) return error.message;
    throw error;
  }
}
