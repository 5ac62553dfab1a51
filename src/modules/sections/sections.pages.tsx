import type { CityProfile } from '../../platform/city.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { pageContext, type PageContext } from '../../platform/http/context.js';
import { FamilyOfficeContact } from '../../platform/views/family-office.js';
import { Layout } from '../../platform/views/layout.js';
import { NoQuery, type RouteApp } from '../../platform/http/routes.js';
import type { NavigationEntry } from '../../platform/views/navigation.js';
import { statusMessages } from '../../platform/views/status-pages.messages.js';
import { sectionMessages } from './sections.messages.js';

/**
 * The sections of the main navigation whose module has not landed yet. When a module takes over
 * one of these paths, it deletes its line here and lists the section in its own manifest
 * (otherwise Fastify refuses the duplicate route).
 */
interface UnbuiltSection {
  path: string;
  /** The first part of its keys in sections.messages.ts: "<name>.label", "<name>.teaser", "<name>.plan". */
  name: string;
}

/** Every section of the navigation has its module now (the employers were the last, issue 19). */
export const unbuiltSections: readonly UnbuiltSection[] = [];

/** A section's own words in the visitor's language (German when a language lacks them). */
const words = (locale: Locale, section: UnbuiltSection, part: 'label' | 'teaser' | 'plan'): string =>
  sectionMessages.find(locale, `${section.name}.${part}`) ?? sectionMessages.find('de', `${section.name}.${part}`) ?? section.name;

function UnderConstructionPage({ ctx, section }: { ctx: PageContext; section: UnbuiltSection }): JSX.Element {
  const t = sectionMessages(ctx.locale);
  const status = statusMessages(ctx.locale);
  const name = words(ctx.locale, section, 'label');
  const office = ctx.city.familyOffice;
  return (
    <Layout ctx={ctx} title={t('title', { section: name })} section={section.path}>
      <h1 class="kern-heading-x-large" safe>
        {name}
      </h1>
      <p>
        <span class="kern-badge kern-badge--info">
          <span class="kern-icon kern-icon--info" aria-hidden="true"></span>
          <span class="kern-label">{status.html('underConstruction.title')}</span>
        </span>
      </p>
      <p class="kern-body kern-body--large">
        <span safe>{words(ctx.locale, section, 'plan')}</span>
      </p>
      <p class="kern-body">{status.html('underConstruction.text')}</p>
      <h2 class="kern-heading-medium">{t.html('office.heading')}</h2>
      <p class="kern-body kern-body--bold" safe>
        {office.name}
      </p>
      <FamilyOfficeContact city={ctx.city} locale={ctx.locale} full />
      <p class="kern-body">
        <a class="kern-link" href="/">
          {t.html('home')}
        </a>
      </p>
    </Layout>
  );
}

/*
 * Routes of the sections module (HTML):
 *   GET  /angebote, /veranstaltungen, /ferien, ...   "Im Aufbau" for every section in unbuiltSections
 */
export function registerSectionPages(app: RouteApp, city: CityProfile): void {
  for (const section of unbuiltSections) {
    app.get(section.path, { schema: { querystring: NoQuery } }, async (req, reply) =>
      reply.html(<UnderConstructionPage ctx={pageContext(req, city)} section={section} />),
    );
  }
}

/** The unbuilt sections keep their places in the main navigation and on the start page. */
export const unbuiltSectionsNavigation: readonly NavigationEntry[] = unbuiltSections.map((section) => ({
  path: section.path,
  label: (locale) => words(locale, section, 'label'),
  teaser: (locale) => words(locale, section, 'teaser'),
}));
