import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { convertDocument, fingerprintFiles, loadKnowledge } from '../../src/knowledge/load';
import { createQA } from '../../src/qa';
import { makeTempDir, removeDir, writeTree } from '../core/helpers';
import { makeDocx, makeEncryptedPdf, makePdf, makeScannedPdf } from './fixtures';

const dirs: string[] = [];
function folder(files: Record<string, string | Buffer>): string {
  const dir = makeTempDir('network-qa-convert-');
  dirs.push(dir);
  return writeTree(dir, files);
}
afterAll(() => dirs.forEach(removeDir));

const HEADER = 'Harbour Cities Network - Annual Report 2024';

/** Two pages with a running header and page numbers, and bookmarks for the two sections. */
const reportPdf = () =>
  makePdf({
    title: 'Annual Report 2024',
    pages: [
      {
        header: HEADER,
        footer: '1',
        lines: [
          { text: 'Finances', size: 16 },
          { text: 'The budget of the network in 2024 was four million euro and it is man-' },
          { text: 'aged by the secretariat in Rotterdam.' },
          { text: '' },
          { text: '• Rotterdam pays the largest share' },
          { text: '• Hamburg pays the second largest share' },
        ],
      },
      { header: HEADER, footer: '2', lines: [{ text: 'Staff', size: 16 }, { text: 'The secretariat employs twelve harbour analysts.' }] },
    ],
    outline: [{ title: 'Finances', page: 1 }, { title: 'Staff', page: 2 }],
  });

describe('PDF', () => {
  it('cites the page, takes headings from the outline, undoes hyphenation and drops running headers and page numbers', async () => {
    const doc = await convertDocument('reports/annual.pdf', await reportPdf());
    expect(doc.title).toBe('Annual Report 2024');
    expect(doc.lang).toBe('en');
    const budget = doc.passages.find((p) => p.text.includes('budget'));
    expect(budget?.text).toBe('The budget of the network in 2024 was four million euro and it is managed by the secretariat in Rotterdam.');
    expect(budget?.source).toMatchObject({ file: 'reports/annual.pdf', heading: 'Finances', page: 1 });
    expect(doc.passages.find((p) => p.text.includes('analysts'))?.source).toMatchObject({ heading: 'Staff', page: 2 });
    const list = doc.passages.find((p) => p.kind === 'list');
    expect(list?.items).toEqual(['Rotterdam pays the largest share', 'Hamburg pays the second largest share']);
    const all = doc.passages.map((p) => p.text).join('\n');
    expect(all).not.toContain(HEADER);
    expect(doc.passages.every((p) => !/^\d+$/.test(p.text))).toBe(true);
  });

  it('takes headings from larger type when there is no outline', async () => {
    const pdf = await makePdf({ pages: [{ lines: [{ text: 'Ferry Links', size: 20 }, { text: 'The night ferry sails from Kiel to Oslo every evening.' }, { text: 'Tickets', size: 15 }, { text: 'Tickets are sold at the harbour office.' }] }] });
    const doc = await convertDocument('ferries.pdf', pdf);
    expect(doc.title).toBe('Ferry Links');
    expect(doc.passages.map((p) => [p.text, p.source.heading])).toEqual([
      ['The night ferry sails from Kiel to Oslo every evening.', ''],
      ['Tickets are sold at the harbour office.', 'Tickets'],
    ]);
  });
});

describe('Word', () => {
  it('keeps headings, lists (so they answer list questions) and table rows, and takes the title from its properties', async () => {
    const docx = await makeDocx({
      title: 'Partner Handbook',
      body: [
        { heading: 'Members' },
        { paragraph: 'The handbook lists the ports that belong to the network.' },
        { bullets: ['Antwerp', 'Gdansk', 'Tallinn'] },
        { heading: 'Fees', level: 2 },
        { table: [['Port', 'Fee'], ['Antwerp', '1200 euro']] },
      ],
    });
    const doc = await convertDocument('handbook.docx', docx);
    expect(doc.title).toBe('Partner Handbook');
    expect(doc.passages.map((p) => [p.kind, p.source.heading])).toEqual([
      ['text', 'Members'],
      ['list', 'Members'],
      ['text', 'Members > Fees'],
    ]);
    expect(doc.passages[1].items).toEqual(['Antwerp', 'Gdansk', 'Tallinn']);
    expect(doc.passages[2].text).toBe('Port | Fee\nAntwerp | 1200 euro');
    expect(doc.passages[1].source.line).toBe(3);
  });
});

const PAGE_1252 = iconv.encode(
  `<!DOCTYPE html><html lang="fr-BE"><head><meta charset="windows-1252"><title>La charte des ports | Harbour Cities</title>
<link rel="canonical" href="https://ports.example/charte"></head><body>
<nav><a href="/">Accueil</a> <a href="/news">Actualités</a></nav>
<div class="cookie-banner">Nous utilisons des cookies. Acceptez-vous tous les cookies ?</div>
<main><h1>La charte des ports</h1>
<p>La charte a été signée à Liège en 2019 : elle engage chaque port à publier ses émissions. Le texte dit « ports propres » et l’objectif coûte 5 € par tonne.</p>
<h2>Signataires</h2><ul><li>Liège</li><li>Namur</li><li>Gand</li></ul>
<p>Les signataires se réunissent chaque année pour comparer leurs résultats, partager leurs méthodes et fixer de nouveaux objectifs communs.</p>
</main><footer>© 2024 Harbour Cities — Mentions légales</footer></body></html>`,
  'windows-1252',
);

describe('HTML', () => {
  it('reads a windows-1252 page right and keeps only the main content, with title, language and canonical URL', async () => {
    const doc = await convertDocument('charte.html', PAGE_1252);
    expect(doc.title).toBe('La charte des ports');
    expect(doc.lang).toBe('fr');
    expect(doc.url).toBe('https://ports.example/charte');
    const text = doc.passages.map((p) => p.text).join('\n');
    expect(text).toContain('La charte a été signée à Liège en 2019');
    expect(text).toContain('« ports propres » et l’objectif coûte 5 € par tonne');
    expect(text).not.toMatch(/cookies|Accueil|Mentions légales/);
    expect(doc.passages.find((p) => p.kind === 'list')?.items).toEqual(['Liège', 'Namur', 'Gand']);
    // Passages cite the line of the HTML file they start on.
    expect(doc.passages.find((p) => p.kind === 'list')?.source).toMatchObject({ heading: 'Signataires', line: 7 });
  });
});

describe('loading a knowledge folder with converted files', () => {
  it('reports each unusable file with its reason, and loads the rest', async () => {
    const goodPdf = await reportPdf();
    const dir = folder({
      'annual.pdf': goodPdf,
      'locked.pdf': await makeEncryptedPdf(),
      'scan.pdf': await makeScannedPdf(),
      'broken.docx': Buffer.concat([(await makeDocx({ body: [{ paragraph: 'x' }] })).subarray(0, 200), Buffer.alloc(64)]),
      'renamed.pdf': Buffer.from('<html><body><p>I am a web page</p></body></html>'),
      'empty.html': '<html><head><title>Nothing</title></head><body><nav><a href="/">Home</a></nav></body></html>',
      'notes.md': '# Notes\n\nThe harbour master retires in 2026.\n',
    });
    const loaded = await loadKnowledge(dir);
    expect(loaded.documents.map((d) => d.file).sort()).toEqual(['annual.pdf', 'notes.md']);
    const reasons = Object.fromEntries(loaded.warnings.map((w) => [w.file, w.message]));
    expect(reasons['locked.pdf']).toMatch(/^locked\.pdf:1: is encrypted \(password-protected\)/);
    expect(reasons['scan.pdf']).toMatch(/no text layer.*needs OCR/);
    expect(reasons['broken.docx']).toMatch(/is not a readable Word document/);
    expect(reasons['renamed.pdf']).toMatch(/is not a PDF \(it is an HTML page\); is the extension wrong\?/);
    expect(reasons['empty.html']).toMatch(/has no main content/);
  });

  it('takes title, language, url and tags from a sidecar, and names the sidecar when it is wrong', async () => {
    const dir = folder({
      'annual.pdf': await reportPdf(),
      'annual.pdf.yml': 'title: Harbour report\nlang: en\nurl: https://ports.example/report.pdf\ntags: [finance]\n',
      'other.pdf': await reportPdf(),
      'other.pdf.yml': 'title: Other\nlang: xx\n',
    });
    const loaded = await loadKnowledge(dir);
    expect(loaded.documents).toHaveLength(1);
    expect(loaded.documents[0]).toMatchObject({ title: 'Harbour report', lang: 'en', url: 'https://ports.example/report.pdf', tags: ['finance'] });
    expect(loaded.documents[0].passages[0].source.url).toBe('https://ports.example/report.pdf');
    expect(loaded.warnings).toEqual([expect.objectContaining({ file: 'other.pdf.yml', line: 2, message: expect.stringMatching(/^other\.pdf\.yml:2: front matter "lang: xx" is not a supported language/) })]);
  });

  it('has a fingerprint that covers converted files and their sidecars', async () => {
    const dir = folder({ 'annual.pdf': await reportPdf() });
    const first = fingerprintFiles(dir);
    expect((await loadKnowledge(dir)).fingerprint).toBe(first);
    writeFileSync(join(dir, 'annual.pdf.yml'), 'title: Renamed\n');
    const second = fingerprintFiles(dir);
    expect(second).not.toBe(first);
    expect((await loadKnowledge(dir)).fingerprint).toBe(second);
  });

  it('answers from a dropped-in PDF citing its page, and at the next start loads the saved index instead of converting again', async () => {
    const dir = folder({ 'annual.pdf': await reportPdf(), 'charte.html': PAGE_1252 });
    const dataDir = makeTempDir('network-qa-convert-data-');
    dirs.push(dataDir);
    const qa = await createQA({ knowledgeDir: dir, dataDir, logQuestions: false });
    const answer = qa.ask('How many harbour analysts does the secretariat employ?');
    expect(answer.status).toBe('answered');
    expect(answer.answer).toContain('twelve harbour analysts');
    expect(answer.sources[0]).toMatchObject({ file: 'annual.pdf', page: 2, heading: 'Staff' });
    await qa.close();
    const again = await createQA({ knowledgeDir: dir, dataDir, logQuestions: false });
    expect(again.stats().loadedFromDisk).toBe(true);
    // The saved index keeps the page: citations are the same without converting again.
    expect(again.ask('How many harbour analysts does the secretariat employ?').sources[0]).toMatchObject({ file: 'annual.pdf', page: 2 });
    await again.close();
  });
});
