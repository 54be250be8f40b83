import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledge } from '../../src/knowledge/load';
import { makeTempDir, removeDir } from '../core/helpers';

const REGISTER = join(__dirname, '..', 'fixtures', 'questions', 'ts-register.js');
const RUN_IMPORT = join(__dirname, '..', 'fixtures', 'import', 'run-import.ts');
const PAGES = 400;
const PARAGRAPH = 'Every member port reports its shore power, its dredging and its ferry traffic to the network once a quarter. ';

/** Markdown files under a folder, recursively, without temp files (dot files). */
function documents(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md') && !e.name.startsWith('.'))
    .map((e) => join(e.parentPath, e.name));
}

describe('an import killed midway (kill -9)', () => {
  let server: Server;
  let base: string;
  let knowledge: string;
  beforeAll(async () => {
    knowledge = makeTempDir('network-qa-kill-import-');
    // An index linking to many long pages, each ending with a marker that a complete document holds.
    server = createServer((req, res) => {
      const path = req.url ?? '/';
      if (path === '/robots.txt') return void res.writeHead(404).end();
      const n = /^\/docs\/page-(\d+)\.html$/.exec(path)?.[1];
      const body =
        n === undefined
          ? `<html><body><main><h1>Reports</h1><p>${PARAGRAPH.repeat(5)}</p>${Array.from({ length: PAGES }, (_, i) => `<a href="/docs/page-${i}.html">report ${i}</a>`).join(' ')}</main></body></html>`
          : `<html><head><title>Report ${n}</title></head><body><main><h1>Report ${n}</h1>${`<p>${PARAGRAPH.repeat(20)}</p>`.repeat(40)}<p>End of report ${n}.</p></main></body></html>`;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    removeDir(knowledge);
  });

  it('leaves only whole documents, which all load', async () => {
    const child = spawn(process.execPath, ['-r', REGISTER, RUN_IMPORT, `${base}/docs/index.html`, '--crawl', '--max-pages', String(PAGES + 1), '--delay', '0', '--knowledge', knowledge], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    const deadline = Date.now() + 60_000;
    const started = () => {
      try {
        return documents(knowledge).length >= 5;
      } catch {
        return false;
      }
    };
    while (!started()) {
      if (child.exitCode !== null) throw new Error(`the import exited early: ${stderr}`);
      if (Date.now() > deadline) throw new Error(`the import wrote nothing in time: ${stderr}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const written = documents(knowledge);
    expect(written.length).toBeGreaterThanOrEqual(5);
    expect(written.length).toBeLessThan(PAGES + 1);
    for (const file of written) {
      const text = readFileSync(file, 'utf8');
      const n = /^title: Report (\d+)$/m.exec(text)?.[1];
      if (n !== undefined) expect(text.trimEnd().endsWith(`End of report ${n}.`)).toBe(true);
    }
    const loaded = await loadKnowledge(knowledge);
    expect(loaded.warnings).toEqual([]);
    expect(loaded.documents).toHaveLength(written.length);
  });
});
