/**
 * The judge of ../shared/eval/score.mjs, in-process: folded matching, all/any/none/re, abstain/chitchat/accept_abstain,
 * 700 characters. Used by the own question sets' test and by the answer model's trainer.
 */
import { readFileSync } from 'node:fs';
import type { Answer } from '../src/types';

export interface Expect {
  all?: string[];
  any?: string[];
  none?: string[];
  re?: string[];
}

export interface Item {
  id: string;
  question: string;
  expect?: Expect;
  abstain?: boolean;
  allow_chitchat?: boolean;
  chitchat?: boolean;
  accept_abstain?: boolean;
}

const MAX_LEN = 700;

/** Folds like score.mjs: NFKD, combining marks and curly quotes out, whitespace collapsed, lower case. */
export const fold = (s: unknown): string =>
  String(s ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .toLowerCase();

/** Why a reply fails an item, or null when it passes (the judge of score.mjs). */
export function judge(item: Item, reply: Pick<Answer, 'status' | 'answer'> | undefined): string | null {
  if (!reply) return 'no reply';
  const { status } = reply;
  if (item.abstain) {
    if (status === 'no_answer' || (status === 'chitchat' && item.allow_chitchat)) return null;
    return `status ${status} for an out-of-scope question: ${reply.answer}`;
  }
  if (item.chitchat) return status === 'chitchat' ? null : `status ${status}, expected chitchat`;
  if (status === 'no_answer' && item.accept_abstain) return null;
  if (status !== 'answered') return `status ${status}`;
  const a = fold(reply.answer);
  if (a.length > MAX_LEN) return `answer longer than ${MAX_LEN} characters`;
  const e = item.expect ?? {};
  for (const s of e.all ?? []) if (!a.includes(fold(s))) return `missing "${s}" in: ${reply.answer}`;
  if ((e.any ?? []).length && !(e.any ?? []).some((s) => a.includes(fold(s)))) return `none of ${JSON.stringify(e.any)} in: ${reply.answer}`;
  for (const s of e.none ?? []) if (a.includes(fold(s))) return `has "${s}" in: ${reply.answer}`;
  for (const r of e.re ?? []) if (!new RegExp(r, 'i').test(a)) return `no /${r}/ in: ${reply.answer}`;
  return null;
}

/** A question set in the JSON-lines format of ../shared/eval/dev.jsonl. */
export function readQuestionSet(file: string): Item[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Item);
}
