import type { QA, ReloadResult } from '../../../src/qa';
import type { Answer, AskContext, KnowledgeStats, Logger, Platform, QuestionReport, Vote } from '../../../src/types';
import type { ConverseContext, Reply } from '../../../src/conversation';
import type { Help } from '../../../src/present';
import { conversationOver } from '../conversation';

/** A hand-written QA for adapter tests: predictable answers, and a record of every call. */
export class FakeQA implements QA {
  readonly asked: Array<{ question: string; context?: AskContext }> = [];
  readonly votes: Array<{ answerId: string; vote: Vote; context?: unknown }> = [];
  reloads = 0;
  private nextId = 0;
  private readonly conversation = conversationOver(this);

  converse(message: string, context?: ConverseContext): Promise<Reply> {
    return this.conversation.converse(message, context);
  }

  help(surface: Platform): Help {
    return this.conversation.help(surface);
  }

  ask(question: string, context?: AskContext): Answer {
    this.asked.push({ question, context });
    this.nextId += 1;
    const id = `ans-${this.nextId}`;
    const q = question.toLowerCase();
    // Breaks the promise that ask() never throws, to test the adapter's error boundary.
    if (q.includes('explode')) throw new Error('the fake core exploded');
    const understoodAs = context?.previousQuestion && /^and\b/.test(q) ? `${context.previousQuestion} ${question}` : question;
    if (/^(hi|hello|thanks)\b/.test(q)) {
      return { id, status: 'chitchat', kind: 'chitchat', answer: 'Hello! Ask me about the network.', sources: [], passage: '', confidence: 1, related: [], understoodAs };
    }
    if (q.includes('unknown')) {
      return { id, status: 'no_answer', kind: 'none', answer: "I don't know that from the documents.", sources: [], passage: '', confidence: 0, contact: 'Anna Lisboa <anna@eurocities.eu>', related: ['Who chairs the culture forum?'], understoodAs };
    }
    if (q.includes('tricky')) {
      return {
        id, status: 'answered', kind: 'fact',
        answer: 'R&D <b>bold</b> ping @channel and @here, <!everyone> and <@U999>',
        sources: [{ title: 'Tricky <doc>', file: 'tricky.md', heading: '', line: 1, url: 'https://example.org/a?b=1&c=<2>' }],
        passage: '', confidence: 0.9, related: [], understoodAs,
      };
    }
    return {
      id, status: 'answered', kind: 'fact',
      answer: `Answer to: ${understoodAs}`,
      sources: [
        { title: 'Culture Forum', file: 'forums/culture.md', heading: 'Chair', line: 12, url: 'https://eurocities.eu/culture' },
        { title: 'Staff', file: 'staff.md', heading: '', line: 3 },
      ],
      passage: 'passage', confidence: 0.8,
      related: ['Who is the staff contact?', 'When does the forum meet?'],
      understoodAs,
    };
  }

  examples(limit = 3): string[] {
    return ['Who chairs the culture forum?', 'Which cities are members?', 'What is Eurocities?'].slice(0, limit);
  }

  suggest(): string[] {
    return [];
  }

  feedback(answerId: string, vote: Vote, context?: { platform?: string; userId?: string }): void {
    this.votes.push({ answerId, vote, context });
  }

  stats(): KnowledgeStats & { answerRate: number | null } {
    return { documents: 12, passages: 340, languages: ['en', 'fr'], warnings: [], builtAt: new Date().toISOString(), loadedFromDisk: false, answerRate: 0.75 };
  }

  async answerRate(): Promise<number | null> {
    return 0.75;
  }

  async report(): Promise<QuestionReport> {
    return {
      since: '2024-01-01T00:00:00.000Z', questions: 4, answerRate: 0.5, feedback: { up: 1, down: 1, ratio: 0.5 }, latencyMs: { p50: 3, p95: 9 },
      topQuestions: [], needsWork: [{ question: 'Where is the <secret> meeting?', count: 2, variants: [] }],
    };
  }

  async reload(): Promise<ReloadResult> {
    this.reloads += 1;
    return { ok: true, stats: this.stats(), warnings: [{ code: 'knowledge_invalid_document', file: 'broken.md', line: 7, message: 'bad front matter' }] };
  }

  async close(): Promise<void> {}
}

/** A logger that keeps every line, to check what was (and was not) logged. */
export function captureLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const write = (level: string) => (obj: object, msg?: string) => {
    lines.push(`${level} ${JSON.stringify(obj)} ${msg ?? ''}`);
  };
  return { lines, debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
