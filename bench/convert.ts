/**
 * Conversion speed for `npm run bench` (issue 10): web pages and PDF pages converted per second, and the time
 * to load and index 200 imported pages. The documents are made from SQuAD paragraphs: HTML pages with
 * navigation, banner and footer around the text, and PDFs of wrapped lines (pdf-lib, Helvetica).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { markdownDocument, writeImported } from '../src/import/write';
import { convertHtml } from '../src/knowledge/convert/html';
import { convertDocument, loadKnowledge } from '../src/knowledge/load';
import { buildIndex } from '../src/search/build';
import type { SquadArticle } from './squad';

/** How many imported pages the index timing uses (the issue's figure). */
const INDEX_PAGES = 200;
/** PDFs converted for the PDF figure, and paragraphs per PDF (about 3 to 4 pages each). */
const PDF_FILES = 20;
const PDF_PARAGRAPHS = 8;
/** Characters per PDF line: about what 11 pt Helvetica fits across an A4 page with margins. */
const PDF_LINE_CHARS = 95;

export interface ConversionResults {
  htmlPages: number;
  htmlPagesPerSecond: number;
  pdfFiles: number;
  pdfPages: number;
  pdfPagesPerSecond: number;
  indexPages: number;
  indexPassages: number;
  /** Loading the imported Markdown and building the index from it (warm: after one untimed build). */
  indexMs: number;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function pageHtml(article: SquadArticle, paragraphs: string[]): string {
  const title = escape(article.title.replace(/_/g, ' '));
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title} | Bench</title></head><body>
<header><a href="/">Home</a></header><nav><ul><li><a href="/a">About</a></li><li><a href="/b">News</a></li><li><a href="/c">Contact</a></li></ul></nav>
<div class="cookie-banner">We use cookies. <button>Accept</button></div>
<main><h1>${title}</h1>${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}</main>
<aside class="sidebar"><h3>Related</h3><ul><li><a href="/r1">One</a></li><li><a href="/r2">Two</a></li></ul></aside>
<footer>© Bench site. <a href="/privacy">Privacy</a></footer></body></html>`;
}

function wrap(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > PDF_LINE_CHARS) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

async function makePdf(paragraphs: string[]): Promise<{ bytes: Buffer; pages: number }> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  // Helvetica in pdf-lib encodes WinAnsi only: other characters are replaced.
  const safe = (s: string) => s.replace(/[^\x20-\x7e\u00a0-\u00ff]/g, '?');
  let page = doc.addPage([595, 842]);
  let y = 780;
  for (const paragraph of paragraphs) {
    for (const line of wrap(safe(paragraph))) {
      if (y < 60) {
        page = doc.addPage([595, 842]);
        y = 780;
      }
      page.drawText(line, { x: 50, y, size: 11, font });
      y -= 14;
    }
    y -= 14;
  }
  return { bytes: Buffer.from(await doc.save()), pages: doc.getPageCount() };
}

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

/** Measures conversion and indexing of imported documents made from the articles. */
export async function benchConversion(articles: SquadArticle[]): Promise<ConversionResults> {
  const pages: { article: SquadArticle; html: string }[] = [];
  for (const article of articles) {
    for (let p = 0; p < article.paragraphs.length && pages.length < INDEX_PAGES; p += 3) {
      pages.push({ article, html: pageHtml(article, article.paragraphs.slice(p, p + 3).map((x) => x.context)) });
    }
    if (pages.length >= INDEX_PAGES) break;
  }
  const work = mkdtempSync(join(tmpdir(), 'network-qa-bench-convert-'));
  try {
    const knowledge = join(work, 'knowledge');
    mkdirSync(knowledge);
    let start = process.hrtime.bigint();
    const converted = pages.map((p, i) => ({ i, page: convertHtml(Buffer.from(p.html), { url: `https://bench.example/page-${i}.html` }) }));
    const htmlSeconds = seconds(start);
    for (const { i, page } of converted) {
      const meta = { title: page.title ?? `Page ${i}`, lang: 'en', url: `https://bench.example/page-${i}.html`, source: `https://bench.example/page-${i}.html`, fetched: new Date().toISOString() };
      writeImported(knowledge, `imported/bench.example/page-${i}.md`, markdownDocument(meta, page.markdown), false);
    }

    const pdfs: { bytes: Buffer; pages: number }[] = [];
    const paragraphs = articles.flatMap((a) => a.paragraphs.map((p) => p.context));
    for (let f = 0; f < PDF_FILES && (f + 1) * PDF_PARAGRAPHS <= paragraphs.length; f++) pdfs.push(await makePdf(paragraphs.slice(f * PDF_PARAGRAPHS, (f + 1) * PDF_PARAGRAPHS)));
    await convertDocument('warm-up.pdf', pdfs[0].bytes); // starts the pdf.js worker, as the first PDF of a load does
    start = process.hrtime.bigint();
    for (const [f, pdf] of pdfs.entries()) await convertDocument(`bench-${f}.pdf`, pdf.bytes);
    const pdfSeconds = seconds(start);
    const pdfPages = pdfs.reduce((n, p) => n + p.pages, 0);

    buildIndex(await loadKnowledge(knowledge)); // warm-up: the first build also loads stemmers and compiles code
    start = process.hrtime.bigint();
    const index = buildIndex(await loadKnowledge(knowledge));
    const indexMs = seconds(start) * 1000;
    return {
      htmlPages: pages.length,
      htmlPagesPerSecond: pages.length / htmlSeconds,
      pdfFiles: pdfs.length,
      pdfPages,
      pdfPagesPerSecond: pdfPages / pdfSeconds,
      indexPages: pages.length,
      indexPassages: index.passages.length,
      indexMs,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The results as the lines `npm run bench` prints. */
export function formatConversion(r: ConversionResults): string {
  return [
    'Conversion (issue 10):',
    `  HTML → Markdown (Readability + turndown): ${r.htmlPagesPerSecond.toFixed(0)} pages/s over ${r.htmlPages} pages`,
    `  PDF (pdf.js in a worker, layout):         ${r.pdfPagesPerSecond.toFixed(0)} pages/s over ${r.pdfPages} pages in ${r.pdfFiles} files`,
    `  Load + index ${r.indexPages} imported pages:        ${r.indexMs.toFixed(0)} ms (${r.indexPassages} passages)`,
  ].join('\n');
}
