import type { AnswerKind } from '../types';

/** A possible answer, before formatting: the text cut from one passage, and how sure we are. */
export interface Candidate {
  kind: AnswerKind;
  text: string;
  /** Index of the passage in the search index. */
  passage: number;
  confidence: number;
}

/** Confidence at or above which an answer is given; below it the bot abstains. Calibrated on the dev question set. */
export const ANSWER_THRESHOLD = 0.65;
