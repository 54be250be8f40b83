/** Splitting one message into the questions it asks. */

/** Questions answered per message; a longer list is answered up to here, the rest joined to the last part. */
export const MAX_PARTS = 4;

// Words that start a question, in the languages the bot reads.
const QUESTION_WORD = String.raw`(?:who|whom|whose|what|when|where|which|why|how|is|are|does|do|did|can|was|were|has|have|wie|wat|wanneer|waar|welke|hoeveel|qui|que|quoi|quand|ou|quel|quelle|combien|wer|was|wann|wo|welche|wieviele|quien|quién|qué|cuando|cuándo|donde|dónde|cual|cuál|cuantos|cuántos|où|chi|che|cosa|quando|dove|quale|quanti)`;
// ", and who …", "; what …", " en wie …", " et qui …": a second question joined to the first.
const JOINED_RE = new RegExp(String.raw`\s*(?:[,;]\s*(?:and|en|et|und|y|e)?|\s(?:and|en|et|und|y|e))\s+(?=${QUESTION_WORD}\s)`, 'giu');

/**
 * The questions of one message, in order: split after each "?" followed by more text, and before
 * "and who/what/…" joining a second question ("who is the vice chair and who is the staff contact?").
 * A short tail such as "and Malmö?" stays a part of its own; the conversation layer reads it as a follow-up.
 * Parts with no letter or digit are dropped.
 */
export function splitQuestions(message: string): string[] {
  const bySentence = message.split(/(?<=\?)\s+(?=\S)/u);
  const parts = bySentence.flatMap((sentence) => sentence.split(JOINED_RE)).map((p) => p.trim()).filter((p) => /[\p{L}\p{N}]/u.test(p));
  if (parts.length <= MAX_PARTS) return parts.length ? parts : [message.trim()];
  return [...parts.slice(0, MAX_PARTS - 1), parts.slice(MAX_PARTS - 1).join(' ')];
}
