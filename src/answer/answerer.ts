import { randomUUID } from 'node:crypto';
import type { SearchIndex } from '../search/build';
import { terms } from '../text/analyze';
import { LANG_NAMES } from '../text/lang';
import type { Answer, AskContext, Source } from '../types';
import type { Candidate } from './candidate';
import { chitchatIntent, chitchatReply, withoutLeadingSmallTalk } from './chitchat';
import { bestPassageCandidate, finishCandidate, type ScoredCandidate } from './general';
import { intentCandidates } from './intents';
import { parseMembership } from './lists';
import { confidenceOf, MODEL } from './model';
import { analyzeQuestion } from './question';
import { resolveWords } from './retrieve';
import { originalItems, originalSentences, originalsOf } from './translation';

import { MAX_ANSWER_CHARS, MAX_QUESTION_CHARS } from './limits';

export { MAX_ANSWER_CHARS, MAX_QUESTION_CHARS };

export interface AnswererOptions {
  /** Who to ask when the documents do not answer. @defaultValue the first labelled fact whose label mentions "contact" */
  contact?: string;
  /** Confidence needed to answer. @defaultValue the answer model's threshold (src/answer/model/weights.json) */
  threshold?: number;
  /** Most proposed example questions checked by answering them (each check is one answer). @defaultValue all */
  exampleBudget?: number;
}

export interface Answerer {
  ask(question: string, context?: AskContext): Answer;
  examples(): string[];
  readonly contact: string;
}

/** Cuts text to `max` characters at a sentence, line or word boundary, marking the cut with "…". */
export function clip(text: string, max: number = MAX_ANSWER_CHARS): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const cut = Math.max(head.lastIndexOf('\n'), head.lastIndexOf('. ') + 1, head.lastIndexOf(', '));
  const at = cut > max * 0.6 ? cut : head.lastIndexOf(' ');
  let kept = head.slice(0, at > 0 ? at : max - 1).trimEnd();
  if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1); // never half an emoji
  return `${kept}…`;
}

function findContact(index: SearchIndex): string {
  for (const { passage } of index.passages) {
    const fact = passage.facts?.find((f) => /contact/i.test(f.label));
    if (fact) return `${fact.value} (${fact.label})`;
  }
  return 'the maintainers of this bot';
}

/** Example questions offered with a reply. */
const RELATED_COUNT = 3;

// "and who is the staff contact?", "what about Oslo?": the question leans on the one before.
const FOLLOW_UP_RE = /^(and|also|what about|how about|en|et|und|y|e|en wat|und was|et pour)\b/i;
// "what about Oslo?", "how about Oslo?": the question before, asked again about another name.
const ASKS_AGAIN_RE = /^(?:and\s+)?(?:what|how)\s+about\b|^(?:en wat|und was|et pour)\b/i;
const POINTS_BACK_RE = /\b(it|its|they|their|them|this|that|these|those|he|she|his|her|there)\b/i;

/**
 * Creates the question answerer over one index.
 * @example
 * const answerer = createAnswerer(buildIndex(loadKnowledge('knowledge')));
 * answerer.ask('Who is the vice chair?').answer; // "Vice chair: Laia Bonet, deputy mayor (…)"
 */
export function createAnswerer(index: SearchIndex, options: AnswererOptions = {}): Answerer {
  const contact = options.contact ?? findContact(index);
  const threshold = options.threshold ?? MODEL.threshold;
  let exampleCache: string[] | null = null;

  function sourceOf(passage: number): Source {
    const { source } = index.passages[passage].passage;
    return { ...source };
  }

  const originals = originalsOf(index);

  function decorate(candidate: Candidate): string {
    const doc = index.documents[index.passages[candidate.passage].doc];
    if (!doc.translatedFrom || candidate.kind === 'membership' || candidate.kind === 'count') return clip(candidate.text);
    const translation = `${LANG_NAMES[doc.lang]} translation of the ${LANG_NAMES[doc.translatedFrom]} original`;
    // The original's own words beside the translation: as many of its sentences as fit whole, the rest marked "…".
    const original =
      (candidate.items
        ? originalItems(index, originals, candidate.passage, candidate.text, candidate.items)
        : originalSentences(index, originals, candidate.passage, candidate.text)) ?? [];
    // Items that are sentences read on one after another; names or heads are set apart.
    const separator = candidate.items && !original.every((item) => /[.!?]$/.test(item)) ? '; ' : ' ';
    for (let count = original.length; count > 0; count--) {
      const cut = count < original.length;
      // A sentence joined to the one it points back to answers with the last: the original's last sentences are kept.
      const fromEnd = cut && candidate.joinedToPrevious;
      const kept = fromEnd ? original.slice(original.length - count) : original.slice(0, count);
      const quoted = `\n(${translation}: “${fromEnd ? '… ' : ''}${kept.join(separator)}${cut && !fromEnd ? ' …' : ''}”)`;
      if (candidate.text.length + quoted.length <= MAX_ANSWER_CHARS) return candidate.text + quoted;
    }
    const note = `\n(${translation}.)`;
    return clip(candidate.text, MAX_ANSWER_CHARS - note.length) + note;
  }

  /** The candidate for one question, or null when the documents do not answer it. */
  function candidateFor(question: string): Candidate | null {
    const q = analyzeQuestion(question, index.langs);
    if (!q.words.length) return null;
    const words = resolveWords(index, q);
    // One model scores the structured intents' candidates and the passages' best one alike; the best answers if sure enough.
    let best: ScoredCandidate | null = bestPassageCandidate(index, q, words);
    for (const c of intentCandidates(index, q, words)) if (!best || c.score > best.score) best = c;
    return best && confidenceOf(best.score) >= threshold ? finishCandidate(index, best, q, words) : null;
  }

  function reply(partial: Omit<Answer, 'id' | 'related'> & { related?: string[] }): Answer {
    return { id: randomUUID(), related: [], ...partial };
  }

  /** Up to three example questions, those about the answer's document first, never the question asked. */
  function relatedTo(passage: number | null, asked: string): string[] {
    const all = examples();
    const doc = passage === null ? null : index.passages[passage].doc;
    const question = asked.trim().toLowerCase();
    const picked: string[] = [];
    // Two passes that stop at three: the examples can run to thousands, and every reply asks for these.
    for (const sameDoc of doc === null ? [false] : [true, false]) {
      for (const e of all) {
        if (picked.length === RELATED_COUNT) return picked;
        if ((doc === null || (relatedDocs.get(e) === doc) === sameDoc) && e.toLowerCase() !== question) picked.push(e);
      }
    }
    return picked;
  }

  const relatedDocs = new Map<string, number>();

  /**
   * Whether a candidate for a rewritten follow-up answers what the follow-up itself asks: each of its own words
   * ("email" in "what is her email?") must be in the candidate, or the reply would answer another attribute of
   * the earlier subject.
   */
  function answersFollowUp(candidate: Candidate, followUp: string): boolean {
    if (candidate.kind === 'membership') return true;
    const q = analyzeQuestion(followUp.replace(FOLLOW_UP_RE, ''), index.langs);
    const own = resolveWords(index, q).filter((w) => !POINTS_BACK_RE.test(w.word));
    const lang = index.passages[candidate.passage].passage.lang;
    const held = new Set(terms(candidate.text, lang));
    return own.every((w) => w.terms.some((t) => held.has(t)) || w.lexical.some((t) => held.has(t)));
  }

  function answerOne(question: string, understoodAs: string): Answer | null {
    const candidate = candidateFor(understoodAs);
    if (!candidate) return null;
    if (understoodAs !== question && !answersFollowUp(candidate, question)) return null;
    return reply({
      status: 'answered',
      kind: candidate.kind,
      answer: decorate(candidate),
      sources: [sourceOf(candidate.passage)],
      passage: index.passages[candidate.passage].passage.text,
      confidence: Math.round(Math.min(1, candidate.confidence) * 1000) / 1000,
      related: relatedTo(candidate.passage, question),
      understoodAs,
    });
  }

  function noAnswer(text: string, understoodAs: string): Answer {
    return reply({ status: 'no_answer', kind: 'none', answer: clip(text), sources: [], passage: '', confidence: 0, contact, related: relatedTo(null, understoodAs), understoodAs });
  }

  /** Rewrites a follow-up with its thread's earlier question: "what about Oslo?" after "Is Helsinki a member?". */
  function followUps(question: string, previous: string): string[] {
    const stripped = question.replace(FOLLOW_UP_RE, '').replace(/[?!.]+\s*$/, '').trim();
    const rewrites: string[] = [];
    const prev = analyzeQuestion(previous, index.langs);
    const membership = parseMembership(prev);
    // "what about Oslo?" asks the same about another name; "when was it founded?" does not.
    const anotherName = FOLLOW_UP_RE.test(question) && !POINTS_BACK_RE.test(question) && /\p{L}/u.test(stripped) && stripped.split(/\s+/).length <= 5;
    if (membership && anotherName) {
      rewrites.push(prev.allWords.join(' ').replace(membership.name, () => stripped.toLowerCase()));
    }
    rewrites.push(`${stripped} ${prev.words.map((w) => w.word).join(' ')}`);
    return rewrites;
  }

  function ask(question: string, context: AskContext = {}): Answer {
    const text = withoutLeadingSmallTalk(String(question ?? '').replace(/\s+/g, ' ').trim());
    if (text.length > MAX_QUESTION_CHARS) {
      return noAnswer(`That message is too long for me (${text.length} characters). Please ask one short question, up to ${MAX_QUESTION_CHARS} characters.`, text.slice(0, 200));
    }
    const intent = chitchatIntent(text);
    if (intent) {
      return reply({ status: 'chitchat', kind: 'chitchat', answer: clip(chitchatReply(intent, examples(), subjectName())), sources: [], passage: '', confidence: 1, related: intent === 'thanks' || intent === 'bye' ? [] : examples().slice(0, 3), understoodAs: text });
    }
    // A thread's earlier question is read no further than a question is.
    const previous = context.previousQuestion?.trim().slice(0, MAX_QUESTION_CHARS);
    // "and who is the treasurer?" stands on its own; "when was it founded?" needs the question before, and "what
    // about Oslo?" asks it again about another name: the earlier question comes first, the words alone after.
    const leansBack = previous ? POINTS_BACK_RE.test(text) : false;
    const asksAgain = previous ? ASKS_AGAIN_RE.test(text) : false;
    const alone = leansBack || asksAgain ? null : answerOne(text, text);
    if (alone) return alone;
    if (previous) {
      for (const rewrite of followUps(text, previous)) {
        const answer = answerOne(text, rewrite);
        if (answer) return answer;
      }
    }
    // A question that points back ("what about its budget?") never stands on its own.
    const again = asksAgain && !leansBack ? answerOne(text, text) : null;
    if (again) return again;
    return noAnswer(`I couldn't find an answer to that in the documents I know, and I'd rather not guess. Please ask ${contact}.`, text);
  }

  function subjectName(): string {
    return index.documents.length ? 'the EUROCITIES network, its forums, partners and members' : 'our documents';
  }

  /** Example questions drawn from the knowledge, kept only when the bot answers them. */
  function examples(): string[] {
    if (exampleCache) return exampleCache;
    exampleCache = [];
    // One list per kind of question, then taken round-robin so the first examples show each kind.
    const byKind: [string, number][][] = [[], [], [], [], []];
    const seen = new Set<string>();
    index.documents.forEach((doc, d) => {
      if (doc.translatedFrom) return;
      const abbreviation = /\(([^)\s]+)\)\s*$/.exec(doc.title)?.[1];
      const name = abbreviation ?? doc.title.replace(/\s*\([^)]*\)\s*$/, '').replace(/^The /, 'the ');
      if (name.split(' ').length <= 5) byKind[0].push([`What is ${name}?`, d]);
      for (const p of doc.passages) {
        const { passage } = index.passages[p];
        const heading = passage.headings[passage.headings.length - 1];
        if (passage.kind === 'facts') for (const f of passage.facts ?? []) byKind[1].push([`Who is the ${f.label.replace(/^[A-Z]{2,}\s+/, '').toLowerCase()}?`, d]);
        if (passage.kind === 'list' && heading) {
          const items = passage.items ?? [];
          if (/member/i.test(heading) && items.length) {
            byKind[3].push([`Is ${items[Math.floor(items.length / 3)]} a member?`, d]);
            byKind[4].push([`How many ${heading.toLowerCase()} are listed?`, d]);
          } else byKind[2].push([`What are the ${heading.toLowerCase()}?`, d]);
        }
      }
    });
    const proposals: [string, number][] = [];
    for (let i = 0; byKind.some((k) => i < k.length); i++) for (const kind of byKind) if (kind[i]) proposals.push(kind[i]);
    let checks = options.exampleBudget ?? Infinity;
    for (const [question, doc] of proposals) {
      if (seen.has(question)) continue;
      if (checks-- <= 0) break;
      seen.add(question);
      if (candidateFor(question)) {
        exampleCache.push(question);
        relatedDocs.set(question, doc);
      }
    }
    return exampleCache;
  }

  return { ask, examples, contact };
}
