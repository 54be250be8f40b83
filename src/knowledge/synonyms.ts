import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Node, Scalar } from 'yaml';
import { fold } from '../text/fold';
import { isLang } from '../text/lang';
import type { KnowledgeWarning, Lang } from '../types';

let yamlModule: typeof import('yaml') | undefined;
/** The yaml parser, loaded when a synonyms file is first read (not while the chat starts). */
const Y = (): typeof import('yaml') => (yamlModule ??= require('yaml') as typeof import('yaml'));

/** One group of words or phrases that mean the same in this knowledge's domain ("aim", "goal", "objective"). */
export interface SynonymGroup {
  /** Folded, trimmed, distinct words or phrases. */
  words: string[];
  /** Path relative to the knowledge folder, and the 1-based line of the group. */
  file: string;
  line: number;
}

/** A word of another supported language and the English words or phrases it stands for ("leden" → members). */
export interface Translation {
  lang: Exclude<Lang, 'en'>;
  /** Folded. */
  word: string;
  /** Folded English words or phrases, each an alternative ("presidente" → president, chair). */
  english: string[];
  file: string;
  line: number;
}

/** The maintainers' vocabulary of a knowledge folder (`synonyms.yml`). */
export interface KnowledgeSynonyms {
  groups: SynonymGroup[];
  translations: Translation[];
}

/** What `synonyms.yml` holds, and what was wrong in it (each problem with file and line; the rest still loads). */
export interface LoadedSynonyms extends KnowledgeSynonyms {
  warnings: KnowledgeWarning[];
}

/** The file in a knowledge folder's root that holds the maintainers' synonyms. */
export const SYNONYMS_FILE = 'synonyms.yml';

/** No maintainers' vocabulary. */
export const NO_SYNONYMS: KnowledgeSynonyms = { groups: [], translations: [] };

/**
 * Reads `synonyms.yml` from the root of a knowledge folder; a missing file is no vocabulary, not an error.
 * @example
 * const { groups, translations, warnings } = loadSynonyms('knowledge');
 */
export function loadSynonyms(dir: string): LoadedSynonyms {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(dir, SYNONYMS_FILE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ...NO_SYNONYMS, warnings: [] };
    return { ...NO_SYNONYMS, warnings: [warning(SYNONYMS_FILE, 1, `cannot be read (${(error as Error).message})`, 'knowledge_unreadable')] };
  }
  return parseSynonyms(SYNONYMS_FILE, bytes.toString('utf8'));
}

function warning(file: string, line: number, problem: string, code: KnowledgeWarning['code'] = 'knowledge_invalid_document'): KnowledgeWarning {
  return { code, file, line, message: `${file}:${line}: ${problem}` };
}

/**
 * Parses the text of a synonyms file:
 * ```yaml
 * synonyms:                      # groups of words or phrases that mean the same here
 *   - [aim, goal, objective]
 *   - head office, headquarters  # a group may also be one comma-separated string
 * translations:                  # per language: a word → the English word(s) it stands for
 *   nl:
 *     leden: members
 *     voorzitter: [chair, president]
 * ```
 * A broken group or entry is reported with its line and skipped; the rest is kept.
 */
export function parseSynonyms(file: string, text: string): LoadedSynonyms {
  const lines = new (Y().LineCounter)();
  const doc = Y().parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, prettyErrors: false });
  const lineOf = (node: Node | null | undefined): number => (node?.range ? lines.linePos(node.range[0]).line : 1);
  const out: LoadedSynonyms = { groups: [], translations: [], warnings: [] };
  const problem = (node: Node | null | undefined, message: string) => out.warnings.push(warning(file, lineOf(node), message));
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    out.warnings.push(warning(file, lines.linePos(error.pos[0]).line, `is not valid YAML (${error.message.split('\n')[0]}); skipped`));
    return out;
  }
  const root = doc.contents;
  if (root === null || (Y().isScalar(root) && (root.value === null || root.value === ''))) return out;
  if (!Y().isMap(root)) {
    problem(root, 'must be a YAML mapping with "synonyms:" and/or "translations:"; skipped');
    return out;
  }
  for (const pair of root.items) {
    const key = Y().isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as Node | null;
    if (key === 'synonyms') readGroups(value);
    else if (key === 'translations') readTranslations(value);
    else problem(pair.key as Node, `unknown key "${key}" (use "synonyms" or "translations"); skipped`);
  }
  return out;

  function words(node: Node | null, what: string): string[] | null {
    if (Y().isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')) {
      return String(node.value).split(',').map(clean).filter(Boolean);
    }
    if (Y().isSeq(node)) {
      const found: string[] = [];
      for (const item of node.items as Node[]) {
        if (!Y().isScalar(item) || (typeof item.value !== 'string' && typeof item.value !== 'number')) {
          problem(item, `${what} holds something that is not a word or phrase; skipped`);
          return null;
        }
        const word = clean(String((item as Scalar).value));
        if (word) found.push(word);
      }
      return found;
    }
    problem(node, `${what} must be a list of words or a comma-separated string; skipped`);
    return null;
  }

  function readGroups(node: Node | null): void {
    if (node === null || (Y().isScalar(node) && node.value === null)) return;
    if (!Y().isSeq(node)) {
      problem(node, '"synonyms" must be a list of groups (- [word, word, …]); skipped');
      return;
    }
    for (const item of node.items as Node[]) {
      const found = words(item, 'a synonym group');
      if (found === null) continue;
      const distinct = [...new Set(found)];
      if (distinct.length < 2) {
        problem(item, `a synonym group needs at least two different words (has ${distinct.length === 0 ? 'none' : `only "${distinct[0]}"`}); skipped`);
        continue;
      }
      out.groups.push({ words: distinct, file, line: lineOf(item) });
    }
  }

  function readTranslations(node: Node | null): void {
    if (node === null || (Y().isScalar(node) && node.value === null)) return;
    if (!Y().isMap(node)) {
      problem(node, '"translations" must map a language (nl, fr, de, es, it, pt) to its words; skipped');
      return;
    }
    for (const pair of node.items) {
      const lang = Y().isScalar(pair.key) ? String(pair.key.value).toLowerCase() : '';
      if (!isLang(lang) || lang === 'en') {
        problem(pair.key as Node, `"${lang}" is not a supported language other than English (use nl, fr, de, es, it or pt); skipped`);
        continue;
      }
      const entries = pair.value as Node | null;
      if (!Y().isMap(entries)) {
        problem(entries ?? (pair.key as Node), `translations for "${lang}" must map a word to its English word(s); skipped`);
        continue;
      }
      for (const entry of entries.items) {
        const word = Y().isScalar(entry.key) ? clean(String(entry.key.value)) : '';
        const english = words(entry.value as Node | null, `the translation of "${word}"`);
        if (!word || english === null) continue;
        if (english.length === 0) {
          problem(entry.key as Node, `"${word}" has no English word; skipped`);
          continue;
        }
        out.translations.push({ lang, word, english: [...new Set(english)], file, line: lineOf(entry.key as Node) });
      }
    }
  }
}

/** Folds a word or phrase and collapses its spaces ("  Head  Office " → "head office"). */
function clean(word: string): string {
  return fold(word).trim().replace(/\s+/g, ' ');
}
