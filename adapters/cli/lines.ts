/**
 * Reads a stream line by line with a limit on a line's length, so one huge line (700 MB in issue 12) costs neither
 * the memory to hold it nor the lines after it: it is reported, skipped, and reading goes on.
 */

/** One line of input: its text, or, when it is longer than the limit, its first bytes and its length. */
export type Line = { number: number; text: string } | { number: number; tooLong: true; bytes: number; head: string };

/** Bytes of an over-long line kept, to find its `"id"` for the error reply. */
const HEAD_BYTES = 256;

/**
 * Yields the lines of `input` (split on `\n`, a trailing `\r` removed), never holding more than `maxBytes` of one.
 * @param maxBytes longest line, in bytes, given as text; longer ones are yielded as `tooLong`
 */
export async function* readLines(input: NodeJS.ReadableStream, maxBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let size = 0;
  let over = false;
  let number = 0;
  const finish = (): Line => {
    number++;
    const joined = Buffer.concat(parts);
    const line: Line = over ? { number, tooLong: true, bytes: size, head: joined.toString('utf8') } : { number, text: joined.toString('utf8').replace(/\r$/, '') };
    parts = [];
    size = 0;
    over = false;
    return line;
  };
  const take = (piece: Buffer): void => {
    size += piece.length;
    if (over) return;
    if (size > maxBytes) {
      over = true;
      // Keep only the head; the rest of the line is counted, not kept.
      const kept = Buffer.concat([...parts, piece]).subarray(0, HEAD_BYTES);
      parts = [kept];
      return;
    }
    parts.push(piece);
  };
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    let buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    for (let newline = buffer.indexOf(10); newline !== -1; newline = buffer.indexOf(10)) {
      take(buffer.subarray(0, newline));
      yield finish();
      buffer = buffer.subarray(newline + 1);
    }
    if (buffer.length) take(buffer);
  }
  if (size > 0 || parts.length > 0) yield finish();
}
