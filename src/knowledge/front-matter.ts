import type matterFn from 'gray-matter';

let matter: typeof matterFn | undefined;

/** gray-matter, loaded on first use: a start with a fresh saved index parses no document. */
export function grayMatter(text: string): { data: Record<string, unknown>; content: string } {
  matter ??= require('gray-matter') as typeof matterFn;
  // A fresh options object: gray-matter caches by content otherwise, and errors would not be re-reported.
  return matter(text, {});
}
