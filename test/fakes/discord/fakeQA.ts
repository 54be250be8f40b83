import type { QA, ReloadResult } from '../../../src/qa';
import type { Answer, AskContext, KnowledgeStats, Platform, QuestionReport, Vote } from '../../../src/types';
import { conversationOver } from '../conversation';

/** A long related question: too long to travel in a button's custom id. */
export const LONG_RELATED = 'Which cities joined the network most recently, and which working groups did each of them join first?';

const stats: KnowledgeStats = {
  documents: 4,
  passages: 42,
  languages: ['en'],
  warnings: [],
  builtAt: '2025-01-01T10:00:00.000Z',
  loadedFromDisk: false,
};

/** A hand-written QA with canned answers, recording what the adapter sent. */
export function createFakeQA(overrides: Partial<QA> = {}) {
  let next = 0;
  const asked: Array<{ question: string; context?: AskContext }> = [];
  const feedback: Array<{ answerId: string; vote: Vote; context?: { platform?: Platform; userId?: string } }> = [];
  let reloads = 0;

  const answer = (partial: Partial<Answer> & Pick<Answer, 'status' | 'answer'>, question: string): Answer => ({
    id: `ans-${++next}`,
    kind: partial.status === 'answered' ? 'fact' : partial.status === 'chitchat' ? 'chitchat' : 'none',
    sources: [],
    passage: '',
    confidence: partial.status === 'answered' ? 0.9 : 0,
    related: [],
    understoodAs: question,
    ...partial,
  });

  const qa: QA = {
    ask(question, context) {
      asked.push({ question, context });
      const q = question.toLowerCase();
      if (/^(hi|hello)\b/.test(q)) return answer({ status: 'chitchat', answer: 'Hello! Ask me about the network.' }, question);
      if (q.includes('chair')) {
        return answer(
          {
            status: 'answered',
            answer: 'The network is chaired by *Dario Nardella* (mayor of Florence). Ping @everyone <@123456789012345678>',
            sources: [{ title: 'Governance', file: 'governance.md', heading: 'Executive committee', line: 12, url: 'https://eurocities.eu/about-us/governance/' }],
            related: ['Who is the vice chair?', LONG_RELATED, 'How do cities join?'],
          },
          question,
        );
      }
      if (q.includes('staff contact') && context?.previousQuestion) {
        return answer({ status: 'answered', answer: 'The staff contact is Anna Lisa Boni.', understoodAs: `${context.previousQuestion} staff contact` }, question);
      }
      if (q.includes('join')) {
        return answer(
          {
            status: 'answered',
            answer: 'Cities with over 250,000 inhabitants can join:\n- as full members\n- as associate members',
            sources: [{ title: 'Membership', file: 'membership.md', heading: '', line: 3 }],
          },
          question,
        );
      }
      return answer({ status: 'no_answer', answer: "I couldn't find that in the network's documents.", contact: 'the secretariat: info@eurocities.eu' }, question);
    },
    examples(limit = 5) {
      return ['Who chairs the network?', 'Who is the vice chair?', LONG_RELATED, 'How do cities join?', 'What is a working group?'].slice(0, limit);
    },
    suggest(prefix, limit = 5) {
      return qa.examples(10).filter((example) => example.toLowerCase().includes(prefix.toLowerCase())).slice(0, limit);
    },
    feedback(answerId, vote, context) {
      feedback.push({ answerId, vote, context });
    },
    stats() {
      return { ...stats, answerRate: 0.75 };
    },
    async answerRate() {
      return 0.75;
    },
    async report(sinceDays = 7): Promise<QuestionReport> {
      return {
        since: new Date(Date.now() - sinceDays * 86_400_000).toISOString(),
        questions: 20,
        answerRate: 0.75,
        feedback: { up: 3, down: 1, ratio: 0.75 },
        latencyMs: { p50: 4, p95: 12 },
        topQuestions: [{ question: 'Who chairs the network?', count: 6, variants: [] }],
        needsWork: [{ question: 'When is the next *annual* conference?', count: 4, variants: ['next conference date?'] }],
      };
    },
    async reload(): Promise<ReloadResult> {
      reloads++;
      return { ok: true, stats, warnings: [] };
    },
    async close() {},
    converse: (message, context) => conversation.converse(message, context),
    help: (surface) => conversation.help(surface),
    ...overrides,
  };
  const conversation = conversationOver(qa);
  return { qa, asked, feedback, get reloads() { return reloads; } };
}
