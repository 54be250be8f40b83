import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Path of a data file under `src/text/data/`. The compiler copies only imported JSON to `dist/`, so from
 * `dist/src/text/` a binary file such as the gzipped WordNet table is read from the source tree beside it.
 */
export function textDataFile(name: string): string {
  const beside = join(__dirname, 'data', name);
  if (existsSync(beside)) return beside;
  return join(__dirname, '..', '..', '..', 'src', 'text', 'data', name);
}
