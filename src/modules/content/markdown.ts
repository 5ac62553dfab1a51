import MarkdownIt, { type StateInline, type Token } from 'markdown-it';

/**
 * The Markdown editors write pages, news and topic introductions in, rendered by markdown-it
 * (docs/architecture.md says why a library and not our own parser): raw HTML off, every piece of
 * text escaped, and only what the pages need switched on.
 *
 * Supported: "## " and "### " headings ("#" counts as "##", deeper ones as "###": the page has its
 * own h1), paragraphs (a single line break stays a line break, which Leichte Sprache needs: one
 * statement per line), lists, [text](url), **bold** and *italic*, and "[Platzhalter: …]" /
 * "[Placeholder: …]" for facts the city still has to fill in. Links go only to http(s), mailto:,
 * tel: and local paths; any other target (javascript:, data:, //host …) shows its words without a link.
 */

const placeholderPattern = /^\[\s*((?:Platzhalter|Placeholder)\s*:[^\]\n]{0,1000})\]/i;

/** True for targets a link may point to: http(s), mailto:, tel: and paths on this site. */
export function isSafeHref(raw: string): boolean {
  const href = raw.trim();
  if (href === '' || /[\s\u0000-\u001f\u007f<>"'`\\]/.test(href)) return false;
  if (/^https?:\/\/[^/?#]/i.test(href)) return true;
  if (/^mailto:[^@]+@[^@]+$/i.test(href)) return true;
  if (/^tel:\+?[0-9()./-]+$/i.test(href)) return true;
  return href.startsWith('/') && !href.startsWith('//');
}

function placeholder(state: StateInline, silent: boolean): boolean {
  const match = placeholderPattern.exec(state.src.slice(state.pos, state.pos + 1100));
  if (!match) return false;
  if (!silent) state.push('placeholder', 'mark', 0).content = match[1]!.trim();
  state.pos += match[0].length;
  return true;
}

const markdown = new MarkdownIt('zero', { html: false, breaks: true, linkify: false, typographer: false }).enable([
  'heading',
  'list',
  'emphasis',
  'link',
  'newline',
  'escape',
]);
// Every target parses as a link and keeps its raw form; the renderer decides whether it becomes one
// (on the raw target: "/\\host" must not turn into a harmless-looking "/%5Chost") and encodes it then.
const encodeLink = markdown.normalizeLink.bind(markdown);
markdown.validateLink = () => true;
markdown.normalizeLink = (url) => url;
markdown.inline.ruler.before('link', 'placeholder', placeholder);

const rules = markdown.renderer.rules;
const headingTag = (token: Token) => (token.tag === 'h1' || token.tag === 'h2' ? 'h2' : 'h3');
rules.heading_open = (tokens, i) => {
  const tag = headingTag(tokens[i]!);
  return `<${tag} class="${tag === 'h2' ? 'kern-heading-medium' : 'kern-heading-small'}">`;
};
rules.heading_close = (tokens, i) => `</${headingTag(tokens[i]!)}>\n`;
rules.paragraph_open = (tokens, i) => (tokens[i]!.hidden ? '' : '<p class="kern-body">');
rules.bullet_list_open = () => '<ul class="kern-list kern-list--bullet">';
rules.ordered_list_open = () => '<ol class="kern-list kern-list--number">';
rules.list_item_open = () => '<li>';
rules.list_item_close = () => '</li>';
rules.placeholder = (tokens, i) => `<mark class="placeholder">${markdown.utils.escapeHtml(tokens[i]!.content)}</mark>`;
const hrefOf = (token: Token) => String(token.attrGet('href') ?? '');
rules.link_open = (tokens, i) => {
  const href = hrefOf(tokens[i]!);
  if (!isSafeHref(href)) return '';
  return `<a class="kern-link" href="${markdown.utils.escapeHtml(encodeLink(href))}">`;
};
rules.link_close = (tokens, i) => {
  // The matching link_open decided; find it by walking back over the link's content.
  let depth = 0;
  for (let j = i - 1; j >= 0; j--) {
    const token = tokens[j]!;
    if (token.type === 'link_close') depth++;
    else if (token.type === 'link_open' && depth-- === 0) return isSafeHref(hrefOf(token)) ? '</a>' : '';
  }
  return '';
};

/** Renders to HTML in which every piece of text is escaped. */
export function renderMarkdown(source: string): string {
  return markdown
    .render(source)
    .replace(/\n(?=<\/(?:ul|ol|li)>|<li>)/g, '')
    .trim();
}

/** The words of a page without markup, for search excerpts; a heading or line without final punctuation gets a dash. */
export function markdownToText(source: string): string {
  const segments: string[] = [];
  for (const token of markdown.parse(source, {})) {
    if (token.type !== 'inline') continue;
    let line = '';
    for (const child of token.children ?? []) {
      if (child.type === 'text' || child.type === 'placeholder') line += child.content;
      else if (child.type === 'softbreak' || child.type === 'hardbreak') {
        segments.push(line);
        line = '';
      }
    }
    segments.push(line);
  }
  return segments
    .map((segment) => segment.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .reduce((text, segment) => (text === '' ? segment : `${text}${/[.!?:;,]$/.test(text) ? ' ' : ' – '}${segment}`), '');
}
