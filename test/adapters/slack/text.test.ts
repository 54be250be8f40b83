import fc from 'fast-check';
import { toPlainText } from '../../../adapters/slack/text';
import { checkMessage } from '../../../src/present';

describe('toPlainText', () => {
  it('removes the bot mention and decodes Slack entities', () => {
    expect(toPlainText('<@UBOT1> who chairs R&amp;D &lt;forum&gt;?', 'UBOT1')).toBe('who chairs R&D <forum>?');
  });

  it('reduces links, channels and other users to their labels and drops broadcast mentions', () => {
    expect(toPlainText('<!here> see <https://eurocities.eu|the site> in <#C1|general> with <@U2|bob> <mailto:a@b.eu>', 'UBOT1')).toBe(
      'see the site in #general with @bob a@b.eu',
    );
  });

  it('leaves no question in an empty mention or one with only emoji and punctuation', () => {
    expect(checkMessage(toPlainText('<@UBOT1>', 'UBOT1'))).toEqual({ kind: 'empty' });
    expect(checkMessage(toPlainText('<@UBOT1> :wave: 👍🏽 ❤️ ?!', 'UBOT1'))).toEqual({ kind: 'empty' });
  });

  it('strips code fences and backticks but keeps the words', () => {
    expect(toPlainText('```who is `the` chair?```')).toBe('who is the chair?');
  });

  it('turns any string into plain text without the bot mention, and never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        expect(toPlainText(text, 'UBOT1')).not.toMatch(/<@UBOT1>/);
      }),
    );
  });
});
