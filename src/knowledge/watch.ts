/**
 * Watches a knowledge folder for changes, including its replacement by a rename (`mv new knowledge`): a watcher
 * follows the folder it was opened on, so when another folder takes the name, the watcher is opened again on it.
 */
import { type FSWatcher, statSync, watch } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Logger } from '../types';

/** A running watch; `close()` stops it. */
export interface FolderWatch {
  close(): void;
}

function inodeOf(dir: string): number | null {
  try {
    return statSync(dir).ino;
  } catch {
    return null;
  }
}

/**
 * Calls `onChange(file)` for every change under `dir` (file relative to `dir`, or null when unknown), and
 * `onChange(null)` when `dir` itself is replaced or comes back. Watchers never keep the process alive.
 */
export function watchKnowledgeFolder(dir: string, onChange: (file: string | null) => void, logger: Logger): FolderWatch {
  let inner: FSWatcher | null = null;
  let inode: number | null = null;
  let closed = false;

  const open = (): void => {
    inner?.close();
    inner = null;
    inode = inodeOf(dir);
    if (inode === null) return;
    try {
      inner = watch(dir, { recursive: true }, (_event, file) => onChange(file ? String(file) : null));
      inner.on('error', (error) => logger.warn({ code: 'watch_failed', folder: dir, error: error.message }, 'watcher stopped'));
      inner.unref();
    } catch (error) {
      logger.warn({ code: 'watch_failed', folder: dir, error: (error as Error).message }, 'cannot watch the folder');
    }
  };

  // The parent sees the folder's name come and go; only then is the folder looked at again.
  let parent: FSWatcher | null = null;
  try {
    parent = watch(dirname(dir), { recursive: false }, (_event, name) => {
      if (closed || (name !== null && String(name) !== basename(dir))) return;
      const now = inodeOf(dir);
      if (now === inode) return;
      logger.info({ code: 'knowledge_folder_replaced', folder: dir }, 'the knowledge folder was replaced; watching the new one');
      open();
      onChange(null);
    });
    parent.on('error', (error) => logger.warn({ code: 'watch_failed', folder: dirname(dir), error: error.message }, 'watcher stopped'));
    parent.unref();
  } catch (error) {
    logger.warn({ code: 'watch_failed', folder: dirname(dir), error: (error as Error).message }, 'cannot watch the folder above the knowledge; a replaced folder is not noticed');
  }
  open();
  return {
    close() {
      closed = true;
      inner?.close();
      parent?.close();
    },
  };
}
