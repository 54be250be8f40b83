/** Turning platform user ids into hashes the question log can keep (the secret salt is kept in the store). */
import { createHash } from 'node:crypto';
import type { Platform } from '../types';

/**
 * Hashes a platform user id with the salt: stable for the same user on the same platform, and not
 * reversible without the salt (a raw Slack or Discord id is easy to guess from a workspace's member list).
 * @returns 32 hex characters (128 bits of SHA-256)
 */
export function hashUser(salt: string, platform: Platform | null, userId: string): string {
  return createHash('sha256').update(`${salt}\0${platform ?? ''}\0${userId}`).digest('hex').slice(0, 32);
}
