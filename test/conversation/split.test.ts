import { MAX_PARTS, splitQuestions } from '../../src/conversation';

describe('splitQuestions', () => {
  it('splits after a question mark followed by more text, keeping a short tail as its own part', () => {
    expect(splitQuestions('Is Göteborg a member? and Malmö?')).toEqual(['Is Göteborg a member?', 'and Malmö?']);
    expect(splitQuestions('Who is the chair? What is OASC?')).toEqual(['Who is the chair?', 'What is OASC?']);
  });

  it('splits two questions joined by "and" before a question word, in the languages the bot reads', () => {
    expect(splitQuestions('who is the vice chair and who is the staff contact?')).toEqual(['who is the vice chair', 'who is the staff contact?']);
    expect(splitQuestions('wie is de voorzitter en wie is de contactpersoon?')).toEqual(['wie is de voorzitter', 'wie is de contactpersoon?']);
    expect(splitQuestions('What is ENoLL, and when was it founded?')).toEqual(['What is ENoLL', 'when was it founded?']);
  });

  it('keeps one question whole when "and" joins names rather than questions', () => {
    expect(splitQuestions('How many members and partners are listed?')).toEqual(['How many members and partners are listed?']);
    expect(splitQuestions('Are Malmö and Oslo members?')).toEqual(['Are Malmö and Oslo members?']);
  });

  it('answers at most MAX_PARTS parts, joining the rest into the last', () => {
    const parts = splitQuestions('A? B? C? D? E? F?');
    expect(parts).toHaveLength(MAX_PARTS);
    expect(parts.at(-1)).toBe('D? E? F?');
  });

  it('drops parts without a letter or digit', () => {
    expect(splitQuestions('Who is the chair? ?!')).toEqual(['Who is the chair?']);
  });
});
