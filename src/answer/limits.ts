/** Longest answer text, in characters. */
export const MAX_ANSWER_CHARS = 700;
/** Longest question the core reads; longer messages get a clear reply instead of a search. */
export const MAX_QUESTION_CHARS = 1000;
