import type { Executor } from '../../db/executor.js';

/**
 * Which kinds of record have any published translation in a language, as of one content version
 * (db/content-version.ts). Most records are never translated: a visitor reading Arabic should not pay
 * a query for translations that do not exist. The set is read after the version it is kept under, so
 * it never misses a translation that version could see; a newer version reads it again. Kept per
 * database handle: derived, never durable, and wrong in no process (each compares its own version).
 */
export class TranslationPresence {
  private version: number | null = null;
  private loading: Promise<ReadonlySet<string>> | null = null;

  constructor(private readonly db: Executor) {}

  async has(kind: string, locale: string, version: number): Promise<boolean> {
    if (this.version !== version || !this.loading) {
      this.version = version;
      this.loading = publishedKinds(this.db);
      this.loading.catch(() => {
        if (this.version === version) this.loading = null;
      });
    }
    return (await this.loading).has(`${kind} ${locale}`);
  }
}

async function publishedKinds(db: Executor): Promise<ReadonlySet<string>> {
  const rows = await db.selectFrom('content_translations').select(['kind', 'locale']).distinct().where('state', '=', 'published').execute();
  return new Set(rows.map((r) => `${r.kind} ${r.locale}`));
}

const presences = new WeakMap<Executor, TranslationPresence>();

export function presenceOf(db: Executor): TranslationPresence {
  let presence = presences.get(db);
  if (!presence) presences.set(db, (presence = new TranslationPresence(db)));
  return presence;
}
