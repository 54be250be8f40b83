import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NetworkQaError } from '../../src/errors';
import { fingerprintFiles, listKnowledgeFiles, loadKnowledgeSync } from '../../src/knowledge/load';
import type { KnowledgeWarning } from '../../src/types';
import { BUNDLED_KNOWLEDGE, doc, makeTempDir, removeDir, writeTree } from './helpers';

const dirs: string[] = [];
function folder(files: Record<string, string | Buffer>): string {
  const dir = makeTempDir('network-qa-loader-');
  dirs.push(dir);
  return writeTree(dir, files);
}
afterAll(() => dirs.forEach(removeDir));

const GOOD = doc(
  { title: '"Harbour Cities Network"', lang: 'en', source: 'seed-01.txt', url: 'https://example.org/harbour', tags: '[ports, network]' },
  `# Harbour Cities Network

The Harbour Cities Network links port cities around the North Sea.

## Work

### 2020 goals

- Clean ports - cutting emissions from ships at berth.
- Open data - publishing [harbour traffic](https://example.org/data) as **open** data.

## People

- **Chair:** Ada Quist, harbour master
- **Staff contact**: Bo Lind, secretariat
`,
);

describe('loadKnowledgeSync: a good document', () => {
  let loaded: ReturnType<typeof loadKnowledgeSync>;
  beforeAll(() => {
    loaded = loadKnowledgeSync(folder({ 'harbour.md': GOOD }));
  });

  it('reads the front matter fields', () => {
    expect(loaded.warnings).toEqual([]);
    expect(loaded.documents).toHaveLength(1);
    const [d] = loaded.documents;
    expect(d).toMatchObject({ file: 'harbour.md', title: 'Harbour Cities Network', lang: 'en', source: 'seed-01.txt', url: 'https://example.org/harbour', tags: ['ports', 'network'] });
    expect(d.translatedFrom).toBeUndefined();
  });

  it('makes one passage per paragraph, list and block of labelled facts, in document order', () => {
    expect(loaded.passages.map((p) => p.kind)).toEqual(['text', 'list', 'facts']);
  });

  it('keeps a list as a list: its passage knows its items, with markup dropped and link text kept', () => {
    const list = loaded.passages[1];
    expect(list.items).toEqual(['Clean ports - cutting emissions from ships at berth.', 'Open data - publishing harbour traffic as open data.']);
    expect(list.text).toBe('- Clean ports - cutting emissions from ships at berth.\n- Open data - publishing harbour traffic as open data.');
  });

  it('turns "**Label:** value" and "**Label**: value" items into labelled facts', () => {
    expect(loaded.passages[2].facts).toEqual([
      { label: 'Chair', value: 'Ada Quist, harbour master' },
      { label: 'Staff contact', value: 'Bo Lind, secretariat' },
    ]);
    expect(loaded.passages[2].text).toBe('Chair: Ada Quist, harbour master\nStaff contact: Bo Lind, secretariat');
  });

  it('records provenance: file, title, heading path without the title heading, 1-based file line', () => {
    const lines = GOOD.split('\n');
    const lineOf = (start: string) => lines.findIndex((l) => l.startsWith(start)) + 1;
    expect(loaded.passages.map((p) => p.source)).toEqual([
      { title: 'Harbour Cities Network', file: 'harbour.md', heading: '', line: lineOf('The Harbour'), url: 'https://example.org/harbour' },
      { title: 'Harbour Cities Network', file: 'harbour.md', heading: 'Work > 2020 goals', line: lineOf('- Clean ports'), url: 'https://example.org/harbour' },
      { title: 'Harbour Cities Network', file: 'harbour.md', heading: 'People', line: lineOf('- **Chair'), url: 'https://example.org/harbour' },
    ]);
    expect(loaded.passages[1].headings).toEqual(['Work', '2020 goals']);
    expect(loaded.passages[1].id).toBe(`harbour.md#${lineOf('- Clean ports')}`);
  });

  it('gives every passage the document language and tags', () => {
    for (const p of loaded.passages) {
      expect(p.lang).toBe('en');
      expect(p.tags).toEqual(['ports', 'network']);
    }
  });
});

describe('loadKnowledgeSync: document variants', () => {
  it('reads .txt files as paragraphs separated by blank lines, with their lines', () => {
    const { passages, warnings } = loadKnowledgeSync(folder({ 'notes.txt': 'First paragraph,\nwrapped over two lines.\n\n\nSecond paragraph.\n' }));
    expect(warnings).toEqual([]);
    expect(passages.map((p) => [p.kind, p.text, p.source.line])).toEqual([
      ['text', 'First paragraph, wrapped over two lines.', 1],
      ['text', 'Second paragraph.', 5],
    ]);
    expect(passages[0].source.title).toBe('Notes');
  });

  it('reads folders recursively, names files with forward slashes, and skips dot-folders and other extensions', () => {
    const dir = folder({
      'a.md': doc({ title: 'A', lang: 'en' }, 'Alpha text.'),
      'sub/deeper/b.markdown': doc({ title: 'B', lang: 'en' }, 'Beta text.'),
      'sub/c.txt': 'Gamma text.',
      '.hidden/d.md': doc({ title: 'D', lang: 'en' }, 'Hidden text.'),
      'sub/e.json': '{"title": "not knowledge"}',
    });
    expect(loadKnowledgeSync(dir).documents.map((d) => d.file)).toEqual(['a.md', 'sub/c.txt', 'sub/deeper/b.markdown']);
    expect(listKnowledgeFiles(dir).map((f) => f.slice(dir.length + 1).split('\\').join('/'))).toEqual(['a.md', 'sub/c.txt', 'sub/deeper/b.markdown']);
  });

  it('takes the title from the first heading, else from the file name, when the front matter has none', () => {
    const { documents } = loadKnowledgeSync(folder({ 'one.md': '# Heading Title\n\nSome text.\n', 'city-twinning_notes.md': 'Just text.\n' }));
    expect(documents.map((d) => d.title)).toEqual(['City twinning notes', 'Heading Title']);
  });

  it('marks a translation with translated_from', () => {
    const { documents } = loadKnowledgeSync(folder({ 't.md': doc({ title: 'T', lang: 'en', translated_from: 'nl' }, 'Translated text.') }));
    expect(documents[0].translatedFrom).toBe('nl');
  });

  it('detects the language of a document without a lang field', () => {
    const { documents } = loadKnowledgeSync(
      folder({ 'nl.md': doc({ title: 'Netwerk' }, 'Het netwerk van grote Europese steden werkt samen met de lokale overheden aan de belangrijke rol van de steden.') }),
    );
    expect(documents[0].lang).toBe('nl');
  });

  it('reads a byte-order mark and Windows line endings', () => {
    const { documents, warnings } = loadKnowledgeSync(folder({ 'w.md': `\uFEFF---\r\ntitle: Win\r\nlang: en\r\n---\r\n\r\nLine text.\r\n` }));
    expect(warnings).toEqual([]);
    expect(documents[0].title).toBe('Win');
    expect(documents[0].passages[0]).toMatchObject({ text: 'Line text.', source: { line: 6 } });
  });

  it('keeps a list with only some labelled items as a plain list', () => {
    const { passages } = loadKnowledgeSync(folder({ 'm.md': doc({ title: 'M', lang: 'en' }, '- **Chair:** Ada\n- Bo\n') }));
    expect(passages[0]).toMatchObject({ kind: 'list', items: ['Chair: Ada', 'Bo'] });
    expect(passages[0].facts).toBeUndefined();
  });
});

describe('loadKnowledgeSync: documents that cannot be used', () => {
  const good = doc({ title: 'Good', lang: 'en' }, 'Good text that still loads.');
  const only = (warnings: KnowledgeWarning[], file: string) => warnings.filter((w) => w.file === file);

  function loadWithGood(file: string, content: string | Buffer) {
    const loaded = loadKnowledgeSync(folder({ 'good.md': good, [file]: content }));
    expect(loaded.documents.map((d) => d.file)).toEqual(['good.md']);
    expect(loaded.warnings).toHaveLength(1);
    return loaded.warnings[0];
  }

  it('reports bad YAML front matter with the file and the line of the bad entry, and loads the rest', () => {
    // Line 4 holds the broken entry ("source: a: b: c").
    const warning = loadWithGood('bad.md', '---\ntitle: Bad\nlang: en\nsource: a: b: c\n---\n\nText.\n');
    expect(warning).toMatchObject({ code: 'knowledge_invalid_document', file: 'bad.md', line: 4 });
    expect(warning.message).toMatch(/^bad\.md:4: .*YAML/);
  });

  it('reports a duplicated front matter key at the line of the duplicate', () => {
    const warning = loadWithGood('dup.md', '---\ntitle: Bad\nlang: en\ntitle: again\n---\n\nText.\n');
    expect(warning).toMatchObject({ code: 'knowledge_invalid_document', file: 'dup.md', line: 4 });
  });

  it('reports an unknown lang naming the file and the front matter line', () => {
    const warning = loadWithGood('klingon.md', '---\ntitle: Klingon\nsource: x.txt\nlang: tlh\n---\n\nText.\n');
    expect(warning).toMatchObject({ code: 'knowledge_invalid_document', file: 'klingon.md', line: 4 });
    expect(warning.message).toContain('klingon.md:4:');
    expect(warning.message).toContain('tlh');
  });

  it('reports front matter that is not a mapping', () => {
    expect(loadWithGood('seq.md', '---\n- a\n- b\n---\n\nText.\n')).toMatchObject({ code: 'knowledge_invalid_document', file: 'seq.md' });
  });

  it('reports a url that is not http(s)', () => {
    const warning = loadWithGood('url.md', '---\ntitle: U\nlang: en\nurl: javascript:alert(1)\n---\n\nText.\n');
    expect(warning).toMatchObject({ code: 'knowledge_invalid_document', file: 'url.md', line: 4 });
  });

  it('reports a file that is not UTF-8, at the line of the bad byte', () => {
    const bytes = Buffer.concat([Buffer.from('line one\nline two\nMalm'), Buffer.from([0xf6]), Buffer.from(' in Latin-1\n')]);
    expect(loadWithGood('latin1.md', bytes)).toMatchObject({ code: 'knowledge_not_utf8', file: 'latin1.md', line: 3 });
  });

  it('reports a binary file (NUL bytes)', () => {
    const warning = loadWithGood('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0a]));
    expect(warning).toMatchObject({ code: 'knowledge_not_utf8', file: 'image.txt' });
  });

  it('reports a UTF-8 text file with a NUL byte as binary', () => {
    expect(loadWithGood('nul.md', 'text\nmore\0text\n')).toMatchObject({ code: 'knowledge_not_utf8', file: 'nul.md', line: 2 });
  });

  it('reports an empty file', () => {
    expect(loadWithGood('empty.md', '')).toMatchObject({ code: 'knowledge_empty_document', file: 'empty.md', line: 1 });
    expect(loadWithGood('blank.txt', '  \n\n \n')).toMatchObject({ code: 'knowledge_empty_document', file: 'blank.txt', line: 1 });
  });

  it('reports a document with front matter but no passage', () => {
    const warning = loadWithGood('front-only.md', '---\ntitle: Only front\nlang: en\n---\n\n');
    expect(warning).toMatchObject({ code: 'knowledge_empty_document', file: 'front-only.md' });
    const code = loadWithGood('code-only.md', '---\ntitle: Code\nlang: en\n---\n\n```\nnot knowledge\n```\n');
    expect(code).toMatchObject({ code: 'knowledge_empty_document', file: 'code-only.md' });
  });

  it('puts "file:line:" at the start of every warning message', () => {
    const { warnings } = loadKnowledgeSync(
      folder({ 'a.md': '', 'b.md': '---\ntitle: B\nlang: xx\n---\nT\n', 'c.md': Buffer.from([0xff, 0xfe, 0x00]) }),
    );
    expect(warnings.map((w) => w.file)).toEqual(['a.md', 'b.md', 'c.md']);
    for (const w of warnings) expect(w.message.startsWith(`${w.file}:${w.line}: `)).toBe(true);
    expect(only(warnings, 'b.md')[0].line).toBe(3);
  });

  it('throws knowledge_dir_missing for a folder that does not exist', () => {
    const missing = join(folder({}), 'nope');
    expect(() => loadKnowledgeSync(missing)).toThrow(NetworkQaError);
    try {
      loadKnowledgeSync(missing);
    } catch (error) {
      expect((error as NetworkQaError).code).toBe('knowledge_dir_missing');
      expect((error as Error).message).toContain(missing);
    }
  });
});

describe('fingerprint', () => {
  it('is the same for the same files, changes when a file changes, and matches fingerprintFiles', () => {
    const dir = folder({ 'a.md': doc({ title: 'A', lang: 'en' }, 'Alpha.') });
    const first = loadKnowledgeSync(dir).fingerprint;
    expect(loadKnowledgeSync(dir).fingerprint).toBe(first);
    expect(fingerprintFiles(dir)).toBe(first);
    writeTree(dir, { 'a.md': doc({ title: 'A', lang: 'en' }, 'Alpha, changed.') });
    const second = loadKnowledgeSync(dir).fingerprint;
    expect(second).not.toBe(first);
    expect(fingerprintFiles(dir)).toBe(second);
    writeTree(dir, { 'b.txt': 'New file.' });
    expect(loadKnowledgeSync(dir).fingerprint).not.toBe(second);
  });

  it('counts broken files too, so fixing one changes the fingerprint', () => {
    const dir = folder({ 'a.md': '' });
    const broken = loadKnowledgeSync(dir).fingerprint;
    writeTree(dir, { 'a.md': 'Fixed.' });
    expect(loadKnowledgeSync(dir).fingerprint).not.toBe(broken);
  });
});

describe('the bundled knowledge', () => {
  const loaded = loadKnowledgeSync(BUNDLED_KNOWLEDGE);

  it('loads every document without a warning', () => {
    expect(loaded.warnings).toEqual([]);
    expect(loaded.documents.length).toBe(listKnowledgeFiles(BUNDLED_KNOWLEDGE).length);
  });

  it('keeps the Dutch original in Dutch and marks the English translation', () => {
    const byFile = new Map(loaded.documents.map((d) => [d.file, d]));
    expect(byFile.get('eurocities/eurocities.nl.md')?.lang).toBe('nl');
    expect(byFile.get('eurocities/eurocities.en.md')).toMatchObject({ lang: 'en', translatedFrom: 'nl' });
  });

  it('loads the members list with one item per "- " line of its section', () => {
    const raw = readFileSync(join(BUNDLED_KNOWLEDGE, 'knowledge-society-forum.md'), 'utf8');
    const section = raw.slice(raw.indexOf('## Members'));
    const bullets = section.split('\n').filter((l) => l.startsWith('- '));
    const members = loaded.passages.find((p) => p.kind === 'list' && p.headings.at(-1) === 'Members');
    expect(members?.items).toEqual(bullets.map((l) => l.slice(2).trim()));
  });
});
