/** The secret salt that turns platform user ids into hashes the question log can keep. */
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NetworkQaError } from '../errors';
import type { Platform } from '../types';

/** Shortest salt accepted from disk (hex characters); anything shorter was not written by us. */
const MIN_SALT_LENGTH = 32;

/**
 * Reads the salt from `file`, or creates a random one there on first use.
 * Creation is atomic and safe against a second process doing the same: the salt is written to a
 * temporary file, fsynced, then hard-linked into place, which fails if another process won the race
 * (its salt is then used).
 * @param file usually `DATA_DIR/salt`
 */
export function loadOrCreateSalt(file: string): string {
  const existing = readSalt(file);
  if (existing !== null) return existing;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const salt = randomBytes(32).toString('hex');
  const fd = fs.openSync(temp, 'wx', 0o600);
  try {
    fs.writeSync(fd, `${salt}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(temp, file);
    return salt;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new NetworkQaError('config_invalid', `Cannot create the question log salt ${file}: ${(error as Error).message}`, { cause: error });
    }
    const winner = readSalt(file);
    if (winner === null) throw new NetworkQaError('config_invalid', `The question log salt ${file} vanished while being created`);
    return winner;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

function readSalt(file: string): string | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new NetworkQaError('config_invalid', `Cannot read the question log salt ${file}: ${(error as Error).message}`, { cause: error });
  }
  const salt = text.trim();
  if (salt.length < MIN_SALT_LENGTH) {
    throw new NetworkQaError('config_invalid', `The question log salt ${file} is damaged (shorter than ${MIN_SALT_LENGTH} characters); restore it, or delete it to start counting users afresh`);
  }
  return salt;
}

/**
 * Hashes a platform user id with the salt: stable for the same user on the same platform, and not
 * reversible without the salt (a raw Slack or Discord id is easy to guess from a workspace's member list).
 * @returns 32 hex characters (128 bits of SHA-256)
 */
export function hashUser(salt: string, platform: Platform | null, userId: string): string {
  return createHash('sha256').update(`${salt}\0${platform ?? ''}\0${userId}`).digest('hex').slice(0, 32);
}
