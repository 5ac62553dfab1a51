import type { Executor } from '../../db/executor.js';

export function allSchools(db: Executor) {
  return db
    .selectFrom('youth_schools')
    .select(['id', 'name', 'school_form', 'district', 'contact_name', 'contact_email', 'contact_phone'])
    .orderBy('name')
    .execute();
}
