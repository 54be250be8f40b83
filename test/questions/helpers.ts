import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Answer, Logger } from '../../src/types';

/** A fresh temporary folder, removed after the test file. */
export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'network-qa-questions-'));
}

/** The parts of an Answer the log keeps. */
export function answer(id: string, status: Answer['status'] = 'answered', sources: Answer['sources'] = []): Pick<Answer, 'id' | 'status' | 'confidence' | 'sources'> {
  return { id, status, confidence: status === 'answered' ? 0.8 : 0.1, sources };
}

/** A logger that remembers what it was told. */
export function recordingLogger(): Logger & { entries: { level: string; obj: Record<string, unknown> }[] } {
  const entries: { level: string; obj: Record<string, unknown> }[] = [];
  const at = (level: string) => (obj: object) => void entries.push({ level, obj: obj as Record<string, unknown> });
  return { entries, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** A clock the test can move. */
export function clock(start: string): { now: () => Date; set(iso: string): void; advanceDays(days: number): void } {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    set: (iso) => void (t = Date.parse(iso)),
    advanceDays: (days) => void (t += days * 86_400_000),
  };
}

export const FIXTURE_LOG = path.join(__dirname, '..', 'fixtures', 'questions', 'questions.jsonl');
export const FIXTURE_NOW = new Date('2024-05-08T12:00:00.000Z');
