import { describe, expect, it } from 'vitest';
import { contentFor, interestsKey, type IssueContent } from './issue-content.js';

const event = (title: string, district: string | null) => ({
  title,
  url: 'https://x/e',
  start: '2026-03-14T09:00:00.000Z',
  end: null,
  allDay: false,
  place: 'P',
  status: 'scheduled' as const,
  district,
});
const content: IssueContent = {
  subject: 'S',
  intro: '',
  news: [
    { title: 'Ferien', teaser: 't', url: 'https://x/1', topics: ['ferien'] },
    { title: 'Gesundheit', teaser: 't', url: 'https://x/2', topics: ['gesundheit'] },
    { title: 'Für alle', teaser: 't', url: 'https://x/3', topics: [] },
  ],
  events: [event('Uentrop-Fest', 'Uentrop'), event('Heessen-Treff', 'Heessen'), event('Stadtweit', null)],
  eventsRange: { from: '2026-03-01', to: '2026-03-31' },
  holidayNotice: '',
  sections: [],
};

describe('content per subscriber', () => {
  it('gives everything to someone who chose nothing', () => {
    expect(contentFor(content, { topics: [], district: null })).toEqual(content);
  });
  it('keeps posts of the chosen topics and untagged ones, and events of the chosen district and city-wide ones', () => {
    const mine = contentFor(content, { topics: ['ferien'], district: 'Uentrop' });
    expect(mine.news.map((n) => n.title)).toEqual(['Ferien', 'Für alle']);
    expect(mine.events.map((e) => e.title)).toEqual(['Uentrop-Fest', 'Stadtweit']);
  });
  it('caches by what changes the content only', () => {
    expect(interestsKey(content, { topics: ['geld', 'ferien'], district: null })).toBe(interestsKey(content, { topics: ['ferien', 'geld'], district: null }));
    const untagged = { ...content, news: content.news.map((n) => ({ ...n, topics: [] })), events: content.events.map((e) => ({ ...e, district: null })) };
    expect(interestsKey(untagged, { topics: ['ferien'], district: 'Uentrop' })).toBe(interestsKey(untagged, { topics: [], district: null }));
  });
});
