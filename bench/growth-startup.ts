/**
 * One start-up of the core, in a fresh process, for the growth benchmark: `createQA` over a knowledge folder whose
 * saved index is in the data folder, then the first question. Prints `{"readyMs": …}`, the time from the process's
 * start (module loading included) to the first answer.
 */
import { performance } from 'node:perf_hooks';
import { createQA } from '../src/qa';

async function main(): Promise<void> {
  const [knowledgeDir, dataDir, question] = process.argv.slice(2);
  const qa = await createQA({ knowledgeDir, dataDir, logQuestions: false });
  const loadedFromDisk = qa.stats().loadedFromDisk;
  qa.ask(question ?? 'help');
  const readyMs = performance.now();
  await qa.close();
  process.stdout.write(`${JSON.stringify({ readyMs, loadedFromDisk })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`growth-startup: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
