import type { KnowledgeDocument } from '../../types';
import { fold } from '../../text/fold';
import { assembleDocument, type DeclaredMeta, DocumentProblem, type PlacedBlock } from '../document';
import { describeStart } from './sniff';
import { extractPdf, type PdfContent, PdfReadError, type PdfTextItem } from './pdf-extract';

/** A line of text on a page. */
interface PdfLine {
  text: string;
  /** Baseline, points from the bottom of the page. */
  y: number;
  x: number;
  /** Font height in points. */
  size: number;
  /** 1-based line number on its page, counted before headers and footers are dropped. */
  line: number;
  page: number;
  heading?: number;
}

// Layout tolerances, as fractions of the font height. Two runs are on one line when their baselines differ by
// less than half a font height (sub- and superscripts stay on their line); a gap of more than 0.15 em between
// runs is a space; lines further apart than 1.6 × the font height (normal leading is about 1.2) start a paragraph.
const SAME_LINE = 0.5;
const WORD_GAP = 0.15;
const PARAGRAPH_GAP = 1.6;
/** A line set this much larger than the body text, short and without final punctuation, is a heading (when there is no outline). */
const HEADING_SIZE_RATIO = 1.15;
const MAX_HEADING_CHARS = 120;
/** A line at the top or bottom of more than this share of pages (and of at least two) is a running header or footer. */
const RUNNING_SHARE = 0.5;
/** How many lines at each end of a page may be a running header, footer or page number. */
const EDGE_LINES = 2;

const BULLET_RE = /^(?:[•·▪◦‣∙●○■□–—*-]|\d{1,3}[.)]|[a-z][.)])\s+/u;
const PAGE_NUMBER_RE = /^(?:(?:page|p\.|seite|pagina|página|pag\.)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:\/|of|von|de|di|sur|van)\s*\d{1,4})?$/i;

function pageLines(items: PdfTextItem[], page: number): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: PdfLine | null = null;
  let end = 0;
  const close = () => {
    if (current && current.text.trim()) lines.push({ ...current, text: current.text.replace(/\s+/g, ' ').trim(), line: lines.length + 1 });
    current = null;
  };
  for (const item of items) {
    const size: number = item.h > 0 ? item.h : current?.size ?? 10;
    if (current && Math.abs(item.y - (current as PdfLine).y) > SAME_LINE * Math.max(size, (current as PdfLine).size)) close();
    if (item.s) {
      if (!current) {
        current = { text: item.s, y: item.y, x: item.x, size, line: 0, page };
      } else {
        const c: PdfLine = current;
        const gap = item.x - end > WORD_GAP * size && !c.text.endsWith(' ') && !item.s.startsWith(' ');
        c.text += (gap ? ' ' : '') + item.s;
        c.size = Math.max(c.size, size);
      }
      end = item.x + item.w;
    }
    if (item.eol) close();
  }
  close();
  return lines;
}

/** Digits stand for any number, so "Report 2024 — page 3" repeats as the same header on every page. */
const edgeKey = (text: string): string => fold(text).replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

/** Drops running headers and footers (the same line at the top or bottom of most pages) and page numbers. */
function dropRunningLines(pages: PdfLine[][]): PdfLine[][] {
  const edges = (lines: PdfLine[]) => [...lines.slice(0, EDGE_LINES), ...lines.slice(Math.max(EDGE_LINES, lines.length - EDGE_LINES))];
  const pagesWith = new Map<string, number>();
  for (const lines of pages) for (const key of new Set(edges(lines).map((l) => edgeKey(l.text)))) pagesWith.set(key, (pagesWith.get(key) ?? 0) + 1);
  const running = (key: string) => pages.length >= 2 && (pagesWith.get(key) ?? 0) >= 2 && (pagesWith.get(key) ?? 0) > RUNNING_SHARE * pages.length;
  return pages.map((lines) => {
    const edge = new Set(edges(lines));
    return lines.filter((l) => !(edge.has(l) && (PAGE_NUMBER_RE.test(l.text) || running(edgeKey(l.text)))));
  });
}

/** Marks outline (bookmark) titles as headings; a bookmark whose text is not on its page becomes a heading line of its own. */
function applyOutline(pages: PdfLine[][], outline: PdfContent['outline']): void {
  for (const entry of outline) {
    if (!entry.page || !entry.title || !pages[entry.page - 1]) continue;
    const lines = pages[entry.page - 1];
    const title = fold(entry.title).replace(/\s+/g, ' ');
    const below = (l: PdfLine) => entry.y === null || l.y <= entry.y + l.size;
    const match = lines.find((l) => l.heading === undefined && below(l) && fold(l.text).replace(/\s+/g, ' ') === title);
    if (match) match.heading = entry.level;
    else {
      const at = lines.findIndex((l) => below(l));
      const anchor = lines[at < 0 ? 0 : at];
      lines.splice(at < 0 ? 0 : at, 0, { text: entry.title, y: anchor?.y ?? 0, x: anchor?.x ?? 0, size: anchor?.size ?? 0, line: anchor?.line ?? 1, page: entry.page, heading: entry.level });
    }
  }
}

/** Without an outline: lines set clearly larger than the body text are headings, the largest size level 1. */
function applyFontHeadings(pages: PdfLine[][]): void {
  const all = pages.flat();
  const weight = new Map<number, number>();
  for (const l of all) weight.set(Math.round(l.size), (weight.get(Math.round(l.size)) ?? 0) + l.text.length);
  const body = [...weight].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!body) return;
  const isHeading = (l: PdfLine) => l.size >= HEADING_SIZE_RATIO * body && l.text.length <= MAX_HEADING_CHARS && !/[.,;:]$/.test(l.text) && /\p{L}/u.test(l.text);
  const sizes = [...new Set(all.filter(isHeading).map((l) => Math.round(l.size)))].sort((a, b) => b - a);
  for (const l of all) if (isHeading(l)) l.heading = Math.min(sizes.indexOf(Math.round(l.size)) + 1, 3);
}

/** Joins two lines of one paragraph, undoing a hyphenation at the line end ("man-" + "aged" → "managed"). */
export function joinLines(text: string, next: string): string {
  const trimmed = text.replace(/\u00AD$/, '');
  if (trimmed !== text) return trimmed + next;
  if (/\p{Ll}-$/u.test(text) && /^\p{Ll}/u.test(next)) return text.slice(0, -1) + next;
  return `${text} ${next}`;
}

/** Lines of pages → blocks (paragraphs and lists) with their heading path, page and line. */
function blocksOf(pages: PdfLine[][]): { blocks: PlacedBlock[]; firstHeading?: string } {
  const blocks: PlacedBlock[] = [];
  const path: { level: number; text: string }[] = [];
  let firstHeading: string | undefined;
  for (const lines of pages) {
    let open: PlacedBlock | null = null;
    let previous: PdfLine | null = null;
    const flush = () => {
      if (open) blocks.push(open.kind === 'list' ? { ...open, text: (open.items ?? []).map((i) => `- ${i}`).join('\n') } : open);
      open = null;
    };
    for (const l of lines) {
      if (l.heading !== undefined) {
        flush();
        while (path.length && path[path.length - 1].level >= l.heading) path.pop();
        path.push({ level: l.heading, text: l.text });
        firstHeading ??= l.text;
        previous = null;
        continue;
      }
      const bullet = BULLET_RE.exec(l.text);
      const gap = previous ? previous.y - l.y : 0;
      const breaks = !previous || gap > PARAGRAPH_GAP * Math.max(l.size, previous.size) || gap < 0 || Math.abs(l.size - previous.size) > 0.15 * previous.size;
      const headings = path.map((h) => h.text);
      const current = open as PlacedBlock | null;
      if (bullet) {
        const item = l.text.slice(bullet[0].length).trim();
        if (current?.kind === 'list' && !breaks) current.items!.push(item);
        else {
          flush();
          open = { kind: 'list', line: 0, headings, text: '', items: [item], sourceLine: l.line, page: l.page };
        }
      } else if (current && !breaks) {
        if (current.kind === 'list') {
          const items = current.items!;
          items[items.length - 1] = joinLines(items[items.length - 1], l.text);
        } else current.text = joinLines(current.text, l.text);
      } else {
        flush();
        open = { kind: 'text', line: 0, headings, text: l.text, sourceLine: l.line, page: l.page };
      }
      previous = l;
    }
    flush();
  }
  return { blocks, ...(firstHeading ? { firstHeading } : {}) };
}

/** Turns pdf.js text into blocks: lines, running headers dropped, headings from the outline (or font size), paragraphs. */
export function layoutPdf(content: PdfContent): { blocks: PlacedBlock[]; firstHeading?: string } {
  const pages = dropRunningLines(content.pages.map((p, n) => pageLines(p.items, n + 1)));
  if (content.outline.some((e) => e.page)) applyOutline(pages, content.outline);
  else applyFontHeadings(pages);
  return blocksOf(pages);
}

/**
 * A PDF as a knowledge document: passages cite their page and the line on it.
 * @param file path relative to the knowledge folder
 * @throws DocumentProblem when the PDF is encrypted, unreadable, or has no text layer
 */
export async function pdfToDocument(file: string, bytes: Buffer, meta: DeclaredMeta): Promise<KnowledgeDocument> {
  if (!bytes.subarray(0, 1024).includes('%PDF-')) {
    throw new DocumentProblem('knowledge_invalid_document', `is not a PDF (${describeStart(bytes)}); is the extension wrong?`, 1);
  }
  let content: PdfContent;
  try {
    content = await extractPdf(bytes);
  } catch (error) {
    if (error instanceof PdfReadError) throw new DocumentProblem('knowledge_invalid_document', error.message, 1);
    throw error;
  }
  if (!content.pages.some((p) => p.items.some((i) => i.s.trim()))) {
    throw new DocumentProblem('knowledge_empty_document', 'has no text layer (a scanned PDF?): needs OCR', 1);
  }
  const { blocks, firstHeading } = layoutPdf(content);
  return assembleDocument(file, blocks, meta, { ...(content.info.title?.trim() ? { title: content.info.title.trim() } : {}), ...(content.info.lang ? { lang: content.info.lang } : {}), ...(firstHeading ? { firstHeading } : {}) });
}
