import { MAX_RELATED } from '../present/answer';
import { fold } from '../text/fold';
import type { Answer } from '../types';
import type { ConversationCore } from './core';

/** Where an example question's answer comes from. */
interface Placement {
  question: string;
  file: string;
  heading: string;
  passageId: string;
  tags: string[];
}

/** The key two wordings of one question share: folded, punctuation and spacing ignored. */
export function questionKey(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** `file#line` of the passage an answer was cut from (the core's passage id). */
export function passageIdOf(answer: Pick<Answer, 'sources'>): string | undefined {
  const source = answer.sources[0];
  return source ? `${source.file}#${source.line}` : undefined;
}

/**
 * Chooses related questions near an answer, from the example questions the core knows it answers.
 * Each example is placed once per index version (answered without being logged) to learn its passage.
 */
export function createRelatedFinder(core: ConversationCore) {
  let cache: { version: string; placements: Placement[] } | null = null;

  function placements(): Placement[] {
    const version = core.version();
    if (cache?.version === version) return cache.placements;
    const placed: Placement[] = [];
    for (const question of core.examples()) {
      const answer = core.lookup(question);
      const id = passageIdOf(answer);
      if (answer.status !== 'answered' || !id) continue;
      const source = answer.sources[0];
      placed.push({ question, file: source.file, heading: source.heading, passageId: id, tags: core.passage(id)?.tags ?? [] });
    }
    cache = { version, placements: placed };
    return placed;
  }

  /**
   * Up to three questions near `answer`: same section first, then same document, then documents sharing a tag.
   * Never one in `exclude` (the question just asked, or one already asked in the conversation), never one
   * answered from the same passage; none at all when nothing is near or the answer is not an answer.
   * @param exclude {@link questionKey}s of questions not to suggest
   */
  return function relatedTo(answer: Answer, exclude: ReadonlySet<string>): string[] {
    if (answer.status !== 'answered') return [];
    const id = passageIdOf(answer);
    const source = answer.sources[0];
    if (!id || !source) return [];
    const tags = new Set(core.passage(id)?.tags ?? []);
    const rank = (p: Placement): number => {
      if (p.file === source.file) return p.heading === source.heading ? 0 : 1;
      return p.tags.some((t) => tags.has(t)) ? 2 : Infinity;
    };
    return placements()
      .filter((p) => p.passageId !== id && !exclude.has(questionKey(p.question)))
      .map((p, order) => ({ p, order, rank: rank(p) }))
      .filter((c) => c.rank !== Infinity)
      .sort((a, b) => a.rank - b.rank || a.order - b.order)
      .slice(0, MAX_RELATED)
      .map((c) => c.p.question);
  };
}
