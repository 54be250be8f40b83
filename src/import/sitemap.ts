import { XMLParser } from 'fast-xml-parser';

/** A sitemap: the pages it lists, or (a sitemap index) the sitemaps it lists. */
export type Sitemap = { kind: 'urlset'; urls: string[] } | { kind: 'index'; sitemaps: string[] };

const parser = new XMLParser({ removeNSPrefix: true, ignoreAttributes: true, parseTagValue: false, isArray: (name) => name === 'url' || name === 'sitemap' });

const locs = (entries: unknown): string[] =>
  (Array.isArray(entries) ? entries : [])
    .map((e) => (e && typeof e === 'object' ? (e as { loc?: unknown }).loc : undefined))
    .filter((loc): loc is string => typeof loc === 'string' && loc.trim() !== '')
    .map((loc) => loc.trim());

/** Whether a response looks like a sitemap rather than a page. */
export function looksLikeSitemap(contentType: string, bytes: Buffer): boolean {
  const head = bytes.subarray(0, 1024).toString('utf8');
  const type = contentType.split(';')[0].trim().toLowerCase();
  return /^(application|text)\/([\w.-]+\+)?xml$/.test(type) || /^\s*(<\?xml|<urlset|<sitemapindex)/i.test(head);
}

/** Parses a sitemap or sitemap index (sitemaps.org); null when the XML is neither. */
export function parseSitemap(xml: string): Sitemap | null {
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml) as Record<string, unknown>;
  } catch {
    return null;
  }
  const urlset = doc.urlset as { url?: unknown } | undefined;
  if (urlset !== undefined) return { kind: 'urlset', urls: locs(urlset?.url) };
  const index = doc.sitemapindex as { sitemap?: unknown } | undefined;
  if (index !== undefined) return { kind: 'index', sitemaps: locs(index?.sitemap) };
  return null;
}
