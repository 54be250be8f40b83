import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { KnowledgeDocument } from '../../types';
import { assembleDocument, type DeclaredMeta, DocumentProblem, type PlacedBlock } from '../document';
import { markdownBlocks } from '../markdown';
import { markdownFromHtml } from './markdown-from-html';
import { describeStart, ZIP_MAGIC } from './sniff';

/** Title and language from `docProps/core.xml` (Word's File › Properties), when set. */
async function coreProperties(bytes: Buffer): Promise<{ title?: string; lang?: string }> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('docProps/core.xml')?.async('string');
    if (!xml) return {};
    const parsed = new XMLParser({ removeNSPrefix: true, parseTagValue: false }).parse(xml) as { coreProperties?: Record<string, unknown> };
    const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
    const title = text(parsed.coreProperties?.title);
    const lang = text(parsed.coreProperties?.language);
    return { ...(title ? { title } : {}), ...(lang ? { lang } : {}) };
  } catch {
    return {};
  }
}

/**
 * Converts a Word document (mammoth) to Markdown: headings, lists and tables keep their structure.
 * @throws DocumentProblem when the bytes are not a readable .docx
 */
export async function convertDocx(bytes: Buffer): Promise<{ markdown: string; title?: string; lang?: string }> {
  if (!bytes.subarray(0, 4).equals(ZIP_MAGIC)) {
    throw new DocumentProblem('knowledge_invalid_document', `is not a Word .docx file (${describeStart(bytes)}); is the extension wrong?`, 1);
  }
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: bytes })).value;
  } catch (error) {
    throw new DocumentProblem('knowledge_invalid_document', `is not a readable Word document (${(error as Error).message.split('\n')[0]})`, 1);
  }
  const markdown = markdownFromHtml(html);
  if (!markdown.trim()) throw new DocumentProblem('knowledge_empty_document', 'has no text to answer from', 1);
  return { markdown, ...(await coreProperties(bytes)) };
}

/**
 * A `.docx` file as a knowledge document. A passage's line is its paragraph number: headings, paragraphs,
 * list items and table rows each count one.
 * @param file path relative to the knowledge folder
 */
export async function docxToDocument(file: string, bytes: Buffer, meta: DeclaredMeta): Promise<KnowledgeDocument> {
  const converted = await convertDocx(bytes);
  const lines = converted.markdown.split('\n');
  const paragraphOf: number[] = [];
  let count = 0;
  for (const line of lines) {
    if (line.trim() && !/^\|?\s*-{3,}/.test(line)) count++;
    paragraphOf.push(Math.max(count, 1));
  }
  const { blocks, title: firstHeading } = markdownBlocks(converted.markdown);
  const placed: PlacedBlock[] = blocks.map((b) => ({ ...b, sourceLine: paragraphOf[b.line] ?? 1 }));
  return assembleDocument(file, placed, meta, { ...(converted.title ? { title: converted.title } : {}), ...(converted.lang ? { lang: converted.lang } : {}), ...(firstHeading ? { firstHeading } : {}) });
}
