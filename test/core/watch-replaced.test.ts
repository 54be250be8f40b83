/**
 * Issue 12, finding 6: replacing the knowledge folder by a rename (`mv new knowledge`) was picked up once, then every
 * later edit was ignored until restart. The watcher now follows the folder that takes the name.
 */
import { cpSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createQA, type QA } from '../../src/qa';
import { CITYNET_KNOWLEDGE, makeTempDir, removeDir } from './helpers';

jest.setTimeout(120_000);

let tmp: string;
let qa: QA | undefined;

beforeAll(() => {
  tmp = makeTempDir('network-qa-watch-');
});
afterAll(async () => {
  await qa?.close();
  removeDir(tmp);
});

/** Asks until the answer contains `text` (each reload takes a worker's start), or gives up after `ms`. */
async function eventually(question: string, text: string, ms = 60_000): Promise<string> {
  const until = Date.now() + ms;
  let last = '';
  while (Date.now() < until) {
    last = qa!.ask(question).answer;
    if (last.includes(text)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return last;
}

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no "${from}"`);
  writeFileSync(file, text.replace(from, to));
}

describe('a knowledge folder replaced by a rename', () => {
  it('is watched again: edits made after the replacement are picked up', async () => {
    const knowledge = join(tmp, 'knowledge');
    cpSync(CITYNET_KNOWLEDGE, knowledge, { recursive: true });
    qa = await createQA({ knowledgeDir: knowledge, dataDir: join(tmp, 'data'), logQuestions: false, watch: true, watchDebounceMs: 100 });
    expect(qa.ask('Who is the chair?').answer).toContain('Mirela Kovač');

    // A deploy: the new folder is prepared beside the old one, then renamed over it.
    const next = join(tmp, 'knowledge.new');
    cpSync(CITYNET_KNOWLEDGE, next, { recursive: true });
    edit(join(next, 'alliance.md'), 'Mirela Kovač', 'Ana Horvat');
    renameSync(knowledge, join(tmp, 'knowledge.old'));
    renameSync(next, knowledge);
    expect(await eventually('Who is the chair?', 'Ana Horvat')).toContain('Ana Horvat');

    // The edit that used to be ignored until restart.
    edit(join(knowledge, 'alliance.md'), 'Ana Horvat', 'Petra Novak');
    expect(await eventually('Who is the chair?', 'Petra Novak')).toContain('Petra Novak');
  });
});
