import { analyzeQuestion } from '../../src/answer/question';
import { resolveWords } from '../../src/answer/retrieve';
import { parseDocument } from '../../src/knowledge/load';
import { buildIndex } from '../../src/search/build';

const index = buildIndex({
  documents: [parseDocument('a.md', Buffer.from('---\ntitle: Forum\nlang: en\n---\n\nThe vice chair helps to shape the policy of the university, an organisation of advisors.\n'))],
  warnings: [],
  fingerprint: 'test',
});
const termsOf = (question: string) => resolveWords(index, analyzeQuestion(question, index.langs)).map((w) => [w.word, w.terms]);

describe('typo correction', () => {
  it('corrects a misspelling that sounds the same or adds or drops a letter', () => {
    expect(termsOf('vise polcy chairr')).toEqual([
      ['vise', ['vice']],
      ['polcy', ['polici']],
      ['chairr', ['chair']],
    ]);
  });

  it('does not turn a real word into another that sounds different ("share" is not "shape")', () => {
    expect(termsOf('share')).toEqual([['share', []]]);
  });

  it('treats spellings and shorthand of one word alike', () => {
    expect(termsOf('organization adviser')).toEqual([
      ['organization', ['organis']],
      ['adviser', ['advisor']],
    ]);
  });
});
