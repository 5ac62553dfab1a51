import { describe, expect, it } from 'vitest';
import { directoryMessages } from '../directory.messages.js';
import { openingState } from '../opening-hours.js';
import { openingText } from './public-parts.js';

const t = directoryMessages('de');
const aroundTheClockOnMonday = [{ day: 1, opens: '00:00', closes: '00:00' }];

describe('openingText', () => {
  it('says a service open all Monday opens "um 0 Uhr", never "0:00 Uhr", seen on a Saturday', () => {
    const saturdayNoon = new Date('2026-12-05T11:00:00Z');
    expect(openingText(openingState(aroundTheClockOnMonday, saturdayNoon), t)).toBe('Geschlossen, öffnet Montag um 0 Uhr');
  });

  it('says "bis 24:00 Uhr" while it is open', () => {
    const mondayNoon = new Date('2026-12-07T11:00:00Z');
    expect(openingText(openingState(aroundTheClockOnMonday, mondayNoon), t)).toBe('Jetzt geöffnet, bis 24:00 Uhr');
  });
});
