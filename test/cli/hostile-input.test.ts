/**
 * Issue 12, findings 4 and 6: ESC/OSC control characters in a question from Slack or Discord were printed raw by
 * `network-qa report` and by `ask` in text mode, and one huge line in `ask --batch` crashed it and lost the lines after.
 */
import { Readable, Writable } from 'node:stream';
import { MAX_LINE_BYTES } from '../../adapters/cli/ask';
import { main } from '../../adapters/cli/main';
import { createQA } from '../../src/qa';
import { jsonTerminalSafe, terminalSafe } from '../../src/text/terminal-safe';
import { BUNDLED_KNOWLEDGE, makeTempDir, removeDir } from '../core/helpers';

jest.setTimeout(60_000);

let tmp: string;
beforeAll(() => {
  tmp = makeTempDir('network-qa-hostile-');
});
afterAll(() => removeDir(tmp));

/** Runs `network-qa ARGV` in-process with `stdin` as the input stream. */
async function cli(argv: string[], stdin: Readable, env: NodeJS.ProcessEnv): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const sink = (append: (s: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        append(String(chunk));
        done();
      },
    });
  const code = await main(argv, { stdin, stdout: sink((s) => (out += s)), stderr: sink((s) => (err += s)), env: { LOG_LEVEL: 'silent', ...env } });
  return { code, out, err };
}

// Sets the terminal title, clears the screen, rings the bell, 8-bit CSI, a cursor move, and a C1 OSC.
const HOSTILE = 'Who is the vice chair?\x1b]0;pwned\x07\x1b[2J\x07\x9b31m\x1b[10;10H\x9d8;;http://evil\x9c done';
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

describe('terminalSafe', () => {
  it('removes escape sequences and control characters and keeps text, newlines, tabs and any script', () => {
    expect(terminalSafe(HOSTILE)).toBe('Who is the vice chair? done');
    expect(terminalSafe('Kraków\tMalmö\n👍 Ελλάδα')).toBe('Kraków\tMalmö\n👍 Ελλάδα');
    expect(terminalSafe('a\rb\x00c\x7fd\x1bce')).toBe('abcde');
  });

  it('keeps JSON the same value while escaping C1 characters', () => {
    const json = JSON.stringify({ q: 'x\x9by\x1b' });
    expect(CONTROL.test(jsonTerminalSafe(json))).toBe(false);
    expect(JSON.parse(jsonTerminalSafe(json))).toEqual({ q: 'x\x9by\x1b' });
  });
});

describe('printing hostile questions to a terminal', () => {
  it('ask --batch in text mode prints the question without its escape sequences', async () => {
    const { code, out } = await cli(['ask', '--batch'], Readable.from([`${HOSTILE}\n`]), { KNOWLEDGE_DIR: BUNDLED_KNOWLEDGE, DATA_DIR: `${tmp}/ask` });
    expect(code).toBe(0);
    expect(out).toContain('Q: Who is the vice chair? done');
    expect(CONTROL.test(out)).toBe(false);
  });

  it('network-qa report prints logged questions without their escape sequences, as text and as JSON', async () => {
    const dataDir = `${tmp}/report`;
    const qa = await createQA({ knowledgeDir: BUNDLED_KNOWLEDGE, dataDir });
    qa.ask(`${HOSTILE} and the budget?`, { platform: 'slack', userId: 'UEVIL0001' });
    qa.ask('\x1b]0;pwned\x07What is the unemployment rate in Madrid?', { platform: 'discord', userId: 'UEVIL0001' });
    await qa.close();
    const text = await cli(['report', '--since', '1d'], Readable.from([]), { DATA_DIR: dataDir });
    expect(text.code).toBe(0);
    expect(text.out).toContain('What is the unemployment rate in Madrid?');
    expect(CONTROL.test(text.out)).toBe(false);
    const json = await cli(['report', '--since', '1d', '--json'], Readable.from([]), { DATA_DIR: dataDir });
    expect(CONTROL.test(json.out)).toBe(false);
    expect(JSON.stringify(JSON.parse(json.out))).toContain('unemployment rate in Madrid');
  });
});

describe('ask --batch with a line of tens of MB', () => {
  it('answers the lines around it and gives the huge line one clear error line', async () => {
    const hugeBytes = 30 * 1024 * 1024;
    async function* input() {
      yield '{"id":"q1","question":"Who is the vice chair?"}\n';
      yield '{"id":"huge","question":"';
      const block = 'a'.repeat(1024 * 1024);
      for (let sent = 0; sent < hugeBytes; sent += block.length) yield block;
      yield '"}\n{"id":"q3","question":"Is Malmö a member?"}\n';
    }
    const { code, out } = await cli(['ask', '--json', '--batch'], Readable.from(input()), { KNOWLEDGE_DIR: BUNDLED_KNOWLEDGE, DATA_DIR: `${tmp}/batch` });
    expect(code).toBe(0);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as { id: string; status: string; message?: string });
    expect(lines.map((l) => [l.id, l.status])).toEqual([
      ['q1', 'answered'],
      ['huge', 'error'],
      ['q3', 'answered'],
    ]);
    expect(lines[1].message).toMatch(new RegExp(`^line 2: longer than ${MAX_LINE_BYTES / 1024} KiB \\(\\d+ bytes\\); skipped$`));
  });
});
