/** Pure scoring functions of the benchmark: no I/O, no clock. */
import { fold as foldText } from '../src/text/fold';

/** Longest reply that still counts for answer recall, in characters (issue 3). */
export const MAX_REPLY_CHARS = 400;

/**
 * Folds text for comparison: the core's case and diacritic folding, runs of white space collapsed to one space.
 * @example fold('  Zürich  Straße ') // 'zurich strasse'
 */
export function fold(text: string): string {
  return foldText(text).replace(/\s+/g, ' ').trim();
}

/** Length of a reply in characters (code points, so an emoji counts once). */
export function replyLength(reply: string): number {
  let n = 0;
  for (const _ of reply) n++;
  return n;
}

/**
 * Whether a reply answers the question: it contains one of the answer strings (case- and
 * diacritic-insensitive) and is at most `maxLen` characters long.
 * @param reply the system's reply ('' when it gave none)
 * @param answers the question's accepted answer strings
 * @param maxLen longest reply that counts @defaultValue 400
 */
export function answerRecall(reply: string, answers: readonly string[], maxLen: number = MAX_REPLY_CHARS): boolean {
  if (reply === '' || replyLength(reply) > maxLen) return false;
  const folded = fold(reply);
  return answers.some((answer) => {
    const a = fold(answer);
    return a !== '' && folded.includes(a);
  });
}

/**
 * Whether the reply came from the question's own passage.
 * @param replyPassageId id of the passage the reply came from, or null when there was none
 * @param expectedId id of the question's passage
 */
export function passageMatch(replyPassageId: string | null, expectedId: string): boolean {
  return replyPassageId !== null && replyPassageId === expectedId;
}

/**
 * The p-th percentile (0..100) of a list of numbers, nearest-rank method; NaN for an empty list.
 * The input is not modified.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile: p must be within 0..100, got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/** What one system did for one question. */
export interface QuestionOutcome {
  reply: string;
  passageId: string | null;
  noAnswer: boolean;
  expectedPassageId: string;
  answers: readonly string[];
  /** Time ask() took, in microseconds. */
  latencyUs: number;
}

/** Quality and latency of one system over all questions it answered. */
export interface Summary {
  questions: number;
  /** Share (0..1) of questions whose reply came from the question's paragraph. */
  passageAccuracy: number;
  /** Share (0..1) of questions whose reply contains an answer string and is at most 400 characters. */
  answerRecall: number;
  /** Mean length in characters of the replies given (no_answer replies excluded); NaN when none. */
  meanReplyChars: number;
  /** Share (0..1) of questions answered with no_answer. */
  noAnswerShare: number;
  latencyUs: { p50: number; p95: number; p99: number; mean: number };
}

/** Summarises the outcomes of one system; shares are 0..1 and NaN for zero questions. */
export function summary(outcomes: readonly QuestionOutcome[]): Summary {
  let passages = 0;
  let recalled = 0;
  let noAnswer = 0;
  let replyChars = 0;
  let replies = 0;
  let latencySum = 0;
  const latencies: number[] = [];
  for (const o of outcomes) {
    if (passageMatch(o.passageId, o.expectedPassageId)) passages++;
    if (answerRecall(o.reply, o.answers)) recalled++;
    if (o.noAnswer) noAnswer++;
    else {
      replies++;
      replyChars += replyLength(o.reply);
    }
    latencies.push(o.latencyUs);
    latencySum += o.latencyUs;
  }
  const n = outcomes.length;
  return {
    questions: n,
    passageAccuracy: passages / n,
    answerRecall: recalled / n,
    meanReplyChars: replyChars / replies,
    noAnswerShare: noAnswer / n,
    latencyUs: {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      mean: latencySum / n,
    },
  };
}

/** Question types the breakdown reports, in table order. */
export const QUESTION_TYPES = ['when', 'how many', 'how much', 'who', 'where', 'which', 'what', 'why', 'how', 'other'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Quality per question type. */
export type TypeBreakdown = Partial<Record<QuestionType, { questions: number; passageAccuracy: number; answerRecall: number }>>;

/**
 * The type of a question by its first question word ("In what year…" is `what`, "How many…" is `how many`).
 * @example questionType('In which city was Tesla born?') // 'which'
 */
export function questionType(question: string): QuestionType {
  const m = /\b(when|how many|how much|who|whom|whose|where|which|what|why|how)\b/.exec(fold(question));
  if (m === null) return 'other';
  return m[1] === 'whom' || m[1] === 'whose' ? 'who' : (m[1] as QuestionType);
}

/** Answer recall and passage accuracy per question type; types with no question are left out. */
export function byQuestionType(outcomes: readonly QuestionOutcome[], questions: readonly string[]): TypeBreakdown {
  const groups = new Map<QuestionType, QuestionOutcome[]>();
  outcomes.forEach((o, i) => {
    const type = questionType(questions[i]);
    const group = groups.get(type);
    if (group === undefined) groups.set(type, [o]);
    else group.push(o);
  });
  const out: TypeBreakdown = {};
  for (const type of QUESTION_TYPES) {
    const group = groups.get(type);
    if (group === undefined) continue;
    const s = summary(group);
    out[type] = { questions: s.questions, passageAccuracy: s.passageAccuracy, answerRecall: s.answerRecall };
  }
  return out;
}
