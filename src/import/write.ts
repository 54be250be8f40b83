import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { writeFileAtomic } from '../files';

/** Metadata written into an imported document's front matter, or a file's sidecar. */
export interface ImportedMeta {
  title?: string;
  lang?: string;
  /** The address answers link to (the page's canonical URL). */
  url?: string;
  /** Where it was fetched from (or the local file it was copied from): what `--refresh` fetches again. */
  source: string;
  fetched: string;
  etag?: string;
  last_modified?: string;
}

/** Whether a write added a document, changed one, or found it as it was. */
export type WriteResult = 'imported' | 'updated' | 'unchanged';

const defined = (meta: ImportedMeta): Record<string, string> =>
  Object.fromEntries(Object.entries(meta).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''));

/** A Markdown document with front matter; the title also opens the body as its H1. */
export function markdownDocument(meta: ImportedMeta, body: string): string {
  const heading = meta.title ? `# ${meta.title.replace(/\s+/g, ' ')}\n\n` : '';
  return matter.stringify(`${heading}${body.trim()}\n`, defined(meta));
}

/** A sidecar `NAME.pdf.yml`: the same keys as front matter. */
export function sidecarText(meta: ImportedMeta): string {
  return matter.stringify('', defined(meta)).replace(/^---\n/, '').replace(/---\n?\s*$/, '');
}

// The fetch time changes on every run; it does not make a document different.
const withoutFetched = (text: string) => text.replace(/^fetched: .*$/m, '');

/**
 * Writes a file under the knowledge folder atomically (a crash leaves the old file or the new one), unless
 * it already holds the same content (the fetch time aside). With `dryRun`, only says what it would do.
 */
export function writeImported(knowledgeDir: string, relative: string, content: string | Buffer, dryRun: boolean): WriteResult {
  const path = join(knowledgeDir, relative);
  const exists = existsSync(path);
  if (exists) {
    const old = readFileSync(path);
    const same = typeof content === 'string' ? withoutFetched(old.toString('utf8')) === withoutFetched(content) : old.equals(content);
    if (same) return 'unchanged';
  }
  if (!dryRun) writeFileAtomic(path, content);
  return exists ? 'updated' : 'imported';
}
