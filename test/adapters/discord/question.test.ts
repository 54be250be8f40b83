import { checkQuestion, MAX_QUESTION_LENGTH, questionFromContent } from '../../../adapters/discord/question';

const BOT = '1012345678901234567';

describe('questionFromContent', () => {
  it('drops the bot mention (both forms), other mentions and custom emoji', () => {
    expect(questionFromContent(`<@${BOT}>  who chairs <#1100000000000000001> <@!${BOT}> the network? <:eu:1200000000000000001>`, BOT)).toBe(
      'who chairs the network?',
    );
  });

  it('keeps text that only looks like a mention', () => {
    expect(questionFromContent('what is <b>?', BOT)).toBe('what is <b>?');
  });
});

describe('checkQuestion', () => {
  it('accepts a question and trims it', () => {
    expect(checkQuestion('  Who chairs the network? ', [])).toEqual({ ok: true, question: 'Who chairs the network?' });
  });

  it('asks for a question when there is none, with an example', () => {
    expect(checkQuestion('', ['How do cities join?'])).toEqual({ ok: false, reply: expect.stringContaining('For example: “How do cities join?”') });
  });

  it('refuses a question longer than the limit, saying how long it was', () => {
    const result = checkQuestion('a'.repeat(4000), []);
    expect(result).toEqual({ ok: false, reply: expect.stringContaining(`4000 characters long`) });
    expect(checkQuestion('a'.repeat(MAX_QUESTION_LENGTH), []).ok).toBe(true);
  });

  it('refuses emoji and punctuation only', () => {
    expect(checkQuestion('👍 🎉 ?!', []).ok).toBe(false);
    expect(checkQuestion('Ποιος; 城市?', []).ok).toBe(true);
  });
});
