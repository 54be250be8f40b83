import fc from 'fast-check';
import { escapeMrkdwn, LIMITS, renderAnswer, renderSources, truncate } from '../../../adapters/slack/render';
import type { Answer } from '../../../src/types';

function answer(overrides: Partial<Answer> = {}): Answer {
  return {
    id: 'a1', status: 'answered', kind: 'fact', answer: 'The chair is Laia Bonet.', sources: [], passage: '', confidence: 0.9, related: [], understoodAs: 'who is the chair?',
    ...overrides,
  };
}

const texts = (message: ReturnType<typeof renderAnswer>): string[] => {
  const out = [message.text];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    // Button values and ids are data sent back to the bot, never shown.
    else if (value && typeof value === 'object') Object.entries(value).forEach(([key, v]) => key !== 'value' && !key.endsWith('_id') && walk(v));
  };
  walk(message.blocks);
  return out;
};

describe('escapeMrkdwn', () => {
  it('escapes &, < and > so no link, mention or command can be formed', () => {
    expect(escapeMrkdwn('R&D <!channel> <@U1> <https://x|y>')).toBe('R&amp;D &lt;!channel&gt; &lt;@U1&gt; &lt;https://x|y&gt;');
  });

  it('defuses @channel, @here and @everyone in any case', () => {
    const out = escapeMrkdwn('@channel @Here @EVERYONE @channels');
    expect(out).not.toMatch(/@(channel|here|everyone)\b/i);
    expect(out.replace(/\u2060/g, '')).toBe('@channel @Here @EVERYONE @channels');
  });

  it('never lets a reply ping a broadcast, whatever the text', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('@channel', '@here', '@everyone', '<!channel>', '<!here|here>', '<!everyone>'), fc.string(), (a, ping, b) => {
        const message = renderAnswer(answer({ answer: `${a}${ping}${b}`, contact: `${b}${ping}`, status: 'no_answer', related: [`${ping} ${a}`] }));
        // Source titles come from the knowledge, the question shown above a shared answer from a user.
        const shared = renderAnswer(
          answer({ sources: [{ title: `${a}${ping}`, file: 'x.md', heading: `${ping}${b}`, line: 1, url: 'https://example.org/' }, { title: ping, file: 'y.md', heading: '', line: 2 }] }),
          { question: `${ping} ${a}`, sharedBy: 'UALICE001' },
        );
        for (const text of [...texts(message), ...texts(shared).map((t) => t.replace('<@UALICE001>', '').replace('<https://example.org/|', ''))]) {
          expect(text).not.toMatch(/<!/);
          expect(text).not.toMatch(/@(channel|here|everyone)/i);
        }
      }),
    );
  });
});

describe('truncate', () => {
  it('keeps within the limit and never cuts an entity in half', () => {
    const out = truncate('a'.repeat(9) + '&amp;b', 12);
    expect(out.length).toBeLessThanOrEqual(12);
    expect(out).toBe('aaaaaaaaa…');
  });
});

describe('renderAnswer', () => {
  it('shows sources with a link when the document has a url, one entry per document', () => {
    const line = renderSources([
      { title: 'Culture Forum', file: 'culture.md', heading: 'Chair', line: 3, url: 'https://eurocities.eu/a?b=1&c=2' },
      { title: 'Culture Forum', file: 'culture.md', heading: 'Members', line: 9 },
      { title: 'Staff <list>', file: 'staff.md', heading: '', line: 1 },
    ]);
    expect(line).toBe(':page_facing_up: <https://eurocities.eu/a?b=1&amp;c=2|Culture Forum › Chair>, line 3  ·  Staff &lt;list&gt;, line 1');
  });

  it('does not link a url that is not http(s)', () => {
    expect(renderSources([{ title: 'T', file: 'f.md', heading: '', line: 1, url: 'javascript:alert(1)' }])).toBe(':page_facing_up: T, line 1');
  });

  it('names the human contact for no_answer and offers related questions and feedback buttons', () => {
    const message = renderAnswer(answer({ status: 'no_answer', answer: "I don't know.", contact: 'Anna <anna@eurocities.eu>', related: ['Who chairs?', 'When?'] }));
    expect(message.text).toBe("I don't know.\nAsk a person: Anna &lt;anna@eurocities.eu&gt;");
    const ids = message.blocks.flatMap((b: any) => b.elements ?? []).map((e: any) => e.action_id).filter(Boolean);
    expect(ids).toEqual(['related_0', 'related_1', 'feedback_up', 'feedback_down']);
  });

  it('keeps to Block Kit limits for very long text and labels', () => {
    const long = 'x'.repeat(5000);
    const message = renderAnswer(answer({ answer: `${long}&`, related: [long] }), { question: long, shareable: true });
    for (const block of message.blocks as any[]) {
      if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
      for (const el of block.elements ?? []) {
        if (el.type === 'button') {
          expect(el.text.text.length).toBeLessThanOrEqual(LIMITS.buttonText);
          expect(el.value.length).toBeLessThanOrEqual(LIMITS.buttonValue);
        } else expect(el.text.length).toBeLessThanOrEqual(LIMITS.contextText);
      }
    }
    expect(message.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
  });

  it('gives chitchat no feedback buttons', () => {
    const message = renderAnswer(answer({ status: 'chitchat', kind: 'chitchat', answer: 'Hello!' }));
    expect(message.blocks.some((b) => b.type === 'actions')).toBe(false);
  });
});
