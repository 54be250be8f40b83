import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir, removeDir } from '../core/helpers';
import { type Site, startOtherHost, startSite } from '../import/site';
import { runCli } from './helpers';

let site: Site;
let other: Awaited<ReturnType<typeof startOtherHost>>;
const dirs: string[] = [];
const tempDir = () => {
  const dir = makeTempDir('network-qa-cli-import-');
  dirs.push(dir);
  return dir;
};
// No pause between requests, a short timeout for the page that hangs, a 1 MB size limit.
const FAST = ['--delay', '0', '--timeout', '1', '--max-size', '1'];

beforeAll(async () => {
  other = await startOtherHost();
  site = await startSite(other.base);
});
afterAll(async () => {
  await site.close();
  await other.close();
  dirs.forEach(removeDir);
});

describe('network-qa import: the command line', () => {
  it.each([
    [[], /give at least one SOURCE/],
    [['--prune', 'x'], /--prune works only with --refresh/],
    [['--refresh', 'http://127.0.0.1/'], /give no SOURCE with it/],
    [['mailto:office@harbour.example'], /is not an http\(s\) URL/],
    [['http://127.0.0.1/', '--max-pages', '0'], /--max-pages must be a whole number of at least 1/],
    [['http://127.0.0.1/', '--delay', 'soon'], /--delay must be a number/],
    [['http://127.0.0.1/', '--follow'], /Unknown option '--follow'/],
  ])('refuses %j with exit code 2 and says why', async (args, message) => {
    const run = await runCli(['import', ...args], { KNOWLEDGE_DIR: tempDir() });
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
    expect(run.err).toContain('Usage: network-qa import');
  });

  it('shows its usage with --help', async () => {
    const run = await runCli(['import', '--help'], {});
    expect(run.code).toBe(0);
    expect(run.out).toContain('--refresh');
  });
});

describe('network-qa import: a crawl', () => {
  it('prints a line per page, a line per source and a summary, and exits 1 because some pages failed', async () => {
    // 11 failures: the 9 bad answers of the site, and its navigation's links to /site/ and /site/contact.html (404).
    const knowledge = tempDir();
    const run = await runCli(['import', `${site.base}/site/index.html`, '--crawl', '--knowledge', knowledge, ...FAST], {});
    expect(run.code).toBe(1);
    expect(run.out).toMatch(new RegExp(`^imported +${site.base}/site/about\\.html → .*imported/127\\.0\\.0\\.1_\\d+/site/about\\.md$`, 'm'));
    expect(run.out).toMatch(new RegExp(`^skipped +${site.base}/site/private/minutes\\.html: disallowed by robots\\.txt$`, 'm'));
    expect(run.out).toMatch(new RegExp(`^failed +${site.base}/site/broken\\.html: HTTP 500 Internal Server Error$`, 'm'));
    expect(run.out).toMatch(new RegExp(`^── ${site.base}/site/index\\.html: 6 imported, 1 skipped by robots\\.txt, 1 skipped, 11 failed$`, 'm'));
    expect(run.out).toMatch(/^Summary: 6 imported, 1 skipped by robots\.txt, 1 skipped, 11 failed$/m);
    expect(run.err).toContain(`failed: ${site.base}/site/loop-a: too many redirects (more than 5)`);
  });

  it('exits 0 when every source was handled, and a dry run writes nothing', async () => {
    const knowledge = tempDir();
    const dry = await runCli(['import', `${site.base}/site/about.html`, `${site.base}/site/report.pdf`, '--dry-run', '--knowledge', knowledge, ...FAST], {});
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(/^would be imported +http.*about\.html/m);
    expect(dry.out).toContain('(dry run: nothing written)');
    expect(readdirSync(knowledge)).toEqual([]);
    const real = await runCli(['import', `${site.base}/site/about.html`, `${site.base}/site/report.pdf`, '--knowledge', knowledge, ...FAST], {});
    expect(real.code).toBe(0);
    expect(real.out).toMatch(/^Summary: 2 imported$/m);
    const again = await runCli(['import', `${site.base}/site/about.html`, '--knowledge', knowledge, ...FAST], {});
    expect(again.out).toMatch(/^Summary: 1 unchanged$/m);
  });
});

describe('network-qa import --refresh', () => {
  it('asks conditionally, rewrites what changed, lists what is gone, and deletes it only with --prune', async () => {
    const knowledge = tempDir();
    const first = await runCli(['import', `${site.base}/site/about.html`, `${site.base}/site/moved.html`, `${site.base}/site/report.pdf`, '--knowledge', knowledge, ...FAST], {});
    expect(first.code).toBe(0);
    const host = `127.0.0.1_${new URL(site.base).port}`;
    const news = join(knowledge, 'imported', host, 'site', 'news.md');
    const pdf = join(knowledge, 'imported', 'files', host, 'site', 'report.pdf');

    const newsRoute = site.routes.get('/site/news.html')!;
    const reportRoute = site.routes.get('/site/report.pdf')!;
    site.routes.set('/site/news.html', { body: '<html><head><title>News</title></head><body><main><h1>News</h1><p>The summer ferry from Aarhus to Gdynia now starts on 15 June and sails every day of the week during July and August.</p></main></body></html>' });
    site.routes.delete('/site/report.pdf');
    try {
      const refresh = await runCli(['import', '--refresh', '--knowledge', knowledge, ...FAST], {});
      expect(refresh.code).toBe(0);
      expect(refresh.out).toMatch(/^unchanged +http.*\/site\/about\.html/m);
      expect(refresh.out).toMatch(/^updated +http.*\/site\/moved\.html → .*news\.md$/m);
      expect(refresh.out).toMatch(/^gone +http.*\/site\/report\.pdf → .*: HTTP 404: the page is gone; kept \(use --prune to delete it\)$/m);
      expect(readFileSync(news, 'utf8')).toContain('now starts on 15 June');
      expect(existsSync(pdf)).toBe(true);

      const prune = await runCli(['import', '--refresh', '--prune', '--knowledge', knowledge, ...FAST], {});
      expect(prune.out).toMatch(/^pruned +http.*\/site\/report\.pdf/m);
      expect(existsSync(pdf)).toBe(false);
      expect(existsSync(`${pdf}.yml`)).toBe(false);
      expect(prune.out).toMatch(/^Summary: 2 unchanged, 1 pruned$/m);
    } finally {
      site.routes.set('/site/news.html', newsRoute);
      site.routes.set('/site/report.pdf', reportRoute);
    }
  });
});
