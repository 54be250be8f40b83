import fc from 'fast-check';
import { ButtonIds, DiscordLimits, embedLength, escapeDiscord, parseButtonId, renderAnswer, renderNotice } from '../../../adapters/discord/render';
import type { Answer, Source } from '../../../src/types';

const source = (over: Partial<Source> = {}): Source => ({ title: 'Governance', file: 'governance.md', heading: 'Executive committee', line: 12, ...over });

const answer = (over: Partial<Answer> = {}): Answer => ({
  id: 'ans-1',
  status: 'answered',
  kind: 'fact',
  answer: 'The network is chaired by Dario Nardella.',
  sources: [source({ url: 'https://eurocities.eu/about-us/governance/' })],
  passage: '',
  confidence: 0.9,
  related: [],
  understoodAs: 'Who chairs the network?',
  ...over,
});

describe('escapeDiscord', () => {
  it('escapes markdown, headings, masked links, quotes and mention syntax but keeps "- " lists', () => {
    expect(escapeDiscord('*bold* _it_ `code` ~~s~~ ||spoiler||')).toBe('\\*bold\\* \\_it\\_ \\`code\\` \\~\\~s\\~\\~ \\|\\|spoiler\\|\\|');
    expect(escapeDiscord('# Title\n> quote\n- item\n1. first [x](http://evil)')).toBe('\\# Title\n\\> quote\n- item\n1\\. first \\[x](http://evil)');
    expect(escapeDiscord('<@123> <#456> <t:1700000000:R> a < b')).toBe('\\<@123> \\<#456> \\<t:1700000000:R> a < b');
  });
});

describe('renderAnswer', () => {
  it('cites sources with links when the document has a url, file and line otherwise', () => {
    const rendered = renderAnswer(answer({ sources: [source({ url: 'https://example.org/a (b)' }), source({ title: 'Members', heading: '', file: 'members.md', line: 3 })] }));
    expect(rendered.embeds[0].fields).toEqual([
      { name: 'Sources', value: '• [Governance › Executive committee](https://example.org/a%20%28b%29) (line 12)\n• Members (members.md, line 3)' },
    ]);
  });

  it('drops links that are not http(s)', () => {
    const rendered = renderAnswer(answer({ sources: [source({ url: 'javascript:alert(1)' })] }));
    expect(rendered.embeds[0].fields?.[0].value).toBe('• Governance › Executive committee (governance.md, line 12)');
  });

  it('names the human contact for no_answer, with 👍/👎 like every reply that is not small talk', () => {
    const rendered = renderAnswer(answer({ status: 'no_answer', kind: 'none', answer: 'I could not find that.', sources: [], contact: 'the secretariat: info@eurocities.eu' }));
    expect(rendered.embeds[0].fields).toEqual([{ name: 'Ask a person', value: 'the secretariat: info@eurocities.eu' }]);
    expect(rendered.components.flatMap((row) => row.components.map((b: any) => b.custom_id))).toEqual(['fb:up:ans-1', 'fb:down:ans-1']);
    expect(renderAnswer(answer({ status: 'chitchat', kind: 'chitchat', answer: 'Hello!' })).components).toEqual([]);
  });

  it('puts 👍/👎 and up to three related questions in buttons', () => {
    const rendered = renderAnswer(answer({ related: ['Who is the vice chair?', 'How do cities join?', 'What is a forum?', 'A fourth?'] }));
    const [feedback, related] = rendered.components;
    expect(feedback.components.map((b: any) => [b.custom_id, b.emoji.name])).toEqual([
      ['fb:up:ans-1', '👍'],
      ['fb:down:ans-1', '👎'],
    ]);
    expect(related.components.map((b: any) => b.custom_id)).toEqual(['ask:Who is the vice chair?', 'ask:How do cities join?', 'ask:What is a forum?']);
  });

  it('shows how a follow-up was understood', () => {
    expect(renderAnswer(answer({ understoodAs: 'Who chairs the network? staff contact' }), 'and the staff contact?').embeds[0].footer).toEqual({
      text: 'Understood as: Who chairs the network? staff contact',
    });
    expect(renderAnswer(answer(), 'who chairs the network?').embeds[0].footer).toBeUndefined();
  });

  it('never parses mentions', () => {
    expect(renderAnswer(answer()).allowedMentions).toEqual({ parse: [], repliedUser: false });
    expect(renderNotice('@everyone').allowedMentions).toEqual({ parse: [], repliedUser: false });
  });

  it('keeps any answer within Discord limits and round-trips its button ids', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 3000 });
    fc.assert(
      fc.property(
        text,
        fc.array(fc.record({ title: text, heading: text, file: text, line: fc.nat(), url: fc.option(fc.webUrl(), { nil: undefined }) }), { maxLength: 5 }),
        fc.array(text, { maxLength: 5 }),
        fc.constantFrom<Answer['status']>('answered', 'no_answer', 'chitchat'),
        fc.option(text, { nil: undefined }),
        (body, sources, related, status, contact) => {
          const rendered = renderAnswer(answer({ answer: body, sources, related, status, contact, understoodAs: body }), 'q');
          const [embed] = rendered.embeds;
          expect(embed.description!.length).toBeLessThanOrEqual(DiscordLimits.embedDescription);
          for (const field of embed.fields ?? []) expect(field.value.length).toBeLessThanOrEqual(DiscordLimits.embedFieldValue);
          expect(embedLength(embed)).toBeLessThanOrEqual(DiscordLimits.embedTotal);
          for (const row of rendered.components) {
            expect(row.components.length).toBeLessThanOrEqual(5);
            for (const button of row.components as any[]) {
              expect(button.label.length).toBeLessThanOrEqual(DiscordLimits.buttonLabel);
              expect(button.custom_id.length).toBeLessThanOrEqual(DiscordLimits.customId);
              expect(parseButtonId(button.custom_id)).not.toBeNull();
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps notices within the 2,000-character content limit', () => {
    expect(renderNotice('x'.repeat(5000)).content).toHaveLength(DiscordLimits.content);
  });
});

describe('button ids', () => {
  it('parses what it makes', () => {
    expect(parseButtonId(ButtonIds.feedback('down', 'ans-7'))).toEqual({ kind: 'feedback', vote: 'down', answerId: 'ans-7' });
    expect(parseButtonId(ButtonIds.related('How do cities join?', 'ans-7', 1))).toEqual({ kind: 'ask', question: 'How do cities join?' });
    expect(parseButtonId(ButtonIds.related('x'.repeat(120), 'ans-7', 2))).toEqual({ kind: 'related', answerId: 'ans-7', index: 2 });
    expect(parseButtonId('something-else')).toBeNull();
  });
});
