import { describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../test/support/app.js';
import { signedInVisitor } from '../../../test/support/auth.js';
import { buildEvent } from '../../../test/support/events.js';
import { addDays, todayIn } from '../../platform/time/berlin.js';

const t = useTestApp();
const mainOf = (html: string) => /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '';

describe('the start page', () => {
  it('shows the next dates of the coming two weeks, says which are cancelled, and links to the calendar', async () => {
    const today = todayIn(new Date());
    const soon = addDays(today, 2);
    const later = addDays(today, 20);
    const fest = await buildEvent(t, {
      title: 'Laternenumzug Heessen',
      timing: { allDay: false, startDate: soon, startTime: '17:00', endDate: soon, endTime: '19:00' },
    });
    await buildEvent(t, {
      title: 'Abgesagtes Puppentheater',
      status: 'cancelled',
      timing: { allDay: false, startDate: soon, startTime: '15:00', endDate: soon, endTime: '16:00' },
    });
    await buildEvent(t, { title: 'Fest in drei Wochen', timing: { allDay: false, startDate: later, startTime: '10:00', endDate: later, endTime: '12:00' } });

    const main = mainOf((await new Visitor(() => t.app).get('/')).body);
    expect(main).toContain('<h2 class="kern-heading-medium" id="demnaechst">Demnächst in der Stadt</h2>');
    expect(main).toContain(`<a class="kern-link" href="/veranstaltungen/${fest}">Laternenumzug Heessen</a>`);
    expect(main).toMatch(/17:00 Uhr · Stadtpark[^<]*<\/span>/);
    expect(main).toMatch(/Abgesagtes Puppentheater<\/a><br\/><span[^>]*>[^<]* · abgesagt<\/span>/);
    expect(main).not.toContain('Fest in drei Wochen');
    expect(main.indexOf('Abgesagtes Puppentheater')).toBeLessThan(main.indexOf('Laternenumzug Heessen'));
    expect(main).toContain('<a class="kern-link" href="/veranstaltungen">Alle Veranstaltungen</a>');
  });

  it('shows the next dates in the visitor’s language where an editor translated them', async () => {
    const soon = addDays(todayIn(new Date()), 3);
    const id = await buildEvent(t, {
      title: 'Vorlesestunde Bockum-Hövel',
      timing: { allDay: false, startDate: soon, startTime: '10:00', endDate: soon, endTime: '11:00' },
    });
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const path = `/uebersetzungen/veranstaltung/${id}/tr`;
    expect((await editor.submit(path, path, { title: 'Bockum-Hövel’de kitap okuma saati', description: 'Birlikte kitap okuyoruz.' })).statusCode).toBe(303);
    const inTurkish = mainOf((await new Visitor(() => t.app).get('/?lang=tr')).body);
    expect(inTurkish).toContain(`<a class="kern-link" href="/veranstaltungen/${id}">Bockum-Hövel’de kitap okuma saati</a>`);
    const inPolish = mainOf((await new Visitor(() => t.app).get('/?lang=pl')).body);
    expect(inPolish, 'an untranslated title is marked German').toContain(
      `<a class="kern-link" href="/veranstaltungen/${id}" lang="de" dir="ltr">Vorlesestunde Bockum-Hövel</a>`,
    );
  });
});
