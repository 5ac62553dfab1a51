import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCityProfile } from '../../platform/city.js';
import { contentPageInfo, contentPages } from './content.schemas.js';
import { templatePages } from './content.seed.js';
import { renderMarkdown } from './markdown.js';

const hamm = loadCityProfile(path.resolve(import.meta.dirname, '../../../city/hamm.json'));

describe('template pages', () => {
  it('exist for every page in German, for all but Leichte Sprache in English, placeholders marked in their own language', () => {
    const pages = templatePages(hamm);
    expect(pages.filter((p) => p.locale === 'de').map((p) => p.slug)).toEqual(contentPages.map((p) => p.slug));
    expect(pages.filter((p) => p.locale === 'en').map((p) => p.slug)).toEqual(contentPages.filter((p) => !p.easyLanguage).map((p) => p.slug));
    for (const page of pages) {
      const html = renderMarkdown(page.body);
      const marker = page.locale === 'de' ? 'Platzhalter:' : 'Placeholder:';
      if (!contentPageInfo(page.slug).easyLanguage) expect(html, `${page.slug}/${page.locale}`).toContain(`<mark class="placeholder">${marker}`);
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

  it('write Leichte Sprache by its rules: short lines, numbers as digits, long words divided', () => {
    const numberWords = /\b(zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|dreißig)\b/i;
    const undivided = /Familienbüro|Familienrathaus|Internetseite|Ferienbetreuung|Gebärdensprache|Stadtbezirk|Telefonnummer|Schulferien|Barrierefreiheit/;
    for (const page of templatePages()) {
      if (!contentPageInfo(page.slug).easyLanguage) continue;
      // What readers read: without link targets and the placeholders the city fills in.
      const lines = page.body.split('\n').map((line) => line.replace(/\[Platzhalter:[^\]]*\]/g, '').replace(/\]\([^)]*\)/g, ']'));
      for (const line of lines) {
        const words = line
          .replace(/^\s*(#+|-|\d+\.)\s*/, '')
          .split(/\s+/)
          .filter(Boolean);
        expect(words.length, `${page.slug}: ${line}`).toBeLessThanOrEqual(12);
        expect(line, page.slug).not.toMatch(numberWords);
        expect(line, page.slug).not.toMatch(undivided);
        expect(line, page.slug).not.toContain(';');
      }
    }
  });
});
