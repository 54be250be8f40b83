import type { AnswerKind } from '../types';

/** A possible answer, before formatting: the text cut from one passage, and how sure we are. */
export interface Candidate {
  kind: AnswerKind;
  text: string;
  /** Index of the passage in the search index. */
  passage: number;
  confidence: number;
}
