import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readCoreConfig } from '../../src/config';
import { loadKnowledge } from '../../src/knowledge/load';
import { buildIndex } from '../../src/search/build';
import { saveIndex } from '../../src/search/store';
import { LANG_NAMES } from '../../src/text/lang';
import { type CliIO, EXIT_FAILURE, EXIT_OK } from './io';

export const INDEX_USAGE = `Usage: network-qa index [--knowledge DIR] [--check] [--json]

Validates every knowledge document and rebuilds the saved index (DATA_DIR/index.json).
A running bot picks the new index up by itself. Exits with 1 when a document is broken.

Options:
  --knowledge DIR  the knowledge folder (default: $KNOWLEDGE_DIR, else ./knowledge)
  --check          validate only; write nothing (for maintainers' CI)
  --json           print the summary as JSON
  -h, --help       show this help
`;

const OPTIONS = { knowledge: { type: 'string' }, check: { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

/** `network-qa index`: validate, rebuild, summarise. */
export async function indexCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({ args: argv, options: OPTIONS, strict: true });
  if (values.help) {
    io.stdout.write(INDEX_USAGE);
    return EXIT_OK;
  }
  const config = readCoreConfig(values.knowledge ? { ...io.env, KNOWLEDGE_DIR: values.knowledge } : io.env);
  const started = Date.now();
  const knowledge = await loadKnowledge(config.knowledgeDir);
  const index = buildIndex(knowledge);
  const file = join(config.dataDir, 'index.json');
  // A broken document keeps the last good saved index: the running bot must not lose what it had.
  const healthy = knowledge.documents.length > 0 && knowledge.warnings.length === 0;
  if (!values.check && healthy) saveIndex(index, file);
  const languages = [...new Set(knowledge.documents.map((d) => d.lang))];
  const summary = {
    knowledgeDir: config.knowledgeDir,
    documents: knowledge.documents.length,
    passages: knowledge.passages.length,
    languages,
    warnings: knowledge.warnings,
    skipped: knowledge.skipped,
    written: values.check || !healthy ? null : file,
    ms: Date.now() - started,
  };
  if (values.json) io.stdout.write(`${JSON.stringify(summary)}\n`);
  else {
    io.stdout.write(
      `${summary.documents} documents, ${summary.passages} passages, languages: ${languages.map((l) => `${l} (${LANG_NAMES[l]})`).join(', ') || 'none'}\n` +
        (summary.written ? `Index written to ${summary.written} in ${summary.ms} ms.\n` : values.check ? 'Checked only; nothing written.\n' : 'Index not written: fix the documents below; the last good index stays in use.\n'),
    );
    for (const w of knowledge.warnings) io.stderr.write(`warning: ${w.message}\n`);
    for (const s of knowledge.skipped) io.stderr.write(`note: ${s.file} ${s.reason}; skipped\n`);
  }
  if (!knowledge.documents.length) io.stderr.write(`error: no usable document in ${config.knowledgeDir}\n`);
  return knowledge.warnings.length || !knowledge.documents.length ? EXIT_FAILURE : EXIT_OK;
}
