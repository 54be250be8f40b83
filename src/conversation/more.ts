import { MAX_ANSWER_CHARS } from '../answer/limits';
import type { Passage } from '../types';

/**
 * The next piece of a passage from character `from`: at most the core's answer length, ending at a line or
 * sentence end when one falls in the second half of that room (so a "more" reads like the answers do).
 */
export function nextChunk(text: string, from: number, max: number = MAX_ANSWER_CHARS): { chunk: string; end: number } {
  const rest = text.slice(from);
  if (rest.length <= max) return { chunk: rest.trim(), end: text.length };
  const room = rest.slice(0, max);
  const boundary = Math.max(room.lastIndexOf('\n'), room.lastIndexOf('. ') + 1, room.lastIndexOf('? ') + 1, room.lastIndexOf('! ') + 1);
  const space = room.lastIndexOf(' ');
  const cut = boundary > max / 2 ? boundary : space > 0 ? space : max;
  return { chunk: rest.slice(0, cut).trim(), end: from + cut };
}

/**
 * How much of its passage an answer already showed, in characters: all of it (a short paragraph, a whole list),
 * up to the end of the sentence it quoted (so "more" goes on from there), or nothing known (0: start over).
 */
export function shownByAnswer(answer: string, passage: string): number {
  const squash = (s: string) => s.replace(/[\s\-•…]+/g, ' ').trim();
  const whole = squash(passage);
  if (whole.length > 0 && squash(answer).includes(whole)) return passage.length;
  const quoted = answer.replace(/…$/, '').trim();
  const at = quoted.length >= 20 ? passage.indexOf(quoted) : -1;
  return at < 0 ? 0 : at + quoted.length;
}

/** Where "more" goes next: the rest of this passage, else the next passage of its section. */
export type MoreStep = { passage: Passage; chunk: string; shown: number } | { end: true; passage: Passage };

/**
 * One step of "more".
 * @param shown characters of `passage` already shown (0: only the answer cut from it)
 * @param next the next passage of the same section, if any
 */
export function moreStep(passage: Passage, shown: number, next: () => Passage | undefined): MoreStep {
  if (shown < passage.text.length) {
    const { chunk, end } = nextChunk(passage.text, shown);
    if (chunk) return { passage, chunk, shown: end };
  }
  const following = next();
  if (!following) return { end: true, passage };
  const { chunk, end } = nextChunk(following.text, 0);
  return { passage: following, chunk, shown: end };
}
