import { describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../test/support/app.js';
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
});
