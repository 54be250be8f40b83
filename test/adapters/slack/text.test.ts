import fc from 'fast-check';
import { MAX_QUESTION_CHARS, parseQuestion, toPlainText } from '../../../adapters/slack/text';

describe('parseQuestion', () => {
  it('removes the bot mention and decodes Slack entities', () => {
    expect(parseQuestion('<@UBOT1> who chairs R&amp;D &lt;forum&gt;?', 'UBOT1')).toEqual({ kind: 'question', question: 'who chairs R&D <forum>?' });
  });

  it('reduces links, channels and other users to their labels and drops broadcast mentions', () => {
    expect(toPlainText('<!here> see <https://eurocities.eu|the site> in <#C1|general> with <@U2|bob> <mailto:a@b.eu>', 'UBOT1')).toBe(
      'see the site in #general with @bob a@b.eu',
    );
  });

  it('treats an empty mention, emoji and punctuation as no question', () => {
    expect(parseQuestion('<@UBOT1>', 'UBOT1')).toEqual({ kind: 'empty' });
    expect(parseQuestion('<@UBOT1> :wave: 👍🏽 ❤️ ?!', 'UBOT1')).toEqual({ kind: 'empty' });
    expect(parseQuestion(undefined)).toEqual({ kind: 'empty' });
  });

  it('strips code fences and backticks but keeps the words', () => {
    expect(parseQuestion('```who is `the` chair?```')).toEqual({ kind: 'question', question: 'who is the chair?' });
  });

  it('refuses overlong messages without scanning all of them', () => {
    expect(parseQuestion('a'.repeat(40_000))).toEqual({ kind: 'too_long', length: 40_000 });
    expect(parseQuestion('a '.repeat(MAX_QUESTION_CHARS))).toMatchObject({ kind: 'too_long' });
  });

  it('answers any string with a parse result and never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const parsed = parseQuestion(text, 'UBOT1');
        if (parsed.kind === 'question') {
          expect(parsed.question.length).toBeGreaterThan(0);
          expect(parsed.question).not.toMatch(/<@UBOT1>/);
        }
      }),
    );
  });
});
