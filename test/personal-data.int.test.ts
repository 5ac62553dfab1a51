import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from './support/app.js';
import { createUser } from './support/auth.js';
import { unconfirmedAccountDays } from '../src/modules/accounts/accounts.privacy.js';
import { barrierReportDays } from '../src/modules/content/content.privacy.js';
import { outboxRetentionDays } from '../src/platform/mail/mail.privacy.js';
import { maintenanceJob } from '../src/platform/maintenance.js';
import { declaredColumns, subjectColumn, type PersonalDataDeclaration } from '../src/platform/privacy/declarations.js';
import { privacyTable } from '../src/platform/privacy/privacy-table.js';

const t = useTestApp();

/** Column names that suggest personal data. */
const personalColumn = /mail|name|phone|address|street|postal|birth|contact|recipient|author|actor|suggest|parent|user_id|_by$/;
/** Table names that suggest rows about people. */
const personalTable = /user|member|session|consent|token|child|contact|subscri|attend|waitlist|wish|place|outbox|report|recipient|person|parent|famil/;

/** Lookalikes that hold no personal data, each with the reason. Add here only what is really not about a person. */
const notPersonal: Record<string, string> = {
  'organizations.name': 'the name of an organisation (provider, partner, the city), published in the directory',
  'directory_locations.name': 'the name of a place in the directory ("Haus der Familie")',
  'directory_services.name': 'the name of a service in the directory',
  'taxonomies.name': 'the name of a vocabulary of topics',
  'taxonomy_terms.name': 'the name of a topic',
  'taxonomy_terms.name_en': 'the English name of a topic',
  'taxonomy_terms.parent_id': 'the parent topic, not a parent person',
  'survey_channels.name': 'the name of a distribution channel of a survey ("Kita-Elternbrief")',
  'holiday_seasons.name': 'the name of a holiday season ("Sommerferien 2027")',
  'events.place_name': 'the venue of a public event',
  'events.street': 'the venue of a public event',
  'events.postal_code': 'the venue of a public event',
  'kysely_migration.name': 'the name of a database migration',
  'appointment_locations.name': 'the name of a counselling location ("Jugendberufsagentur Hamm")',
  'appointment_locations.address': 'the public address of a counselling location',
  'appointment_services.name': 'the name of a counselling service ("Berufsberatung")',
  'youth_schools.name': 'the name of a school ("Realschule Lippeufer")',
  'appointment_bookings.moved_to': 'the booking a booking was moved to: the same person’s row, declared there',
  'network_groups.name': 'the name of a working group of the alliance ("AG Kinderbetreuung")',
  'network_document_versions.filename': 'the file name of a document the group keeps ("protokoll-november.pdf"); the uploader is declared',
};

interface SchemaColumn {
  table: string;
  column: string;
}

async function liveSchema() {
  const columns = await sql<SchemaColumn>`
    SELECT table_name AS "table", column_name AS "column"
      FROM information_schema.columns
     WHERE table_schema = 'public'
     ORDER BY table_name, ordinal_position`.execute(t.deps.db);
  const foreignKeys = await sql<SchemaColumn & { references: string }>`
    SELECT DISTINCT k.table_name AS "table", k.column_name AS "column", u.table_name AS "references"
      FROM information_schema.table_constraints c
      JOIN information_schema.key_column_usage k ON k.constraint_schema = c.constraint_schema AND k.constraint_name = c.constraint_name
      JOIN information_schema.constraint_column_usage u ON u.constraint_schema = c.constraint_schema AND u.constraint_name = c.constraint_name
     WHERE c.constraint_type = 'FOREIGN KEY' AND c.table_schema = 'public'`.execute(t.deps.db);
  return { columns: columns.rows, foreignKeys: foreignKeys.rows };
}

const key = (table: string, column: string) => `${table}.${column}`;

describe('personal data declarations', () => {
  it('declare every column of the live schema that looks personal or refers to a person, once', async () => {
    const declarations = t.deps.privacy.declarations();
    const { columns, foreignKeys } = await liveSchema();
    const existing = new Set(columns.map((c) => key(c.table, c.column)));

    const declared = new Map<string, string>();
    const twice: string[] = [];
    for (const d of declarations) {
      for (const column of declaredColumns(d)) {
        const k = key(d.table, column);
        if (declared.has(k)) twice.push(`${k} (in "${declared.get(k)}" and "${d.name}")`);
        declared.set(k, d.name);
      }
    }
    expect(twice, 'each personal column is declared once').toEqual([]);
    expect(
      [...declared.keys()].filter((k) => !existing.has(k)),
      'declared columns that the schema does not have',
    ).toEqual([]);

    // A table whose rows go with the person holds rows about that person: what refers to it does too.
    const personalRows = new Set(['users', ...declarations.filter((d) => d.onErase === 'delete').map((d) => d.table)]);
    const suspicious = new Set([
      ...columns.filter((c) => personalColumn.test(c.column)).map((c) => key(c.table, c.column)),
      ...foreignKeys.filter((f) => personalRows.has(f.references)).map((f) => key(f.table, f.column)),
    ]);
    const undeclared = [...suspicious].filter((k) => !declared.has(k) && !(k in notPersonal)).sort();
    expect(undeclared, 'declare these in the owning module’s *.privacy.ts, or (only if they hold nothing about a person) explain them in notPersonal').toEqual(
      [],
    );

    const tablesWithDeclarations = new Set(declarations.map((d) => d.table));
    const tables = [...new Set(columns.map((c) => c.table))];
    expect(
      tables.filter((table) => personalTable.test(table) && !tablesWithDeclarations.has(table)),
      'tables that look personal without a declaration',
    ).toEqual([]);

    const stale = Object.keys(notPersonal).filter((k) => !existing.has(k) || !suspicious.has(k));
    expect(stale, 'allow-list entries that no longer exist or no longer look personal').toEqual([]);
  });

  it('refer only to columns and declarations that exist', async () => {
    const declarations = t.deps.privacy.declarations();
    const { columns } = await liveSchema();
    const existing = new Set(columns.map((c) => key(c.table, c.column)));
    const names = new Set(declarations.map((d) => d.name));
    const problems: string[] = [];
    const need = (d: PersonalDataDeclaration, table: string, column: string) => {
      if (!existing.has(key(table, column))) problems.push(`${d.name}: ${key(table, column)} does not exist`);
    };
    for (const d of declarations) {
      if ('via' in d.subject && !names.has(d.subject.of)) problems.push(`${d.name}: via unknown declaration ${d.subject.of}`);
      for (const column of Object.keys(d.columns)) if (column === subjectColumn(d.subject)) problems.push(`${d.name}: ${column} is the subject and a column`);
      for (const column of d.notExported ?? []) if (!(column in d.columns)) problems.push(`${d.name}: notExported ${column} is not a declared column`);
      for (const item of d.context ?? []) {
        if (typeof item === 'string') need(d, d.table, item);
        else {
          need(d, d.table, item.by);
          need(d, item.from, item.select);
        }
      }
      if (typeof d.onErase === 'object')
        for (const column of Object.keys(d.onErase.replace))
          if (!declaredColumns(d).includes(column)) problems.push(`${d.name}: replaces undeclared ${column}`);
      const sweep = d.retention.sweep;
      if (sweep) for (const column of [sweep.after, ...(sweep.unless ? [sweep.unless] : [])]) need(d, d.table, column);
    }
    expect(problems).toEqual([]);
  });

  it('are what the README says is kept how long', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const block = /<!-- privacy-table:start -->\n([\s\S]*?)\n<!-- privacy-table:end -->/.exec(readme)?.[1];
    const expected = privacyTable(t.deps.privacy.declarations());
    expect(block, `Replace the table between the privacy-table markers in README.md with:\n\n${expected}\n`).toBe(expected);
  });

  it('are applied on schedule: the maintenance job deletes what is past its declared period, and the .eml copies with it', async () => {
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);
    const backdate = (table: string, id: string, at: Date) => sql`UPDATE ${sql.table(table)} SET created_at = ${at} WHERE id = ${id}`.execute(t.deps.db);
    const outboxDir = path.join(t.deps.config.dataDir, 'outbox');
    mkdirSync(outboxDir, { recursive: true });
    const mail = async (createdAt: Date) => {
      const row = await t.deps.db
        .insertInto('mail_outbox')
        .values({ recipient: 'alt@example.org', subject: 'Alt', text_body: 'Text' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await backdate('mail_outbox', row.id, createdAt);
      writeFileSync(path.join(outboxDir, `${row.id}.eml`), 'To: alt@example.org\n\nText');
      return row.id;
    };
    const expiredMail = await mail(daysAgo(outboxRetentionDays + 1));
    const keptMail = await mail(daysAgo(outboxRetentionDays - 1));
    const orphan = randomUUID();
    writeFileSync(path.join(outboxDir, `${orphan}.eml`), 'To: weg@example.org\n\nText');
    const never = await createUser(t);
    const confirmed = await createUser(t);
    await t.deps.db.updateTable('users').set({ email_confirmed_at: null }).where('id', '=', never.id).execute();
    for (const user of [never, confirmed]) await backdate('users', user.id, daysAgo(unconfirmedAccountDays + 1));
    const report = async (createdAt: Date) => {
      const row = await t.deps.db
        .insertInto('barrier_reports')
        .values({ page_url: '/', message: 'Alt', contact_email: 'melder@example.org' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await backdate('barrier_reports', row.id, createdAt);
      return row;
    };
    const expiredReport = await report(daysAgo(barrierReportDays + 1));
    const keptReport = await report(daysAgo(barrierReportDays - 1));

    await t.deps.jobs.send(t.deps.db, maintenanceJob, {});
    await t.runJobs();

    const ids = async (table: 'mail_outbox' | 'barrier_reports' | 'users', wanted: string[]) =>
      (await t.deps.db.selectFrom(table).select('id').where('id', 'in', wanted).execute()).map((r) => r.id);
    expect(await ids('mail_outbox', [expiredMail, keptMail])).toEqual([keptMail]);
    expect([expiredMail, keptMail, orphan].map((id) => existsSync(path.join(outboxDir, `${id}.eml`)))).toEqual([false, true, false]);
    expect(await ids('users', [never.id, confirmed.id])).toEqual([confirmed.id]);
    expect(await ids('barrier_reports', [expiredReport.id, keptReport.id])).toEqual([keptReport.id]);
  });
});
