/** Gettext PO, the file a translator's tool opens: one entry per message, `#, fuzzy` until reviewed. */
export interface PoEntry {
  context: string;
  source: string;
  translation: string;
  fuzzy: boolean;
  comments: string[];
}

const quote = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;

function unquote(line: string): string {
  const body = line.trim().replace(/^"|"$/g, '');
  return body.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}

export function writePo(language: string, entries: PoEntry[]): string {
  const header = ['msgid ""', 'msgstr ""', quote(`Language: ${language}\n`), quote('Content-Type: text/plain; charset=UTF-8\n'), ''];
  const body = entries.flatMap((e) => [
    ...e.comments.map((c) => `#. ${c.replace(/\n/g, ' ')}`),
    ...(e.fuzzy ? ['#, fuzzy'] : []),
    `msgctxt ${quote(e.context)}`,
    `msgid ${quote(e.source)}`,
    `msgstr ${quote(e.translation)}`,
    '',
  ]);
  return [...header, ...body].join('\n');
}

export function readPo(text: string): PoEntry[] {
  const entries: PoEntry[] = [];
  let current: Partial<PoEntry> & { comments: string[] } = { comments: [] };
  let field: 'context' | 'source' | 'translation' | undefined;
  const finish = () => {
    if (current.context !== undefined && current.source !== undefined) {
      entries.push({
        context: current.context,
        source: current.source,
        translation: current.translation ?? '',
        fuzzy: current.fuzzy ?? false,
        comments: current.comments,
      });
    }
    current = { comments: [] };
    field = undefined;
  };
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') finish();
    else if (line.startsWith('#,')) current.fuzzy = line.includes('fuzzy');
    else if (line.startsWith('#.')) current.comments.push(line.slice(2).trim());
    else if (line.startsWith('#')) continue;
    else if (line.startsWith('msgctxt ')) [field, current.context] = ['context', unquote(line.slice(8))];
    else if (line.startsWith('msgid ')) [field, current.source] = ['source', unquote(line.slice(6))];
    else if (line.startsWith('msgstr ')) [field, current.translation] = ['translation', unquote(line.slice(7))];
    else if (line.startsWith('"') && field) current[field] = (current[field] ?? '') + unquote(line);
  }
  finish();
  return entries;
}
