import { describe, expect, it } from 'vitest';
import { berlinDate, monthsBefore } from './workflow.dates.js';
import { isDueForReminder, isNewlyStale, type CheckFacts } from './workflow.jobs.js';

const now = new Date('2026-06-15T08:00:00Z');
const facts = (overrides: Partial<CheckFacts>): CheckFacts => ({
  assuredDate: null,
  publishedAt: new Date('2026-01-01T10:00:00Z'),
  reminderSentAt: null,
  staleFlaggedAt: null,
  ...overrides,
});

describe('calendar arithmetic', () => {
  it('goes back whole months, ending on the last day of shorter months', () => {
    expect(monthsBefore('2026-06-15', 12)).toBe('2025-06-15');
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2028-03-31', 1)).toBe('2028-02-29');
    expect(monthsBefore('2026-01-10', 18)).toBe('2024-07-10');
  });

  it('takes the date in Berlin, not in UTC', () => {
    expect(berlinDate(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-29');
    expect(berlinDate(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(berlinDate(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });
});

describe('check reminders', () => {
  it('are due once the last check is more than 12 months ago', () => {
    expect(isDueForReminder(facts({ assuredDate: '2025-06-15' }), now)).toBe(false);
    expect(isDueForReminder(facts({ assuredDate: '2025-06-14' }), now)).toBe(true);
    expect(isDueForReminder(facts({ assuredDate: '2026-01-01' }), now)).toBe(false);
  });

  it('fall back to the publication date when an entry was never checked', () => {
    expect(isDueForReminder(facts({ publishedAt: new Date('2025-06-13T12:00:00Z') }), now)).toBe(true);
    expect(isDueForReminder(facts({ publishedAt: new Date('2025-07-01T12:00:00Z') }), now)).toBe(false);
  });

  it('are not sent again within 30 days', () => {
    const overdue = { assuredDate: '2024-01-01' };
    expect(isDueForReminder(facts({ ...overdue, reminderSentAt: new Date('2026-05-20T08:00:00Z') }), now)).toBe(false);
    expect(isDueForReminder(facts({ ...overdue, reminderSentAt: new Date('2026-05-16T07:59:00Z') }), now)).toBe(true);
  });
});

describe('stale entries', () => {
  it('are flagged after 18 months without a check, once', () => {
    expect(isNewlyStale(facts({ assuredDate: '2024-12-15' }), now)).toBe(false);
    expect(isNewlyStale(facts({ assuredDate: '2024-12-14' }), now)).toBe(true);
    expect(isNewlyStale(facts({ assuredDate: '2024-12-14', staleFlaggedAt: new Date('2026-06-01') }), now)).toBe(false);
  });
});
