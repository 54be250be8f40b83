import { Readable, Writable } from 'node:stream';
import { main } from '../../adapters/cli/main';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** A writable stream that keeps what is written to it. */
function collector(): Writable & { text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return Object.assign(stream, { text: () => Buffer.concat(chunks).toString('utf8') });
}

/** Runs `network-qa ARGV` in-process with in-memory stdin/stdout/stderr and the given environment. */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv, stdinText = ''): Promise<CliRun> {
  const stdout = collector();
  const stderr = collector();
  const stdin = Readable.from(stdinText ? [stdinText] : []);
  const code = await main(argv, { stdin, stdout, stderr, env: { LOG_LEVEL: 'silent', ...env } });
  return { code, out: stdout.text(), err: stderr.text() };
}
