import { addDays, toLocal } from '../../platform/time/berlin.js';
import { occurrenceTimes, rruleValue, type EventStatus, type EventTiming, type OccurrenceException, type RecurrenceRule } from './recurrence.js';

/**
 * iCalendar (RFC 5545) output: VTIMEZONE for Europe/Berlin, local times with TZID, RRULE with UNTIL
 * in UTC, EXDATE for dropped dates, one VEVENT with RECURRENCE-ID per changed or cancelled date,
 * SEQUENCE and DTSTAMP, CRLF line ends, lines folded at 75 octets without splitting a UTF-8 character.
 */

export interface IcsEvent {
  /** Stable across changes: "<event id>@<host>". Overrides reuse it with a RECURRENCE-ID. */
  uid: string;
  sequence: number;
  /** When the event was last changed (DTSTAMP and LAST-MODIFIED). */
  modified: Date;
  created: Date;
  timing: EventTiming;
  rule: RecurrenceRule | null;
  exceptions: OccurrenceException[];
  status: EventStatus;
  summary: string;
  description: string;
  location: string;
  geo: [number, number] | null;
  url: string;
  categories: string[];
  organizer: string | null;
}

const berlinTimezone = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Berlin',
  'X-LIC-LOCATION:Europe/Berlin',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** TEXT value escaping (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const octetsOf = (char: string) => {
  const cp = char.codePointAt(0)!;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
};

/** Folds a content line at 75 octets; continuation lines start with one space (which counts). */
export function foldLine(line: string): string {
  // Fast path: an ASCII line of at most 75 characters needs no folding.
  if (line.length <= 75 && /^[\x00-\x7f]*$/.test(line)) return line;
  const out: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = octetsOf(char);
    if (octets + size > limit) {
      out.push(current);
      current = ' ';
      octets = 1;
      limit = 75;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

const utcStamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const compactDate = (date: string) => date.replace(/-/g, '');
/** A local Berlin time of an instant: "20270314T100000". */
function localStamp(d: Date): string {
  const l = toLocal(d);
  return `${compactDate(l.date)}T${l.time.replace(':', '')}00`;
}

function dateProp(name: string, instant: Date, allDay: boolean): string {
  return allDay ? `${name};VALUE=DATE:${compactDate(toLocal(instant).date)}` : `${name};TZID=Europe/Berlin:${localStamp(instant)}`;
}

const statusValue: Record<EventStatus, string> = { scheduled: 'CONFIRMED', cancelled: 'CANCELLED', postponed: 'TENTATIVE' };

function commonProps(e: IcsEvent, status: EventStatus, note: string): string[] {
  const lines = [
    `SUMMARY:${escapeText(e.summary)}`,
    `DESCRIPTION:${escapeText([note, e.description, e.url].filter(Boolean).join('\n\n'))}`,
    `URL:${e.url}`,
    `STATUS:${statusValue[status]}`,
  ];
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.geo) lines.push(`GEO:${e.geo[0].toFixed(6)};${e.geo[1].toFixed(6)}`);
  if (e.categories.length) lines.push(`CATEGORIES:${e.categories.map(escapeText).join(',')}`);
  if (e.organizer) lines.push(`X-ORGANIZER-NAME:${escapeText(e.organizer)}`);
  return lines;
}

/** The VEVENTs of one event: the master (with RRULE and EXDATE) and one per overridden date. */
export function eventComponents(e: IcsEvent): string[] {
  const first = occurrenceTimes(e.timing, e.timing.startDate);
  const head = (extra: string[]) => [
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `DTSTAMP:${utcStamp(e.modified)}`,
    `CREATED:${utcStamp(e.created)}`,
    `LAST-MODIFIED:${utcStamp(e.modified)}`,
    `SEQUENCE:${e.sequence}`,
    ...extra,
  ];
  const master = head([dateProp('DTSTART', first.start, e.timing.allDay)]);
  if (first.end) master.push(e.timing.allDay ? `DTEND;VALUE=DATE:${compactDate(addDays(e.timing.endDate, 1))}` : dateProp('DTEND', first.end, false));
  if (e.rule) {
    master.push(`RRULE:${rruleValue(e.rule, e.timing)}`);
    for (const x of e.exceptions.filter((x) => x.kind === 'excluded'))
      master.push(dateProp('EXDATE', occurrenceTimes(e.timing, x.date).start, e.timing.allDay));
  }
  master.push(...commonProps(e, e.status, ''), 'END:VEVENT');
  const components = [master];
  if (!e.rule) return components.map((c) => c.join('\r\n'));
  for (const x of e.exceptions.filter((x) => x.kind === 'override')) {
    const original = occurrenceTimes(e.timing, x.date);
    const start = x.start ?? original.start;
    const end = x.start ? (x.end ?? null) : original.end;
    const lines = head([dateProp('RECURRENCE-ID', original.start, e.timing.allDay), dateProp('DTSTART', start, e.timing.allDay)]);
    if (end) lines.push(dateProp('DTEND', end, e.timing.allDay));
    const status = e.status === 'scheduled' ? (x.status ?? 'scheduled') : e.status;
    lines.push(...commonProps(e, status, x.note ?? ''), 'END:VEVENT');
    components.push(lines);
  }
  return components.map((c) => c.join('\r\n'));
}

/** A whole calendar; `name` becomes X-WR-CALNAME so subscribing apps show it. */
export function buildCalendar(events: readonly IcsEvent[], options: { name: string; prodId: string; refreshHours?: number }): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${options.prodId}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name)}`,
    'X-WR-TIMEZONE:Europe/Berlin',
    `REFRESH-INTERVAL;VALUE=DURATION:PT${options.refreshHours ?? 6}H`,
    `X-PUBLISHED-TTL:PT${options.refreshHours ?? 6}H`,
    ...berlinTimezone,
  ];
  const body = [...lines, ...events.flatMap(eventComponents), 'END:VCALENDAR'].join('\r\n');
  return `${body.split('\r\n').map(foldLine).join('\r\n')}\r\n`;
}
