/**
 * Knowledge folders of a chosen size for the growth benchmark (and the tests that need many documents):
 * SQuAD paragraphs as separate documents, or small generated project documents.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { oneLine, readSquad, seededRandom } from './squad';

/** A knowledge folder written for the growth benchmark, with questions its documents answer. */
export interface GrowthCorpus {
  dir: string;
  documents: number;
  questions: string[];
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tas', 'vo', 'bri', 'del', 'gan', 'hu', 'jor', 'ne', 'pel', 'qui', 'sor', 'tem', 'ul', 'wes', 'xa', 'zin'];
const CITIES = ['Amsterdam', 'Barcelona', 'Bologna', 'Bristol', 'Gdansk', 'Ghent', 'Helsinki', 'Lisbon', 'Lyon', 'Malmö', 'Oslo', 'Tampere', 'Utrecht', 'Vienna', 'Zagreb'];
const TOPICS = ['open data', 'smart lighting', 'digital inclusion', 'broadband', 'e-government', 'mobility data', 'living labs', 'city dashboards'];

/** A made-up word from the seeded generator: the vocabulary grows with the corpus, as real knowledge does. */
function word(random: () => number, syllables: number): string {
  let w = '';
  for (let i = 0; i < syllables; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/**
 * Writes `count` small Markdown documents (about 600 bytes each: a paragraph and a block of facts), seeded, so the
 * same count gives the same folder on every machine.
 */
export function writeSmallDocuments(dir: string, count: number, seed = 1): GrowthCorpus {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const questions: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = `${word(random, 2)} ${word(random, 3)}`;
    const city = pick(CITIES);
    const topic = pick(TOPICS);
    const year = 2000 + Math.floor(random() * 25);
    const coordinator = `${word(random, 2)} ${word(random, 3)}`;
    const folder = join(dir, `group-${String(Math.floor(i / 500)).padStart(3, '0')}`);
    mkdirSync(folder, { recursive: true });
    const text = [
      '---',
      `title: "The ${name} project"`,
      'lang: en',
      '---',
      '',
      `# The ${name} project`,
      '',
      `The ${name} project is a ${topic} project of ${city} that started in ${year}. It brings together ${2 + Math.floor(random() * 20)} partners from ${pick(CITIES)} and ${pick(CITIES)} to work on ${topic} and ${pick(TOPICS)}.`,
      '',
      '## People',
      '',
      `- **Coordinator:** ${coordinator}, ${city} city council`,
      `- **Budget:** ${10 + Math.floor(random() * 990)} thousand euros`,
      '',
    ].join('\n');
    writeFileSync(join(folder, `project-${String(i).padStart(5, '0')}.md`), text, 'utf8');
    if (questions.length < 2000) questions.push(i % 2 ? `When did the ${name} project start?` : `What is the ${name} project about?`);
  }
  return { dir, documents: count, questions };
}

/**
 * Writes the first `count` SQuAD paragraphs, one document each (title: the article and paragraph number), and
 * returns their questions.
 * @throws when the file holds fewer than `count` paragraphs
 */
export function writeSquadParagraphs(dir: string, squadFile: string, count: number): GrowthCorpus {
  const articles = readSquad(squadFile);
  mkdirSync(dir, { recursive: true });
  const questions: string[] = [];
  let written = 0;
  for (const article of articles) {
    const title = article.title.replace(/_/g, ' ');
    for (const [p, paragraph] of article.paragraphs.entries()) {
      if (written === count) return { dir, documents: written, questions };
      const text = ['---', `title: ${JSON.stringify(`${title} (${p + 1})`)}`, 'lang: en', '---', '', oneLine(paragraph.context), ''].join('\n');
      writeFileSync(join(dir, `p${String(written).padStart(5, '0')}.md`), text, 'utf8');
      for (const q of paragraph.qas) if (questions.length < 2000) questions.push(q.question);
      written++;
    }
  }
  if (written < count) throw new Error(`${squadFile} holds ${written} paragraphs, fewer than the ${count} asked for`);
  return { dir, documents: written, questions };
}
