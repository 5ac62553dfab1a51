/**
 * One appointment as an iCalendar invitation (RFC 5545/5546): METHOD:REQUEST adds or updates it (same
 * UID, higher SEQUENCE after a move), METHOD:CANCEL removes it. Times are written in UTC ("Z"), which
 * every calendar shows in its own zone; the mail text gives the same moment in Berlin time.
 */
export interface IcsAppointment {
  uid: string;
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
  start: Date;
  end: Date;
  summary: string;
  description: string;
  location: string;
  organizerEmail: string;
  organizerName: string;
  attendeeEmail: string;
  attendeeName: string;
  /** The attendee's answer so far: a booked appointment is accepted; a meeting invitation waits for one. */
  attendeeStatus?: 'ACCEPTED' | 'NEEDS-ACTION';
  now: Date;
}

/** An instant as iCalendar UTC date-time (20271003T080000Z). */
export const utc = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** A TEXT value with backslash, semicolon, comma and line breaks escaped. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A parameter value (CN=…) quoted, without the characters a quoted value cannot hold. */
const param = (value: string) => `"${value.replace(/["\r\n]/g, '')}"`;

/** Folds a line at 75 octets without splitting a UTF-8 character. */
export function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    if (octets + size > 75) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

export function appointmentIcs(a: IcsAppointment): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Familienrathaus//Termine//DE',
    'CALSCALE:GREGORIAN',
    `METHOD:${a.method}`,
    'BEGIN:VEVENT',
    `UID:${a.uid}`,
    `SEQUENCE:${a.sequence}`,
    `DTSTAMP:${utc(a.now)}`,
    `DTSTART:${utc(a.start)}`,
    `DTEND:${utc(a.end)}`,
    `SUMMARY:${escapeText(a.summary)}`,
    `DESCRIPTION:${escapeText(a.description)}`,
    `LOCATION:${escapeText(a.location)}`,
    `ORGANIZER;CN=${param(a.organizerName)}:mailto:${a.organizerEmail}`,
    `ATTENDEE;CN=${param(a.attendeeName)};ROLE=REQ-PARTICIPANT;PARTSTAT=${a.method === 'CANCEL' ? 'DECLINED' : (a.attendeeStatus ?? 'ACCEPTED')}:mailto:${a.attendeeEmail}`,
    `STATUS:${a.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
