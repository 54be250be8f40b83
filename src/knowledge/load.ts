import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import matter from 'gray-matter';
import { NetworkQaError } from '../errors';
import { detectLang, isLang, SUPPORTED_LANGS } from '../text/lang';
import type { KnowledgeDocument, KnowledgeWarning, Lang, Passage } from '../types';
import { type Block, markdownBlocks, textBlocks } from './markdown';
import { type KnowledgeSynonyms, loadSynonyms, SYNONYMS_FILE } from './synonyms';

export interface LoadedKnowledge {
  documents: KnowledgeDocument[];
  passages: Passage[];
  warnings: KnowledgeWarning[];
  /** Hash of every knowledge file's path and bytes (`synonyms.yml` included): the saved index is fresh only for the same fingerprint. */
  fingerprint: string;
  /** The maintainers' vocabulary from `synonyms.yml` (empty without one); its problems are in `warnings`. */
  synonyms: KnowledgeSynonyms;
}

const KNOWLEDGE_EXTENSIONS = new Set(['.md', '.markdown', '.txt']);
const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/** Knowledge files under a folder, recursively, sorted; dot-folders and node_modules are skipped. */
export function listKnowledgeFiles(dir: string): string[] {
  let stat;
  try {
    stat = statSync(dir);
  } catch (error) {
    throw new NetworkQaError('knowledge_dir_missing', `knowledge folder ${dir} does not exist`, { cause: error });
  }
  if (!stat.isDirectory()) throw new NetworkQaError('knowledge_dir_missing', `knowledge folder ${dir} is not a folder`);
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && KNOWLEDGE_EXTENSIONS.has(extname(entry.name).toLowerCase())) files.push(path);
    }
  };
  walk(dir);
  return files.sort();
}

/** Hash of the knowledge files' paths and contents (same as `loadKnowledge(dir).fingerprint`, without parsing). */
export function fingerprintFiles(dir: string, files: string[] = listKnowledgeFiles(dir)): string {
  const hash = createHash('sha256');
  for (const path of files) {
    try {
      hashFile(hash, relativeName(dir, path), readFileSync(path));
    } catch {
      hash.update(`${relativeName(dir, path)}\0unreadable\0`);
    }
  }
  hashSynonyms(hash, dir);
  return hash.digest('hex').slice(0, 32);
}

/** Adds `synonyms.yml` to a fingerprint when the folder has one (so a folder without it hashes as before). */
function hashSynonyms(hash: ReturnType<typeof createHash>, dir: string): void {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(dir, SYNONYMS_FILE));
  } catch {
    return;
  }
  hashFile(hash, SYNONYMS_FILE, bytes);
}

const relativeName = (dir: string, path: string): string => relative(dir, path).split(sep).join('/');
const hashFile = (hash: ReturnType<typeof createHash>, file: string, bytes: Buffer): void => {
  hash.update(file).update('\0').update(bytes).update('\0');
};

class DocumentProblem extends Error {
  constructor(
    readonly code: KnowledgeWarning['code'],
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function decodeUtf8(bytes: Buffer): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const nul = text.indexOf('\0');
    if (nul >= 0) throw new DocumentProblem('knowledge_not_utf8', 'is a binary file (contains NUL bytes), not UTF-8 text', lineOfOffset(text, nul));
    return text.replace(/^\uFEFF/, '');
  } catch (error) {
    if (error instanceof DocumentProblem) throw error;
    const lossy = new TextDecoder('utf-8').decode(bytes);
    throw new DocumentProblem('knowledge_not_utf8', 'is not valid UTF-8 text', lineOfOffset(lossy, lossy.indexOf('\uFFFD')));
  }
}

interface FrontMatter {
  data: Record<string, unknown>;
  body: string;
  /** Lines taken by the front matter block, so body line n is file line n + bodyOffset + 1. */
  bodyOffset: number;
}

function parseFrontMatter(text: string): FrontMatter {
  if (!/^---\r?\n/.test(text)) return { data: {}, body: text, bodyOffset: 0 };
  let parsed;
  try {
    // gray-matter caches by content; a fresh options object bypasses the cache so errors are re-reported.
    parsed = matter(text, {});
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    throw new DocumentProblem('knowledge_invalid_document', `has invalid YAML front matter: ${reason}`, (mark?.line ?? 0) + 1);
  }
  const headerLines = text.slice(0, text.length - parsed.content.length).split('\n').length - 1;
  // "---", a sentence, "---": thematic breaks around a paragraph, not front matter.
  if (typeof parsed.data !== 'object' || parsed.data === null) return { data: {}, body: text, bodyOffset: 0 };
  if (Array.isArray(parsed.data)) {
    throw new DocumentProblem('knowledge_invalid_document', 'front matter must be a YAML mapping (key: value)', 2);
  }
  return { data: parsed.data as Record<string, unknown>, body: parsed.content, bodyOffset: headerLines };
}

function frontMatterLine(text: string, key: string): number {
  const lines = text.split('\n');
  const n = lines.findIndex((l) => l.startsWith(`${key}:`));
  return n >= 0 ? n + 1 : 1;
}

function optionalString(data: Record<string, unknown>, key: string, text: string): string | undefined {
  const value = data[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new DocumentProblem('knowledge_invalid_document', `front matter "${key}" must be a string`, frontMatterLine(text, key));
  }
  return String(value).trim();
}

function parseLang(data: Record<string, unknown>, key: string, text: string): Lang | undefined {
  const value = optionalString(data, key, text);
  if (value === undefined) return undefined;
  const lang = value.toLowerCase();
  if (!isLang(lang)) {
    throw new DocumentProblem(
      'knowledge_invalid_document',
      `front matter "${key}: ${value}" is not a supported language (use one of ${SUPPORTED_LANGS.join(', ')})`,
      frontMatterLine(text, key),
    );
  }
  return lang;
}

function parseTags(data: Record<string, unknown>, text: string): string[] {
  const tags = data.tags;
  if (tags === undefined || tags === null) return [];
  if (typeof tags === 'string') return tags.split(',').map((t) => t.trim()).filter(Boolean);
  if (Array.isArray(tags) && tags.every((t) => typeof t === 'string' || typeof t === 'number')) return tags.map(String);
  throw new DocumentProblem('knowledge_invalid_document', 'front matter "tags" must be a list of strings', frontMatterLine(text, 'tags'));
}

/**
 * Alternate questions from the front matter, by the heading path they belong to ('' for the document's start):
 * `questions: [..]` for the document, or `questions: { "": [..], "People": [..], "People > Staff": [..] }`.
 */
function parseQuestions(data: Record<string, unknown>, text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const value = data.questions;
  if (value === undefined || value === null) return out;
  const problem = (message: string, key = 'questions') => new DocumentProblem('knowledge_invalid_document', message, frontMatterLine(text, key));
  const questionList = (list: unknown, where: string): string[] => {
    const items = typeof list === 'string' ? [list] : list;
    if (!Array.isArray(items) || !items.every((q) => typeof q === 'string' && q.trim())) {
      throw problem(`front matter "questions"${where} must be a list of questions (strings)`);
    }
    return items.map((q: string) => q.trim().replace(/\s+/g, ' '));
  };
  if (Array.isArray(value) || typeof value === 'string') out.set('', questionList(value, ''));
  else if (typeof value === 'object') {
    for (const [heading, list] of Object.entries(value as Record<string, unknown>)) {
      out.set(heading.split('>').map((h) => h.trim()).filter(Boolean).join(' > '), questionList(list, ` for "${heading}"`));
    }
  } else throw problem('front matter "questions" must be a list of questions, or a map from a heading to its questions');
  return out;
}

/** The line of the front matter that names a heading under `questions:` (for an error about it). */
function questionKeyLine(text: string, heading: string): number {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('questions:'));
  for (let i = Math.max(start, 0); i < lines.length && lines[i] !== '---'; i++) if (lines[i].includes(heading.split(' > ').pop() ?? heading)) return i + 1;
  return start + 1;
}

function titleFromFile(file: string): string {
  const base = file.split('/').pop() ?? file;
  const name = base.replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ').trim();
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * Parses one knowledge document. Throws a `DocumentProblem` (with its line) when it cannot be used.
 * @param file path relative to the knowledge folder, with forward slashes
 */
export function parseDocument(file: string, bytes: Buffer): KnowledgeDocument {
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    throw new DocumentProblem('knowledge_invalid_document', `is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB`, 1);
  }
  const text = decodeUtf8(bytes).replace(/\r\n?/g, '\n');
  if (!text.trim()) throw new DocumentProblem('knowledge_empty_document', 'is empty', 1);
  const isMarkdown = !file.toLowerCase().endsWith('.txt');
  // Plain text has no front matter: a first line "---" is just text.
  const { data, body, bodyOffset } = isMarkdown ? parseFrontMatter(text) : { data: {}, body: text, bodyOffset: 0 };
  const parsed = isMarkdown ? markdownBlocks(body) : { blocks: textBlocks(body) };
  let blocks: Block[] = parsed.blocks;

  const declaredTitle = optionalString(data, 'title', text);
  const firstHeading = 'title' in parsed ? parsed.title : undefined;
  const title = declaredTitle || firstHeading || titleFromFile(file);
  // The H1 that repeats the title is not a section of its own.
  blocks = blocks.map((b) => (b.headings[0] === title ? { ...b, headings: b.headings.slice(1) } : b));
  if (blocks.length === 0) throw new DocumentProblem('knowledge_empty_document', 'has no text to answer from', bodyOffset + 1);

  const lang = parseLang(data, 'lang', text) ?? detectLang(blocks.map((b) => b.text).join(' ').slice(0, 2000), SUPPORTED_LANGS);
  const translatedFrom = parseLang(data, 'translated_from', text);
  const url = optionalString(data, 'url', text);
  if (url !== undefined && !/^https?:\/\/\S+$/.test(url)) {
    throw new DocumentProblem('knowledge_invalid_document', `front matter "url: ${url}" is not an http(s) URL`, frontMatterLine(text, 'url'));
  }
  const tags = parseTags(data, text);
  const source = optionalString(data, 'source', text);

  const questions = parseQuestions(data, text);
  // A section's questions go to its first passage; the document's ('') to the document's first passage.
  const questionsAt = new Map<number, string[]>();
  for (const [heading, list] of questions) {
    const at = blocks.findIndex((b) => heading === '' || b.headings.join(' > ') === heading || b.headings.join(' > ').startsWith(`${heading} > `));
    if (at < 0) {
      const known = [...new Set(blocks.map((b) => b.headings.join(' > ')).filter(Boolean))].map((h) => `"${h}"`).join(', ');
      throw new DocumentProblem('knowledge_invalid_document', `front matter "questions" names the heading "${heading}", which the document does not have (its headings: ${known || 'none'})`, questionKeyLine(text, heading));
    }
    questionsAt.set(at, [...(questionsAt.get(at) ?? []), ...list]);
  }

  const passages: Passage[] = blocks.map((b, k) => {
    const line = b.line + bodyOffset + 1;
    const alternateQuestions = questionsAt.get(k);
    return {
      id: `${file}#${line}`,
      kind: b.kind,
      text: b.text,
      ...(b.items ? { items: b.items } : {}),
      ...(b.facts ? { facts: b.facts } : {}),
      lang,
      headings: b.headings,
      source: { title, file, heading: b.headings.join(' > '), line, ...(url ? { url } : {}) },
      tags,
      ...(alternateQuestions ? { alternateQuestions } : {}),
    };
  });
  return { file, title, lang, tags, passages, ...(source ? { source } : {}), ...(url ? { url } : {}), ...(translatedFrom ? { translatedFrom } : {}) };
}

/**
 * Loads every `.md` / `.txt` document under `dir`, and the maintainers' `synonyms.yml` in its root. A document
 * that cannot be used is reported in `warnings` (with file and line) and skipped; the rest still loads.
 */
export function loadKnowledge(dir: string): LoadedKnowledge {
  const files = listKnowledgeFiles(dir);
  const documents: KnowledgeDocument[] = [];
  const warnings: KnowledgeWarning[] = [];
  const hash = createHash('sha256');
  for (const path of files) {
    const file = relativeName(dir, path);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      hash.update(`${file}\0unreadable\0`);
      warnings.push({ code: 'knowledge_unreadable', file, line: 1, message: `${file}:1: cannot be read (${(error as Error).message})` });
      continue;
    }
    hashFile(hash, file, bytes);
    try {
      documents.push(parseDocument(file, bytes));
    } catch (error) {
      if (!(error instanceof DocumentProblem)) throw error;
      warnings.push({ code: error.code, file, line: error.line, message: `${file}:${error.line}: ${error.message}; skipped` });
    }
  }
  hashSynonyms(hash, dir);
  const { warnings: synonymWarnings, ...synonyms } = loadSynonyms(dir);
  warnings.push(...synonymWarnings);
  return { documents, passages: documents.flatMap((d) => d.passages), warnings, fingerprint: hash.digest('hex').slice(0, 32), synonyms };
}
