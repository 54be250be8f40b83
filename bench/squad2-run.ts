/**
 * The SQuAD v2.0 part of `npm run bench`: answerable and unanswerable questions over the held-out check split.
 *
 * Our core is asked as the bot asks it and scored on its status and confidence; wink-bm25 gets a BM25 score
 * threshold tuned on the fit split (never on check); "never answer" is the floor.
 */
import { join } from 'node:path';
import { type AnswerModel, MODEL } from '../src/answer/model';
import { WinkBaseline } from './baselines';
import { OurSystem } from './ours';
import { sampleQuestions } from './squad';
import { readSquad2, splitArticles, writeSquad2Knowledge, type Bench2Corpus, type Bench2Question } from './squad2';
import {
  answersAt,
  isRight,
  summariseV2,
  tuneThreshold,
  type ReliabilityBin,
  type ThresholdFit,
  type V2Outcome,
  type V2Summary,
} from './squad2-score';
import type { BenchReply } from './system';

/** Row names of the v2 table. */
export const OURS_ROW = 'ours';
export const WINK_ROW = 'wink-bm25+threshold';
export const NEVER_ROW = 'never-answer';

export interface Squad2RunOptions {
  file: string;
  /** Ask at most this many questions per split, sampled with `seed`. */
  limit?: number;
  seed?: number;
  /** Which of the v1 system names run here: `ours` and `wink-bm25` (never-answer always does). */
  systems: readonly string[];
  /** A scratch folder for the two knowledge folders. */
  work: string;
}

/** One row of the v2 table. */
export interface Squad2Row extends V2Summary {
  name: string;
}

/** The v2 part of the results JSON. */
export interface Squad2Results {
  data: string;
  articles: { fit: number; check: number };
  /** Questions asked: all check questions (or `limit` of them) and, for the threshold, as many fit questions. */
  questions: { fit: number; check: number; checkAnswerable: number; checkUnanswerable: number };
  limit: number | null;
  seed: number | null;
  rows: Squad2Row[];
  /** wink-bm25's threshold as tuned on the fit split (its accuracy there, and the grid); absent when wink did not run. */
  winkThreshold?: ThresholdFit;
}

/** The v2 status of a bench reply: the system's own when it gives one, else answered or no_answer. */
export function replyStatus(r: BenchReply): V2Outcome['status'] {
  return r.status ?? (r.noAnswer ? 'no_answer' : 'answered');
}

/** A v2 outcome from a question and a reply. */
export function outcomeOf(q: Bench2Question, r: BenchReply): V2Outcome {
  return { answerable: q.answerable, answers: q.answers, status: replyStatus(r), reply: r.reply, confidence: r.confidence ?? null };
}

async function askOurs(data: Bench2Corpus, questions: readonly Bench2Question[], progress: (line: string) => void): Promise<V2Outcome[]> {
  const ours = new OurSystem();
  await ours.prepare(data.corpus);
  ours.build();
  for (const note of ours.notes) progress(`[squad2 ours] note: ${note}`);
  return questions.map((q) => outcomeOf(q, ours.ask(q.question)));
}

function winkOn(data: Bench2Corpus): WinkBaseline {
  const wink = new WinkBaseline();
  wink.prepare(data.corpus);
  wink.build(data.corpus);
  return wink;
}

/** Runs the v2 part. @throws BenchError when the file cannot be read or is malformed */
export async function runSquad2(options: Squad2RunOptions, progress: (line: string) => void): Promise<Squad2Results> {
  progress(`reading ${options.file}`);
  const { fit, check } = splitArticles(readSquad2(options.file));
  const checkData = writeSquad2Knowledge(check, join(options.work, 'squad2-check'));
  const checkQuestions = sampleQuestions(checkData.questions, options.limit, options.seed);
  const answerable = checkQuestions.filter((q) => q.answerable).length;
  progress(`squad2: ${fit.length} fit and ${check.length} check articles; asking ${checkQuestions.length} check questions (${answerable} answerable)`);

  const rows: Squad2Row[] = [];
  let fitAsked = 0;
  let winkThreshold: ThresholdFit | undefined;
  if (options.systems.includes('ours')) {
    rows.push({ name: OURS_ROW, ...summariseV2(await askOurs(checkData, checkQuestions, progress)) });
    progress(`[squad2 ours] done`);
  }
  if (options.systems.includes('wink-bm25')) {
    const fitData = writeSquad2Knowledge(fit, join(options.work, 'squad2-fit'));
    const fitQuestions = sampleQuestions(fitData.questions, options.limit, options.seed);
    fitAsked = fitQuestions.length;
    const onFit = winkOn(fitData);
    winkThreshold = tuneThreshold(
      fitQuestions.map((q) => {
        const r = onFit.askScored(q.question);
        return { score: r.score, answerable: q.answerable, right: isRight({ ...outcomeOf(q, r), status: 'answered' }) };
      }),
    );
    progress(`[squad2 wink-bm25] threshold ${winkThreshold.threshold.toFixed(2)} (percentile ${winkThreshold.quantile} of fit top scores), fit accuracy ${(winkThreshold.accuracy * 100).toFixed(1)}%`);
    const onCheck = winkOn(checkData);
    const threshold = winkThreshold.threshold;
    const outcomes = checkQuestions.map((q) => {
      const r = onCheck.askScored(q.question);
      return outcomeOf(q, answersAt(r.score, threshold) ? r : { reply: '', passageId: null, noAnswer: true });
    });
    rows.push({ name: WINK_ROW, ...summariseV2(outcomes) });
  }
  // Never answering: overall accuracy is the share of unanswerable questions (neverAnswerAccuracy).
  rows.push({ name: NEVER_ROW, ...summariseV2(checkQuestions.map((q) => outcomeOf(q, { reply: '', passageId: null, noAnswer: true }))) });

  return {
    data: options.file,
    articles: { fit: fit.length, check: check.length },
    questions: { fit: fitAsked, check: checkQuestions.length, checkAnswerable: answerable, checkUnanswerable: checkQuestions.length - answerable },
    limit: options.limit ?? null,
    seed: options.seed ?? null,
    rows,
    ...(winkThreshold === undefined ? {} : { winkThreshold }),
  };
}

const pct = (share: number): string => (Number.isFinite(share) ? `${(share * 100).toFixed(1)}%` : '-');
const dec = (value: number, digits = 3): string => (Number.isFinite(value) ? value.toFixed(digits) : '-');

function align(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row: string[]): string => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** The v2 table: overall accuracy, answerable recall, unanswerable abstention, precision at conf >= 0.9, ECE. */
export function formatSquad2Table(rows: readonly Squad2Row[]): string {
  return align([
    ['system', 'overall', 'answerable recall', 'unanswerable abstention', 'precision conf>=0.9', 'ECE'],
    ...rows.map((r) => [
      r.name,
      pct(r.overall),
      pct(r.answerableRecall),
      pct(r.unanswerableAbstention),
      Number.isFinite(r.precisionAtHighConfidence) ? `${pct(r.precisionAtHighConfidence)} (${r.highConfidenceAnswered})` : '-',
      dec(r.ece),
    ]),
  ]);
}

/** A reliability table: per confidence bin, the answered replies, their mean confidence and the share right. */
export function formatReliability(bins: readonly ReliabilityBin[]): string {
  return align([
    ['confidence', 'answered', 'mean conf', 'share right'],
    ...bins.map((b) => [`${b.from.toFixed(1)}-${b.to.toFixed(1)}`, String(b.count), dec(b.meanConfidence, 2), pct(b.shareRight)]),
  ]);
}

/** The whole v2 section as printed after the v1 table. */
export function formatSquad2(results: Squad2Results): string {
  const q = results.questions;
  const head =
    `SQuAD v2.0 check split: ${q.check} questions (${q.checkAnswerable} answerable, ${q.checkUnanswerable} unanswerable) ` +
    `over ${results.articles.check} held-out articles (odd positions of ${results.data})`;
  const parts = [head, '', formatSquad2Table(results.rows)];
  if (results.winkThreshold !== undefined) {
    const t = results.winkThreshold;
    parts.push(
      '',
      `wink-bm25 threshold: BM25 top score >= ${t.threshold.toFixed(2)} (percentile ${t.quantile} of the fit split's top scores; ` +
        `fit accuracy ${pct(t.accuracy)} over ${q.fit} fit questions)`,
    );
  }
  const ours = results.rows.find((r) => r.name === OURS_ROW);
  if (ours !== undefined) parts.push('', `Reliability of ours (${ours.answered} answered replies; ECE ${dec(ours.ece)})`, formatReliability(ours.reliability));
  parts.push('', formatContributions());
  return parts.join('\n');
}

/** The answer model's weights and what each feature contributes, as `npm run train` measured them (model/weights.json). */
export function formatContributions(model: AnswerModel = MODEL): string {
  const measured = new Map((model.fit.contributions as { name: string; squadCheck: number; own: number }[] | undefined)?.map((c) => [c.name, c]) ?? []);
  return [
    `The answer model (threshold ${model.threshold}): each feature's weight, and the accuracy lost when it is removed (npm run train)`,
    align([
      ['feature', 'weight', 'SQuAD v2 check', 'own fit'],
      ...model.features.map((name, i) => {
        const c = measured.get(name);
        return [name, model.weights[i].toFixed(3), c ? pct(c.squadCheck) : '-', c ? pct(c.own) : '-'];
      }),
    ]),
  ].join('\n');
}
