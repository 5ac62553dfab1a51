import { randomUUID } from 'node:crypto';
import type { KyselyPlugin } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { defineTranslatable, digestOf, germanTexts } from './translatable.js';
import { translationOverview, withTranslations } from './translations.service.js';

const t = useTestApp();

/** A record of some module: the platform needs no table of it (no foreign key). */
interface Note {
  id: string;
  title: string;
  body: string;
  remark: string;
}
const notes = defineTranslatable<Note>({
  kind: 'test_note',
  idOf: (n) => n.id,
  fields: [
    { name: 'title', label: () => 'Titel', german: (n) => n.title, show: (n, title) => ({ ...n, title }), maxLength: 100 },
    { name: 'body', label: () => 'Text', german: (n) => n.body, show: (n, body) => ({ ...n, body }), maxLength: 1000 },
    { name: 'remark', label: () => 'Hinweis', german: (n) => n.remark, show: (n, remark) => ({ ...n, remark }), maxLength: 100 },
  ],
});
const note = (title: string, remark = ''): Note => ({ id: randomUUID(), title, body: `${title}: Text`, remark });

/** Stores a translation as the form would: `from` is the German record it was made from. */
async function store(from: Note, locale: string, texts: Record<string, string>, state: 'published' | 'proposed' = 'published') {
  const german = germanTexts(notes, from);
  await t.deps.db
    .insertInto('content_translations')
    .values(
      Object.entries(texts).map(([field, text]) => ({
        kind: 'test_note',
        entity_id: from.id,
        locale,
        field,
        state,
        text,
        source_digest: digestOf(german[field] ?? ''),
      })),
    )
    .execute();
}

/** Counts the statements run through the returned executor. */
function counted() {
  let statements = 0;
  const plugin: KyselyPlugin = {
    transformQuery: (args) => (statements++, args.node),
    transformResult: (args) => Promise.resolve(args.result),
  };
  return { db: t.deps.db.withPlugin(plugin), statements: () => statements };
}

describe('laying translations over records', () => {
  it('shows what is translated, marks the rest German and says how much of it is', async () => {
    const [full, partial, none] = [note('Ganz'), note('Halb', 'Bitte anmelden'), note('Gar nicht')];
    await store(full, 'tr', { title: 'Tam', body: 'Tam: metin' });
    await store(partial, 'tr', { title: 'Yarım', body: 'Yarım: metin' });
    await store(none, 'tr', { title: 'Öneri' }, 'proposed');
    await store(none, 'uk', { title: 'Ні' });

    const [a, b, c] = await withTranslations(t.deps.db, notes, 'tr', [full, partial, none]);
    expect([a!.shown.title, a!.fallback, [...a!.german]]).toEqual(['Tam', 'none', []]);
    // A field with no German text has nothing to translate; one the translation lacks stays German.
    expect([b!.shown.title, b!.shown.remark, b!.fallback, [...b!.german]]).toEqual(['Yarım', 'Bitte anmelden', 'partial', ['remark']]);
    // A proposal is not shown to visitors.
    expect([c!.shown.title, c!.fallback, [...c!.german]]).toEqual(['Gar nicht', 'full', ['title', 'body']]);
  });

  it('reads a whole list in one query, and nothing for German visitors', async () => {
    const list = Array.from({ length: 25 }, (_, i) => note(`Eintrag ${i}`));
    for (const n of list.slice(0, 10)) await store(n, 'pl', { title: `Wpis ${n.title.slice(8)}` });
    const turkish = counted();
    const shown = await withTranslations(turkish.db, notes, 'pl', list);
    expect(turkish.statements()).toBe(1);
    expect(shown.filter((s) => s.fallback === 'partial')).toHaveLength(10);
    const german = counted();
    const same = await withTranslations(german.db, notes, 'de', list);
    expect(german.statements()).toBe(0);
    expect(same.every((s) => s.fallback === 'none' && s.german.size === 0 && s.shown === list[same.indexOf(s)])).toBe(true);
  });

  it('tells the edit page which languages are translated, out of date or waiting for review', async () => {
    const n = note('Vorher');
    await store(n, 'en', { title: 'Before', body: 'Before: text' });
    await store(n, 'ar', { title: 'قبل' });
    await store(n, 'ru', { title: 'Раньше', body: 'Текст' }, 'proposed');
    const overview = async (record: Note) => Object.fromEntries((await translationOverview(t.deps.db, notes, record)).map((l) => [l.locale, l]));

    const before = await overview(n);
    expect(before.en!.published!.current).toBe(true);
    expect(before.ar!.published!.current).toBe(false); // the body has no translation
    expect(before.ru).toEqual({ locale: 'ru', proposed: { updatedAt: expect.any(Date) } });
    expect(before.tr).toEqual({ locale: 'tr' });
    expect((await overview({ ...n, title: 'Nachher' })).en!.published!.current).toBe(false);
  });
});
