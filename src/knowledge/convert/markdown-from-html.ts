import TurndownService from 'turndown';

/** The part of a DOM element the converters read (the project compiles without the DOM library). */
export interface DomElement {
  textContent: string | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  querySelector(selector: string): DomElement | null;
  getAttribute(name: string): string | null;
  remove(): void;
}

/** A table as a GFM table, whatever its header cells: the Markdown loader makes each row one line ("Oslo | Norway"). */
function tableMarkdown(table: DomElement): string {
  const rows = Array.from(table.querySelectorAll('tr')).map((tr) =>
    Array.from(tr.querySelectorAll('th, td')).map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|')),
  );
  const kept = rows.filter((cells) => cells.some(Boolean));
  if (!kept.length) return '';
  const width = Math.max(...kept.map((r) => r.length));
  const line = (cells: string[]) => `| ${[...cells, ...Array(width - cells.length).fill('')].join(' | ')} |`;
  return `\n\n${line(kept[0])}\n${line(Array(width).fill('---'))}\n${kept.slice(1).map(line).join('\n')}\n\n`;
}

let service: TurndownService | undefined;

function turndown(): TurndownService {
  if (service) return service;
  service = new TurndownService({ headingStyle: 'atx', bulletListMarker: '-', codeBlockStyle: 'fenced', emDelimiter: '*' });
  // One space after the list marker (turndown puts three): what the bundled Markdown uses.
  service.addRule('listItem', {
    filter: 'li',
    replacement: (content, node, options) => {
      const parent = node.parentNode as unknown as (DomElement & { nodeName: string; children: ArrayLike<unknown> }) | null;
      let prefix = `${options.bulletListMarker} `;
      if (parent?.nodeName === 'OL') {
        const start = Number(parent.getAttribute('start') ?? 1);
        prefix = `${(Number.isFinite(start) ? start : 1) + Array.prototype.indexOf.call(parent.children, node)}. `;
      }
      const body = content.replace(/^\n+/, '').replace(/\n+$/, '\n').replace(/\n/gm, `\n${' '.repeat(prefix.length)}`);
      return prefix + body + (node.nextSibling && !/\n$/.test(body) ? '\n' : '');
    },
  });
  service.addRule('table', { filter: 'table', replacement: (_content, node) => tableMarkdown(node as unknown as DomElement) });
  // Pictures, scripts and forms are not text to answer from.
  service.remove(['script', 'style', 'noscript', 'form', 'button', 'select', 'iframe', 'svg', 'canvas', 'img', 'picture', 'video', 'audio']);
  return service;
}

/** HTML (a whole page's main content, or mammoth's output) as Markdown: headings, lists and tables keep their structure. */
export function markdownFromHtml(html: string): string {
  return turndown()
    .turndown(html)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
