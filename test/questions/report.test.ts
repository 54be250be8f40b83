import fc from 'fast-check';
import * as fs from 'node:fs';
import { mergeFeedback, parseLog, type LoggedQuestion } from '../../src/questions/records';
import { buildReport, formatReport, percentile } from '../../src/questions/report';
import { groupQuestions, normaliseQuestion, topicWords, wordSetSimilarity } from '../../src/questions/similarity';
import { FIXTURE_LOG, FIXTURE_NOW } from './helpers';

const SINCE = new Date('2024-05-01T12:00:00.000Z');

/** The fixture log as the store holds it after the import: votes merged, records beyond the 90-day retention left out. */
function readFixture() {
  const { records, damaged } = parseLog(fs.readFileSync(FIXTURE_LOG, 'utf8'));
  const cutoff = FIXTURE_NOW.getTime() - 90 * 86_400_000;
  return { questions: mergeFeedback(records).filter((q) => Date.parse(q.time) >= cutoff), damaged };
}

function question(text: string, extra: Partial<LoggedQuestion> = {}): LoggedQuestion {
  return {
    type: 'question', id: text, time: '2024-05-05T00:00:00.000Z', platform: 'slack', status: 'answered', confidence: 1,
    sources: [], latencyMs: 10, question: text, user: null, feedback: { up: 0, down: 0 }, ...extra,
  };
}

describe('buildReport', () => {
  it('gives exactly the figures of the fixture log', () => {
    const { questions, damaged } = readFixture();
    expect(damaged).toBe(2);
    expect(buildReport(questions, { since: SINCE, now: FIXTURE_NOW })).toEqual({
      since: '2024-05-01T12:00:00.000Z',
      questions: 9,
      answerRate: 0.5,
      feedback: { up: 3, down: 1, ratio: 0.75 },
      latencyMs: { p50: 40, p95: 80 },
      topQuestions: [
        { question: 'who founded oasc?', count: 3, variants: ['Who founded OASC', 'who founded the OASC'] },
        { question: 'What is the membership fee?', count: 2, variants: ['how much is the membership fee'] },
        { question: 'Who chairs Eurocities?', count: 1, variants: [] },
        { question: 'Who is the vice chair of Eurocities?', count: 1, variants: [] },
        { question: 'when is the annual conference', count: 1, variants: [] },
      ],
      needsWork: [
        { question: 'who founded oasc?', count: 3, variants: ['Who founded OASC', 'who founded the OASC'] },
        { question: 'What is the membership fee?', count: 1, variants: [] },
        { question: 'when is the annual conference', count: 1, variants: [] },
      ],
    });
  });

  it('reaches back as far as asked: 30 days takes in the older question, within retention', () => {
    const { questions } = readFixture();
    const report = buildReport(questions, { since: new Date('2024-04-08T12:00:00Z'), now: FIXTURE_NOW, top: 1 });
    expect(report.questions).toBe(10);
    expect(report.answerRate).toBe(0.4444);
    // Four wordings asked once each: the first asked leads.
    expect(report.needsWork).toEqual([{ question: 'who founded oasc', count: 4, variants: ['who founded oasc?', 'Who founded OASC', 'who founded the OASC'] }]);
    expect(report.topQuestions).toHaveLength(1);
  });

  it('leaves small talk out of the answer rate and the most asked questions', () => {
    const report = buildReport(
      [question('hello', { status: 'chitchat' }), question('thanks', { status: 'chitchat' }), question('who chairs eurocities'), question('when is the conference', { status: 'no_answer' })],
      { since: SINCE, now: FIXTURE_NOW },
    );
    expect(report.questions).toBe(4);
    expect(report.answerRate).toBe(0.5);
    expect(report.topQuestions.map((g) => g.question)).toEqual(['when is the conference', 'who chairs eurocities']);
  });

  it('counts a 👎-rated answer as needing work unless 👍 outnumber 👎', () => {
    const report = buildReport(
      [
        question('more down', { feedback: { up: 1, down: 2 } }),
        question('tied', { feedback: { up: 1, down: 1 } }),
        question('more up', { feedback: { up: 2, down: 1 } }),
        question('no votes'),
      ],
      { since: SINCE, now: FIXTURE_NOW },
    );
    expect(report.needsWork.map((g) => g.question)).toEqual(['more down', 'tied']);
    expect(report.feedback).toEqual({ up: 4, down: 4, ratio: 0.5 });
  });

  it('reports an empty period with zeros and no feedback ratio', () => {
    expect(buildReport([], { since: SINCE, now: FIXTURE_NOW })).toEqual({
      since: SINCE.toISOString(), questions: 0, answerRate: 0, feedback: { up: 0, down: 0, ratio: null },
      latencyMs: { p50: 0, p95: 0 }, topQuestions: [], needsWork: [],
    });
  });

  it('ignores questions outside the period', () => {
    const report = buildReport([question('before', { time: '2024-04-30T00:00:00Z' }), question('after', { time: '2024-05-09T00:00:00Z' }), question('in')], { since: SINCE, now: FIXTURE_NOW });
    expect(report.questions).toBe(1);
  });

  it('skips grouping with top 0, for figures only', () => {
    const { questions } = readFixture();
    const report = buildReport(questions, { since: SINCE, now: FIXTURE_NOW, top: 0 });
    expect(report).toMatchObject({ questions: 9, answerRate: 0.5, topQuestions: [], needsWork: [] });
  });
});

describe('percentile', () => {
  it('uses the nearest rank', () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(percentile([1, 2, 3, 4], 0.95)).toBe(4);
    expect(percentile([7], 0.95)).toBe(7);
    expect(percentile(Array.from({ length: 100 }, (_, i) => i + 1), 0.95)).toBe(95);
    expect(percentile([], 0.5)).toBe(0);
  });
});

describe('grouping questions by similarity', () => {
  it('folds case, diacritics and punctuation', () => {
    expect(normaliseQuestion('  Qui a fondé l’OASC ?? ')).toBe('qui a fonde l oasc');
    expect(normaliseQuestion('Straße – Łódź / Ærø')).toBe('strasse lodz aero');
  });

  it('keeps the topic words only', () => {
    expect(topicWords('Who founded the OASC?')).toEqual(['founded', 'oasc']);
    expect(topicWords('How many members does Eurocities have?')).toEqual(['eurocitie', 'member']);
    expect(topicWords('who is it?')).toEqual(['is', 'it', 'who']);
  });

  it('groups near-duplicate wordings, misspellings included, and keeps different questions apart', () => {
    const groups = groupQuestions([
      'who founded oasc?', 'Who founded OASC', 'who founded the OASC', 'Who fonded OASC?',
      'Who chairs Eurocities?', 'Who is the vice chair of Eurocities?', 'How many members does Eurocities have?', 'how many members has eurocities',
    ]);
    expect(groups).toEqual([
      { question: 'who founded oasc?', count: 4, variants: ['Who founded OASC', 'who founded the OASC', 'Who fonded OASC?'] },
      { question: 'How many members does Eurocities have?', count: 2, variants: ['how many members has eurocities'] },
      { question: 'Who chairs Eurocities?', count: 1, variants: [] },
      { question: 'Who is the vice chair of Eurocities?', count: 1, variants: [] },
    ]);
  });

  it('leads a group with its most frequent wording', () => {
    expect(groupQuestions(['Who founded OASC', 'who founded oasc?', 'who founded oasc?'])[0]).toEqual({ question: 'who founded oasc?', count: 3, variants: ['Who founded OASC'] });
  });

  it('has a symmetric similarity between 0 and 1, and 1 for a question with itself (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const wa = topicWords(a);
        const wb = topicWords(b);
        const s = wordSetSimilarity(wa, wb);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(wordSetSimilarity(wa, wa)).toBe(1);
        expect(normaliseQuestion(normaliseQuestion(a))).toBe(normaliseQuestion(a));
      }),
    );
  });

  it('counts every question once, whatever the input (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom('who founded oasc', 'Who founded OASC?', 'membership fee', 'hello'), fc.string())), (texts) => {
        const groups = groupQuestions(texts);
        expect(groups.reduce((n, g) => n + g.count, 0)).toBe(texts.filter((t) => t.trim() !== '').length);
        for (let i = 1; i < groups.length; i += 1) expect(groups[i - 1]!.count).toBeGreaterThanOrEqual(groups[i]!.count);
      }),
    );
  });

  it('keeps a thousand distinct questions that share most of their words apart', () => {
    // Worst case for the word index: every question shares three words with every other.
    const texts = Array.from({ length: 3000 }, (_, i) => `question number ${i % 1000} about topic ${i % 3}`);
    expect(groupQuestions(texts).length).toBeGreaterThan(900);
  });

  it('counts every question when the log is flooded with distinct wordings (speed: npm run bench is the place)', () => {
    const texts = Array.from({ length: 30_000 }, (_, i) => `question number ${i} about topic ${i % 5}`);
    const groups = groupQuestions(texts);
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(30_000);
  });
});

describe('formatReport', () => {
  it('prints the figures and the groups as short plain text', () => {
    const { questions } = readFixture();
    expect(formatReport(buildReport(questions, { since: SINCE, now: FIXTURE_NOW, top: 2 }))).toBe(
      [
        'Questions since 2024-05-01 12:00 UTC: 9',
        'Answer rate: 50% (small talk not counted)',
        'Feedback: 3 up, 1 down (75% up)',
        'Latency: p50 40 ms, p95 80 ms',
        '',
        'Needs work (unanswered or voted down), most frequent first:',
        '    3x  who founded oasc?',
        '        also: "Who founded OASC", "who founded the OASC"',
        '    1x  What is the membership fee?',
        '',
        'Most asked:',
        '    3x  who founded oasc?',
        '        also: "Who founded OASC", "who founded the OASC"',
        '    2x  What is the membership fee?',
        '        also: "how much is the membership fee"',
        '',
      ].join('\n'),
    );
  });

  it('says so when there is nothing to report', () => {
    const text = formatReport(buildReport([], { since: SINCE, now: FIXTURE_NOW }));
    expect(text).toBe(
      'Questions since 2024-05-01 12:00 UTC: 0\n\nNeeds work (unanswered or voted down), most frequent first:\n  Nothing: every question got an answer nobody voted down.\n\nMost asked:\n  No questions yet.\n',
    );
  });
});
