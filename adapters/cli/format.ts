import type { Answer } from '../../src/types';

/** An answer as terminal text: the reply, then where it comes from (or whom to ask). */
export function formatAnswerText(answer: Answer): string {
  const lines = [answer.answer];
  if (answer.sources.length) {
    lines.push(
      ...answer.sources.map((s) => `  Source: ${s.title} (${s.file}${s.heading ? `, ${s.heading}` : ''}, ${s.page ? `p. ${s.page}` : `line ${s.line}`})${s.url ? ` ${s.url}` : ''}`),
    );
  }
  if (answer.status === 'no_answer' && answer.contact && !answer.answer.includes(answer.contact)) lines.push(`  Contact: ${answer.contact}`);
  if (answer.related.length && answer.status !== 'chitchat') lines.push(`  Related: ${answer.related.join(' | ')}`);
  return lines.join('\n');
}

/** One line of `ask --json`: the batch protocol the scorer reads. */
export function answerJson(answer: Answer, question: string, id: string | number | null, ms: number): string {
  return JSON.stringify({
    id,
    question,
    status: answer.status,
    answer: answer.answer,
    sources: answer.sources.map(({ title, file, heading, line, page, url }) => ({ title, file, heading, line, ...(page ? { page } : {}), ...(url ? { url } : {}) })),
    passage: answer.passage,
    confidence: answer.confidence,
    ms: Math.round(ms * 1000) / 1000,
  });
}
