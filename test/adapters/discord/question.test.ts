import { questionFromContent } from '../../../adapters/discord/question';

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
