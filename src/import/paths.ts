import { createHash } from 'node:crypto';
import { extname, posix } from 'node:path';

/** Where imported documents go inside the knowledge folder. */
export const IMPORTED_DIR = 'imported';
/** Where downloaded and local files (PDF, Word) are kept as they are. */
export const FILES_DIR = `${IMPORTED_DIR}/files`;

const PAGE_EXTENSIONS = /\.(html?|php|aspx?|jsp|cfm)$/i;

/** A path segment safe on every file system. */
function safeSegment(segment: string): string {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // keep it as it is
  }
  const cleaned = decoded.normalize('NFC').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[.-]+/, '').slice(0, 100);
  return cleaned || '_';
}

/** "127.0.0.1_8080" for http://127.0.0.1:8080/ (no colon: it is not allowed in Windows file names). */
export function hostFolder(url: URL): string {
  return safeSegment(url.port ? `${url.hostname}_${url.port}` : url.hostname);
}

const queryTag = (url: URL) => (url.search ? `-${createHash('sha256').update(url.search).digest('hex').slice(0, 8)}` : '');

/** `imported/<host>/<path>.md` for a web page, relative to the knowledge folder. */
export function pagePath(address: string): string {
  const url = new URL(address);
  const segments = url.pathname.split('/').filter(Boolean).map(safeSegment);
  let name = url.pathname.endsWith('/') || !segments.length ? 'index' : (segments.pop() as string).replace(PAGE_EXTENSIONS, '');
  if (/\.md$/i.test(name)) name = name.slice(0, -3);
  return posix.join(IMPORTED_DIR, hostFolder(url), ...segments, `${name}${queryTag(url)}.md`);
}

/** `imported/files/<host>/<path>` for a downloaded file, keeping (or adding) its extension. */
export function downloadPath(address: string, extension: string): string {
  const url = new URL(address);
  const segments = url.pathname.split('/').filter(Boolean).map(safeSegment);
  const last = segments.pop() ?? 'download';
  const base = extname(last).toLowerCase() === extension ? last.slice(0, -extension.length) : last;
  return posix.join(FILES_DIR, hostFolder(url), ...segments, `${base}${queryTag(url)}${extension}`);
}
