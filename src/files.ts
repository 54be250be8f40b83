import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NetworkQaError } from './errors';

/**
 * Writes a file atomically: a temp file beside it, fsync, rename, then fsync of the folder, so a
 * reader (or a crash) sees the old file or the new one, never half of one.
 * @throws NetworkQaError `write_failed` naming the file; the old file is left as it was
 */
export function writeFileAtomic(file: string, content: string | Uint8Array, mode = 0o644): void {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    const fd = fs.openSync(temp, 'wx', mode);
    try {
      if (typeof content === 'string') fs.writeFileSync(fd, content, 'utf8');
      else fs.writeFileSync(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw new NetworkQaError('write_failed', `cannot write ${file}: ${(error as Error).message}`, { cause: error });
  }
  fsyncDir(dir);
}

function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some platforms cannot fsync a folder; the rename itself is still atomic there.
  }
}

/** A temp file of {@link writeFileAtomic}: `.<name>.<pid>.<random>.tmp`. */
const TEMP_FILE_RE = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temp files that {@link writeFileAtomic} left in `dir` when its process was killed mid-write; a temp file
 * whose process still runs (another `network-qa` writing right now) is left alone.
 * @returns the files removed
 */
export function removeOrphanedTempFiles(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = TEMP_FILE_RE.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid || processAlive(Number(pid))) continue;
    try {
      fs.rmSync(path.join(dir, name), { force: true });
      removed.push(path.join(dir, name));
    } catch {
      // Not ours to remove (permissions): it stays, and is tried again next start.
    }
  }
  return removed;
}
