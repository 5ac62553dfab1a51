import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { buildEvent } from '../../../test/support/events.js';
import { addDays, todayIn } from '../../platform/time/berlin.js';
import { fromBerlinLocal } from '../../platform/time/berlin.js';
import { emptyComposition, resolveContent } from './issue-content.js';

const t = useTestApp();

describe('the events of an issue', () => {
  it('are what one can still go to: no cancelled dates, none already over, the range starting today at the earliest', async () => {
    const day = addDays(todayIn(new Date()), 7);
    const at = (startTime: string, endTime: string) => ({ allDay: false, startDate: day, startTime, endDate: day, endTime });
    await buildEvent(t, { title: 'Frühes Basteln', timing: at('08:00', '10:00') });
    await buildEvent(t, { title: 'Lesefest am Mittag', timing: at('10:00', '12:00') });
    await buildEvent(t, { title: 'Abgesagtes Konzert', timing: at('15:00', '16:00'), status: 'cancelled', statusNote: 'Die Band ist krank.' });
    await buildEvent(t, { title: 'Zoo am Nachmittag', timing: at('15:30', '17:00') });
    await buildEvent(t, { title: 'Verschobener Flohmarkt', timing: at('16:00', '18:00'), status: 'postponed' });
    // Composed ten days before that day, sent on it at 11:00.
    const issue = { subject: 'Infobrief', intro: '', composition: { ...emptyComposition(), events: { from: addDays(day, -10), to: addDays(day, 5) } } };
    const content = await resolveContent(t.deps.db, 'https://portal.example', issue, fromBerlinLocal(`${day}T11:00`)!);

    expect(content.events.map((e) => e.title)).toEqual(['Lesefest am Mittag', 'Zoo am Nachmittag', 'Verschobener Flohmarkt']);
    expect(content.events.at(-1)!.status).toBe('postponed');
    expect(content.eventsRange).toEqual({ from: day, to: addDays(day, 5) });

    // A preview a week earlier lists every date of that day but the cancelled one.
    const earlier = await resolveContent(t.deps.db, 'https://portal.example', issue, fromBerlinLocal(`${addDays(day, -7)}T09:00`)!);
    expect(earlier.events.map((e) => e.title)).toEqual(['Frühes Basteln', 'Lesefest am Mittag', 'Zoo am Nachmittag', 'Verschobener Flohmarkt']);
    expect(earlier.eventsRange).toEqual({ from: addDays(day, -7), to: addDays(day, 5) });
  });
});
