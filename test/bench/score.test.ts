import fc from 'fast-check';
import { answerRecall, byQuestionType, fold, MAX_REPLY_CHARS, passageMatch, percentile, questionType, summary, type QuestionOutcome } from '../../bench/score';

describe('fold', () => {
  it('lower-cases, removes diacritics and collapses white space', () => {
    expect(fold('  Zürich\n  Straße  ÉCOLE  ')).toBe('zurich strasse ecole');
    expect(fold('Łódź, Ærø, Œuvre, Øresund')).toBe('lodz, aero, oeuvre, oresund');
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => fold(fold(s)) === fold(s)));
  });
});

describe('answerRecall', () => {
  it('finds an answer string inside the reply regardless of case and diacritics', () => {
    expect(answerRecall('The team was the DENVER Broncos.', ['Denver Broncos'])).toBe(true);
    expect(answerRecall('It lies in Zurich, Switzerland.', ['Zürich'])).toBe(true);
    expect(answerRecall('It lies in Zürich.', ['ZURICH'])).toBe(true);
  });

  it('accepts any one of several answers', () => {
    expect(answerRecall('Founded in 1855.', ['1856', 'in 1855'])).toBe(true);
  });

  it('matches across a line break or doubled space in the reply', () => {
    expect(answerRecall('the Denver\n  Broncos won', ['Denver Broncos'])).toBe(true);
  });

  it('misses when no answer string is in the reply', () => {
    expect(answerRecall('The Carolina Panthers lost.', ['Denver Broncos'])).toBe(false);
  });

  it('misses for an empty reply and ignores empty answer strings', () => {
    expect(answerRecall('', ['Denver'])).toBe(false);
    expect(answerRecall('anything', ['', '  '])).toBe(false);
    expect(answerRecall('anything', [])).toBe(false);
  });

  it('counts a reply of exactly 400 characters and misses one of 401', () => {
    const at = (n: number) => 'Denver Broncos' + 'x'.repeat(n - 'Denver Broncos'.length);
    expect(MAX_REPLY_CHARS).toBe(400);
    expect(answerRecall(at(400), ['Denver Broncos'])).toBe(true);
    expect(answerRecall(at(401), ['Denver Broncos'])).toBe(false);
  });

  it('measures length in characters, so an emoji counts once', () => {
    const reply = 'Oslo ' + '🙂'.repeat(395);
    expect(reply.length).toBeGreaterThan(400);
    expect(answerRecall(reply, ['Oslo'])).toBe(true);
  });

  it('takes a custom length limit', () => {
    expect(answerRecall('the answer is Oslo', ['Oslo'], 10)).toBe(false);
    expect(answerRecall('Oslo', ['Oslo'], 10)).toBe(true);
  });

  it('always recalls an answer replied verbatim, when short enough', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 100 }).filter((s) => fold(s) !== ''), (answer) => answerRecall(`x ${answer} y`, [answer])),
    );
  });
});

describe('passageMatch', () => {
  it('matches only the same passage id', () => {
    expect(passageMatch('001-zurich.md#7', '001-zurich.md#7')).toBe(true);
    expect(passageMatch('001-zurich.md#9', '001-zurich.md#7')).toBe(false);
    expect(passageMatch('002-oslo.md#7', '001-zurich.md#7')).toBe(false);
  });

  it('never matches when the reply came from no passage', () => {
    expect(passageMatch(null, '001-zurich.md#7')).toBe(false);
  });
});

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 95)).toBe(10);
    expect(percentile(values, 99)).toBe(10);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile(values, 100)).toBe(10);
    expect(percentile(Array.from({ length: 1000 }, (_, i) => i + 1), 99)).toBe(990);
  });

  it('leaves its input unsorted', () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });

  it('is NaN for no values and refuses a p outside 0..100', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], NaN)).toThrow(RangeError);
  });
});

describe('summary', () => {
  const outcome = (o: Partial<QuestionOutcome>): QuestionOutcome => ({
    reply: '',
    passageId: null,
    noAnswer: false,
    expectedPassageId: 'a.md#7',
    answers: ['Oslo'],
    latencyUs: 100,
    ...o,
  });

  it('computes shares over all questions and reply length over the replies given', () => {
    const s = summary([
      outcome({ reply: 'Oslo is the capital.', passageId: 'a.md#7', latencyUs: 10 }),
      outcome({ reply: 'Bergen is a city.', passageId: 'a.md#9', latencyUs: 20 }),
      outcome({ reply: 'In Oslo.', passageId: 'b.md#7', latencyUs: 30 }),
      outcome({ noAnswer: true, latencyUs: 40 }),
    ]);
    expect(s.questions).toBe(4);
    expect(s.passageAccuracy).toBe(0.25);
    expect(s.answerRecall).toBe(0.5);
    expect(s.noAnswerShare).toBe(0.25);
    expect(s.meanReplyChars).toBe((20 + 17 + 8) / 3);
    expect(s.latencyUs).toEqual({ p50: 20, p95: 40, p99: 40, mean: 25 });
  });

  it('gives NaN figures rather than throwing for no questions', () => {
    const s = summary([]);
    expect(s.questions).toBe(0);
    expect(s.passageAccuracy).toBeNaN();
    expect(s.latencyUs.p50).toBeNaN();
  });
});

describe('questionType', () => {
  it.each([
    ['When did Tesla die?', 'when'],
    ['How many inhabitants does Zürich have?', 'how many'],
    ['How much did it cost?', 'how much'],
    ['In what year was it founded?', 'what'],
    ['Whose idea was it?', 'who'],
    ['To whom did he write?', 'who'],
    ['Where is Oslo?', 'where'],
    ['How did it end?', 'how'],
    ['The name of the river?', 'other'],
  ])('classifies %j as %s', (question, type) => {
    expect(questionType(question)).toBe(type);
  });

  it('breaks quality down per type, leaving out types without questions', () => {
    const o = (ok: boolean): QuestionOutcome => ({ reply: ok ? 'Oslo' : 'Bergen', passageId: ok ? 'a#7' : null, noAnswer: false, expectedPassageId: 'a#7', answers: ['Oslo'], latencyUs: 1 });
    expect(byQuestionType([o(true), o(false), o(true)], ['When?', 'When then?', 'Who?'])).toEqual({
      when: { questions: 2, passageAccuracy: 0.5, answerRecall: 0.5 },
      who: { questions: 1, passageAccuracy: 1, answerRecall: 1 },
    });
  });
});
