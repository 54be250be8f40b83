import { loadKnowledgeSync as loadKnowledge } from '../../src/knowledge/load';
import { makeTempDir, removeDir, writeTree } from '../core/helpers';

const dirs: string[] = [];
function load(text: string) {
  const dir = makeTempDir('network-qa-questions-');
  dirs.push(dir);
  return loadKnowledge(writeTree(dir, { 'harbour.md': text }));
}
afterAll(() => dirs.forEach(removeDir));

const BODY = `# Harbour Cities Network

The Harbour Cities Network links port cities around the North Sea.

## People

- **Chair:** Ada Quist, harbour master

## Work

### Goals

- Clean ports

Second paragraph about work.
`;

describe('alternate questions in the front matter', () => {
  it('gives a list of questions to the document\'s first passage', () => {
    const { passages, warnings } = load(`---\ntitle: Harbour Cities Network\nquestions:\n  - What does the network do?\n  - What is HCN?\n---\n\n${BODY}`);
    expect(warnings).toEqual([]);
    expect(passages[0].alternateQuestions).toEqual(['What does the network do?', 'What is HCN?']);
    expect(passages.slice(1).every((p) => p.alternateQuestions === undefined)).toBe(true);
  });

  it('gives a section\'s questions to its first passage, by heading or heading path', () => {
    const { passages, warnings } = load(
      `---\ntitle: Harbour Cities Network\nquestions:\n  People: [Who runs it?]\n  "Work > Goals": Which goals does it have?\n  "": [What is it?]\n---\n\n${BODY}`,
    );
    expect(warnings).toEqual([]);
    const firstUnder = (heading: string) => passages.find((p) => p.source.heading === heading);
    expect(passages[0].alternateQuestions).toEqual(['What is it?']);
    expect(firstUnder('People')?.alternateQuestions).toEqual(['Who runs it?']);
    expect(firstUnder('Work > Goals')?.alternateQuestions).toEqual(['Which goals does it have?']);
    expect(passages.filter((p) => p.alternateQuestions)).toHaveLength(3);
  });

  it('gives a section with sub-sections its questions on the first passage below it', () => {
    const { passages } = load(`---\ntitle: Harbour Cities Network\nquestions:\n  Work: [What work does it do?]\n---\n\n${BODY}`);
    expect(passages.find((p) => p.alternateQuestions)?.source.heading).toBe('Work > Goals');
  });

  it('reports a heading the document does not have, with its line, and skips the document', () => {
    const { documents, warnings } = load(`---\ntitle: Harbour Cities Network\nquestions:\n  Staff: [Who works there?]\n---\n\n${BODY}`);
    expect(documents).toEqual([]);
    expect(warnings[0].line).toBe(4);
    expect(warnings[0].message).toMatch(/^harbour\.md:4: front matter "questions" names the heading "Staff", which the document does not have \(its headings: "People", "Work > Goals"\); skipped$/);
  });

  it('reports questions that are not strings, with the line of "questions:"', () => {
    const { warnings } = load(`---\ntitle: Harbour Cities Network\nquestions:\n  - [nested]\n---\n\n${BODY}`);
    expect(warnings.map((w) => w.message)).toEqual(['harbour.md:3: front matter "questions" must be a list of questions (strings); skipped']);
  });
});
