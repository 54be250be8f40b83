import { chitchatIntent, withoutLeadingSmallTalk } from '../../src/answer/chitchat';

describe('chitchatIntent', () => {
  it('reads greetings in the supported languages, also several in a row', () => {
    for (const text of ['hi', 'Hello there!', 'hallo, goedemorgen', 'hola, ¿qué tal?', 'hi there, how are you?', 'Bonjour, ça va ?', 'Guten Tag, wie geht es Ihnen?', 'ciao, come va?']) {
      expect(chitchatIntent(text)).toBe('greeting');
    }
  });

  it('reads thanks, goodbyes, help and identity questions', () => {
    expect(chitchatIntent('thanks a lot!')).toBe('thanks');
    for (const text of ['good bot', 'lol ur a good bot', "you're so helpful!", 'nice', 'cool!', 'perfect', 'great thanks']) expect(chitchatIntent(text)).toBe('thanks');
    expect(chitchatIntent('good bot, who is the chair?')).toBeNull();
    expect(chitchatIntent('tot ziens')).toBe('bye');
    for (const text of ['à bientôt !', 'bis später', 'hasta pronto', 'ci vediamo', 'tot straks']) expect(chitchatIntent(text)).toBe('bye');
    for (const text of ['what kinds of things can you help me with?', "Qu'est-ce que tu sais faire ?", 'what can you do?', 'cosa puoi fare?', 'Que peux-tu faire ?', 'was kannst du?', '¿qué puedes hacer?', 'wat kan je doen?', 'wat kun je?']) expect(chitchatIntent(text)).toBe('help');
    expect(chitchatIntent('who are you?')).toBe('identity');
    expect(chitchatIntent('who made you?')).toBe('identity');
    expect(chitchatIntent('who made the forum?')).toBeNull();
    expect(chitchatIntent('  ')).toBe('empty');
  });

  it('reads a message of several small-talk parts by its most telling part', () => {
    expect(chitchatIntent('hola! ¿qué puedes hacer?')).toBe('help');
    expect(chitchatIntent('hi, who are you?')).toBe('identity');
    expect(chitchatIntent('bye, have a nice day')).toBe('bye');
    expect(chitchatIntent('ciao, a presto!')).toBe('bye');
    expect(chitchatIntent('good night, talk later')).toBe('bye');
    expect(chitchatIntent("ok that's all, bye!")).toBe('bye');
    expect(chitchatIntent("that's all for now")).toBe('bye');
    expect(chitchatIntent('thanks! have a good one')).toBe('thanks');
    expect(chitchatIntent('olá, tudo bem?')).toBe('greeting');
  });

  it('leaves questions alone, also those that start with a greeting', () => {
    expect(chitchatIntent('hello, who is the vice chair?')).toBeNull();
    expect(chitchatIntent('good morning to all members: when is the meeting?')).toBeNull();
    expect(chitchatIntent('hi! what can you tell me about the budget?')).toBeNull();
    expect(chitchatIntent('thanks, and who is the chair?')).toBeNull();
    for (const text of ['merci, qui préside le comité', 'danke, wer ist der Vorsitzende', 'thanks for that, who is the chair', 'thanks! btw what is the budget']) {
      expect(chitchatIntent(text)).toBeNull();
    }
    expect(chitchatIntent('thanks, that was quick')).toBe('thanks');
    expect(withoutLeadingSmallTalk('Hi! Who is the vice chair?')).toBe('Who is the vice chair?');
  });

  it('drops a chat lead-in that announces a question, and only before a question', () => {
    expect(withoutLeadingSmallTalk('quick q: what kind of org is OASC?')).toBe('what kind of org is OASC?');
    expect(withoutLeadingSmallTalk('btw, who is the chair?')).toBe('who is the chair?');
    expect(withoutLeadingSmallTalk('question: the forum')).toBe('question: the forum');
    expect(withoutLeadingSmallTalk("hey, quick one: who's the vice chair?")).toBe("who's the vice chair?");
    expect(withoutLeadingSmallTalk('hey, quick one: the forum')).toBe('hey, quick one: the forum');
    expect(withoutLeadingSmallTalk('so what exactly is OASC?')).toBe('what exactly is OASC?');
    for (const text of ['Well-being: what does the forum say?', 'So-called living labs: what are they?', 'So far, which cities have joined?']) expect(withoutLeadingSmallTalk(text)).toBe(text);
  });
});
