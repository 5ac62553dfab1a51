import type { Transaction } from 'kysely';
import type { DB } from '../../db/types.js';
import type { Executor } from '../../db/executor.js';

export interface BarrierReport {
  id: string;
  pageUrl: string;
  message: string;
  contactEmail: string | null;
  createdAt: Date;
}

const toReport = (row: { id: string; page_url: string; message: string; contact_email: string | null; created_at: Date }): BarrierReport => ({
  id: row.id,
  pageUrl: row.page_url,
  message: row.message,
  contactEmail: row.contact_email,
  createdAt: row.created_at,
});

export async function insertReport(trx: Transaction<DB>, report: { pageUrl: string; message: string; contactEmail: string | null }): Promise<BarrierReport> {
  const row = await trx
    .insertInto('barrier_reports')
    .values({ page_url: report.pageUrl, message: report.message, contact_email: report.contactEmail })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toReport(row);
}

/** Newest first. */
export async function listReports(db: Executor, limit: number): Promise<BarrierReport[]> {
  const rows = await db.selectFrom('barrier_reports').selectAll().orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
  return rows.map(toReport);
}

/** Users with the editor role and a confirmed address: they hear about every new report. */
export async function listEditorRecipients(db: Executor): Promise<{ email: string; locale: string }[]> {
  return db.selectFrom('users').select(['email', 'locale']).where('role', '=', 'editor').where('email_confirmed_at', 'is not', null).orderBy('email').execute();
}
