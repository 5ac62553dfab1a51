import { escapeText, fold, utc } from '../../platform/mail/ics.js';

/**
 * A personal calendar feed (RFC 5545, no METHOD: a subscription, not an invitation): one VEVENT per
 * meeting with the same UID and SEQUENCE as its invitation mails, so calendars that got both keep one.
 */
export interface FeedMeeting {
  id: string;
  title: string;
  group_name: string;
  starts_at: Date;
  ends_at: Date;
  place: string;
  video_url: string | null;
  agenda: string;
  sequence: number;
  cancelled_at: Date | null;
}

const text = escapeText;

export function calendarFeed(meetings: readonly FeedMeeting[], options: { name: string; host: string; url: (id: string) => string; now: Date }): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Familienrathaus//Netzwerk//DE', 'CALSCALE:GREGORIAN', `X-WR-CALNAME:${text(options.name)}`];
  for (const m of meetings) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:netzwerk-${m.id}@${options.host}`,
      `SEQUENCE:${m.sequence}`,
      `DTSTAMP:${utc(options.now)}`,
      `DTSTART:${utc(m.starts_at)}`,
      `DTEND:${utc(m.ends_at)}`,
      `SUMMARY:${text(`${m.title} (${m.group_name})`)}`,
      `DESCRIPTION:${text(`${m.agenda}\n\n${options.url(m.id)}`.trim())}`,
      `LOCATION:${text([m.place, m.video_url ?? ''].filter(Boolean).join(' · '))}`,
      `URL:${options.url(m.id)}`,
      `STATUS:${m.cancelled_at ? 'CANCELLED' : 'CONFIRMED'}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
