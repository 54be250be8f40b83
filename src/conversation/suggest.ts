import { fold } from '../text/fold';

/**
 * Ranks questions against what someone has typed so far (autocomplete): a question that starts with it first,
 * then one with a word starting with the last word typed and containing every other typed word,
 * then one containing it anywhere; ties keep the given order (the core's examples come round-robin by kind).
 * Case and accents are ignored. Questions matching nothing are left out; with nothing typed all are kept.
 */
export function rankSuggestions(questions: string[], typed: string, limit: number): string[] {
  const query = fold(typed).replace(/\s+/g, ' ').trim();
  if (!query) return questions.slice(0, limit);
  const words = query.split(' ');
  const last = words[words.length - 1];
  const scored = questions.map((question, order) => {
    const text = fold(question);
    const tokens = text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    let rank = Infinity;
    if (text.startsWith(query)) rank = 0;
    else if (words.slice(0, -1).every((w) => tokens.includes(w)) && tokens.some((t) => t.startsWith(last))) rank = 1;
    else if (text.includes(query)) rank = 2;
    else if (words.every((w) => tokens.some((t) => t.startsWith(w)))) rank = 3;
    return { question, order, rank };
  });
  return scored
    .filter((s) => s.rank !== Infinity)
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .slice(0, limit)
    .map((s) => s.question);
}
