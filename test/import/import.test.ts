import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ImportOutcome, importSources } from '../../src/import/importer';
import { loadKnowledge } from '../../src/knowledge/load';
import { createQA } from '../../src/qa';
import { makeTempDir, removeDir, writeTree } from '../core/helpers';
import { type Site, startOtherHost, startSite } from './site';

// No pause between requests in tests; a short timeout for the endpoint that hangs; a 1 MB size limit.
const FETCH = { delayMs: 0, timeoutMs: 1_000, maxBytes: 1024 * 1024 };

let site: Site;
let other: Awaited<ReturnType<typeof startOtherHost>>;
const dirs: string[] = [];
const tempDir = () => {
  const dir = makeTempDir('network-qa-import-');
  dirs.push(dir);
  return dir;
};

beforeAll(async () => {
  other = await startOtherHost();
  site = await startSite(other.base);
});
afterAll(async () => {
  await site.close();
  await other.close();
  dirs.forEach(removeDir);
});

const byPath = (outcomes: ImportOutcome[], base: string) => Object.fromEntries(outcomes.map((o) => [o.source.replace(base, ''), o]));

describe('crawling a site', () => {
  let knowledgeDir: string;
  let outcomes: Record<string, ImportOutcome>;
  beforeAll(async () => {
    knowledgeDir = tempDir();
    const report = await importSources([`${site.base}/site/index.html`], { knowledgeDir, crawl: true, fetch: FETCH });
    outcomes = byPath(report.outcomes, site.base);
  });

  it('imports the pages, the PDF and the Word file of the same host and path', () => {
    const host = `127.0.0.1_${new URL(site.base).port}`;
    expect(outcomes['/site/index.html']).toMatchObject({ status: 'imported', file: `imported/${host}/site/index.md` });
    expect(outcomes['/site/about.html']).toMatchObject({ status: 'imported', file: `imported/${host}/site/about.md` });
    expect(outcomes['/site/charte.html']).toMatchObject({ status: 'imported' });
    expect(outcomes['/site/moved.html']).toMatchObject({ status: 'imported', file: `imported/${host}/site/news.md` });
    expect(outcomes['/site/report.pdf']).toMatchObject({ status: 'imported', file: `imported/files/${host}/site/report.pdf` });
    expect(outcomes['/site/handbook.docx']).toMatchObject({ status: 'imported', file: `imported/files/${host}/site/handbook.docx` });
  });

  it('skips what robots.txt disallows, and says why each bad answer failed', () => {
    expect(outcomes['/site/private/minutes.html']).toMatchObject({ status: 'skipped', robots: true, reason: 'disallowed by robots.txt' });
    expect(outcomes['/site/loop-a'].reason).toBe('too many redirects (more than 5)');
    expect(outcomes['/site/slow.html'].reason).toMatch(/timed out/);
    expect(outcomes['/site/missing.html'].reason).toBe('HTTP 404: not found');
    expect(outcomes['/site/broken.html'].reason).toBe('HTTP 500 Internal Server Error');
    expect(outcomes['/site/huge.pdf'].reason).toBe('is 200 MB, larger than the 1 MB limit');
    expect(outcomes['/site/locked.pdf'].reason).toMatch(/encrypted/);
    expect(outcomes['/site/scan.pdf'].reason).toMatch(/no text layer.*needs OCR/);
    expect(outcomes['/site/corrupt.docx'].reason).toMatch(/not a readable Word document/);
    expect(outcomes['/site/wrong.pdf']).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/not a web page, PDF or Word document/) });
    expect(outcomes['/site/empty.html'].reason).toMatch(/no main content/);
    for (const path of ['/site/loop-a', '/site/slow.html', '/site/missing.html', '/site/broken.html', '/site/huge.pdf', '/site/locked.pdf', '/site/scan.pdf', '/site/corrupt.docx', '/site/empty.html']) {
      expect(outcomes[path].status).toBe('failed');
    }
  });

  it('never fetches another host, another path, mailto: or ftp: links, nor a disallowed page', () => {
    expect(other.hits()).toBe(0);
    expect(site.requests).not.toContain('/outside/page.html');
    expect(site.requests).not.toContain('/site/private/minutes.html');
    expect(Object.keys(outcomes).some((k) => /mailto|ftp/.test(k))).toBe(false);
    expect([...site.userAgents]).toEqual([expect.stringMatching(/^network-qa\//)]);
  });

  it('writes Markdown with front matter and only the main content', () => {
    const about = readFileSync(join(knowledgeDir, outcomes['/site/about.html'].file!), 'utf8');
    expect(about).toMatch(/^---\ntitle: About the network\nlang: en\nurl: 'http:\/\/127\.0\.0\.1:\d+\/site\/about\.html'\nsource: /);
    expect(about).toContain("etag: '\"about-v1\"'");
    expect(about).toContain('last_modified: ');
    expect(about).toContain('- Bremerhaven');
    expect(about).toContain('| Chair | Aarhus |');
    expect(about).not.toMatch(/cookies|Newsletter|Privacy policy|Contact us/);
    const charte = readFileSync(join(knowledgeDir, outcomes['/site/charte.html'].file!), 'utf8');
    expect(charte).toContain('La charte a été signée à Liège en 2019');
    expect(charte).toContain('On l’appelle « la charte propre » et elle coûte 5 € par tonne.');
    expect(charte).toMatch(/^lang: fr$/m);
    const sidecar = readFileSync(join(knowledgeDir, `${outcomes['/site/report.pdf'].file!}.yml`), 'utf8');
    expect(sidecar).toMatch(/^url: 'http:\/\/127\.0\.0\.1:\d+\/site\/report\.pdf'$/m);
  });

  it('loads every imported document, and the bot answers from them citing the PDF page and the page URL', async () => {
    const loaded = await loadKnowledge(knowledgeDir);
    expect(loaded.warnings).toEqual([]);
    const qa = await createQA({ knowledgeDir, dataDir: tempDir(), logQuestions: false });
    const dredging = qa.ask('How long did dredging the fairway to Klaipeda take?');
    expect(dredging.answer).toContain('nine weeks');
    expect(dredging.sources[0]).toMatchObject({ page: 2, heading: 'Dredging', url: `${site.base}/site/report.pdf` });
    const founded = qa.ask('When was the Harbour Cities network founded?');
    expect(founded.answer).toContain('1998');
    expect(founded.sources[0].url).toBe(`${site.base}/site/about.html`);
    const pilots = qa.ask('How many hours ahead must harbour pilots be booked?');
    expect(pilots.answer).toContain('48 hours');
    expect(pilots.sources[0]).toMatchObject({ title: 'Partner Handbook', heading: 'Pilots' });
    expect(qa.ask('Is Gdynia a member?').status).toBe('answered');
    await qa.close();
  });
});

describe('a sitemap', () => {
  it('imports the pages a sitemap index lists, on its own host, honouring robots.txt', async () => {
    const knowledgeDir = tempDir();
    const hitsBefore = other.hits();
    const report = await importSources([`${site.base}/sitemap.xml`], { knowledgeDir, fetch: FETCH });
    const outcomes = byPath(report.outcomes, site.base);
    expect(outcomes['/site/about.html'].status).toBe('imported');
    expect(outcomes['/site/news.html'].status).toBe('imported');
    expect(outcomes['/site/private/minutes.html']).toMatchObject({ status: 'skipped', robots: true });
    expect(outcomes[`${other.base}/elsewhere.html`]).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/another host/) });
    expect(other.hits()).toBe(hitsBefore);
  });
});

describe('one page, a dry run, and local files', () => {
  it('imports only the page given when not crawling', async () => {
    const knowledgeDir = tempDir();
    const report = await importSources([`${site.base}/site/index.html`], { knowledgeDir, fetch: FETCH });
    expect(report.outcomes.map((o) => [o.source, o.status])).toEqual([[`${site.base}/site/index.html`, 'imported']]);
  });

  it('writes nothing in a dry run, yet says what it would write', async () => {
    const knowledgeDir = tempDir();
    const report = await importSources([`${site.base}/site/about.html`, `${site.base}/site/report.pdf`], { knowledgeDir, dryRun: true, fetch: FETCH });
    expect(report.outcomes.map((o) => o.status)).toEqual(['imported', 'imported']);
    expect(readdirSync(knowledgeDir)).toEqual([]);
  });

  it('copies local files into imported/files, converting HTML, and reports the ones it cannot use', async () => {
    const knowledgeDir = tempDir();
    const source = tempDir();
    const pdf = (await fetch(`${site.base}/site/report.pdf`)).arrayBuffer();
    writeTree(source, {
      'docs/report.pdf': Buffer.from(await pdf),
      'docs/page.html': '<html lang="en"><head><title>Ferries</title></head><body><main><h1>Ferries</h1><p>The night ferry to Oslo leaves at nine in the evening from the east quay of the harbour, every day of the year except Christmas Day and New Year.</p></main></body></html>',
      'docs/notes.txt': 'The harbour office opens at eight.\n',
      'docs/picture.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]),
    });
    const report = await importSources([join(source, 'docs'), join(source, 'docs/picture.png'), join(source, 'nothing-here.pdf')], { knowledgeDir, fetch: FETCH });
    const files = report.outcomes.filter((o) => o.status === 'imported').map((o) => o.file).sort();
    expect(files).toEqual(['imported/files/docs/notes.txt', 'imported/files/docs/page.md', 'imported/files/docs/report.pdf']);
    expect(report.outcomes.find((o) => o.source.endsWith('picture.png'))).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/not a supported format/) });
    expect(report.outcomes.find((o) => o.source.endsWith('nothing-here.pdf'))).toMatchObject({ status: 'failed', reason: 'no such file or folder' });
    expect(existsSync(join(knowledgeDir, 'imported/files/docs/report.pdf.yml'))).toBe(true);
    expect((await loadKnowledge(knowledgeDir)).warnings).toEqual([]);
  });
});

describe('robots.txt that cannot be read', () => {
  it('treats the site as disallowed when robots.txt answers 500, and says so', async () => {
    const robots = site.routes.get('/robots.txt')!;
    site.routes.set('/robots.txt', { status: 500, type: 'text/plain', body: 'oops' });
    try {
      const report = await importSources([`${site.base}/site/about.html`], { knowledgeDir: tempDir(), fetch: FETCH });
      expect(report.outcomes).toEqual([
        expect.objectContaining({ status: 'skipped', robots: true, reason: 'robots.txt could not be read (HTTP 500 Internal Server Error), so the site is treated as disallowed (RFC 9309)' }),
      ]);
    } finally {
      site.routes.set('/robots.txt', robots);
    }
  });

  it('allows everything when there is no robots.txt (404)', async () => {
    const robots = site.routes.get('/robots.txt')!;
    site.routes.delete('/robots.txt');
    try {
      const report = await importSources([`${site.base}/site/private/minutes.html`], { knowledgeDir: tempDir(), fetch: FETCH });
      expect(report.outcomes.map((o) => o.status)).toEqual(['imported']);
    } finally {
      site.routes.set('/robots.txt', robots);
    }
  });
});

describe('a running bot', () => {
  it('answers from imported pages after its usual hot reload', async () => {
    const knowledgeDir = tempDir();
    writeTree(knowledgeDir, { 'notes.md': '# Notes\n\nThe harbour office opens at eight in the morning.\n' });
    const qa = await createQA({ knowledgeDir, dataDir: tempDir(), logQuestions: false, watch: true, watchDebounceMs: 100 });
    try {
      const question = 'When was the Harbour Cities network founded?';
      expect(qa.ask(question).status).toBe('no_answer');
      await importSources([`${site.base}/site/about.html`], { knowledgeDir, fetch: FETCH });
      const deadline = Date.now() + 15_000;
      while (qa.ask(question).status !== 'answered' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      const answer = qa.ask(question);
      expect(answer.answer).toContain('1998');
      expect(answer.sources[0].url).toBe(`${site.base}/site/about.html`);
    } finally {
      await qa.close();
    }
  });
});
