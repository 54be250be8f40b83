import { adversarial, hostileLog, longUnanswerable, REAL_QUESTIONS } from '../../bench/hostile-log';
import { GROUP_SIMILARITY, groupQuestions, groupQuestionsInSlices, topicWords, wordSetSimilarity } from '../../src/questions/similarity';

/** The group whose wordings include `wording`. */
function groupOf(groups: ReturnType<typeof groupQuestions>, wording: string) {
  return groups.filter((g) => g.question === wording || g.variants.includes(wording));
}

describe('grouping a hostile question log (timings: npm run bench)', () => {
  const real = REAL_QUESTIONS.flatMap((wordings) => wordings.flatMap((w) => [w, w, w]));

  it('keeps 300 long unanswerable pastes apart from each other and from the real questions', () => {
    const long = longUnanswerable(300);
    const groups = groupQuestions([...long, ...real]);
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(long.length + real.length);
    for (const text of long) expect(groupOf(groups, text)).toEqual([{ question: text, count: 1, variants: [] }]);
    // Each real question (all its wordings, misspellings included) is still one group.
    const oasc = groupOf(groups, 'Who founded OASC?');
    expect(oasc).toHaveLength(1);
    expect(oasc[0]!.count).toBe(REAL_QUESTIONS[0]!.length * 3);
  });

  it('keeps 2,000 adversarial wordings out of the real groups, and groups them only with their own kind', () => {
    const attack = adversarial(2000);
    const groups = groupQuestions([...attack, ...real]);
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(attack.length + real.length);
    for (const wordings of REAL_QUESTIONS) {
      const [group] = groupOf(groups, wordings[0]!);
      expect([group!.question, ...group!.variants].every((w) => !attack.includes(w))).toBe(true);
    }
    // Every wording listed in a group resembles the group's leading wording at least as much as the threshold asks.
    for (const group of groups.filter((g) => attack.includes(g.question))) {
      for (const variant of group.variants) expect(wordSetSimilarity(topicWords(variant), topicWords(group.question))).toBeGreaterThanOrEqual(GROUP_SIMILARITY);
    }
    expect(groups.length).toBeGreaterThan(40);
  });

  it('counts every one of 100,000 questions and puts the real ones on top with their exact counts', () => {
    const texts = hostileLog(100_000);
    const groups = groupQuestions(texts);
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(texts.length);
    const asked = (wordings: readonly string[]) => texts.filter((t) => wordings.includes(t)).length;
    const top = REAL_QUESTIONS.slice(0, 2).map((wordings) => asked(wordings));
    expect(groups.slice(0, 2).map((g) => g.count)).toEqual(top);
  });

  it('lets the event loop run between slices while grouping a large log', async () => {
    const texts = hostileLog(30_000, { seed: 9 });
    let turns = 0;
    let done = false;
    const spin = (): void => {
      turns += 1;
      if (!done) setImmediate(spin);
    };
    setImmediate(spin);
    const groups = await groupQuestionsInSlices(texts, Infinity, 1);
    done = true;
    expect(groups).toEqual(groupQuestions(texts));
    expect(turns).toBeGreaterThan(2);
  });
});
