import type { Answer, Source } from '../types';

/** One cited document, as every surface shows it: title › heading, page or line, link. */
export interface SourceLine {
  title: string;
  heading: string;
  file: string;
  /** "page 3" for paged documents, else "line 12". */
  where: string;
  /** An http(s) link to the document, when it has one. */
  url?: string;
}

/** The parts every surface shows for an answer; each adapter only styles them. */
export interface AnswerParts {
  /** The answer text, without the translation note. */
  text: string;
  /** One per document, best first, at most {@link MAX_SOURCES}. */
  sources: SourceLine[];
  related: string[];
  /** Whether 👍 / 👎 are offered (see {@link wantsFeedback}). */
  feedback: boolean;
  /** "English translation of the Dutch original.", when the answer comes from a translation. */
  translatedNote?: string;
  /** For a no_answer: whom to ask, when the text does not already name them. */
  contact?: string;
  /** How a follow-up was understood, when that differs from what was typed. */
  understoodAs?: string;
}

/** Sources shown per answer. */
export const MAX_SOURCES = 3;
/** Related questions shown per answer. */
export const MAX_RELATED = 3;

// The core ends an answer from a translated document with this note (src/answer/answerer.ts, `decorate`).
// "(English translation of the Dutch original.)", or with the original's words: "(… original: “Het … steden.”)".
const TRANSLATED_NOTE_RE = /\n\(([A-Z][a-z]+ translation of the [A-Z][a-z]+ original(?:\.|: “[^\n]+”))\)$/;

/** One policy for every surface: answers and "I don't know" replies take 👍 / 👎 (both tell maintainers something); small talk does not. */
export function wantsFeedback(answer: Pick<Answer, 'status'>): boolean {
  return answer.status !== 'chitchat';
}

/** A link only when it is a plain http(s) URL. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** Where in its document a source is: its page when it has pages, else its line. */
export function sourceLine(source: Source): SourceLine {
  const url = safeUrl(source.url);
  return { title: source.title, heading: source.heading, file: source.file, where: source.page ? `p. ${source.page}` : `line ${source.line}`, ...(url ? { url } : {}) };
}

/** "Title › Heading", or the title alone. */
export function sourceLabel(source: Pick<SourceLine, 'title' | 'heading'>): string {
  return source.heading ? `${source.title} › ${source.heading}` : source.title;
}

/**
 * Turns the core's answer into the parts every surface shows.
 * @param asked what the user typed, to tell whether a follow-up was understood differently
 */
export function presentAnswer(answer: Answer, asked?: string): AnswerParts {
  const note = TRANSLATED_NOTE_RE.exec(answer.answer);
  const text = note ? answer.answer.slice(0, note.index) : answer.answer;
  const seen = new Set<string>();
  const sources: SourceLine[] = [];
  for (const source of answer.sources) {
    if (seen.has(source.file)) continue;
    seen.add(source.file);
    sources.push(sourceLine(source));
    if (sources.length === MAX_SOURCES) break;
  }
  const understood = answer.understoodAs?.trim();
  const contact = answer.status === 'no_answer' && answer.contact && !text.includes(answer.contact) ? answer.contact : undefined;
  return {
    text,
    sources,
    related: answer.related.map((q) => q.trim()).filter(Boolean).slice(0, MAX_RELATED),
    feedback: wantsFeedback(answer),
    ...(note ? { translatedNote: note[1] } : {}),
    ...(contact ? { contact } : {}),
    ...(asked !== undefined && understood && answer.status === 'answered' && understood.toLowerCase() !== asked.trim().toLowerCase() ? { understoodAs: understood } : {}),
  };
}
