#!/usr/bin/env node
// How long natural's WordNet reader takes to look up words (for the README's comparison with the compact
// table): each lookup binary-searches the index files and reads the data files on disk.
//   node scripts/measure-natural-wordnet.mjs [COUNT]   looks up COUNT lemmas (default 500) of the table
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const WordNet = require('natural/lib/natural/wordnet/wordnet');
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'src');
const { wordNet } = require(join(dist, 'text', 'wordnet.js'));

const count = Number(process.argv[2] ?? 500);
const table = wordNet();
const step = Math.floor(table.lemmas.length / count);
const sample = Array.from({ length: count }, (_, i) => table.lemmas[i * step].replace(/ /g, '_'));
const wn = new WordNet();
let start = performance.now();
let synsets = 0;
for (const word of sample) synsets += (await new Promise((resolve) => wn.lookup(word, resolve))).length;
const naturalMs = performance.now() - start;
start = performance.now();
let related = 0;
for (const word of sample) {
  const id = table.id(word.replace(/_/g, ' '));
  if (id !== undefined) related += table.synonyms(id).length + table.derived(id).length + table.antonyms(id).length;
}
const tableMs = performance.now() - start;
console.log(JSON.stringify({ words: count, naturalLookupMs: Math.round(naturalMs), naturalPerWordMs: +(naturalMs / count).toFixed(2), synsets, tableLookupMs: +tableMs.toFixed(1), related }));
