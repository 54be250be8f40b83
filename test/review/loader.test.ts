/**
 * Regression tests from the pre-release review of the knowledge loader (src/knowledge/load.ts, markdown.ts)
 * on tricky Markdown: each title says what must happen.
 */
import { parseDocument } from '../../src/knowledge/load';

const parse = (text: string, file = 'doc.md') => parseDocument(file, Buffer.from(text));
const FRONT = '---\ntitle: Night Market\nlang: en\n---\n';

describe('control cases', () => {
  it('strips a BOM, reads CRLF front matter and gives the right file line', () => {
    const d = parse('\uFEFF---\r\ntitle: BOM\r\nlang: en\r\n---\r\n\r\n# BOM\r\n\r\nThe Night Market sells fish.\r\n');
    expect(d.title).toBe('BOM');
    expect(d.passages).toMatchObject([{ kind: 'text', text: 'The Night Market sells fish.', source: { line: 8 } }]);
  });

  it('keeps a list right after a heading, numbered lists, and a list with plain items among **Label:** facts as a list', () => {
    const d = parse(`${FRONT}## Members\n- Oslo\n- Bergen\n\n1. first\n2. second\n\n## People\n- **Chair:** Anna\n- Bob\n`);
    expect(d.passages.map((p) => [p.kind, p.source.line, p.items])).toEqual([
      ['list', 6, ['Oslo', 'Bergen']],
      ['list', 9, ['first', 'second']],
      ['list', 13, ['Chair: Anna', 'Bob']],
    ]);
  });

  it('reports a YAML error on its file line', () => {
    expect(() => parse('---\na: 1\na: 2\n---\ntext')).toThrow(expect.objectContaining({ line: 3 }));
  });
});

describe('HTML in Markdown', () => {
  // A maintainer's comment or an HTML block is no answer text.
  it('does not index an HTML comment or HTML block as text to answer from', () => {
    const d = parse(`${FRONT}\n<!-- TODO: ask Federica whether this is still true -->\n\n<div class="note">internal</div>\n\nThe Night Market sells fish.\n`);
    expect(d.passages.map((p) => p.text)).toEqual(['The Night Market sells fish.']);
  });
});

describe('title from the first heading', () => {
  it('takes the title from the heading text, without Markdown emphasis', () => {
    const d = parse('# The *Night* Market\n\nThe Night Market sells fish.\n');
    expect(d.title).toBe('The Night Market');
    expect(d.passages[0].headings).toEqual([]); // the H1 that is the title is no section of its own
  });

  it('drops the closing #s of an ATX heading from the title', () => {
    expect(parse('# Night Market ##\n\nThe Night Market sells fish.\n').title).toBe('Night Market');
  });

  it('does not take the title from a "# comment" line inside a fenced code block', () => {
    expect(parse('```sh\n# install deps\nnpm ci\n```\n\nThe Night Market sells fish.\n', 'night-market.md').title).toBe('Night market');
  });

  it('takes the title from a setext H1 ("Title\\n=====") like from "# Title"', () => {
    expect(parse('Night Market\n============\n\nThe Night Market sells fish.\n', 'x.md').title).toBe('Night Market');
  });
});

describe('what is front matter', () => {
  // README: "A .txt file is plain paragraphs separated by blank lines; its title is the file name."
  it('reads a .txt file whose first line is "---" as plain text, not as (invalid) front matter', () => {
    const d = parse('---\nMinutes of the meeting\n---\n\nThe forum met in Oslo.\n', 'minutes.txt');
    expect(d.title).toBe('Minutes');
    expect(d.passages.map((p) => p.text).join(' ')).toContain('The forum met in Oslo.');
  });

  it('reads a Markdown document that opens with a thematic break ("---" then a blank line)', () => {
    const d = parse('---\n\nThe forum met in Oslo.\n\n---\n\nIt met again in Bergen.\n', 'minutes.md');
    expect(d.passages.map((p) => p.text)).toEqual(['The forum met in Oslo.', 'It met again in Bergen.']);
  });
});

describe('tables and nested lists', () => {
  it('reads a table as one text passage, a row a line with its cells separated by " | "', () => {
    const d = parse(`${FRONT}\n| City | Country |\n| --- | --- |\n| Oslo | Norway |\n| Riga | Latvia |\n`);
    expect(d.passages.map((p) => p.text)).toEqual(['City | Country\nOslo | Norway\nRiga | Latvia']);
  });

  it('keeps sub-items inside their item, separated by "; "', () => {
    const d = parse(`${FRONT}\n- Parent item\n  - sub one\n  - sub two\n- Other\n`);
    expect(d.passages[0].items).toEqual(['Parent item; sub one; sub two', 'Other']);
  });
});
