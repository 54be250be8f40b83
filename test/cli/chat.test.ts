import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { chatCommand } from '../../adapters/cli/chat';
import { renderReply, terminalStyle } from '../../adapters/cli/render';
import { createQA, type QA } from '../../src';
import { CHAT } from '../../src/present';

const KNOWLEDGE = path.join(__dirname, '../../knowledge');
const ANSI = /\x1b\[[0-9;]*m/g;

describe('terminal chat', () => {
  let qa: QA;
  beforeAll(async () => {
    qa = await createQA({ knowledgeDir: KNOWLEDGE, persistIndex: false, logQuestions: false });
  });
  afterAll(() => qa.close());

  const tty = (columns: number) => Object.assign(new PassThrough(), { isTTY: true, columns });

  it('colours only a TTY, and never with NO_COLOR', () => {
    expect(terminalStyle(new PassThrough(), {})).toEqual({ width: Infinity, color: false });
    expect(terminalStyle(tty(100), {})).toEqual({ width: 100, color: true });
    expect(terminalStyle(tty(100), { NO_COLOR: '1' })).toEqual({ width: 100, color: false });
  });

  it('wraps replies to the terminal width at word boundaries, sources dimmed', async () => {
    const reply = await qa.converse('What is ENoLL?');
    const { lines } = renderReply(reply, { width: 40, color: true }, '     ');
    const text = lines.join('\n');
    for (const line of text.split('\n')) expect(line.replace(ANSI, '').length).toBeLessThanOrEqual(40);
    // Every word of the answer survives whole: wrapping only ever breaks at spaces.
    const words = (s: string) => s.replace(ANSI, '').split(/\s+/).filter(Boolean);
    if (reply.kind !== 'answers') throw new Error('expected an answer');
    const shown = words(text).join(' ');
    expect(shown).toContain(words(reply.answers[0]!.answer).join(' '));
    expect(text).toMatch(/\x1b\[2mSource:/);
  });

  it('shows the last sources with /sources and leaves at /quit', async () => {
    const stdin = new PassThrough();
    let out = '';
    const stdout = new Writable({
      write(chunk, _encoding, done) {
        out += chunk.toString();
        done();
      },
    });
    stdin.end('/sources\nWho is the vice chair?\n/sources\n/quit\nWhat is OASC?\n');
    expect(await chatCommand(qa, { stdin, stdout, stderr: new PassThrough(), env: {} })).toBe(0);
    const { sources } = qa.ask('Who is the vice chair?');
    expect(out).toContain(CHAT.noSources);
    expect(out.match(new RegExp(`Source: ${sources[0]!.title}`, 'g'))).toHaveLength(2);
    expect(out).not.toContain(qa.ask('What is OASC?').answer);
  });
});
