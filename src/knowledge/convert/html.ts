import { Readability } from '@mozilla/readability';
import sniffHtmlEncoding from 'html-encoding-sniffer';
import iconv from 'iconv-lite';
import { parseHTML } from 'linkedom';
import { type DeclaredMeta, DocumentProblem, assembleDocument, type PlacedBlock } from '../document';
import { escapeRegExp } from '../../text/escape-regexp';
import { markdownBlocks } from '../markdown';
import type { KnowledgeDocument } from '../../types';
import { type DomElement, markdownFromHtml } from './markdown-from-html';

/** A web page reduced to its main content. */
export interface HtmlPage {
  /** The main content as Markdown (headings, lists and tables kept). */
  markdown: string;
  /** The decoded page, for locating passages in it. */
  source: string;
  title?: string;
  /** The page's `lang` ("en-GB"). */
  lang?: string;
  /** `<link rel="canonical">`, absolute. */
  canonical?: string;
  /** Every `<a href>` of the whole page, absolute (navigation included: the crawler follows them). */
  links: string[];
}

const isUtf8 = (bytes: Buffer): boolean => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/**
 * Decodes an HTML page by the HTML standard's sniffing rules: BOM, then the HTTP charset, then `<meta charset>`;
 * undeclared pages are UTF-8 when they are valid UTF-8, else windows-1252. iconv-lite decodes windows-1252
 * right (Node's TextDecoder treats it as latin-1 and gets typographic quotes and € wrong).
 */
export function decodeHtml(bytes: Buffer, contentType?: string): string {
  const label = /charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType ?? '')?.[1];
  const encoding = sniffHtmlEncoding(bytes, {
    ...(label ? { transportLayerEncodingLabel: label } : {}),
    defaultEncoding: isUtf8(bytes) ? 'UTF-8' : 'windows-1252',
  });
  const name = iconv.encodingExists(encoding) ? encoding : 'windows-1252';
  return iconv.decode(bytes, name).replace(/^\uFEFF/, '');
}

// Removed before Readability looks for the main content: navigation, banners and the like are never it.
const NOISE_SELECTOR = [
  'script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'form', 'dialog',
  '[role="navigation"]', '[role="banner"]', '[role="contentinfo"]', '[role="complementary"]', '[role="search"]', '[role="dialog"]',
  '[aria-hidden="true"]', '[hidden]',
  '[class*="cookie" i]', '[id*="cookie" i]', '[class*="consent" i]', '[id*="consent" i]', '[class*="sidebar" i]', '[id*="sidebar" i]',
].join(',');

function absolute(href: string | null | undefined, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return undefined;
  }
}

/**
 * Converts a web page to its main content (Mozilla Readability) as Markdown, with its title, language,
 * canonical URL and links.
 * @param options.url where the page was fetched from, to resolve relative links
 * @throws DocumentProblem when the page has no main content
 */
export function convertHtml(bytes: Buffer, options: { contentType?: string; url?: string } = {}): HtmlPage {
  const source = decodeHtml(bytes, options.contentType);
  const document = parseHTML(source).document as unknown as DomElement & { documentElement: DomElement | null };
  const base = absolute(document.querySelector('base[href]')?.getAttribute('href'), options.url) ?? options.url;
  const links = [...new Set(Array.from(document.querySelectorAll('a[href]')).map((a) => absolute(a.getAttribute('href'), base)).filter((h): h is string => !!h))];
  const canonical = absolute(document.querySelector('link[rel~="canonical" i]')?.getAttribute('href'), base);
  const lang = document.documentElement?.getAttribute('lang')?.trim() || undefined;
  const headTitle = document.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim() || undefined;
  const h1s = Array.from(document.querySelectorAll('h1')).map((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim());
  for (const node of Array.from(document.querySelectorAll(NOISE_SELECTOR))) node.remove();

  const article = new Readability(document as never, { keepClasses: false }).parse();
  const markdown = article?.content ? markdownFromHtml(article.content) : '';
  if (!markdown.trim()) throw new DocumentProblem('knowledge_empty_document', 'has no main content (only navigation, banners or nothing)', 1);
  // "About the forum | CityNet": the page's one H1 is the better title when the head title contains it.
  const title = h1s.length === 1 && h1s[0] && headTitle?.includes(h1s[0]) ? h1s[0] : (article?.title?.trim() || headTitle || h1s[0]);
  return { markdown, source, links, ...(title ? { title } : {}), ...(lang ? { lang } : {}), ...(canonical ? { canonical } : {}) };
}

/** The 1-based line of `source` where a passage's first words appear (searching on from `from`), else `fallback`. */
export function locateLine(source: string, text: string, from: { offset: number; line: number }): { offset: number; line: number } {
  const words = text.replace(/^- /, '').split(/\s+/).filter((w) => /^[\p{L}\p{N}]/u.test(w)).slice(0, 4).map((w) => w.replace(/[^\p{L}\p{N}]+$/u, ''));
  if (!words.length) return from;
  const escaped = words.map(escapeRegExp);
  const re = new RegExp(escaped.join('(?:\\s|<[^>]*>|&[#\\w]+;|[^\\p{L}\\p{N}<])+'), 'u');
  const found = re.exec(source.slice(from.offset));
  if (!found) return from;
  const offset = from.offset + found.index;
  let line = from.line;
  for (let i = from.offset; i < offset; i++) if (source.charCodeAt(i) === 10) line++;
  return { offset, line };
}

/**
 * A dropped-in `.html` file as a knowledge document; passages cite the line of the HTML file where they start.
 * @param file path relative to the knowledge folder
 */
export function htmlToDocument(file: string, bytes: Buffer, meta: DeclaredMeta): KnowledgeDocument {
  const page = convertHtml(bytes);
  const { blocks, title: firstHeading } = markdownBlocks(page.markdown);
  let at = { offset: 0, line: 1 };
  const placed: PlacedBlock[] = blocks.map((b) => {
    at = locateLine(page.source, b.text, at);
    return { ...b, sourceLine: at.line };
  });
  return assembleDocument(file, placed, meta, { ...(page.title ? { title: page.title } : {}), ...(page.lang ? { lang: page.lang } : {}), ...(page.canonical ? { url: page.canonical } : {}), ...(firstHeading ? { firstHeading } : {}) });
}
