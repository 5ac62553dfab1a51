import type { Executor } from '../../db/executor.js';
import type { SchoolForm } from '../../db/tables/appointments.js';

export function allSchools(db: Executor) {
  return db
    .selectFrom('youth_schools')
    .select(['id', 'name', 'school_form', 'district', 'contact_name', 'contact_email', 'contact_phone'])
    .orderBy('name')
    .execute();
}

export const findSchool = (db: Executor, id: string) =>
  db
    .selectFrom('youth_schools')
    .select(['id', 'name', 'school_form', 'district', 'contact_name', 'contact_email', 'contact_phone'])
    .where('id', '=', id)
    .executeTakeFirst();

export interface SchoolValues {
  name: string;
  school_form: SchoolForm;
  district: string;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
}

export const insertSchool = (db: Executor, values: SchoolValues) => db.insertInto('youth_schools').values(values).returning('id').executeTakeFirstOrThrow();

export const updateSchool = (db: Executor, id: string, values: SchoolValues) =>
  db.updateTable('youth_schools').set(values).where('id', '=', id).returning('id').executeTakeFirst();

export const deleteSchool = (db: Executor, id: string) => db.deleteFrom('youth_schools').where('id', '=', id).returning('name').executeTakeFirst();
