/* eslint-disable @typescript-eslint/no-explicit-any -- declarations name tables and columns at run time, so these queries are untyped by design */
import type { Expression, ExpressionBuilder, Kysely, SqlBool, Transaction } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../db/types.js';
import { declaredColumns, type PersonalDataDeclaration, type Person } from './declarations.js';

/** The queries behind export, erasure and the retention sweep; table and column names come from the declarations. */

// Declarations name tables at run time, so these queries are built untyped.
type AnyDb = Kysely<any>;
type Declarations = ReadonlyMap<string, PersonalDataDeclaration>;

const untyped = (db: Kysely<DB> | Transaction<DB>) => db as unknown as AnyDb;

/** The condition that picks the person's rows of a declaration. */
function belongsTo(d: PersonalDataDeclaration, person: Person, all: Declarations) {
  return (eb: ExpressionBuilder<any, any>): Expression<SqlBool> => {
    const column = (name: string) => eb.ref(`${d.table}.${name}`);
    const s = d.subject;
    if ('user' in s) return eb.and([eb(column(s.user), '=', person.id), ...Object.entries(s.where ?? {}).map(([name, value]) => eb(column(name), '=', value))]);
    if ('email' in s) return eb(eb.fn('lower', [column(s.email)]), '=', person.email.toLowerCase());
    const parent = all.get(s.of);
    if (!parent) throw new Error(`personal data "${d.name}" refers to unknown declaration "${s.of}"`);
    return eb(
      column(s.via),
      'in',
      eb
        .selectFrom(parent.table)
        .select(`${parent.table}.id`)
        .where(belongsTo(parent, person, all)),
    );
  };
}

/** The exported columns: context, the subject column when it says something (an address, a link to other exported rows), the personal columns. */
function shownColumns(d: PersonalDataDeclaration): string[] {
  const subject = 'user' in d.subject ? [] : ['email' in d.subject ? d.subject.email : d.subject.via];
  const personal = Object.keys(d.columns).filter((c) => !d.notExported?.includes(c));
  const plain = (d.context ?? []).filter((c): c is string => typeof c === 'string');
  return [...new Set([...plain, ...subject, ...personal])];
}

export async function exportRows(db: Kysely<DB>, d: PersonalDataDeclaration, person: Person, all: Declarations): Promise<unknown[]> {
  let query = untyped(db)
    .selectFrom(d.table)
    .select(shownColumns(d).map((c) => `${d.table}.${c}`))
    .where(belongsTo(d, person, all));
  for (const lookup of d.context ?? []) {
    if (typeof lookup === 'string') continue;
    query = query.select((eb) =>
      eb.selectFrom(lookup.from).select(`${lookup.from}.${lookup.select}`).whereRef(`${lookup.from}.id`, '=', `${d.table}.${lookup.by}`).as(lookup.as),
    );
  }
  return query.execute();
}

export async function eraseRows(trx: Transaction<DB>, d: PersonalDataDeclaration, person: Person, all: Declarations): Promise<void> {
  const db = untyped(trx);
  if (d.onErase === 'delete') {
    await db
      .deleteFrom(d.table)
      .where(belongsTo(d, person, all))
      .execute();
    return;
  }
  const values = d.onErase === 'unlink' ? Object.fromEntries(declaredColumns(d).map((c) => [c, null])) : d.onErase.replace;
  await db
    .updateTable(d.table)
    .set(values)
    .where(belongsTo(d, person, all))
    .execute();
}

/** Deletes the rows whose fixed retention period has passed (declarations with `retention.sweep`). */
export async function sweepExpired(db: Kysely<DB>, config: Config, declarations: readonly PersonalDataDeclaration[], now = new Date()): Promise<void> {
  for (const d of declarations) {
    const sweep = d.retention.sweep;
    if (!sweep) continue;
    const days = typeof sweep.days === 'function' ? sweep.days(config) : sweep.days;
    let query = untyped(db)
      .deleteFrom(d.table)
      .where(sweep.after, '<', new Date(now.getTime() - days * 86_400_000));
    if (sweep.unless) query = query.where(sweep.unless, 'is', null);
    await query.execute();
  }
}
