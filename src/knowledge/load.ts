import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { NetworkQaError } from '../errors';
import type { KnowledgeDocument, KnowledgeWarning } from '../types';
import { BoundedMap } from '../util/bounded-map';
import { grayMatter } from './front-matter';
import { assembleDocument, type DeclaredMeta, DocumentProblem, NO_META, parseSidecar } from './document';
import { markdownBlocks, textBlocks } from './markdown';
import { type KnowledgeSynonyms, loadSynonyms, SYNONYMS_FILE } from './synonyms';

export interface LoadedKnowledge {
  documents: KnowledgeDocument[];
  passages: KnowledgeDocument['passages'];
  warnings: KnowledgeWarning[];
  /** Hash of every knowledge file's path and bytes (`synonyms.yml` included): the saved index is fresh only for the same fingerprint. */
  fingerprint: string;
  /** Symbolic links that were not followed, and why. */
  skipped: SkippedEntry[];
  /** The maintainers' vocabulary from `synonyms.yml` (empty without one); its problems are in `warnings`. */
  synonyms: KnowledgeSynonyms;
}

const TEXT_EXTENSIONS = new Set(['.md', '.markdown', '.txt']);
/** Formats converted to passages when loaded; their metadata may sit in a sidecar `NAME.pdf.yml`. */
const CONVERTED_EXTENSIONS = new Set(['.pdf', '.docx', '.html', '.htm']);
const KNOWLEDGE_EXTENSIONS = new Set([...TEXT_EXTENSIONS, ...CONVERTED_EXTENSIONS]);
const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
/** PDF, Word and HTML files up to the size `network-qa import` downloads by default. */
export const MAX_CONVERTED_BYTES = 20 * 1024 * 1024;
/** Converted documents kept in memory by content hash, so a reload converts only what changed (about one knowledge folder's worth). */
const CONVERSION_CACHE_SIZE = 1000;
const SIDECAR_SUFFIXES = ['.yml', '.yaml'];

/** Whether a file is one the loader converts (PDF, Word, HTML), which may have a sidecar. */
export const isConvertedFile = (file: string): boolean => CONVERTED_EXTENSIONS.has(extname(file).toLowerCase());

/** A file or folder under the knowledge folder that was not read, and why. */
export interface SkippedEntry {
  /** Path relative to the knowledge folder, with forward slashes. */
  file: string;
  reason: string;
}

/**
 * Knowledge files under a folder, recursively, sorted; dot-folders and node_modules are skipped. Symbolic links are
 * not followed, and each one that names a document or a folder is reported in `skipped` with the reason: a link out
 * of the folder would let the bot answer from files nobody reviewed as knowledge, and a link inside it only names a
 * document that is already read under its own name (following it would answer twice, or loop).
 */
export function listKnowledgeFiles(dir: string, skipped: SkippedEntry[] = []): string[] {
  let stat;
  try {
    stat = statSync(dir);
  } catch (error) {
    throw new NetworkQaError('knowledge_dir_missing', `knowledge folder ${dir} does not exist`, { cause: error });
  }
  if (!stat.isDirectory()) throw new NetworkQaError('knowledge_dir_missing', `knowledge folder ${dir} is not a folder`);
  const root = realpathSync(dir);
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(folder, entry.name);
      if (entry.isSymbolicLink()) {
        const reason = linkProblem(path, root, KNOWLEDGE_EXTENSIONS.has(extname(entry.name).toLowerCase()));
        if (reason) skipped.push({ file: relativeName(dir, path), reason });
      } else if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && KNOWLEDGE_EXTENSIONS.has(extname(entry.name).toLowerCase())) files.push(path);
    }
  };
  walk(dir);
  return files.sort();
}

/** Why a symbolic link is not read, or null when it names neither a document nor a folder (nothing was lost). */
function linkProblem(path: string, root: string, documentName: boolean): string | null {
  let real: string;
  let isFolder: boolean;
  try {
    real = realpathSync(path);
    isFolder = statSync(real).isDirectory();
  } catch {
    return documentName ? 'is a broken symbolic link' : null;
  }
  if (!documentName && !isFolder) return null;
  if (real !== root && !real.startsWith(root + sep)) return `is a symbolic link to ${real}, outside the knowledge folder`;
  return `is a symbolic link to ${relativeName(root, real) || '.'}, which is read under its own name`;
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
    const sidecar = sidecarOf(path);
    if (sidecar) hashFile(hash, relativeName(dir, sidecar.path), sidecar.bytes);
  }
  hashSynonyms(hash, dir);
  return hash.digest('hex').slice(0, 32);
}

/** The sidecar of a converted file (`report.pdf.yml`), when there is one. */
function sidecarOf(path: string): { path: string; bytes: Buffer } | null {
  if (!isConvertedFile(path)) return null;
  for (const suffix of SIDECAR_SUFFIXES) {
    try {
      return { path: path + suffix, bytes: readFileSync(path + suffix) };
    } catch {
      // no sidecar with this suffix
    }
  }
  return null;
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
    parsed = grayMatter(text);
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
  if (parsed.blocks.length === 0) throw new DocumentProblem('knowledge_empty_document', 'has no text to answer from', bodyOffset + 1);
  const blocks = parsed.blocks.map((b) => ({ ...b, sourceLine: b.line + bodyOffset + 1 }));
  const firstHeading = 'title' in parsed ? parsed.title : undefined;
  return assembleDocument(file, blocks, { data, text }, firstHeading ? { firstHeading } : {});
}

/**
 * Converts a PDF, Word or HTML file to a knowledge document (async: PDF is read in a worker thread).
 * @param file path relative to the knowledge folder
 * @param meta its sidecar's metadata, which wins over what the file says about itself
 */
export async function convertDocument(file: string, bytes: Buffer, meta: DeclaredMeta = NO_META): Promise<KnowledgeDocument> {
  if (bytes.length > MAX_CONVERTED_BYTES) {
    throw new DocumentProblem('knowledge_invalid_document', `is larger than ${MAX_CONVERTED_BYTES / 1024 / 1024} MiB`, 1);
  }
  if (!bytes.length) throw new DocumentProblem('knowledge_empty_document', 'is empty', 1);
  const ext = extname(file).toLowerCase();
  // Converters load on first use: their libraries take seconds to load on a busy machine, and a
  // knowledge folder of Markdown alone (or `network-qa ask`) never needs them.
  if (ext === '.pdf') return (await import('./convert/pdf')).pdfToDocument(file, bytes, meta);
  if (ext === '.docx') return (await import('./convert/docx')).docxToDocument(file, bytes, meta);
  return (await import('./convert/html')).htmlToDocument(file, bytes, meta);
}

const conversions = new BoundedMap<string, KnowledgeDocument>(CONVERSION_CACHE_SIZE);

async function loadDocument(file: string, bytes: Buffer, sidecar: { file: string; bytes: Buffer } | null): Promise<KnowledgeDocument> {
  if (!isConvertedFile(file)) return parseDocument(file, bytes);
  const key = createHash('sha256').update(file).update('\0').update(bytes).update('\0').update(sidecar?.bytes ?? '').digest('hex');
  const cached = conversions.get(key);
  if (cached) return cached;
  const meta = sidecar ? parseSidecar(sidecar.file, sidecar.bytes.toString('utf8')) : NO_META;
  const document = await convertDocument(file, bytes, meta);
  conversions.set(key, document);
  return document;
}

interface KnowledgeEntry {
  file: string;
  bytes: Buffer;
  sidecar: { file: string; bytes: Buffer } | null;
}

/** Reads every knowledge file (and sidecar) under `dir`, hashing them into `hash`; unreadable files become warnings. */
function* readEntries(dir: string, hash: ReturnType<typeof createHash>, warnings: KnowledgeWarning[], skipped: SkippedEntry[]): Generator<KnowledgeEntry> {
  for (const path of listKnowledgeFiles(dir, skipped)) {
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
    const sidecar = sidecarOf(path);
    if (sidecar) hashFile(hash, relativeName(dir, sidecar.path), sidecar.bytes);
    yield { file, bytes, sidecar: sidecar ? { file: relativeName(dir, sidecar.path), bytes: sidecar.bytes } : null };
  }
}

function skippedWarning(error: unknown, file: string): KnowledgeWarning {
  if (!(error instanceof DocumentProblem)) throw error;
  const where = error.file ?? file;
  return { code: error.code, file: where, line: error.line, message: `${where}:${error.line}: ${error.message}; skipped` };
}

/**
 * Loads every document under `dir` (Markdown, text, PDF, Word, HTML). A document that cannot be used is
 * reported in `warnings` (with file and line) and skipped; the rest still loads.
 */
export async function loadKnowledge(dir: string): Promise<LoadedKnowledge> {
  const documents: KnowledgeDocument[] = [];
  const warnings: KnowledgeWarning[] = [];
  const skipped: SkippedEntry[] = [];
  const hash = createHash('sha256');
  for (const { file, bytes, sidecar } of readEntries(dir, hash, warnings, skipped)) {
    try {
      documents.push(await loadDocument(file, bytes, sidecar));
    } catch (error) {
      warnings.push(skippedWarning(error, file));
    }
  }
  return finish(dir, documents, warnings, hash, skipped);
}

/**
 * {@link loadKnowledge} for folders of Markdown and plain text only (tests, scripts): synchronous. A PDF, Word
 * or HTML file is reported as a warning, since converting it is asynchronous.
 */
export function loadKnowledgeSync(dir: string): LoadedKnowledge {
  const documents: KnowledgeDocument[] = [];
  const warnings: KnowledgeWarning[] = [];
  const skipped: SkippedEntry[] = [];
  const hash = createHash('sha256');
  for (const { file, bytes } of readEntries(dir, hash, warnings, skipped)) {
    try {
      if (isConvertedFile(file)) throw new DocumentProblem('knowledge_invalid_document', 'needs conversion: load it with loadKnowledge', 1);
      documents.push(parseDocument(file, bytes));
    } catch (error) {
      warnings.push(skippedWarning(error, file));
    }
  }
  return finish(dir, documents, warnings, hash, skipped);
}

/** Adds the maintainers' `synonyms.yml` to what was loaded (its problems become warnings, its bytes part of the fingerprint). */
function finish(dir: string, documents: KnowledgeDocument[], warnings: KnowledgeWarning[], hash: ReturnType<typeof createHash>, skipped: SkippedEntry[]): LoadedKnowledge {
  hashSynonyms(hash, dir);
  const { warnings: synonymWarnings, ...synonyms } = loadSynonyms(dir);
  warnings.push(...synonymWarnings);
  return { documents, passages: documents.flatMap((d) => d.passages), warnings, fingerprint: hash.digest('hex').slice(0, 32), skipped, synonyms };
}
