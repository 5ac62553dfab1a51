import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/types.js';
import type { Locale } from '../i18n/i18n.js';
import { deleteJobsMentioning } from '../jobs/job-payloads.js';
import type { ErasureStep, PersonalDataDeclaration, Person } from './declarations.js';
import { eraseRows, exportRows } from './privacy.queries.js';

export type { ErasureStep, PersonalDataDeclaration, Person } from './declarations.js';

/**
 * Every module declares the personal data it holds (`*.privacy.ts`) and registers it here;
 * "download my data" and "delete my account" are built from the declarations alone.
 */
export interface PrivacyRegistry {
  register(...declarations: PersonalDataDeclaration[]): void;
  /** Something others notice when an account goes (a released holiday place). */
  onErase(step: ErasureStep): void;
  declarations(): readonly PersonalDataDeclaration[];
  /** Everything held about the person: one list of rows per declaration, and what each is for and how long it is kept. */
  exportFor(db: Kysely<DB>, person: Person): Promise<Record<string, unknown>>;
  /** What deleting the account changes for others, in sentences for the deletion page. */
  consequences(db: Kysely<DB>, person: Person, locale: Locale): Promise<string[]>;
  /**
   * Erases the person in the caller's transaction: the steps first, then every declaration (updates
   * before deletes, the account row last), then queued or finished jobs that mention the person.
   */
  erase(trx: Transaction<DB>, person: Person): Promise<void>;
}

export function createPrivacyRegistry(initial: readonly PersonalDataDeclaration[] = [], initialSteps: readonly ErasureStep[] = []): PrivacyRegistry {
  const byName = new Map<string, PersonalDataDeclaration>();
  const steps: ErasureStep[] = [...initialSteps];
  const register = (...declarations: PersonalDataDeclaration[]) => {
    for (const d of declarations) {
      if (byName.has(d.name)) throw new Error(`personal data "${d.name}" is declared twice`);
      byName.set(d.name, d);
    }
  };
  register(...initial);

  return {
    register,
    onErase: (step) => void steps.push(step),
    declarations: () => [...byName.values()],

    async exportFor(db, person) {
      const data: Record<string, unknown> = {};
      const explanation: Record<string, unknown> = {};
      for (const d of byName.values()) {
        data[d.name] = await exportRows(db, d, person, byName);
        explanation[d.name] = { tabelle: d.table, zweck: d.purpose, spalten: d.columns, aufbewahrung: d.retention.rule };
      }
      return { ...data, erlaeuterung: explanation };
    },

    async consequences(db, person, locale) {
      const sentences: string[] = [];
      for (const step of steps) sentences.push(...(await step.preview(db, person, locale)));
      return sentences;
    },

    async erase(trx, person) {
      for (const step of steps) await step.apply(trx, person);
      for (const d of eraseOrder([...byName.values()], byName)) await eraseRows(trx, d, person, byName);
      await deleteJobsMentioning(trx, [person.id, person.email]);
    },
  };
}

/**
 * Updates first (their rows are found through parents that still exist), then deletes from the
 * deepest `via` chain up, the account row last.
 */
function eraseOrder(list: PersonalDataDeclaration[], byName: ReadonlyMap<string, PersonalDataDeclaration>): PersonalDataDeclaration[] {
  const depth = (d: PersonalDataDeclaration): number => {
    const parent = 'via' in d.subject ? byName.get(d.subject.of) : undefined;
    return parent ? 1 + depth(parent) : 0;
  };
  const rank = (d: PersonalDataDeclaration) => (d.onErase !== 'delete' ? 0 : d.table === 'users' ? 3 : 'via' in d.subject ? 1 : 2);
  return [...list].sort((a, b) => rank(a) - rank(b) || depth(b) - depth(a));
}
