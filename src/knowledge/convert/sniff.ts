/** The first bytes of a .docx (a ZIP archive). */
export const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** What a file starts with, for "wrong extension" messages. */
export function describeStart(bytes: Buffer): string {
  const head = bytes.subarray(0, 512).toString('latin1');
  if (head.startsWith('%PDF-')) return 'it is a PDF';
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) return 'it is a ZIP archive';
  if (/^\s*(<!doctype html|<html)/i.test(head)) return 'it is an HTML page';
  if (!bytes.length) return 'it is empty';
  if (/^[\x09\x0a\x0d\x20-\x7e\x80-\xff]*$/.test(head)) return 'it is text';
  return 'unknown binary content';
}
