import ICAL from 'ical.js';
import ical from 'node-ical';
import { describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../test/support/app.js';
import { buildEvent } from '../../../test/support/events.js';
import { fromLocal, toLocal } from '../../platform/time/berlin.js';

const t = useTestApp();
const v = () => new Visitor(() => t.app);
const local = (d: Date | undefined) => (d ? `${toLocal(d).date} ${toLocal(d).time}` : 'none');

/** A strict little XML well-formedness check: balanced tags, quoted attributes, only known entities. */
function assertWellFormedXml(xml: string): void {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  const body = xml.replace(/^<\?xml[^?]*\?>/, '');
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g;
  let roots = 0;
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    if (!m[2]) throw new Error(`not well-formed near ${body.slice(m.index, m.index + 40)}`);
    if (m[1]) expect(stack.pop(), `closing </${m[2]}>`).toBe(m[2]);
    else if (!m[4]) {
      if (stack.length === 0) roots++;
      stack.push(m[2]);
    }
  }
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
}

async function buildFixtures() {
  const march = await buildEvent(
    t,
    {
      title: 'Sonntagssingen über die Zeitumstellung',
      district: 'Pelkum',
      timing: { allDay: false, startDate: '2027-03-14', startTime: '10:00', endDate: '2027-03-14', endTime: '11:30' },
      rule: { freq: 'weekly', interval: 1, byWeekday: [7], until: null, count: 5 },
      excludedDates: ['2027-03-21'],
    },
    {
      exceptions: [
        { date: '2027-03-28', kind: 'override', status: 'cancelled', note: 'Fällt aus.' },
        {
          date: '2027-04-04',
          kind: 'override',
          start: fromLocal('2027-04-05', '16:00'),
          end: fromLocal('2027-04-05', '17:00'),
          note: 'Verlegt auf Ostermontag.',
        },
      ],
    },
  );
  const october = await buildEvent(t, {
    title: 'Herbstferien-Werkstatt',
    district: 'Pelkum',
    timing: { allDay: false, startDate: '2027-10-29', startTime: '09:00', endDate: '2027-10-29', endTime: '12:00' },
    rule: { freq: 'daily', interval: 1, byWeekday: [], until: '2027-11-01', count: null },
  });
  const allDay = await buildEvent(t, {
    title: 'Zweitägiges Stadtteilfest; mit Komma, Semikolon und Umlauten: Größe, Übermut, Ärger – 😀 und noch viel mehr Text, damit die Zeile gefaltet wird',
    district: 'Pelkum',
    timing: { allDay: true, startDate: '2027-06-12', startTime: null, endDate: '2027-06-13', endTime: null },
  });
  return { march, october, allDay };
}

describe('feeds', () => {
  it('serves RFC 5545: CRLF, 75-octet folding on UTF-8 boundaries, VTIMEZONE, stable UIDs, RRULE with UNTIL in UTC, EXDATE, RECURRENCE-ID, STATUS, SEQUENCE, DTSTAMP, URL', async () => {
    const ids = await buildFixtures();
    const response = await v().get('/veranstaltungen.ics?bezirk=Pelkum');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const raw = response.rawPayload;
    const text = raw.toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(/[^\r]\n/.test(text)).toBe(false);
    for (const line of text.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(line.includes('\ufffd')).toBe(false);
    }
    // Unfolding gives back the whole title, emoji and umlauts intact.
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain(
      'SUMMARY:Zweitägiges Stadtteilfest\\; mit Komma\\, Semikolon und Umlauten: Größe\\, Übermut\\, Ärger – 😀 und noch viel mehr Text\\, damit die Zeile gefaltet wird',
    );
    for (const needle of ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:', 'BEGIN:VTIMEZONE', 'TZID:Europe/Berlin', 'X-WR-TIMEZONE:Europe/Berlin'])
      expect(unfolded).toContain(needle);
    expect(unfolded).toContain(`UID:${ids.march}@localhost:3000`);
    expect(unfolded).toContain('DTSTART;TZID=Europe/Berlin:20270314T100000');
    expect(unfolded).toContain('RRULE:FREQ=WEEKLY;BYDAY=SU;COUNT=5');
    expect(unfolded).toContain('RRULE:FREQ=DAILY;UNTIL=20271101T080000Z');
    expect(unfolded).toContain('EXDATE;TZID=Europe/Berlin:20270321T100000');
    expect(unfolded).toContain('RECURRENCE-ID;TZID=Europe/Berlin:20270328T100000');
    expect(unfolded).toContain('RECURRENCE-ID;TZID=Europe/Berlin:20270404T100000');
    expect(unfolded).toContain('STATUS:CANCELLED');
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20270612');
    expect(unfolded).toContain('DTEND;VALUE=DATE:20270614');
    expect(unfolded).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);
    expect(unfolded).toMatch(/SEQUENCE:0/);
    expect(unfolded).toContain(`URL:http://localhost:3000/veranstaltungen/${ids.march}`);
    // Same UIDs on the next fetch.
    const again = (await v().get('/veranstaltungen.ics?bezirk=Pelkum')).body.replace(/\r\n /g, '');
    expect(again.match(/^UID:.*$/gm)).toEqual(unfolded.match(/^UID:.*$/gm));
  });

  it('is read by ical.js with the right local times across both changes of the clock', async () => {
    const text = (await v().get('/veranstaltungen.ics?bezirk=Pelkum')).body;
    const calendar = new ICAL.Component(ICAL.parse(text));
    for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
    const vevents = calendar.getAllSubcomponents('vevent');
    const masters = vevents.filter((c) => !c.hasProperty('recurrence-id'));
    const overrides = vevents.filter((c) => c.hasProperty('recurrence-id'));
    const expand = (title: string) => {
      const master = masters.find((c) => String(c.getFirstPropertyValue('summary')).startsWith(title))!;
      const event = new ICAL.Event(master);
      for (const o of overrides.filter((c) => c.getFirstPropertyValue('uid') === event.uid)) event.relateException(o);
      const it = event.iterator();
      const result: { start: string; end: string; status: string }[] = [];
      for (let next = it.next(); next && result.length < 20; next = it.next()) {
        const details = event.getOccurrenceDetails(next);
        result.push({
          start: local(details.startDate.toJSDate()),
          end: local(details.endDate.toJSDate()),
          status: String(details.item.component.getFirstPropertyValue('status')),
        });
      }
      return result;
    };
    expect(expand('Sonntagssingen')).toEqual([
      { start: '2027-03-14 10:00', end: '2027-03-14 11:30', status: 'CONFIRMED' },
      { start: '2027-03-28 10:00', end: '2027-03-28 11:30', status: 'CANCELLED' },
      { start: '2027-04-05 16:00', end: '2027-04-05 17:00', status: 'CONFIRMED' },
      { start: '2027-04-11 10:00', end: '2027-04-11 11:30', status: 'CONFIRMED' },
    ]);
    expect(expand('Herbstferien').map((o) => o.start)).toEqual(['2027-10-29 09:00', '2027-10-30 09:00', '2027-10-31 09:00', '2027-11-01 09:00']);
    const allDay = new ICAL.Event(masters.find((c) => String(c.getFirstPropertyValue('summary')).startsWith('Zweitägiges')));
    expect(allDay.startDate.isDate).toBe(true);
    expect(allDay.startDate.toString()).toBe('2027-06-12');
    expect(allDay.endDate.toString()).toBe('2027-06-14');
  });

  it('is read by node-ical with the right local times, exceptions and overrides', async () => {
    const text = (await v().get('/veranstaltungen.ics?bezirk=Pelkum')).body;
    const parsed = ical.sync.parseICS(text);
    const events = Object.values(parsed).filter((c): c is ical.VEvent => c?.type === 'VEVENT');
    const march = events.find((e) => String(e.summary).startsWith('Sonntagssingen'))!;
    expect(local(march.start)).toBe('2027-03-14 10:00');
    expect(local(march.end as Date)).toBe('2027-03-14 11:30');
    const ruleDates = march.rrule!.between(new Date('2027-01-01'), new Date('2028-01-01'), true).map((d) => toLocal(d).date);
    expect(ruleDates).toEqual(['2027-03-14', '2027-03-21', '2027-03-28', '2027-04-04', '2027-04-11']);
    expect(Object.keys(march.exdate ?? {}).some((k) => k.startsWith('2027-03-21'))).toBe(true);
    const recurrences = Object.values(march.recurrences ?? {});
    // node-ical files each override under two keys (date and date-time); the set of overrides is what counts.
    expect([...new Set(recurrences.map((r) => `${local(r.start as Date)} ${String(r.status)}`))].sort()).toEqual([
      '2027-03-28 10:00 CANCELLED',
      '2027-04-05 16:00 CONFIRMED',
    ]);
    const october = events.find((e) => String(e.summary).startsWith('Herbstferien'))!;
    // rrule gives instants; the wall time must stay 09:00 on both sides of 31 October.
    const octDates = october.rrule!.between(new Date('2027-10-01'), new Date('2027-12-01'), true);
    expect(octDates.map((d) => local(d))).toEqual(['2027-10-29 09:00', '2027-10-30 09:00', '2027-10-31 09:00', '2027-11-01 09:00']);
    const allDay = events.find((e) => String(e.summary).startsWith('Zweitägiges'))!;
    expect(allDay.datetype).toBe('date');
  });

  it('offers the single event as a calendar file', async () => {
    const { march } = await buildFixtures();
    const response = await v().get(`/veranstaltungen/${march}/kalender.ics`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('attachment');
    const calendar = new ICAL.Component(ICAL.parse(response.body));
    const uids = new Set(calendar.getAllSubcomponents('vevent').map((c) => c.getFirstPropertyValue('uid')));
    expect([...uids]).toEqual([`${march}@localhost:3000`]);
  });

  it('serves well-formed RSS and Atom with one item per date, for the same filter', async () => {
    const rss = await v().get('/veranstaltungen.rss?bezirk=Pelkum&unbekannt=1');
    expect(rss.statusCode).toBe(200);
    expect(rss.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    assertWellFormedXml(rss.body);
    expect(rss.body).toContain('<rss version="2.0"');
    expect(rss.body).toContain('<title>ABGESAGT: Sonntagssingen über die Zeitumstellung – Sonntag, 28. März 2027, 10:00 bis 11:30 Uhr</title>');
    expect(rss.body).toContain('Zweitägiges Stadtteilfest; mit Komma');
    expect(rss.body).not.toContain('unbekannt');
    const atom = await v().get('/veranstaltungen.atom?bezirk=Pelkum');
    expect(atom.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    assertWellFormedXml(atom.body);
    expect(atom.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(atom.body).toContain('rel="self"');
    expect((atom.body.match(/<entry>/g) ?? []).length).toBe((rss.body.match(/<item>/g) ?? []).length);
    const other = await v().get('/veranstaltungen.rss?bezirk=Heessen');
    expect(other.body).not.toContain('Sonntagssingen');
  });
});
