#!/usr/bin/env node
'use strict';
/**
 * Compiles TypeScript to dist/ only when a source changed since the last build: `npm start`, `npm run bench`
 * and `npm run discord:register` call this instead of compiling every time (a no-op check takes a few ms;
 * `tsc` takes seconds). The last build is marked by dist/.tsbuildinfo (tsconfig.build.json's incremental file).
 */
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync, utimesSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const MARK = join(ROOT, 'dist', '.tsbuildinfo');
const SOURCE_DIRS = ['src', 'adapters', 'bench'];
const CONFIG_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package.json'];

/** Newest modification time (ms) of the sources and build settings. */
function newestSource() {
  let newest = 0;
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'out' && !entry.name.startsWith('.')) visit(path);
      } else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of SOURCE_DIRS) if (existsSync(join(ROOT, dir))) visit(join(ROOT, dir));
  for (const file of CONFIG_FILES) if (existsSync(join(ROOT, file))) newest = Math.max(newest, statSync(join(ROOT, file)).mtimeMs);
  return newest;
}

/** Whether dist/ is missing or older than a source. */
function isStale() {
  return !existsSync(MARK) || statSync(MARK).mtimeMs < newestSource();
}

/** Builds when stale; exits the process with tsc's code when the build fails. */
function buildIfStale() {
  if (!isStale()) return false;
  process.stderr.write('network-qa: sources changed since the last build; compiling…\n');
  let tsc;
  try {
    tsc = require.resolve('typescript/bin/tsc');
  } catch {
    // An install without dev dependencies cannot compile; run what was built, if anything was.
    if (existsSync(MARK)) return false;
    process.stderr.write('network-qa: dist/ is missing and TypeScript is not installed: run `npm install` first.\n');
    process.exit(1);
  }
  const result = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  // tsc leaves its build info untouched when no output changed (a file saved without edits): mark the check done.
  const now = new Date();
  utimesSync(MARK, now, now);
  return true;
}

module.exports = { buildIfStale, isStale };

if (require.main === module) buildIfStale();
