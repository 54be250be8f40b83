#!/usr/bin/env node
// Measures the lexical links for a vocabulary: WordNet table load, link build time and JSON size.
//   node scripts/measure-lexicon.mjs                      the bundled knowledge/ (through the real loader and index)
//   node scripts/measure-lexicon.mjs --squad FILE.json    every context of a SQuAD-format file
// Needs a build (npm run build). Prints one JSON line.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'src');
const { terms, words } = require(join(dist, 'text', 'analyze.js'));
const { buildLexicalLinks } = require(join(dist, 'text', 'lexicon.js'));
const { wordNet } = require(join(dist, 'text', 'wordnet.js'));

const { values } = parseArgs({ options: { squad: { type: 'string' }, knowledge: { type: 'string', default: 'knowledge' } } });
let texts;
if (values.squad) {
  const squad = JSON.parse(readFileSync(values.squad, 'utf8'));
  texts = squad.data.flatMap((article) => [article.title.replace(/_/g, ' '), ...article.paragraphs.map((p) => p.context)]);
} else {
  const { loadKnowledge } = require(join(dist, 'knowledge', 'load.js'));
  const knowledge = loadKnowledge(values.knowledge);
  texts = knowledge.documents.filter((d) => d.lang === 'en').flatMap((d) => [d.title, ...d.passages.map((p) => [p.text, ...p.headings].join('\n'))]);
}
const vocabulary = new Set();
const surface = new Set();
for (const text of texts) {
  for (const t of terms(text, 'en')) vocabulary.add(t);
  for (const w of words(text)) surface.add(w);
}
const ms = (start) => Math.round(performance.now() - start);
let start = performance.now();
wordNet();
const loadMs = ms(start);
start = performance.now();
const links = buildLexicalLinks(vocabulary, { words: surface });
const buildMs = ms(start);
// Again in the same process: without the first build's one-time costs (compiling, the stem cache filling).
start = performance.now();
buildLexicalLinks(vocabulary, { words: surface });
const secondBuildMs = ms(start);
start = performance.now();
const json = JSON.stringify(links);
const stringifyMs = ms(start);
start = performance.now();
JSON.parse(json);
const parseMs = ms(start);
const count = (record) => Object.values(record).reduce((n, list) => n + list.length, 0);
console.log(JSON.stringify({
  corpus: values.squad ?? values.knowledge,
  texts: texts.length,
  vocabulary: vocabulary.size,
  surfaceWords: surface.size,
  tableLoadMs: loadMs,
  linksBuildMs: buildMs,
  secondBuildMs,
  keys: { related: Object.keys(links.related).length, antonyms: Object.keys(links.antonyms).length, phrases: Object.keys(links.phrases).length },
  links: { related: count(links.related), antonyms: count(links.antonyms), phrases: count(links.phrases) },
  termsReached: links.terms.length,
  jsonKB: Math.round(json.length / 1024),
  stringifyMs,
  parseMs,
}));
