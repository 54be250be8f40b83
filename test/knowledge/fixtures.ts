/** Builds the PDF and Word files the conversion and import tests read, with pdf-lib and docx (no committed binaries). */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFPage, type PDFRef, PDFString, StandardFonts } from 'pdf-lib';

export interface PdfLineSpec {
  text: string;
  /** Font size in points. @defaultValue 11 */
  size?: number;
}

export interface PdfPageSpec {
  lines: PdfLineSpec[];
  /** Printed at the top of the page. */
  header?: string;
  /** Printed at the bottom, e.g. a page number. */
  footer?: string;
}

export interface PdfSpec {
  title?: string;
  pages: PdfPageSpec[];
  /** Bookmarks: top-level entries with optional children, each pointing at a 1-based page. */
  outline?: { title: string; page: number; children?: { title: string; page: number }[] }[];
}

const PAGE: [number, number] = [595, 842];
const TOP = 780;

function addOutline(doc: PDFDocument, pages: PDFPage[], outline: NonNullable<PdfSpec['outline']>): void {
  const context = doc.context;
  const rootRef = context.nextRef();
  const build = (entries: { title: string; page: number; children?: { title: string; page: number }[] }[], parent: PDFRef): PDFRef[] => {
    const refs = entries.map(() => context.nextRef());
    entries.forEach((entry, i) => {
      const dest = PDFArray.withContext(context);
      dest.push(pages[entry.page - 1].ref);
      dest.push(PDFName.of('XYZ'));
      dest.push(context.obj(null));
      dest.push(PDFNumber.of(PAGE[1]));
      dest.push(context.obj(null));
      const dict: Record<string, unknown> = { Title: PDFHexString.fromText(entry.title), Parent: parent, Dest: dest };
      if (i > 0) dict.Prev = refs[i - 1];
      if (i < entries.length - 1) dict.Next = refs[i + 1];
      if (entry.children?.length) {
        const kids = build(entry.children, refs[i]);
        dict.First = kids[0];
        dict.Last = kids[kids.length - 1];
        dict.Count = PDFNumber.of(kids.length);
      }
      context.assign(refs[i], context.obj(dict as never));
    });
    return refs;
  };
  const top = build(outline, rootRef);
  context.assign(rootRef, context.obj({ Type: 'Outlines', First: top[0], Last: top[top.length - 1], Count: PDFNumber.of(top.length) } as never));
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
}

/** A PDF with a text layer: lines top down, optional running header and footer, optional bookmarks. */
export async function makePdf(spec: PdfSpec): Promise<Buffer> {
  const doc = await PDFDocument.create();
  if (spec.title) doc.setTitle(spec.title);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const pages = spec.pages.map((p) => {
    const page = doc.addPage(PAGE);
    if (p.header) page.drawText(p.header, { x: 50, y: 810, size: 9, font });
    let y = TOP;
    for (const line of p.lines) {
      const size = line.size ?? 11;
      if (line.text) page.drawText(line.text, { x: 50, y, size, font });
      y -= size * 1.25;
    }
    if (p.footer) page.drawText(p.footer, { x: 290, y: 30, size: 9, font });
    return page;
  });
  if (spec.outline) addOutline(doc, pages, spec.outline);
  return Buffer.from(await doc.save());
}

/** A PDF whose only page is a drawing: no text layer, as a scan would be. */
export async function makeScannedPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage(PAGE);
  page.drawRectangle({ x: 50, y: 400, width: 400, height: 300 });
  return Buffer.from(await doc.save());
}

/** A PDF that needs a password to open: a standard security handler whose user password is not empty. */
export async function makeEncryptedPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage(PAGE).drawText('Secret minutes of the board.', { x: 50, y: 700, size: 12, font });
  const encrypt = doc.context.obj({
    Filter: 'Standard',
    V: 1,
    R: 2,
    O: PDFString.of('0123456789abcdef0123456789abcdef'),
    U: PDFString.of('fedcba9876543210fedcba9876543210'),
    P: -4,
  } as never) as unknown as PDFDict;
  doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of('00112233445566778899aabbccddeeff'), PDFHexString.of('00112233445566778899aabbccddeeff')]);
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

export interface DocxSpec {
  title?: string;
  /** Blocks in order: a heading, a paragraph, a bulleted list, or a table (first row is the header). */
  body: ({ heading: string; level?: 1 | 2 } | { paragraph: string } | { bullets: string[] } | { table: string[][] })[];
}

/** A Word document with real heading styles, a bulleted list and a table. */
export async function makeDocx(spec: DocxSpec): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  for (const block of spec.body) {
    if ('heading' in block) children.push(new Paragraph({ text: block.heading, heading: block.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_1 }));
    else if ('paragraph' in block) children.push(new Paragraph({ children: [new TextRun(block.paragraph)], alignment: AlignmentType.LEFT }));
    else if ('bullets' in block) for (const item of block.bullets) children.push(new Paragraph({ text: item, bullet: { level: 0 } }));
    else children.push(new Table({ rows: block.table.map((row) => new TableRow({ children: row.map((cell) => new TableCell({ children: [new Paragraph(cell)] })) })) }));
  }
  const doc = new Document({ ...(spec.title ? { title: spec.title } : {}), sections: [{ children }] });
  return Packer.toBuffer(doc);
}
