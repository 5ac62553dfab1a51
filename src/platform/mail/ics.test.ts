import { describe, expect, it } from 'vitest';
import { fromLocal } from '../../platform/time/berlin.js';
import { appointmentIcs, fold } from './ics.js';

const base = {
  uid: '6f1c7a52-0000-4000-8000-000000000001@familienrathaus',
  sequence: 0,
  method: 'REQUEST' as const,
  start: fromLocal('2027-10-31', '02:30'),
  end: new Date(fromLocal('2027-10-31', '02:30').getTime() + 30 * 60_000),
  summary: 'Berufsberatung',
  description: 'Jugendberufsagentur; bitte Zeugnis mitbringen',
  location: 'Jugendberufsagentur Hamm, Bahnhofstraße 1',
  organizerEmail: 'termine@example.org',
  organizerName: 'Familienrathaus Hamm',
  attendeeEmail: 'lena@example.org',
  attendeeName: 'Lena',
  now: new Date('2027-10-01T10:00:00Z'),
};

describe('appointment iCalendar', () => {
  it('writes the first 02:30 of the autumn night in UTC, so calendars show the summer-time half hour', () => {
    const ics = appointmentIcs(base);
    expect(ics).toContain('METHOD:REQUEST\r\n');
    expect(ics).toContain('DTSTART:20271031T003000Z\r\n');
    expect(ics).toContain('DTEND:20271031T010000Z\r\n');
    expect(ics).toContain('LOCATION:Jugendberufsagentur Hamm\\, Bahnhofstraße 1\r\n');
    expect(ics).toContain('DESCRIPTION:Jugendberufsagentur\\; bitte Zeugnis mitbringen\r\n');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('cancels with the same UID and a higher sequence', () => {
    const ics = appointmentIcs({ ...base, method: 'CANCEL', sequence: 2 });
    expect(ics).toContain('METHOD:CANCEL\r\n');
    expect(ics).toContain(`UID:${base.uid}\r\n`);
    expect(ics).toContain('SEQUENCE:2\r\n');
    expect(ics).toContain('STATUS:CANCELLED\r\n');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const folded = fold(`SUMMARY:${'ü'.repeat(60)}`);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'ü'.repeat(60)}`);
  });
});
