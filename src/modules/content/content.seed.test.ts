import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCityProfile } from '../../platform/city.js';
import { templatePages } from './content.seed.js';
import { renderMarkdown } from './markdown.js';

const hamm = loadCityProfile(path.resolve(import.meta.dirname, '../../../city/hamm.json'));

describe('template pages', () => {
  it('exist for every page in German and English, each with a marked placeholder in its own language', () => {
    const pages = templatePages(hamm);
    expect(pages).toHaveLength(10);
    for (const page of pages) {
      const html = renderMarkdown(page.body);
      const marker = page.locale === 'de' ? 'Platzhalter:' : 'Placeholder:';
      expect(html, `${page.slug}/${page.locale}`).toContain(`<mark class="placeholder">${marker}`);
      if (page.locale === 'en') expect(page.body, page.slug).not.toContain('[Platzhalter');
    }
  });

  it('write every link so the renderer keeps it', () => {
    for (const page of templatePages(hamm)) {
      const written = (page.body.match(/\]\(/g) ?? []).length;
      const rendered = (renderMarkdown(page.body).match(/<a class="kern-link" href=/g) ?? []).length;
      expect(rendered, `${page.slug}/${page.locale}`).toBe(written);
    }
  });

  it('give the accessibility statement the sections of the EU model statement', () => {
    const de = templatePages(hamm).find((p) => p.slug === 'barrierefreiheit' && p.locale === 'de')!.body;
    const en = templatePages(hamm).find((p) => p.slug === 'barrierefreiheit' && p.locale === 'en')!.body;
    for (const heading of [
      '## Stand der Vereinbarkeit mit den Anforderungen',
      '## Nicht barrierefreie Inhalte',
      '## Erstellung dieser Erklärung',
      '## Feedback und Kontaktangaben',
      '## Durchsetzungsverfahren',
    ]) {
      expect(de).toContain(heading);
    }
    for (const heading of [
      '## Compliance status',
      '## Non-accessible content',
      '## Preparation of this statement',
      '## Feedback and contact information',
      '## Enforcement procedure',
    ]) {
      expect(en).toContain(heading);
    }
  });

  it('turn the city’s facts into placeholders when no city profile is given', () => {
    const pages = templatePages();
    const impressum = pages.find((p) => p.slug === 'impressum' && p.locale === 'de')!.body;
    expect(impressum).toContain('Stadt [Platzhalter: Name der Stadt]');
    const signEn = pages.find((p) => p.slug === 'gebaerdensprache' && p.locale === 'en')!.body;
    expect(signEn).toContain('Email: [Placeholder: email address of the family office]');
    expect(renderMarkdown(signEn)).not.toContain('mailto:');
  });
});
