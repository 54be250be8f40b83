/**
 * Reading a SQuAD v2.0-format file (answerable and unanswerable questions), splitting its articles into a
 * fit half and a held-out check half, and writing an article list as a knowledge folder the way the v1 bench does.
 *
 * Pure except {@link readSquad2} (reads a file) and {@link writeSquad2Knowledge} (writes a folder).
 */
import { readFileSync } from 'node:fs';
import { BenchError, parseSquadWith, writeKnowledge, type BenchCorpus, type SquadArticle, type SquadParagraph, type SquadQuestion } from './squad';

/** One SQuAD v2 question: `answers` is empty exactly when `isImpossible`. */
export interface Squad2Question extends SquadQuestion {
  isImpossible: boolean;
  /** For an unanswerable question, the annotators' plausible (but wrong) answers; empty otherwise. */
  plausibleAnswers: string[];
}

export interface Squad2Paragraph extends SquadParagraph {
  qas: Squad2Question[];
}

export interface Squad2Article extends SquadArticle {
  paragraphs: Squad2Paragraph[];
}

/** The two halves of a v2 file: `fit` may train or tune a model, `check` is held out for scoring. */
export interface ArticleSplit<T = Squad2Article> {
  fit: T[];
  check: T[];
}

/** A v2 question of the benchmark, tied to the passage it was asked about. */
export interface Bench2Question {
  id: string;
  question: string;
  /** Accepted answers; empty for an unanswerable question. */
  answers: string[];
  answerable: boolean;
  /** Id (`file#line`) of the paragraph the question was asked about. */
  passageId: string;
}

/** A knowledge folder written from v2 articles, with every question (answerable or not) mapped to its passage. */
export interface Bench2Corpus {
  corpus: BenchCorpus;
  questions: Bench2Question[];
}

function fail(file: string, where: string, problem: string): never {
  throw new BenchError('bench_data_invalid', `${file}: ${where}: ${problem} (expected SQuAD v2.0 format)`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Distinct answer texts of an `answers` or `plausible_answers` array; fails naming the first bad entry. */
function answerTexts(value: unknown, file: string, at: string): string[] {
  if (!Array.isArray(value)) fail(file, at, 'not an array');
  const texts = value.map((answer: unknown, i: number) => {
    if (!isObject(answer) || typeof answer.text !== 'string') fail(file, `${at}[${i}].text`, 'not a string');
    return answer.text;
  });
  return [...new Set(texts)];
}

function parseQuestion(qa: unknown, file: string, at: string, fallbackId: string): Squad2Question {
  if (!isObject(qa)) fail(file, at, 'not an object');
  if (typeof qa.question !== 'string') fail(file, `${at}.question`, 'not a string');
  if (typeof qa.is_impossible !== 'boolean') fail(file, `${at}.is_impossible`, 'missing or not a boolean');
  const answers = answerTexts(qa.answers, file, `${at}.answers`);
  if (qa.is_impossible && answers.length > 0) fail(file, `${at}.answers`, 'not empty although is_impossible is true');
  if (!qa.is_impossible && answers.length === 0) fail(file, `${at}.answers`, 'empty although is_impossible is false');
  const plausibleAnswers = qa.plausible_answers === undefined ? [] : answerTexts(qa.plausible_answers, file, `${at}.plausible_answers`);
  return { id: typeof qa.id === 'string' ? qa.id : fallbackId, question: qa.question, answers, isImpossible: qa.is_impossible, plausibleAnswers };
}

/**
 * Parses and checks the text of a SQuAD v2.0-format file.
 * @param file the file's path, used in error messages
 * @throws BenchError `bench_data_invalid` naming the file and the JSON path of the first problem
 */
export function parseSquad2(json: string, file: string): Squad2Article[] {
  return parseSquadWith(json, file, parseQuestion, 'SQuAD v2.0');
}

/** Reads a SQuAD v2.0-format file. @throws BenchError `bench_data_invalid` naming the file when it cannot be read or is malformed */
export function readSquad2(file: string): Squad2Article[] {
  let json: string;
  try {
    json = readFileSync(file, 'utf8');
  } catch (error) {
    throw new BenchError('bench_data_invalid', `${file}: cannot read the SQuAD v2 file: ${(error as Error).message}`, { cause: error });
  }
  return parseSquad2(json, file);
}

/**
 * Splits articles by their position in the file: even positions (0, 2, 4, …) are the fit split, odd ones the
 * check split. Whole articles, so no check paragraph is seen while fitting. The input is not modified.
 */
export function splitArticles<T = Squad2Article>(articles: readonly T[]): ArticleSplit<T> {
  return {
    fit: articles.filter((_, i) => i % 2 === 0),
    check: articles.filter((_, i) => i % 2 === 1),
  };
}

/**
 * Writes `articles` as a knowledge folder exactly as the v1 bench does ({@link writeKnowledge}: one document per
 * article, one passage per paragraph) and maps every question, answerable or not, to its paragraph's passage id.
 */
export function writeSquad2Knowledge(articles: readonly Squad2Article[], dir: string): Bench2Corpus {
  const corpus = writeKnowledge(articles, dir);
  const questions: Bench2Question[] = [];
  for (const passage of corpus.passages) {
    for (const qa of articles[passage.article].paragraphs[passage.paragraph].qas) {
      questions.push({ id: qa.id, question: qa.question, answers: qa.answers, answerable: !qa.isImpossible, passageId: passage.id });
    }
  }
  return { corpus, questions };
}
