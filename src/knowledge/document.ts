import { grayMatter } from './front-matter';
import { detectLang, isLang, SUPPORTED_LANGS } from '../text/lang';
import type { KnowledgeDocument, KnowledgeWarning, Lang, Passage } from '../types';
import type { Block } from './markdown';

/** Why a document cannot be used; becomes a {@link KnowledgeWarning} with file and line. */
export class DocumentProblem extends Error {
  constructor(
    readonly code: KnowledgeWarning['code'],
    message: string,
    readonly line: number,
    /** The file the problem is in, when it is not the document itself (its sidecar). */
    readonly file?: string,
  ) {
    super(message);
  }
}

/** Metadata given for a document: Markdown front matter, or a sidecar `NAME.pdf.yml` for the other formats. */
export interface DeclaredMeta {
  data: Record<string, unknown>;
  /** The YAML text (or the whole Markdown file) the data came from, to name the line of a bad key. */
  text: string;
  /** The sidecar's name, when the metadata comes from one. */
  file?: string;
}

/** Metadata a converter found in the document itself (PDF info, DOCX core properties, HTML head). */
export interface FoundMeta {
  title?: string;
  /** A language tag as the document gives it ("en-GB"); used when it is one of the supported languages. */
  lang?: string;
  url?: string;
}

/** A block placed in its file: 1-based line, and the page for paged formats. */
export interface PlacedBlock extends Block {
  sourceLine: number;
  page?: number;
}

export const NO_META: DeclaredMeta = { data: {}, text: '' };

function frontMatterLine(text: string, key: string): number {
  const lines = text.split('\n');
  const n = lines.findIndex((l) => l.startsWith(`${key}:`));
  return n >= 0 ? n + 1 : 1;
}

function problemAt(meta: DeclaredMeta, key: string, message: string): DocumentProblem {
  return new DocumentProblem('knowledge_invalid_document', message, frontMatterLine(meta.text, key), meta.file);
}

function optionalString(meta: DeclaredMeta, key: string): string | undefined {
  const value = meta.data[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number') throw problemAt(meta, key, `front matter "${key}" must be a string`);
  return String(value).trim();
}

function parseLang(meta: DeclaredMeta, key: string): Lang | undefined {
  const value = optionalString(meta, key);
  if (value === undefined) return undefined;
  const lang = value.toLowerCase();
  if (!isLang(lang)) throw problemAt(meta, key, `front matter "${key}: ${value}" is not a supported language (use one of ${SUPPORTED_LANGS.join(', ')})`);
  return lang;
}

function parseTags(meta: DeclaredMeta): string[] {
  const tags = meta.data.tags;
  if (tags === undefined || tags === null) return [];
  if (typeof tags === 'string') return tags.split(',').map((t) => t.trim()).filter(Boolean);
  if (Array.isArray(tags) && tags.every((t) => typeof t === 'string' || typeof t === 'number')) return tags.map(String);
  throw problemAt(meta, 'tags', 'front matter "tags" must be a list of strings');
}

/** "en-GB" → "en" when supported. */
function supportedLang(tag: string | undefined): Lang | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary && isLang(primary) ? primary : undefined;
}

/** The title a file name suggests: "city-twinning_notes.md" → "City twinning notes". */
export function titleFromFile(file: string): string {
  const base = file.split('/').pop() ?? file;
  const name = base.replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ').trim();
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * Parses YAML metadata (a sidecar file's whole text) the way front matter is parsed.
 * @param file the sidecar's name, for messages
 */
export function parseSidecar(file: string, text: string): DeclaredMeta {
  let data: unknown;
  try {
    // gray-matter caches by content; a fresh options object bypasses the cache so errors are re-reported.
    data = grayMatter(`---\n${text.replace(/\r\n?/g, '\n')}\n---\n`).data;
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    throw new DocumentProblem('knowledge_invalid_document', `has invalid YAML: ${reason}`, (mark?.line ?? 0) + 1, file);
  }
  if (data === null || data === undefined) return { data: {}, text, file };
  if (typeof data !== 'object' || Array.isArray(data)) throw new DocumentProblem('knowledge_invalid_document', 'must be a YAML mapping (key: value)', 1, file);
  return { data: data as Record<string, unknown>, text, file };
}

/**
 * Alternate questions from the front matter, by the heading path they belong to ('' for the document's start):
 * `questions: [..]` for the document, or `questions: { "": [..], "People": [..], "People > Staff": [..] }`.
 */
function parseQuestions(meta: DeclaredMeta): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const value = meta.data.questions;
  if (value === undefined || value === null) return out;
  const questionList = (list: unknown, where: string): string[] => {
    const items = typeof list === 'string' ? [list] : list;
    if (!Array.isArray(items) || !items.every((q) => typeof q === 'string' && q.trim())) {
      throw problemAt(meta, 'questions', `front matter "questions"${where} must be a list of questions (strings)`);
    }
    return items.map((q: string) => q.trim().replace(/\s+/g, ' '));
  };
  if (Array.isArray(value) || typeof value === 'string') out.set('', questionList(value, ''));
  else if (typeof value === 'object') {
    for (const [heading, list] of Object.entries(value as Record<string, unknown>)) {
      out.set(heading.split('>').map((h) => h.trim()).filter(Boolean).join(' > '), questionList(list, ` for "${heading}"`));
    }
  } else throw problemAt(meta, 'questions', 'front matter "questions" must be a list of questions, or a map from a heading to its questions');
  return out;
}

/** The line of the front matter that names a heading under `questions:` (for an error about it). */
function questionKeyLine(text: string, heading: string): number {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('questions:'));
  for (let i = Math.max(start, 0); i < lines.length && lines[i] !== '---'; i++) if (lines[i].includes(heading.split(' > ').pop() ?? heading)) return i + 1;
  return start + 1;
}

/** A section's questions go to its first passage; the document's ('') to the document's first passage. */
function questionsByBlock(meta: DeclaredMeta, blocks: readonly { headings: string[] }[]): Map<number, string[]> {
  const questionsAt = new Map<number, string[]>();
  for (const [heading, list] of parseQuestions(meta)) {
    const at = blocks.findIndex((b) => heading === '' || b.headings.join(' > ') === heading || b.headings.join(' > ').startsWith(`${heading} > `));
    if (at < 0) {
      const known = [...new Set(blocks.map((b) => b.headings.join(' > ')).filter(Boolean))].map((h) => `"${h}"`).join(', ');
      throw new DocumentProblem('knowledge_invalid_document', `front matter "questions" names the heading "${heading}", which the document does not have (its headings: ${known || 'none'})`, questionKeyLine(meta.text, heading), meta.file);
    }
    questionsAt.set(at, [...(questionsAt.get(at) ?? []), ...list]);
  }
  return questionsAt;
}

/**
 * Turns blocks into a document with passages that cite file, heading path, line and page. Declared
 * metadata wins over what the document says about itself; the language is detected when neither gives it.
 */
export function assembleDocument(file: string, placed: PlacedBlock[], meta: DeclaredMeta, found: FoundMeta & { firstHeading?: string } = {}): KnowledgeDocument {
  const title = optionalString(meta, 'title') || found.title?.trim() || found.firstHeading || titleFromFile(file);
  // The H1 that repeats the title is not a section of its own.
  const blocks = placed.map((b) => (b.headings[0] === title ? { ...b, headings: b.headings.slice(1) } : b));
  if (blocks.length === 0) throw new DocumentProblem('knowledge_empty_document', 'has no text to answer from', 1);
  const lang =
    parseLang(meta, 'lang') ?? supportedLang(found.lang) ?? detectLang(blocks.map((b) => b.text).join(' ').slice(0, 2000), SUPPORTED_LANGS);
  const translatedFrom = parseLang(meta, 'translated_from');
  const url = optionalString(meta, 'url') ?? found.url;
  if (url !== undefined && !/^https?:\/\/\S+$/.test(url)) throw problemAt(meta, 'url', `front matter "url: ${url}" is not an http(s) URL`);
  const tags = parseTags(meta);
  const source = optionalString(meta, 'source');
  const questionsAt = questionsByBlock(meta, blocks);

  const passages: Passage[] = blocks.map((b, k) => ({
    id: b.page ? `${file}#p${b.page}.${b.sourceLine}` : `${file}#${b.sourceLine}`,
    kind: b.kind,
    text: b.text,
    ...(b.items ? { items: b.items } : {}),
    ...(b.facts ? { facts: b.facts } : {}),
    lang,
    headings: b.headings,
    source: { title, file, heading: b.headings.join(' > '), line: b.sourceLine, ...(b.page ? { page: b.page } : {}), ...(url ? { url } : {}) },
    tags,
    ...(questionsAt.has(k) ? { alternateQuestions: questionsAt.get(k) } : {}),
  }));
  return { file, title, lang, tags, passages, ...(source ? { source } : {}), ...(url ? { url } : {}), ...(translatedFrom ? { translatedFrom } : {}) };
}
