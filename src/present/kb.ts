/** The maintainers' `/kb` replies, as content every surface styles the same way. */
import type { ReloadResult } from '../qa';
import type { KnowledgeStats, KnowledgeWarning, QuestionReport } from '../types';

/** Texts of `/kb`. */
export const KB_TEXTS = {
  refusal: 'Sorry, /kb is for the knowledge maintainers only. If you think something is missing or wrong, please tell one of them. You can still ask me anything.',
  usage: 'Usage: /kb reindex rebuilds the index from the knowledge folder, /kb stats shows what is loaded, /kb unanswered lists what people asked that the bot could not answer.',
  reindexing: 'Reindexing… questions keep being answered from the current index meanwhile.',
  failed: (what: string, reason: string) => `Sorry, /kb ${what} failed: ${reason}. The bot keeps answering from the last good index.`,
  more: (count: number) => `…and ${count} more (see the log).`,
  homeHeading: 'For maintainers: /kb stats',
} as const;

/** One labelled figure: "Documents: 9". */
export interface Figure {
  label: string;
  value: string;
}

/** Problems listed per reply; the rest are counted. */
export const MAX_LISTED = 10;

function percent(rate: number | null): string {
  return rate === null ? 'no questions yet' : `${Math.round(rate * 100)}%`;
}

/** How long ago an ISO time was, in words ("12 min ago"). */
export function describeAge(iso: string, now: number = Date.now()): string {
  const ms = now - Date.parse(iso);
  if (!Number.isFinite(ms)) return 'unknown age';
  const minutes = Math.max(0, Math.round(ms / 60000));
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} days ago`;
}

/** A knowledge problem as one line: `file:line message`. */
export function warningLines(warnings: KnowledgeWarning[]): Array<{ where: string; message: string }> {
  return warnings.slice(0, MAX_LISTED).map((w) => ({ where: `${w.file}:${w.line}`, message: w.message }));
}

/** `/kb stats`: documents, passages, languages, index age, answer rate, problems. */
export function kbStats(stats: KnowledgeStats & { answerRate: number | null }, now: number = Date.now()): Figure[] {
  const figures: Figure[] = [
    { label: 'Documents', value: String(stats.documents) },
    { label: 'Passages', value: String(stats.passages) },
    { label: 'Languages', value: stats.languages.join(', ') || '–' },
    { label: 'Index built', value: `${stats.builtAt} (${describeAge(stats.builtAt, now)}${stats.loadedFromDisk ? ', loaded from disk' : ''})` },
    { label: 'Answer rate', value: percent(stats.answerRate) },
  ];
  if (stats.warnings.length) figures.push({ label: 'Document problems', value: `${stats.warnings.length} (run /kb reindex to see them)` });
  return figures;
}

/** `/kb reindex`: the outcome line and every problem with its file and line. */
export function kbReload(result: ReloadResult): { ok: boolean; head: string; problems: Array<{ where: string; message: string }>; more: number } {
  const { documents, passages } = result.stats;
  return {
    ok: result.ok,
    head: result.ok ? `Reindexed: ${documents} documents, ${passages} passages. New questions are answered from the new index.` : 'The new index could not be built, so the bot keeps answering from the last good one.',
    problems: warningLines(result.warnings),
    more: Math.max(0, result.warnings.length - MAX_LISTED),
  };
}

/** `/kb unanswered`: the top of the report's "needs work" list. */
export function kbUnanswered(report: QuestionReport, days: number): { head: string; items: string[] } {
  const rate = percent(report.questions ? report.answerRate : null);
  const items = report.needsWork.slice(0, MAX_LISTED).map((g) => `${g.question} (×${g.count}${g.variants.length ? `, +${g.variants.length} similar` : ''})`);
  return {
    head: items.length
      ? `Unanswered or 👎-rated in the last ${days} days, most frequent first (${report.questions} questions, answer rate ${rate}):`
      : `Nothing unanswered or 👎-rated in the last ${days} days (${report.questions} questions, answer rate ${rate}).`,
    items,
  };
}
