import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkMapping } from '../../bench/ours';
import { articleFile, BenchError, paragraphLine, parseSquad, readSquad, sampleQuestions, writeKnowledge, type BenchCorpus } from '../../bench/squad';
import { loadKnowledgeSync } from '../../src/index';

const FIXTURE = join(__dirname, '../fixtures/squad-tiny.json');

describe('reading a SQuAD file', () => {
  it('reads articles, paragraphs, questions and distinct answer strings', () => {
    const articles = readSquad(FIXTURE);
    expect(articles.map((a) => a.title)).toEqual(['Zürich', 'Oslo_(city)']);
    expect(articles[0].paragraphs).toHaveLength(2);
    expect(articles[0].paragraphs[0].qas[0]).toEqual({ id: 'z1', question: 'What is the largest city in Switzerland?', answers: ['Zürich'] });
  });

  it('names the file and the JSON path of a malformed entry', () => {
    const bad = JSON.stringify({ data: [{ title: 'A', paragraphs: [{ context: 'Text.', qas: [{ question: 'Q?', answers: [{ text: 5 }] }] }] }] });
    expect(() => parseSquad(bad, 'bad.json')).toThrow('bad.json: data[0].paragraphs[0].qas[0].answers[0].text: not a string');
    expect(() => parseSquad('{"data": 1}', 'x.json')).toThrow('x.json: top level: no "data" array');
  });

  it('says which file is not JSON or cannot be read', () => {
    expect(() => parseSquad('{', 'broken.json')).toThrow(/^broken\.json: not valid JSON/);
    let error: unknown;
    try {
      readSquad('/nonexistent/squad.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BenchError);
    expect((error as BenchError).code).toBe('bench_data_invalid');
    expect((error as BenchError).message).toMatch(/^\/nonexistent\/squad\.json: cannot read/);
  });
});

describe('writing SQuAD articles as a knowledge folder', () => {
  let dir: string;
  let corpus: BenchCorpus;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bench-squad-test-'));
    corpus = writeKnowledge(readSquad(FIXTURE), join(dir, 'knowledge'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one numbered Markdown document per article', () => {
    expect(corpus.files).toEqual(['001-zurich.md', '002-oslo-city.md']);
    expect(articleFile(41, 'Fresno,_California')).toBe('042-fresno-california.md');
  });

  it('writes front matter with title, lang and source, then each paragraph on its own line', () => {
    const text = readFileSync(join(corpus.dir, '002-oslo-city.md'), 'utf8');
    expect(text.split('\n').slice(0, 7)).toEqual([
      '---',
      'title: "Oslo (city)"',
      'lang: en',
      'source: "SQuAD v1.1: Oslo_(city)"',
      '---',
      '',
      'Oslo is the capital of Norway. Its city council meets in the Oslo City Hall, which hosts the Nobel Peace Prize ceremony.',
    ]);
  });

  it('puts paragraph i of an article on line 7 + 2i, and names its passage file#line', () => {
    expect(corpus.passages.map((p) => [p.id, p.article, p.paragraph])).toEqual([
      ['001-zurich.md#7', 0, 0],
      ['001-zurich.md#9', 0, 1],
      ['002-oslo-city.md#7', 1, 0],
    ]);
    for (const p of corpus.passages) {
      const lines = readFileSync(join(corpus.dir, p.file), 'utf8').split('\n');
      expect(p.line).toBe(paragraphLine(p.paragraph));
      expect(lines[p.line - 1]).toBe(p.text);
    }
  });

  it('joins a paragraph that spans lines into one line, so it stays one passage', () => {
    expect(corpus.passages[0].text).toBe(
      'Zürich is the largest city in Switzerland. It lies at the north-western tip of Lake Zürich. The city has about 420,000 inhabitants.',
    );
  });

  it('ties each question to its paragraph and leaves out questions without answers', () => {
    expect(corpus.questions.map((q) => [q.id, q.passageId])).toEqual([
      ['z1', '001-zurich.md#7'],
      ['z2', '001-zurich.md#7'],
      ['z3', '001-zurich.md#9'],
      ['o1', '002-oslo-city.md#7'],
    ]);
  });

  it("maps exactly onto the passages of the core's loader", () => {
    const loaded = loadKnowledgeSync(corpus.dir);
    expect(loaded.warnings).toEqual([]);
    expect(checkMapping(corpus, loaded.passages)).toEqual([]);
    expect(loaded.documents.map((d) => d.title)).toEqual(['Zürich', 'Oslo (city)']);
  });

  it('reports paragraphs the loader placed elsewhere', () => {
    const shifted = corpus.passages.map((p) => ({ source: { title: p.title, file: p.file, heading: '', line: p.line + 1 } }));
    const notes = checkMapping(corpus, shifted);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^3 of 3 SQuAD paragraphs have no passage at their expected file#line/);
  });
});

describe('sampling questions', () => {
  const items = Array.from({ length: 100 }, (_, i) => i);

  it('keeps every question in file order without limit or seed', () => {
    expect(sampleQuestions(items)).toEqual(items);
  });

  it('draws the same sample for the same seed and another for another seed', () => {
    const a = sampleQuestions(items, 10, 42);
    expect(a).toHaveLength(10);
    expect(new Set(a).size).toBe(10);
    expect(sampleQuestions(items, 10, 42)).toEqual(a);
    expect(sampleQuestions(items, 10, 43)).not.toEqual(a);
  });

  it('returns all questions when the limit exceeds them', () => {
    expect([...sampleQuestions(items, 1000, 1)].sort((x, y) => x - y)).toEqual(items);
  });
});
