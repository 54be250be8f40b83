/**
 * Generated question logs that attack the report's grouping (issue 12): long unanswerable pastes,
 * adversarial wordings that share most of their words, and a large log mixing both into realistic traffic.
 * Deterministic for a seed; nothing is committed as a large file.
 */

/** A small deterministic random generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tas', 'vu', 'bel', 'dor', 'fi', 'gan', 'hu', 'jo', 'nek', 'par', 'qui', 'sol', 'tri', 'zen'];

/** A made-up word of 2 to 4 syllables. */
function word(random: () => number): string {
  const n = 2 + Math.floor(random() * 3);
  let w = '';
  for (let i = 0; i < n; i += 1) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  return w;
}

/** Questions of about 1,000 characters of made-up words: what a user pasting text into a DM sends. */
export function longUnanswerable(count: number, seed = 1): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    let text = 'Can you tell me';
    while (text.length < 1000) text += ` ${word(random)}`;
    return `${text.slice(0, 999)}?`;
  });
}

/**
 * Questions built to defeat a word index: every one shares the same common words, and their distinguishing
 * words are long and a letter apart from one another, so a naive grouping compares every pair, letter by letter.
 */
export function adversarial(count: number, seed = 2): string[] {
  const random = seededRandom(seed);
  const stems = Array.from({ length: 40 }, () => word(random));
  return Array.from({ length: count }, (_, i) => {
    const stem = stems[i % stems.length]!;
    const twist = String.fromCharCode(97 + (i % 26)) + String.fromCharCode(97 + (Math.floor(i / 26) % 26));
    return `What is the budget of the Eurocities forum for ${stem}${twist} and the members of ${word(random)}${twist} in ${stems[(i * 7) % stems.length]}?`;
  });
}

/** Real questions (from the project's question set) in the wordings users vary them by. */
const REAL = [
  ['Who founded OASC?', 'who founded oasc', 'Who fonded OASC?', 'who founded the OASC?'],
  ['What is the membership fee?', 'how much is the membership fee', 'membership fee?'],
  ['Who is the vice chair of the Knowledge Society forum?', 'who is vice chair', 'Who is the vise chair?'],
  ['When is the annual conference?', 'when is the annual conference 2025', 'annual conference date?'],
  ['Is Malmö a member?', 'is malmo a member', 'Is Malmo member?'],
  ['How many members does Eurocities have?', 'how many members has eurocities', 'How many cities are members of Eurocities?'],
  ['What is ENoLL?', 'what is enoll', 'What does ENoLL stand for?'],
  ['Who is the staff contact?', 'who is the staff contact for the forum', 'staff contact?'],
];

/** The real questions above, as groups of wordings (the first is the usual one). */
export const REAL_QUESTIONS: readonly (readonly string[])[] = REAL;

/**
 * A log of `total` questions: `long` long pastes, `hostile` adversarial ones, and the rest realistic traffic
 * (real questions, most asked far more often than others, each in several wordings) with one question in
 * three a distinct one-off.
 */
export function hostileLog(total: number, options: { long?: number; hostile?: number; seed?: number } = {}): string[] {
  const { long = 300, hostile = 2000, seed = 3 } = options;
  const random = seededRandom(seed);
  const texts = [...longUnanswerable(long, seed + 1), ...adversarial(hostile, seed + 2)];
  while (texts.length < total) {
    if (random() < 1 / 3) {
      texts.push(`What about ${word(random)} ${word(random)} in ${word(random)}?`);
    } else {
      // Zipf-like: the first real question is asked most.
      const group = REAL[Math.min(REAL.length - 1, Math.floor(-Math.log(random()) * 2))]!;
      texts.push(group[Math.floor(random() * group.length)]!);
    }
  }
  // Interleave as a log would be, not attack first.
  for (let i = texts.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [texts[i], texts[j]] = [texts[j]!, texts[i]!];
  }
  return texts;
}
