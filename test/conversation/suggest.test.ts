import { rankSuggestions } from '../../src/conversation';

const QUESTIONS = ['What is EUROCITIES?', 'Who is the vice chair?', 'Is Genoa a member?', 'How many members are listed?', 'What is ENoLL?'];

describe('rankSuggestions', () => {
  it('ranks a question starting with what is typed first, then a word starting with it, then anywhere', () => {
    expect(rankSuggestions(QUESTIONS, 'what is e', 10)).toEqual(['What is EUROCITIES?', 'What is ENoLL?']);
    expect(rankSuggestions(QUESTIONS, 'memb', 10)).toEqual(['Is Genoa a member?', 'How many members are listed?']);
    expect(rankSuggestions(QUESTIONS, 'Vice', 10)).toEqual(['Who is the vice chair?']);
  });

  it('ignores case and accents, keeps every question for nothing typed, and respects the limit', () => {
    expect(rankSuggestions(['Is Göteborg a member?'], 'goteb', 5)).toEqual(['Is Göteborg a member?']);
    expect(rankSuggestions(QUESTIONS, '  ', 2)).toEqual(QUESTIONS.slice(0, 2));
  });

  it('leaves out what does not match', () => {
    expect(rankSuggestions(QUESTIONS, 'weather', 10)).toEqual([]);
  });
});
