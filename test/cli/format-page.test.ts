import { answerJson, formatAnswerText } from '../../adapters/cli/render';
import type { Answer } from '../../src/types';

const answer = (page?: number): Answer => ({
  id: 'a1',
  status: 'answered',
  kind: 'fact',
  answer: 'Dredging the shared fairway to Klaipeda took nine weeks.',
  sources: [{ title: 'Annual Report 2024', file: 'imported/files/report.pdf', heading: 'Dredging', line: 3, ...(page ? { page } : {}) }],
  passage: 'Dredging the shared fairway to Klaipeda took nine weeks.',
  confidence: 0.9,
  related: [],
  understoodAs: 'How long did dredging take?',
});

describe('citing a PDF page in the terminal', () => {
  it('names the page of a PDF instead of the line', () => {
    expect(formatAnswerText(answer(12))).toContain('Source: Annual Report 2024 › Dredging (imported/files/report.pdf, p. 12)');
    expect(formatAnswerText(answer())).toContain('Source: Annual Report 2024 › Dredging (imported/files/report.pdf, line 3)');
  });

  it('gives the page in ask --json', () => {
    expect(JSON.parse(answerJson(answer(12), 'q', 1, 1)).sources[0]).toEqual({ title: 'Annual Report 2024', file: 'imported/files/report.pdf', heading: 'Dredging', line: 3, page: 12 });
  });
});
