import { escapeHtml } from '@kitajs/html';

/**
 * The small Markdown subset editors write legal and help pages in, rendered to escaped HTML.
 *
 * Supported: "## " and "### " headings, paragraphs (a single line break stays a line break, which
 * Leichte Sprache needs: one statement per line), "- " lists, [text](url), **bold**, and
 * "[Platzhalter: …]" / "[Placeholder: …]" for facts the city still has to fill in.
 * Everything else is text and is escaped. Links go only to http(s), mailto:, tel: and local paths;
 * any other target (javascript:, data:, //host …) is refused and only the link text is shown.
 */

type Inline =
  | { kind: 'text'; value: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] }
  | { kind: 'placeholder'; value: string };

type Block = { kind: 'heading'; level: 2 | 3; content: Inline[] } | { kind: 'paragraph'; lines: Inline[][] } | { kind: 'list'; items: Inline[][] };

// Bounded look-ahead keeps the parser linear on hostile input (50,000 "[" with no "]").
const maxSpan = 1000;
const maxUrl = 2048;
const placeholderPattern = /^\s*(Platzhalter|Placeholder)\s*:/i;

/** True for targets a link may point to: http(s), mailto:, tel: and paths on this site. */
export function isSafeHref(raw: string): boolean {
  const href = raw.trim();
  if (href === '' || /[\s\u0000-\u001f\u007f<>"'`\\]/.test(href)) return false;
  if (/^https?:\/\/[^/?#]/i.test(href)) return true;
  if (/^mailto:[^@]+@[^@]+$/i.test(href)) return true;
  if (/^tel:\+?[0-9()./-]+$/i.test(href)) return true;
  return href.startsWith('/') && !href.startsWith('//');
}

function findWithin(text: string, needle: string, from: number, limit: number): number {
  const index = text.indexOf(needle, from);
  return index !== -1 && index - from <= limit ? index : -1;
}

/** Index of the ")" closing a link target that starts at `from`, allowing balanced parentheses. */
function closingParen(text: string, from: number): number {
  let depth = 0;
  const end = Math.min(text.length, from + maxUrl);
  for (let i = from; i < end; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return i;
      depth--;
    } else if (c === '\n') return -1;
  }
  return -1;
}

function parseInline(text: string, allow: { strong: boolean; link: boolean }): Inline[] {
  const out: Inline[] = [];
  let buffer = '';
  const flush = () => {
    if (buffer) out.push({ kind: 'text', value: buffer });
    buffer = '';
  };
  let i = 0;
  while (i < text.length) {
    if (allow.strong && text.startsWith('**', i)) {
      const close = findWithin(text, '**', i + 2, maxSpan);
      if (close > i + 2) {
        flush();
        out.push({ kind: 'strong', children: parseInline(text.slice(i + 2, close), { strong: false, link: allow.link }) });
        i = close + 2;
        continue;
      }
    }
    if (text[i] === '[') {
      const close = findWithin(text, ']', i + 1, maxSpan);
      if (close > i + 1) {
        const label = text.slice(i + 1, close);
        if (allow.link && text[close + 1] === '(') {
          const end = closingParen(text, close + 2);
          if (end !== -1) {
            flush();
            const href = text.slice(close + 2, end).trim();
            const children = parseInline(label, { strong: allow.strong, link: false });
            // A refused target keeps only the words, so the reader loses nothing but the link.
            if (isSafeHref(href)) out.push({ kind: 'link', href, children });
            else out.push(...children);
            i = end + 1;
            continue;
          }
        }
        if (placeholderPattern.test(label)) {
          flush();
          out.push({ kind: 'placeholder', value: label.trim() });
          i = close + 1;
          continue;
        }
      }
    }
    buffer += text[i];
    i++;
  }
  flush();
  return out;
}

const inline = (text: string) => parseInline(text, { strong: true, link: true });

function parseBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: Inline[][] | null = null;
  let list: string[] | null = null;
  const flush = () => {
    if (paragraph) blocks.push({ kind: 'paragraph', lines: paragraph });
    if (list) blocks.push({ kind: 'list', items: list.map(inline) });
    paragraph = null;
    list = null;
  };
  for (const rawLine of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = rawLine.replace(/\s+$/, '');
    let match: RegExpExecArray | null;
    if (line.trim() === '') {
      flush();
    } else if ((match = /^\s{0,3}(#{2,3})\s+(.*)$/.exec(line))) {
      flush();
      blocks.push({ kind: 'heading', level: match[1] === '##' ? 2 : 3, content: inline(match[2] ?? '') });
    } else if ((match = /^\s{0,3}-\s+(.*)$/.exec(line))) {
      if (paragraph) flush();
      (list ??= []).push(match[1] ?? '');
    } else if (list && /^\s+\S/.test(line)) {
      // An indented line continues the list item above it.
      const items: string[] = list;
      items[items.length - 1] += ` ${line.trim()}`;
    } else {
      if (list) flush();
      (paragraph ??= []).push(inline(line.trim()));
    }
  }
  flush();
  return blocks;
}

function inlineHtml(nodes: Inline[]): string {
  return nodes
    .map((node) => {
      switch (node.kind) {
        case 'text':
          return escapeHtml(node.value);
        case 'strong':
          return `<strong>${inlineHtml(node.children)}</strong>`;
        case 'link':
          return `<a class="kern-link" href="${escapeHtml(node.href)}">${inlineHtml(node.children)}</a>`;
        case 'placeholder':
          return `<mark class="placeholder">${escapeHtml(node.value)}</mark>`;
      }
    })
    .join('');
}

function inlineText(nodes: Inline[]): string {
  return nodes.map((node) => (node.kind === 'text' || node.kind === 'placeholder' ? node.value : inlineText(node.children))).join('');
}

/** Renders the subset to HTML in which every piece of text is escaped. */
export function renderMarkdown(source: string): string {
  return parseBlocks(source)
    .map((block) => {
      switch (block.kind) {
        case 'heading':
          return block.level === 2
            ? `<h2 class="kern-heading-medium">${inlineHtml(block.content)}</h2>`
            : `<h3 class="kern-heading-small">${inlineHtml(block.content)}</h3>`;
        case 'paragraph':
          return `<p class="kern-body">${block.lines.map(inlineHtml).join('<br>\n')}</p>`;
        case 'list':
          return `<ul class="kern-list kern-list--bullet">${block.items.map((item) => `<li>${inlineHtml(item)}</li>`).join('')}</ul>`;
      }
    })
    .join('\n');
}

/** The words of a page without markup, for search excerpts; a heading or line without final punctuation gets a dash. */
export function markdownToText(source: string): string {
  const segments = parseBlocks(source).flatMap((block) => {
    switch (block.kind) {
      case 'heading':
        return [inlineText(block.content)];
      case 'paragraph':
        return block.lines.map(inlineText);
      case 'list':
        return block.items.map(inlineText);
    }
  });
  return segments
    .map((segment) => segment.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .reduce((text, segment) => (text === '' ? segment : `${text}${/[.!?:;,]$/.test(text) ? ' ' : ' – '}${segment}`), '');
}
