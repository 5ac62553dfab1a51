import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { signedInVisitor } from '../../../test/support/auth.js';
import { addDays, todayIn, toLocal } from '../../platform/time/berlin.js';

const t = useTestApp();
const german = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

describe('date fields of the event form take TT.MM.JJJJ', () => {
  it('stores 4.5.-style dates, names an impossible day in the summary and shows TT.MM.JJJJ for editing', async () => {
    const org = await t.deps.db
      .insertInto('organizations')
      .values({ name: 'Kinderschutzbund Hamm (Test)', kind: 'provider' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { visitor, user } = await signedInVisitor(t, 'provider');
    await t.deps.db.insertInto('memberships').values({ user_id: user.id, organization_id: org.id }).execute();
    const day = addDays(todayIn(new Date()), 20);
    const fields = {
      organizationId: org.id,
      title: 'Laternenbasteln',
      description: 'Wir basteln Laternen aus Papier.',
      cat_kreativ: 'ja',
      startTime: '15:00',
      endTime: '17:00',
      repeat: 'weekly',
      repeatUntil: german(addDays(day, 14)),
      excludedDates: german(addDays(day, 7)),
      placeName: 'Familienzentrum Nord',
      locality: 'Hamm',
      district: 'Bockum-Hövel',
      free: 'ja',
    };
    const form = await visitor.get('/veranstaltungen/neu');
    expect(form.body).toContain('Format: TT.MM.JJJJ, zum Beispiel 04.05.2017');

    const bad = await visitor.submit('/veranstaltungen/neu', '/veranstaltungen/neu', { ...fields, startDate: `31.02.${day.slice(0, 4)}` });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('„Datum (Beginn)“: Diesen Tag gibt es nicht. Prüfen Sie Tag und Monat.');
    expect(bad.body).toContain('href="#startDate"');
    expect(bad.body).toContain(`value="31.02.${day.slice(0, 4)}"`);

    const startDate = `${Number(day.slice(8, 10))}.${Number(day.slice(5, 7))}.${day.slice(0, 4)}`;
    const created = await visitor.submit('/veranstaltungen/neu', '/veranstaltungen/neu', { ...fields, startDate });
    expect(created.statusCode).toBe(303);
    const id = /\/veranstaltungen\/([0-9a-f-]{36})/.exec(String(created.headers.location))![1]!;
    const event = await t.deps.db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(toLocal(event.starts_at).date).toBe(day);
    const edit = await visitor.get(`/veranstaltungen/${id}/bearbeiten`);
    expect(edit.body).toContain(`value="${german(day)}"`);
    expect(edit.body).toContain(`value="${german(addDays(day, 14))}"`);
    expect(edit.body).toContain(german(addDays(day, 7)));
  });
});
