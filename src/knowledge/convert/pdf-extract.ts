import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** One run of text on a PDF page, as pdf.js reports it (x, y: baseline origin in points from the bottom left). */
export interface PdfTextItem {
  s: string;
  x: number;
  y: number;
  /** Font height in points. */
  h: number;
  w: number;
  /** pdf.js saw a line break after this item. */
  eol: boolean;
}

/** An outline (bookmark) entry, resolved to its page. */
export interface PdfOutlineEntry {
  title: string;
  /** 1 for top-level bookmarks, 2 for their children, … */
  level: number;
  page: number | null;
  /** Where on the page the bookmark points (points from the bottom), when it says. */
  y: number | null;
}

/** The raw text of a PDF: what the layout step turns into passages. */
export interface PdfContent {
  info: { title?: string; lang?: string };
  outline: PdfOutlineEntry[];
  pages: { items: PdfTextItem[] }[];
}

/** Why pdf.js could not read a PDF. */
export class PdfReadError extends Error {
  constructor(
    readonly kind: 'encrypted' | 'invalid' | 'timeout',
    message: string,
  ) {
    super(message);
  }
}

// pdf.js is ESM only and jest runs CommonJS, so it runs in a worker thread: plain Node, where `import()` works.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let pdfjs;
async function resolveOutline(doc, items, level) {
  const out = [];
  for (const item of items || []) {
    let page = null, y = null;
    try {
      const dest = typeof item.dest === 'string' ? await doc.getDestination(item.dest) : item.dest;
      if (Array.isArray(dest) && dest[0] != null) {
        page = typeof dest[0] === 'number' ? dest[0] + 1 : (await doc.getPageIndex(dest[0])) + 1;
        if (dest[1] && dest[1].name === 'XYZ' && typeof dest[3] === 'number') y = dest[3];
      }
    } catch {}
    out.push({ title: String(item.title || '').trim(), level, page, y });
    out.push(...(await resolveOutline(doc, item.items, level + 1)));
  }
  return out;
}
parentPort.on('message', async ({ id, bytes }) => {
  let doc;
  try {
    pdfjs ??= await import(workerData.pdfjs);
    doc = await pdfjs.getDocument({ data: bytes, verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;
    const meta = await doc.getMetadata().catch(() => ({}));
    const outline = await resolveOutline(doc, await doc.getOutline().catch(() => null), 1);
    const pages = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push({ items: content.items.filter((i) => typeof i.str === 'string').map((i) => ({ s: i.str, x: i.transform[4], y: i.transform[5], h: i.height || Math.abs(i.transform[3]) || 0, w: i.width || 0, eol: Boolean(i.hasEOL) })) });
      page.cleanup();
    }
    const info = meta.info || {};
    parentPort.postMessage({ id, ok: true, content: { info: { title: typeof info.Title === 'string' ? info.Title : undefined, lang: typeof info.Language === 'string' ? info.Language : undefined }, outline, pages } });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, name: error && error.name, message: String((error && error.message) || error) });
  } finally {
    if (doc) await doc.destroy().catch(() => {});
  }
});
`;

/** A PDF that takes longer than this to read is treated as unreadable (a hostile or broken file must not hang a reload). */
const READ_TIMEOUT_MS = 60_000;
/** The worker is stopped after this long without work, so a bot that loaded its PDFs does not keep it. */
const IDLE_MS = 5_000;

interface Pending {
  resolve(content: PdfContent): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, Pending>();
let idleTimer: NodeJS.Timeout | null = null;

function stopWorker(reason: Error): void {
  const stopping = worker;
  worker = null;
  for (const [id, p] of pending) {
    clearTimeout(p.timer);
    p.reject(reason);
    pending.delete(id);
  }
  if (stopping) void stopping.terminate();
}

function startWorker(): Worker {
  const pdfjs = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;
  const started = new Worker(WORKER_SOURCE, { eval: true, workerData: { pdfjs }, resourceLimits: { maxOldGenerationSizeMb: 1024 } });
  started.unref();
  started.on('message', (msg: { id: number; ok: boolean; content?: PdfContent; name?: string; message?: string }) => {
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    clearTimeout(p.timer);
    if (msg.ok && msg.content) p.resolve(msg.content);
    else if (msg.name === 'PasswordException') p.reject(new PdfReadError('encrypted', 'is encrypted (password-protected): save a copy without a password'));
    else p.reject(new PdfReadError('invalid', `is not a readable PDF (${msg.message ?? 'unknown error'})`));
    // Referenced only while it has work: a waiting caller keeps the process alive, an idle worker does not.
    if (!pending.size) started.unref();
    scheduleIdleStop();
  });
  started.on('error', (error) => stopWorker(new PdfReadError('invalid', `is not a readable PDF (the reader failed: ${error.message})`)));
  started.on('exit', () => {
    if (worker === started) stopWorker(new PdfReadError('invalid', 'is not a readable PDF (the reader stopped)'));
  });
  return started;
}

function scheduleIdleStop(): void {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    if (!pending.size && worker) stopWorker(new Error('idle'));
  }, IDLE_MS);
  idleTimer.unref();
}

/**
 * Reads the text items, outline and info dictionary of a PDF with pdf.js, in a worker thread.
 * @throws PdfReadError when the PDF is encrypted, unreadable, or takes too long
 */
export function extractPdf(bytes: Uint8Array): Promise<PdfContent> {
  worker ??= startWorker();
  const target = worker;
  const id = nextId++;
  return new Promise<PdfContent>((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      reject(new PdfReadError('timeout', `took longer than ${READ_TIMEOUT_MS / 1000} s to read`));
      stopWorker(new PdfReadError('timeout', 'was being read when another PDF timed out; try again'));
    }, READ_TIMEOUT_MS);
    timer.unref();
    pending.set(id, { resolve, reject, timer });
    target.ref();
    target.postMessage({ id, bytes: new Uint8Array(bytes) });
  });
}
