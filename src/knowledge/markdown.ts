import type MarkdownIt from 'markdown-it';
import type { Fact } from '../types';

type Token = MarkdownIt.Token;
type Parser = InstanceType<typeof MarkdownIt>;

/** A block of a document before it becomes a passage. */
export interface Block {
  kind: 'text' | 'list' | 'facts';
  /** 0-based line in the Markdown body. */
  line: number;
  headings: string[];
  text: string;
  items?: string[];
  facts?: Fact[];
}

// HTML is parsed as HTML so that comments and blocks are recognised, and then skipped; tables are on.
let parser: Parser | undefined;
/** markdown-it, made on first use: a start with a fresh saved index parses no Markdown. */
const md = (): Parser => (parser ??= new (require('markdown-it') as typeof MarkdownIt)('default', { html: true, linkify: false, typographer: false }));

// "**Vice chair:** Laia Bonet" or "**Vice chair**: Laia Bonet"
const BOLD_LABEL_RE = /^\*\*([^*]{1,60}?):?\*\*:?\s+(\S.*)$/s;

/** Plain text of an inline token: markup dropped, link text kept, line breaks as spaces. */
function inlineText(token: Token): string {
  let out = '';
  for (const child of token.children ?? []) {
    if (child.type === 'text' || child.type === 'code_inline') out += child.content;
    else if (child.type === 'softbreak' || child.type === 'hardbreak') out += ' ';
    else if (child.type === 'image') out += child.content;
  }
  return out.replace(/\s+/g, ' ').trim();
}

function plain(markdown: string): string {
  const tokens = md().parseInline(markdown, {});
  return tokens.length ? inlineText(tokens[0]) : markdown;
}

function factOf(rawItem: string): Fact | null {
  const m = BOLD_LABEL_RE.exec(rawItem.trim());
  return m ? { label: plain(m[1]).trim(), value: plain(m[2]).trim() } : null;
}

/**
 * Splits a Markdown body into blocks: paragraphs, lists (which keep their items), and lists of
 * `**Label:** value` items (labelled facts). Each block knows its line and heading path. Also returns
 * the text of the first level-1 heading (ATX or setext), the document's default title.
 */
export function markdownBlocks(body: string): { blocks: Block[]; title?: string } {
  const tokens = md().parse(body, {});
  const blocks: Block[] = [];
  const headings: { level: number; text: string }[] = [];
  let title: string | undefined;

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === 'heading_open') {
      const level = Number(token.tag.slice(1));
      while (headings.length && headings[headings.length - 1].level >= level) headings.pop();
      headings.push({ level, text: inlineText(tokens[i + 1]) });
      if (level === 1 && title === undefined) title = headings[headings.length - 1].text;
      i += 2;
    } else if (token.type === 'paragraph_open' && token.level === 0) {
      const text = inlineText(tokens[i + 1]);
      if (text) blocks.push({ kind: 'text', line: token.map?.[0] ?? 0, headings: headings.map((h) => h.text), text });
      i += 2;
    } else if ((token.type === 'bullet_list_open' || token.type === 'ordered_list_open') && token.level === 0) {
      const items: string[] = [];
      const raw: string[] = [];
      let depth = 0;
      let j = i;
      for (; j < tokens.length; j++) {
        const t = tokens[j];
        if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') depth++;
        else if (t.type === 'bullet_list_close' || t.type === 'ordered_list_close') {
          if (--depth === 0) break;
        } else if (t.type === 'list_item_open' && depth === 1) {
          items.push('');
          raw.push('');
        } else if (t.type === 'inline' && items.length) {
          // Nested content joins its top-level item: a later paragraph after a space, a sub-item after "; ".
          const k = items.length - 1;
          const separator = depth > 1 ? '; ' : ' ';
          items[k] = items[k] ? `${items[k]}${separator}${inlineText(t)}` : inlineText(t);
          raw[k] = raw[k] ? `${raw[k]}${separator}${t.content}` : t.content;
        }
      }
      const line = token.map?.[0] ?? 0;
      const path = headings.map((h) => h.text);
      const kept = items.map((item, k) => ({ item, raw: raw[k] })).filter((x) => x.item);
      const facts = kept.map((x) => factOf(x.raw));
      if (kept.length && facts.every((f): f is Fact => f !== null)) {
        blocks.push({ kind: 'facts', line, headings: path, facts, text: facts.map((f) => `${f.label}: ${f.value}`).join('\n') });
      } else if (kept.length) {
        const list = kept.map((x) => x.item);
        blocks.push({ kind: 'list', line, headings: path, items: list, text: list.map((x) => `- ${x}`).join('\n') });
      }
      i = j;
    } else if ((token.type === 'fence' || token.type === 'code_block') && token.level === 0) {
      continue; // code is not knowledge to answer from
    } else if (token.type === 'blockquote_open' || token.type === 'table_open') {
      // Paragraphs inside quotes and table rows become text blocks of their own.
      const close = token.type === 'blockquote_open' ? 'blockquote_close' : 'table_close';
      const lines: string[] = [];
      let row: string[] = [];
      let j = i + 1;
      for (; j < tokens.length && !(tokens[j].type === close && tokens[j].level === token.level); j++) {
        const t = tokens[j];
        if (t.type === 'inline') (token.type === 'table_open' ? row : lines).push(inlineText(t));
        else if (t.type === 'tr_close') {
          lines.push(row.filter(Boolean).join(' | '));
          row = [];
        }
      }
      const text = lines.filter(Boolean).join('\n');
      if (text) blocks.push({ kind: 'text', line: token.map?.[0] ?? 0, headings: headings.map((h) => h.text), text });
      i = j;
    }
  }
  return { blocks, ...(title !== undefined ? { title } : {}) };
}

/** Blocks of a plain-text document: paragraphs separated by blank lines. */
export function textBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  const lines = body.split('\n');
  let start = -1;
  const flush = (end: number) => {
    if (start < 0) return;
    const text = lines.slice(start, end).join(' ').replace(/\s+/g, ' ').trim();
    if (text) blocks.push({ kind: 'text', line: start, headings: [], text });
    start = -1;
  };
  lines.forEach((l, n) => {
    if (l.trim() === '') flush(n);
    else if (start < 0) start = n;
  });
  flush(lines.length);
  return blocks;
}
