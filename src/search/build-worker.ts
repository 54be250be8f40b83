/**
 * The worker thread's side of `worker.ts`: builds an index from a knowledge folder, or reads a saved one, away from
 * the thread that answers questions, and posts it back as an {@link IndexTransfer}. Run only as a worker's entry.
 */
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { fingerprintFiles, loadKnowledge } from '../knowledge/load';
import { writeFileAtomic } from '../files';
import { buildIndex } from './build';
import { storedIndexProblem } from './check-stored';
import { headerProblem, storedForm, toTransfer, type StoredPayload } from './store';
import type { WorkerReply, WorkerTask } from './worker';

async function run(task: WorkerTask): Promise<WorkerReply> {
  if (task.kind === 'build') {
    // `await`: the loader may become asynchronous (PDF, DOCX, HTML conversion); this side absorbs that.
    const knowledge = await loadKnowledge(task.knowledgeDir);
    if (knowledge.warnings.length || !knowledge.documents.length) {
      return { kind: 'rejected', warnings: knowledge.warnings, documents: knowledge.documents.length, skipped: knowledge.skipped };
    }
    const payload = storedForm(buildIndex(knowledge));
    let saveError: string | undefined;
    if (task.saveTo) {
      try {
        writeFileAtomic(task.saveTo, JSON.stringify(payload));
      } catch (error) {
        saveError = (error as Error).message;
      }
    }
    return { kind: 'index', transfer: toTransfer(payload), skipped: knowledge.skipped, ...(saveError ? { saveError } : {}) };
  }
  let payload: StoredPayload;
  try {
    payload = JSON.parse(readFileSync(task.file, 'utf8')) as StoredPayload;
  } catch (error) {
    return { kind: 'unusable', reason: `saved index ${task.file} cannot be read: ${(error as Error).message}` };
  }
  if (typeof payload !== 'object' || payload === null) return { kind: 'unusable', reason: `saved index ${task.file} is not a JSON object` };
  const problem = headerProblem(payload, task.file, fingerprintFiles(task.knowledgeDir));
  if (problem) return { kind: 'unusable', reason: problem };
  if (payload.builtAt === task.unlessBuiltAt) return { kind: 'unusable', reason: 'already in use' };
  const damage = storedIndexProblem(payload.index);
  if (damage) return { kind: 'unusable', reason: `saved index ${task.file} is damaged: ${damage}` };
  return { kind: 'index', transfer: toTransfer(payload) };
}

// One worker serves every task of its process, one message each (see `IndexWorker` in worker.ts).
parentPort?.on('message', ({ id, task }: { id: number; task: WorkerTask }) => {
  run(task).then(
    (reply) => parentPort?.postMessage({ id, reply }),
    (error: unknown) => parentPort?.postMessage({ id, reply: { kind: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies WorkerReply }),
  );
});
