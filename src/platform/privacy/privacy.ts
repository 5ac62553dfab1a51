import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/types.js';

/**
 * Each module that stores personal data registers it here, so "download my data" and
 * "delete my account" cover everything without the account module knowing every table.
 */
export interface PersonalDataSource {
  /** Key in the export, e.g. "konto" or "kinder". */
  name: string;
  export(db: Kysely<DB>, userId: string): Promise<unknown>;
  /** Deletes or anonymises this source's rows of the user, inside the deletion transaction. */
  erase(trx: Transaction<DB>, userId: string): Promise<void>;
}

export interface PrivacyRegistry {
  register(source: PersonalDataSource): void;
  sources(): readonly PersonalDataSource[];
}

export function createPrivacyRegistry(): PrivacyRegistry {
  const list: PersonalDataSource[] = [];
  return {
    register: (source) => void list.push(source),
    sources: () => list,
  };
}
