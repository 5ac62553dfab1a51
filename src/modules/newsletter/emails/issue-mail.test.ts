import { describe, expect, it } from 'vitest';
import type { IssueContent } from '../issue-content.js';
import { markdownToText, personalise, renderIssueTemplate } from './issue-mail.js';

const content: IssueContent = {
  subject: 'Familieninfobrief Frühjahr 2026',
  intro: 'Liebe Familien,\n\n## Was neu ist\n\nMehr dazu [hier](https://example.org/a).',
  news: [{ title: 'Neues Familienzentrum <Heessen>', teaser: 'Ab März offen.', url: 'https://portal.example/neuigkeiten/1' }],
  events: [
    {
      title: 'Krabbelgruppe',
      url: 'https://portal.example/veranstaltungen/2',
      start: '2026-03-14T09:00:00.000Z',
      end: null,
      allDay: false,
      place: 'Familienzentrum, Am Kanal 1',
      status: 'cancelled',
    },
  ],
  eventsRange: { from: '2026-03-01', to: '2026-03-31' },
  holidayNotice: 'Anmeldung für die Osterferien bis 1. März.',
  sections: [{ heading: 'Beratung', body: 'Die Erziehungsberatung hat **neue** Zeiten.' }],
};
const frame = { portalName: 'Familienrathaus Hamm', archiveUrl: 'https://portal.example/infobrief/archiv/x' };

describe('the issue mail', () => {
  it('is accessible HTML: lang, one h1, h2 sections, no images, escaped content, dark-mode hint', () => {
    const { html } = renderIssueTemplate(content, 'de', frame);
    expect(html).toMatch(/<html lang="de">/);
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(html.match(/<h2[\s>]/g)!.length).toBeGreaterThanOrEqual(4);
    expect(html.indexOf('<h1')).toBeLessThan(html.indexOf('<h2'));
    expect(html).not.toMatch(/<img(?![^>]*\balt=)/);
    expect(html).toContain('name="color-scheme" content="light dark"');
    expect(html).not.toMatch(/(?:^|[;"\s])(?:background(?:-color)?|color)\s*:/);
    expect(html).toContain('Neues Familienzentrum &lt;Heessen');
    expect(html).not.toContain('<Heessen>');
    expect(html).toContain('Abgesagt: Sa., 14. März, 10:00');
    expect(html).toContain('<h2 class="kern-heading-medium">Was neu ist</h2>');
  });

  it('marks German content in an English mail and has a complete text part', () => {
    const { html, text } = renderIssueTemplate(content, 'en', frame);
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toContain('<div lang="de">');
    expect(text).toContain('The contents of this newsletter are in German.');
    expect(text).toContain('Neues Familienzentrum <Heessen>');
    expect(text).toContain('Read more: https://portal.example/neuigkeiten/1');
    expect(text).toContain('Cancelled: Sat 14 March, 10:00: Krabbelgruppe');
    expect(text).toContain('Mehr dazu hier (https://example.org/a).');
    expect(text).not.toContain('**');
  });

  it('greets once: the editors’ introduction brings its own salutation, ours stands in only without one', () => {
    for (const locale of ['de', 'en'] as const) {
      const { html, text } = renderIssueTemplate(content, locale, frame);
      expect(text).toContain('Liebe Familien,');
      for (const part of [html, text]) expect(part).not.toMatch(/Guten Tag,|Hello,/);
    }
    const bare = renderIssueTemplate({ ...content, intro: '' }, 'de', frame);
    expect(bare.text).toContain('Guten Tag,');
    expect(bare.html).toContain('<p>Guten Tag,</p>');
  });

  it('puts each recipient’s own links in body and RFC 8058 headers', () => {
    const template = renderIssueTemplate(content, 'de', frame);
    const mail = personalise(template, 'a@example.org', {
      manage: 'https://p.example/infobrief/einstellungen?token=abc.def',
      oneClick: 'https://p.example/infobrief/abmelden/ein-klick?token=abc.def',
    });
    expect(mail.headers['List-Unsubscribe']).toBe('<https://p.example/infobrief/abmelden/ein-klick?token=abc.def>');
    expect(mail.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(mail.html).toContain('href="https://p.example/infobrief/einstellungen?token=abc.def"');
    expect(mail.text).toContain('https://p.example/infobrief/einstellungen?token=abc.def');
    expect(mail.html).not.toContain('__NL_');
    expect(markdownToText('## Titel\n**fett**')).toBe('Titel\nfett');
  });
});
