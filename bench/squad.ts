/**
 * Reading a SQuAD v1.1-format file and writing its articles as a knowledge folder.
 *
 * Layout of one written document (`NN-slug.md`), which the core's loader turns into one passage
 * per paragraph whose `source.line` is the paragraph's line:
 *
 * ```
 * 1  ---
 * 2  title: "Super Bowl 50"
 * 3  lang: en
 * 4  source: "SQuAD v1.1: Super_Bowl_50"
 * 5  ---
 * 6
 * 7  <paragraph 0, on one line>
 * 8
 * 9  <paragraph 1, on one line>
 * ```
 *
 * so paragraph `i` of an article sits on line {@link paragraphLine}(i) = 7 + 2i, and its passage id is `file#line`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A mistake in the benchmark's input or options; the message says what and where. */
export class BenchError extends Error {
  readonly code: 'bench_usage' | 'bench_data_invalid' | 'bench_mapping' | 'bench_cli';
  constructor(code: BenchError['code'], message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BenchError';
    this.code = code;
  }
}

/** One question with its accepted answers. */
export interface SquadQuestion {
  id: string;
  question: string;
  answers: string[];
}

export interface SquadParagraph {
  context: string;
  qas: SquadQuestion[];
}

export interface SquadArticle {
  title: string;
  paragraphs: SquadParagraph[];
}

/** A passage as the benchmark knows it: the text of one SQuAD paragraph and where it was written. */
export interface BenchPassage {
  /** `file#line`, the same id the core's loader gives the passage. */
  id: string;
  /** Knowledge file, relative to the knowledge folder. */
  file: string;
  line: number;
  /** Index of the article in the SQuAD file. */
  article: number;
  /** Index of the paragraph within its article. */
  paragraph: number;
  title: string;
  /** The paragraph as written (white space collapsed to single spaces). */
  text: string;
}

/** A question of the benchmark, tied to the passage that answers it. */
export interface BenchQuestion {
  id: string;
  question: string;
  answers: string[];
  /** Id of the question's own passage. */
  passageId: string;
}

/** The knowledge folder written from a SQuAD file, and the mapping back to it. */
export interface BenchCorpus {
  dir: string;
  files: string[];
  passages: BenchPassage[];
  questions: BenchQuestion[];
}

/** Line of the first paragraph in a written document (after 5 lines of front matter and a blank line). */
export const FIRST_PARAGRAPH_LINE = 7;

/** 1-based line on which paragraph `index` (0-based) of an article is written. */
export function paragraphLine(index: number): number {
  return FIRST_PARAGRAPH_LINE + 2 * index;
}

/** Paragraph text on one line: SQuAD contexts sometimes hold newlines, which would split a passage. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function fail(file: string, where: string, problem: string, format = 'SQuAD v1.1'): never {
  throw new BenchError('bench_data_invalid', `${file}: ${where}: ${problem} (expected ${format} format)`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads one question of a SQuAD file; `at` is its JSON path, `fallbackId` the id it gets when it has none. */
export type QuestionParser<Q> = (qa: unknown, file: string, at: string, fallbackId: string) => Q;

/** A SQuAD v1.1 question: its text and its distinct answer strings. */
function parseV1Question(qa: unknown, file: string, qt: string, fallbackId: string): SquadQuestion {
  if (!isObject(qa)) fail(file, qt, 'not an object');
  if (typeof qa.question !== 'string') fail(file, `${qt}.question`, 'not a string');
  if (!Array.isArray(qa.answers)) fail(file, `${qt}.answers`, 'not an array');
  const answers = qa.answers.map((answer: unknown, i: number) => {
    if (!isObject(answer) || typeof answer.text !== 'string') fail(file, `${qt}.answers[${i}].text`, 'not a string');
    return answer.text;
  });
  return { id: typeof qa.id === 'string' ? qa.id : fallbackId, question: qa.question, answers: [...new Set(answers)] };
}

/**
 * Parses and checks the articles and paragraphs of a SQuAD-format file, each question with `parseQuestion`.
 * @param file the file's path, used in error messages
 * @throws BenchError `bench_data_invalid` naming the file and the JSON path of the first problem
 */
export function parseSquadWith<Q>(json: string, file: string, parseQuestion: QuestionParser<Q>, format = 'SQuAD v1.1'): { title: string; paragraphs: { context: string; qas: Q[] }[] }[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new BenchError('bench_data_invalid', `${file}: not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  if (!isObject(data) || !Array.isArray(data.data)) fail(file, 'top level', 'no "data" array', format);
  return data.data.map((article: unknown, a: number) => {
    const at = `data[${a}]`;
    if (!isObject(article)) fail(file, at, 'not an object', format);
    if (typeof article.title !== 'string' || article.title.trim() === '') fail(file, `${at}.title`, 'missing or empty', format);
    if (!Array.isArray(article.paragraphs)) fail(file, `${at}.paragraphs`, 'not an array', format);
    return {
      title: article.title,
      paragraphs: article.paragraphs.map((paragraph: unknown, p: number) => {
        const pt = `${at}.paragraphs[${p}]`;
        if (!isObject(paragraph)) fail(file, pt, 'not an object', format);
        if (typeof paragraph.context !== 'string' || oneLine(paragraph.context) === '') fail(file, `${pt}.context`, 'missing or empty', format);
        if (!Array.isArray(paragraph.qas)) fail(file, `${pt}.qas`, 'not an array', format);
        return { context: paragraph.context, qas: paragraph.qas.map((qa: unknown, q: number) => parseQuestion(qa, file, `${pt}.qas[${q}]`, `${a}.${p}.${q}`)) };
      }),
    };
  });
}

/**
 * Parses and checks the text of a SQuAD v1.1-format file.
 * @param file the file's path, used in error messages
 * @throws BenchError `bench_data_invalid` naming the file and the JSON path of the first problem
 */
export function parseSquad(json: string, file: string): SquadArticle[] {
  return parseSquadWith(json, file, parseV1Question);
}

/** Reads a SQuAD v1.1-format file. @throws BenchError naming the file when it cannot be read or is malformed */
export function readSquad(file: string): SquadArticle[] {
  let json: string;
  try {
    json = readFileSync(file, 'utf8');
  } catch (error) {
    throw new BenchError('bench_data_invalid', `${file}: cannot read the SQuAD file: ${(error as Error).message}`, { cause: error });
  }
  return parseSquad(json, file);
}

/** File name for article `index`: a zero-padded number keeps the order, the slug keeps it readable. */
export function articleFile(index: number, title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${String(index + 1).padStart(3, '0')}-${slug || 'article'}.md`;
}

/** The Markdown document for one article (see the layout at the top of this file). */
export function articleMarkdown(article: SquadArticle): string {
  const title = article.title.replace(/_/g, ' ');
  // JSON strings are valid YAML scalars, so any title survives the front matter.
  const head = ['---', `title: ${JSON.stringify(title)}`, 'lang: en', `source: ${JSON.stringify(`SQuAD v1.1: ${article.title}`)}`, '---', ''];
  return head.join('\n') + '\n' + article.paragraphs.map((p) => oneLine(p.context)).join('\n\n') + '\n';
}

/**
 * Writes one Markdown document per article into `dir` and returns the passages and questions
 * keyed by the passage ids the core's loader will give them.
 */
export function writeKnowledge(articles: readonly SquadArticle[], dir: string): BenchCorpus {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const passages: BenchPassage[] = [];
  const questions: BenchQuestion[] = [];
  articles.forEach((article, a) => {
    const file = articleFile(a, article.title);
    writeFileSync(join(dir, file), articleMarkdown(article), 'utf8');
    files.push(file);
    const title = article.title.replace(/_/g, ' ');
    article.paragraphs.forEach((paragraph, p) => {
      const line = paragraphLine(p);
      const id = `${file}#${line}`;
      passages.push({ id, file, line, article: a, paragraph: p, title, text: oneLine(paragraph.context) });
      for (const qa of paragraph.qas) {
        if (qa.answers.length > 0) questions.push({ id: qa.id, question: qa.question, answers: qa.answers, passageId: id });
      }
    });
  });
  return { dir, files, passages, questions };
}

/** Deterministic 32-bit PRNG (mulberry32), so `--seed` gives the same sample on every machine. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The questions to ask: all of them in file order, or shuffled with `seed` (Fisher–Yates) and cut to `limit`.
 * @param limit how many to keep @defaultValue all
 * @param seed shuffle seed; without it and without limit the order is the file's
 */
export function sampleQuestions<T>(questions: readonly T[], limit?: number, seed?: number): T[] {
  if (limit === undefined && seed === undefined) return [...questions];
  const out = [...questions];
  const random = seededRandom(seed ?? 1);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return limit === undefined ? out : out.slice(0, limit);
}
