/** A small web site on 127.0.0.1 for the importer's tests: noisy pages, robots.txt, sitemaps, files and bad answers. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';
import { makeDocx, makeEncryptedPdf, makePdf, makeScannedPdf } from '../knowledge/fixtures';

export interface Site {
  base: string;
  /** Paths requested, in order. */
  requests: string[];
  /** User-Agent headers seen. */
  userAgents: Set<string>;
  /** Replace or add a route while the site runs (refresh tests). */
  routes: Map<string, Route>;
  close(): Promise<void>;
}

export interface Route {
  status?: number;
  type?: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
  /** Handles the request itself (redirects, conditional answers, hanging). */
  handle?: (req: IncomingMessage, res: ServerResponse) => void;
}

const layout = (title: string, main: string, lang = 'en') => `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${title} | Harbour Cities</title></head>
<body>
<header><a href="/site/">Harbour Cities</a></header>
<nav><ul><li><a href="/site/index.html">Home</a></li><li><a href="/site/about.html">About</a></li><li><a href="/site/contact.html">Contact us</a></li></ul></nav>
<div id="cookie-consent">This site uses cookies to count visitors. Accept all cookies or manage them.</div>
<main>${main}</main>
<aside class="sidebar"><h3>Latest news</h3><p>Newsletter sign-up for ferry timetable updates.</p></aside>
<footer><p>© 2024 Harbour Cities network. Privacy policy. Sitemap.</p></footer>
</body></html>`;

const FILLER = '<p>The network publishes its minutes, its budgets and its reports on this site so that every member city can follow its work and prepare the next meeting.</p>';

/** Starts the site; `other` is the base URL of another host the index page links to (never to be fetched). */
export async function startSite(other: string): Promise<Site> {
  const requests: string[] = [];
  const userAgents = new Set<string>();
  const routes = new Map<string, Route>();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    requests.push(path);
    userAgents.add(String(req.headers['user-agent']));
    const route = routes.get(path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (route.handle) return route.handle(req, res);
    // Conditional requests: the same ETag gets 304 Not Modified.
    if (route.headers?.etag && req.headers['if-none-match'] === route.headers.etag) {
      res.writeHead(304, { etag: route.headers.etag }).end();
      return;
    }
    res.writeHead(route.status ?? 200, { 'content-type': route.type ?? 'text/html; charset=utf-8', ...route.headers }).end(route.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  routes.set('/robots.txt', { type: 'text/plain', body: `User-agent: *\nDisallow: /site/private/\n\nSitemap: ${base}/sitemap.xml\n` });
  routes.set('/site/index.html', {
    body: layout(
      'Welcome',
      `<h1>Welcome to Harbour Cities</h1>
<p>Harbour Cities is a network of port cities around the North Sea and the Baltic that work together on clean ports, safe ferries and open harbour data.</p>
<p>Read <a href="/site/about.html">about the network</a>, the <a href="/site/charte.html">charter</a>, the <a href="/site/report.pdf">annual report</a> (PDF), the <a href="/site/handbook.docx">partner handbook</a> (Word), <a href="/site/private/minutes.html">internal minutes</a>, <a href="${other}/elsewhere.html">a partner site</a>, <a href="/outside/page.html">another section</a>, <a href="mailto:office@harbour.example">write to us</a>, <a href="ftp://harbour.example/files">old files</a>, <a href="/site/moved.html">our news</a>, <a href="/site/loop-a">the archive</a>, <a href="/site/slow.html">live data</a>, <a href="/site/missing.html">the 2019 report</a>, <a href="/site/broken.html">the map</a>, <a href="/site/huge.pdf">the atlas</a>, <a href="/site/locked.pdf">the board papers</a>, <a href="/site/scan.pdf">the 1990 charter scan</a>, <a href="/site/corrupt.docx">the old handbook</a>, <a href="/site/wrong.pdf">the leaflet</a>, <a href="/site/empty.html">the gallery</a>.</p>
${FILLER}`,
    ),
  });
  routes.set('/site/about.html', {
    headers: { etag: '"about-v1"', 'last-modified': 'Mon, 01 Jan 2024 00:00:00 GMT' },
    body: layout(
      'About the network',
      `<article><h1>About the network</h1>
<p>The Harbour Cities network was founded in 1998 in Bremerhaven by eleven port cities.</p>
<h2>Members</h2><ul><li>Bremerhaven</li><li>Aarhus</li><li>Gdynia</li><li>Klaipeda</li></ul>
<h2>Governance</h2><table><tr><th>Role</th><th>City</th></tr><tr><td>Chair</td><td>Aarhus</td></tr><tr><td>Treasurer</td><td>Gdynia</td></tr></table>
${FILLER}</article>`,
    ),
  });
  routes.set('/site/charte.html', {
    type: 'text/html; charset=windows-1252',
    body: iconv.encode(
      `<!DOCTYPE html><html lang="fr"><head><title>La charte des ports</title><link rel="canonical" href="${base}/site/charte.html"></head><body>
<nav><a href="/site/index.html">Accueil</a></nav><main><h1>La charte des ports</h1>
<p>La charte a été signée à Liège en 2019 ; elle engage chaque port à publier ses émissions. On l’appelle « la charte propre » et elle coûte 5 € par tonne.</p>
<p>Les ports signataires se réunissent chaque année à Namur pour comparer leurs résultats et fixer leurs objectifs communs.</p></main></body></html>`,
      'windows-1252',
    ),
  });
  routes.set('/site/private/minutes.html', { body: layout('Minutes', '<p>Private minutes of the board: not for the bot.</p>') });
  routes.set('/site/moved.html', { handle: (_req, res) => res.writeHead(301, { location: '/site/news.html' }).end() });
  routes.set('/site/news.html', { body: layout('News', `<h1>News</h1><p>The summer ferry from Aarhus to Gdynia starts on 1 June and sails three times a week.</p>${FILLER}`) });
  routes.set('/site/loop-a', { handle: (_req, res) => res.writeHead(302, { location: '/site/loop-b' }).end() });
  routes.set('/site/loop-b', { handle: (_req, res) => res.writeHead(302, { location: '/site/loop-a' }).end() });
  routes.set('/site/slow.html', { handle: (_req, res) => void setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>late</p>'), 5_000).unref() });
  routes.set('/site/broken.html', { status: 500, type: 'text/plain', body: 'Internal Server Error' });
  routes.set('/site/huge.pdf', { handle: (_req, res) => res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(200 * 1024 * 1024) }).end() });
  routes.set('/site/wrong.pdf', { type: 'application/octet-stream', body: '<html><body><p>A leaflet that is really a web page.</p></body></html>' });
  routes.set('/site/empty.html', { body: '<html><head><title>Gallery</title></head><body><nav><a href="/site/index.html">Home</a></nav></body></html>' });
  routes.set('/site/report.pdf', {
    type: 'application/pdf',
    body: await makePdf({
      title: 'Harbour Cities Annual Report 2024',
      pages: [
        { header: 'Harbour Cities - Annual Report 2024', footer: 'Page 1', lines: [{ text: 'Finances', size: 16 }, { text: 'The network spent 2.4 million euro in 2024, most of it on shore power for ferries and on the data plat-' }, { text: 'form shared by the member ports.' }] },
        { header: 'Harbour Cities - Annual Report 2024', footer: 'Page 2', lines: [{ text: 'Dredging', size: 16 }, { text: 'Dredging the shared fairway to Klaipeda took nine weeks.' }] },
      ],
      outline: [{ title: 'Finances', page: 1 }, { title: 'Dredging', page: 2 }],
    }),
  });
  routes.set('/site/handbook.docx', {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    body: await makeDocx({ title: 'Partner Handbook', body: [{ heading: 'Pilots' }, { paragraph: 'Harbour pilots must be booked 48 hours ahead of arrival.' }] }),
  });
  routes.set('/site/locked.pdf', { type: 'application/pdf', body: await makeEncryptedPdf() });
  routes.set('/site/scan.pdf', { type: 'application/pdf', body: await makeScannedPdf() });
  routes.set('/site/corrupt.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', body: Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(300, 7)]) });
  routes.set('/sitemap.xml', {
    type: 'application/xml',
    body: `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${base}/sitemap-pages.xml</loc></sitemap></sitemapindex>`,
  });
  routes.set('/sitemap-pages.xml', {
    type: 'application/xml',
    body: `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>${base}/site/about.html</loc></url><url><loc>${base}/site/news.html</loc></url><url><loc>${base}/site/private/minutes.html</loc></url><url><loc>${other}/elsewhere.html</loc></url></urlset>`,
  });

  return {
    base,
    requests,
    userAgents,
    routes,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A host that counts the requests it gets: the importer must never ask it anything. */
export async function startOtherHost(): Promise<{ base: string; hits: () => number; close(): Promise<void> }> {
  let hits = 0;
  const server = createServer((_req, res) => {
    hits++;
    res.writeHead(200, { 'content-type': 'text/html' }).end('<p>elsewhere</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://localhost:${(server.address() as AddressInfo).port}`,
    hits: () => hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
