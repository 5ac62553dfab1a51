import type { AppDeps } from '../../platform/deps.js';
import type { SchoolForm } from '../../db/tables/appointments.js';

/** Fictional schools with fictional career-orientation contacts; runs once. */
const schools: { name: string; form: SchoolForm; district: string; contact: string; email: string; phone: string }[] = [
  {
    name: 'Gesamtschule Am Beispielpark (Demo)',
    form: 'gesamtschule',
    district: 'Hamm-Mitte',
    contact: 'Frau Muster',
    email: 'stubo.beispielpark@schule.example',
    phone: '02381 100001',
  },
  {
    name: 'Realschule Lippeufer (Demo)',
    form: 'realschule',
    district: 'Herringen',
    contact: 'Herr Probe',
    email: 'stubo.lippeufer@schule.example',
    phone: '02381 100002',
  },
  {
    name: 'Sekundarschule Nord (Demo)',
    form: 'sekundarschule',
    district: 'Bockum-Hövel',
    contact: 'Frau Fiktiv',
    email: 'stubo.nord@schule.example',
    phone: '02381 100003',
  },
  {
    name: 'Gymnasium Kanalstraße (Demo)',
    form: 'gymnasium',
    district: 'Hamm-Mitte',
    contact: 'Herr Erfunden',
    email: 'stubo.kanal@schule.example',
    phone: '02381 100004',
  },
  {
    name: 'Berufskolleg Ost (Demo)',
    form: 'berufskolleg',
    district: 'Uentrop',
    contact: 'Frau Beispielhaft',
    email: 'beratung.bkost@schule.example',
    phone: '02381 100005',
  },
  {
    name: 'Förderschule Sonnenweg (Demo)',
    form: 'foerderschule',
    district: 'Heessen',
    contact: 'Herr Demo',
    email: 'stubo.sonnenweg@schule.example',
    phone: '02381 100006',
  },
];

export async function seedYouthDemo(deps: Pick<AppDeps, 'db'>): Promise<boolean> {
  const existing = await deps.db.selectFrom('youth_schools').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  await deps.db
    .insertInto('youth_schools')
    .values(
      schools.map((s) => ({
        name: s.name,
        school_form: s.form,
        district: s.district,
        contact_name: s.contact,
        contact_email: s.email,
        contact_phone: s.phone,
      })),
    )
    .execute();
  return true;
}
