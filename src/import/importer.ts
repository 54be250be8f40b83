import { readFileSync, rmSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { NetworkQaError } from '../errors';
import { DocumentProblem, parseSidecar } from '../knowledge/document';
import { convertHtml } from '../knowledge/convert/html';
import { convertDocument, listKnowledgeFiles, parseDocument } from '../knowledge/load';
import { isLang } from '../text/lang';
import { DEFAULT_FETCH_SETTINGS, Fetcher, type FetchResult, type FetchSettings, type Validators } from './fetcher';
import { downloadPath, FILES_DIR, pagePath } from './paths';
import { looksLikeSitemap, parseSitemap } from './sitemap';
import { type ImportedMeta, markdownDocument, sidecarText, type WriteResult, writeImported } from './write';


/** What happened to one page or file. */
export type OutcomeStatus = WriteResult | 'skipped' | 'failed' | 'gone' | 'pruned';

export interface ImportOutcome {
  /** The URL or local path. */
  source: string;
  status: OutcomeStatus;
  /** Where it was (or would be) written, relative to the knowledge folder. */
  file?: string;
  /** Why it was skipped, failed or is gone. */
  reason?: string;
  /** Skipped because robots.txt disallows it. */
  robots?: boolean;
}

export interface ImportOptions {
  knowledgeDir: string;
  /** Follow links on the same host, under the same path. */
  crawl?: boolean;
  /** Most pages and files fetched from one source. @defaultValue 50 */
  maxPages?: number;
  /** Say what would be written; write nothing. */
  dryRun?: boolean;
  fetch?: Partial<FetchSettings>;
  /** The clock, for `fetched`. */
  now?: () => Date;
  /** Called for every page or file handled, as it happens. */
  onOutcome?: (outcome: ImportOutcome) => void;
}

const PAGE_TYPES = /^(text\/html|application\/xhtml\+xml)/i;
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const TEXT_EXTENSIONS = new Set(['.md', '.markdown', '.txt']);
const HTML_EXTENSIONS = new Set(['.html', '.htm']);
const BINARY_EXTENSIONS = new Set(['.pdf', '.docx']);
const SITEMAP_DEPTH = 3;

const problemText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Runs imports over one fetcher (so the per-host pause holds across sources) and collects outcomes. */
class Importer {
  readonly outcomes: ImportOutcome[] = [];
  readonly fetcher: Fetcher;
  private readonly knowledgeDir: string;
  private readonly now: () => Date;

  constructor(private readonly options: ImportOptions) {
    this.knowledgeDir = resolve(options.knowledgeDir);
    this.fetcher = new Fetcher({ ...DEFAULT_FETCH_SETTINGS, ...options.fetch });
    this.now = options.now ?? (() => new Date());
  }

  record(outcome: ImportOutcome): ImportOutcome {
    this.outcomes.push(outcome);
    this.options.onOutcome?.(outcome);
    return outcome;
  }

  private meta(source: string, extra: Partial<ImportedMeta>, fetched?: FetchResult): ImportedMeta {
    return {
      ...extra,
      source,
      fetched: this.now().toISOString(),
      ...(fetched?.kind === 'ok' && fetched.etag ? { etag: fetched.etag } : {}),
      ...(fetched?.kind === 'ok' && fetched.lastModified ? { last_modified: fetched.lastModified } : {}),
    };
  }

  /** A web page (or local HTML file) as a Markdown document; returns the links of the page. */
  writePage(source: string, target: string, bytes: Buffer, contentType: string, pageUrl: string | undefined, fetched?: FetchResult): string[] {
    const page = convertHtml(bytes, { contentType, ...(pageUrl ? { url: pageUrl } : {}) });
    const lang = page.lang?.toLowerCase().split(/[-_]/)[0];
    const url = page.canonical && /^https?:/.test(page.canonical) ? page.canonical : pageUrl;
    const text = markdownDocument(this.meta(source, { ...(page.title ? { title: page.title } : {}), ...(lang && isLang(lang) ? { lang } : {}), ...(url ? { url } : {}) }, fetched), page.markdown);
    parseDocument(target, Buffer.from(text)); // what the bot will load must load
    this.record({ source, status: writeImported(this.knowledgeDir, target, text, !!this.options.dryRun), file: target });
    return page.links;
  }

  /** A PDF or Word file kept as it is, with a sidecar; converted first so a file the bot cannot read is not kept. */
  async writeFile(source: string, target: string, bytes: Buffer, url: string | undefined, fetched?: FetchResult): Promise<void> {
    const sidecar = sidecarText(this.meta(source, url ? { url } : {}, fetched));
    await convertDocument(target, bytes, parseSidecar(`${target}.yml`, sidecar));
    const dryRun = !!this.options.dryRun;
    const written = writeImported(this.knowledgeDir, target, bytes, dryRun);
    const meta = writeImported(this.knowledgeDir, `${target}.yml`, sidecar, dryRun);
    this.record({ source, status: written === 'unchanged' && meta !== 'unchanged' ? 'updated' : written, file: target });
  }

  /** Handles a fetched response by its type; returns links to follow (pages only). */
  async handleFetched(source: string, result: Extract<FetchResult, { kind: 'ok' }>, target?: string): Promise<string[]> {
    const type = result.contentType.split(';')[0].trim().toLowerCase();
    const ext = extname(new URL(result.url).pathname).toLowerCase();
    try {
      if (result.bytes.subarray(0, 1024).includes('%PDF-') || type === 'application/pdf') {
        await this.writeFile(source, target ?? downloadPath(result.url, '.pdf'), result.bytes, result.url, result);
      } else if (type === DOCX_TYPE || (ext === '.docx' && /octet-stream|zip/.test(type))) {
        await this.writeFile(source, target ?? downloadPath(result.url, '.docx'), result.bytes, result.url, result);
      } else if (PAGE_TYPES.test(type) || (!type && /^\s*</.test(result.bytes.subarray(0, 100).toString('latin1')))) {
        return this.writePage(source, target ?? pagePath(result.url), result.bytes, result.contentType, result.url, result);
      } else {
        this.record({ source, status: 'skipped', reason: `is ${type || 'of an unknown type'}, not a web page, PDF or Word document` });
      }
    } catch (error) {
      if (!(error instanceof DocumentProblem) && !(error instanceof NetworkQaError)) throw error;
      this.record({ source, status: 'failed', reason: problemText(error) });
    }
    return [];
  }

  private fetchOutcome(source: string, result: Exclude<FetchResult, { kind: 'ok' }>): void {
    if (result.kind === 'blocked') this.record({ source, status: 'skipped', reason: result.reason, robots: true });
    else if (result.kind === 'gone') this.record({ source, status: 'failed', reason: `HTTP ${result.status}: not found` });
    else if (result.kind === 'failed') this.record({ source, status: 'failed', reason: result.reason });
    else this.record({ source, status: 'unchanged' });
  }

  /** A page URL (with its links when crawling), a sitemap, or a file URL. */
  async importUrl(start: string): Promise<void> {
    const maxPages = this.options.maxPages ?? 50;
    const startUrl = new URL(start);
    const scope = startUrl.pathname.slice(0, startUrl.pathname.lastIndexOf('/') + 1);
    const inScope = (u: URL) => (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === startUrl.origin && u.pathname.startsWith(scope);
    const seen = new Set<string>();
    const queue: string[] = [start];
    let fetchedCount = 0;
    let sitemapDepth = 0;
    while (queue.length && fetchedCount < maxPages) {
      const url = queue.shift() as string;
      const key = url.replace(/#.*$/, '');
      if (seen.has(key)) continue;
      seen.add(key);
      fetchedCount++;
      const result = await this.fetcher.fetch(key);
      if (result.kind !== 'ok') {
        this.fetchOutcome(url, result);
        continue;
      }
      seen.add(result.url);
      if (looksLikeSitemap(result.contentType, result.bytes) && !PAGE_TYPES.test(result.contentType)) {
        const sitemap = parseSitemap(result.bytes.toString('utf8'));
        if (!sitemap) {
          this.record({ source: url, status: 'failed', reason: 'is XML but not a sitemap (no <urlset> or <sitemapindex>)' });
          continue;
        }
        fetchedCount--; // a sitemap is not a page
        const listed = sitemap.kind === 'urlset' ? sitemap.urls : sitemap.sitemaps;
        if (sitemap.kind === 'index' && ++sitemapDepth > SITEMAP_DEPTH) continue;
        for (const loc of listed) {
          let target: URL;
          try {
            target = new URL(loc, result.url);
          } catch {
            this.record({ source: loc, status: 'skipped', reason: 'is not a valid URL' });
            continue;
          }
          if (target.origin !== startUrl.origin) this.record({ source: target.href, status: 'skipped', reason: `is on another host than the sitemap (${startUrl.host}); not followed` });
          else queue.push(target.href);
        }
        continue;
      }
      const links = await this.handleFetched(url, result);
      if (!this.options.crawl) continue;
      for (const link of links) {
        let target: URL;
        try {
          target = new URL(link);
        } catch {
          continue;
        }
        target.hash = '';
        // Other hosts, mailto: and other schemes are never followed; nor is anything outside the start path.
        if (inScope(target) && !seen.has(target.href)) queue.push(target.href);
      }
    }
  }

  /** A local file or folder, copied (or, for HTML, converted) into `imported/files/`. */
  async importLocal(path: string): Promise<void> {
    const absolute = resolve(path);
    let isFolder: boolean;
    try {
      isFolder = statSync(absolute).isDirectory();
    } catch {
      this.record({ source: path, status: 'failed', reason: 'no such file or folder' });
      return;
    }
    if (absolute === this.knowledgeDir || absolute.startsWith(this.knowledgeDir + sep)) {
      this.record({ source: path, status: 'skipped', reason: 'is already in the knowledge folder' });
      return;
    }
    const files = isFolder ? listKnowledgeFiles(absolute).map((f) => ({ path: f, name: `${basename(absolute)}/${relative(absolute, f).split(sep).join('/')}` })) : [{ path: absolute, name: basename(absolute) }];
    if (isFolder && !files.length) this.record({ source: path, status: 'skipped', reason: 'holds no .md, .txt, .html, .pdf or .docx file' });
    for (const file of files) await this.importLocalFile(file.path, `${FILES_DIR}/${file.name}`);
  }

  private async importLocalFile(path: string, target: string): Promise<void> {
    const ext = extname(path).toLowerCase();
    try {
      const bytes = readFileSync(path);
      if (TEXT_EXTENSIONS.has(ext)) {
        parseDocument(target, bytes);
        this.record({ source: path, status: writeImported(this.knowledgeDir, target, bytes, !!this.options.dryRun), file: target });
      } else if (HTML_EXTENSIONS.has(ext)) {
        this.writePage(path, target.replace(/\.html?$/i, '.md'), bytes, '', undefined);
      } else if (BINARY_EXTENSIONS.has(ext)) {
        await this.writeFile(path, target, bytes, undefined);
      } else {
        this.record({ source: path, status: 'skipped', reason: 'is not a supported format (.md, .txt, .html, .pdf, .docx)' });
      }
    } catch (error) {
      if (!(error instanceof DocumentProblem) && !(error as NodeJS.ErrnoException).code) throw error;
      this.record({ source: path, status: 'failed', reason: problemText(error) });
    }
  }

  /** Fetches an imported document again, conditionally, and rewrites it only when it changed. */
  async refreshOne(entry: ImportedEntry, prune: boolean): Promise<void> {
    const validators: Validators = { ...(entry.etag ? { etag: entry.etag } : {}), ...(entry.lastModified ? { lastModified: entry.lastModified } : {}) };
    const result = await this.fetcher.fetch(entry.source, validators);
    if (result.kind === 'gone') {
      if (prune && !this.options.dryRun) for (const f of [entry.file, ...(entry.sidecar ? [entry.sidecar] : [])]) rmSync(join(this.knowledgeDir, f), { force: true });
      this.record({ source: entry.source, status: prune ? 'pruned' : 'gone', file: entry.file, reason: `HTTP ${result.status}: the page is gone${prune ? '; deleted' : '; kept (use --prune to delete it)'}` });
      return;
    }
    if (result.kind === 'not_modified') {
      this.record({ source: entry.source, status: 'unchanged', file: entry.file });
      return;
    }
    if (result.kind !== 'ok') {
      this.fetchOutcome(entry.source, result);
      return;
    }
    await this.handleFetched(entry.source, result, entry.file);
  }
}

/** An imported document that can be refreshed: its file and the URL it came from. */
export interface ImportedEntry {
  file: string;
  sidecar?: string;
  source: string;
  etag?: string;
  lastModified?: string;
}

/** Every document under `knowledge/imported/` that names the URL it was fetched from. */
export function listImported(knowledgeDir: string): ImportedEntry[] {
  const root = join(knowledgeDir, 'imported');
  let files: string[];
  try {
    files = listKnowledgeFiles(root);
  } catch {
    return [];
  }
  const entries: ImportedEntry[] = [];
  for (const path of files) {
    const file = relative(knowledgeDir, path).split(sep).join('/');
    let data: Record<string, unknown> = {};
    let sidecar: string | undefined;
    try {
      if (/\.(md|markdown)$/i.test(path)) data = parseSidecar(file, readFileSync(path, 'utf8').match(/^---\r?\n([\s\S]*?)\r?\n---/)?.[1] ?? '').data;
      else if (BINARY_EXTENSIONS.has(extname(path).toLowerCase())) {
        sidecar = `${file}.yml`;
        data = parseSidecar(sidecar, readFileSync(`${path}.yml`, 'utf8')).data;
      }
    } catch {
      continue; // no front matter or sidecar to refresh from
    }
    const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : undefined);
    const source = text('source');
    if (!source || !/^https?:\/\//.test(source)) continue;
    const etag = text('etag');
    const lastModified = text('last_modified');
    entries.push({ file, source, ...(sidecar ? { sidecar } : {}), ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) });
  }
  return entries;
}

/** What an import or refresh did. */
export interface ImportReport {
  outcomes: ImportOutcome[];
}

/**
 * Imports web pages, sitemaps and local files or folders into `knowledge/imported/`.
 * @param onSource called after each source with the outcomes it produced
 */
export async function importSources(sources: string[], options: ImportOptions, onSource?: (source: string, outcomes: ImportOutcome[]) => void): Promise<ImportReport> {
  const importer = new Importer(options);
  for (const source of sources) {
    const before = importer.outcomes.length;
    if (/^https?:\/\//i.test(source)) await importer.importUrl(source);
    else await importer.importLocal(source);
    onSource?.(source, importer.outcomes.slice(before));
  }
  return { outcomes: importer.outcomes };
}

/** Fetches every imported URL again with conditional requests; gone pages are listed, and deleted with `prune`. */
export async function refreshImports(options: ImportOptions & { prune?: boolean }, onSource?: (source: string, outcomes: ImportOutcome[]) => void): Promise<ImportReport> {
  const importer = new Importer(options);
  for (const entry of listImported(resolve(options.knowledgeDir))) {
    const before = importer.outcomes.length;
    await importer.refreshOne(entry, !!options.prune);
    onSource?.(entry.source, importer.outcomes.slice(before));
  }
  return { outcomes: importer.outcomes };
}
