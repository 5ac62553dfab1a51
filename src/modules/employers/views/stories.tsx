import type { PageContext } from '../../../platform/http/context.js';
import type { Translated } from '../../../platform/translations/translations.service.js';
import { textLang, TranslationNotice } from '../../../platform/translations/views/translated.js';
import { Layout } from '../../../platform/views/layout.js';
import { inCatalogueOrder } from '../employers.catalogue.js';
import { employersMessages } from '../employers.messages.js';
import { employerPaths } from '../employers.paths.js';
import type { StoryRow } from '../stories.repository.js';
import { ContactList, section } from './employers-shared.js';

/** GET /arbeitgeber/gute-beispiele */
export function StoriesPage({ ctx, stories }: { ctx: PageContext; stories: Translated<StoryRow>[] }): JSX.Element {
  const t = employersMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('stories.title')} section={section}>
      <p class="kern-body">
        <a class="kern-link" href={employerPaths.list}>
          <span class="kern-icon kern-icon--chevron-left kern-icon--small" aria-hidden="true"></span>
          {t.html('page.back')}
        </a>
      </p>
      <h1 class="kern-heading-large">{t.html('stories.title')}</h1>
      <p class="kern-body kern-body--large">{t.html('stories.lead', { city: ctx.city.name })}</p>
      <ul class="idea-list">
        {stories.map((translated) => {
          const s = translated.shown;
          return (
            <li class="idea-card">
              <h2 class="kern-heading-small">
                <a class="kern-link" href={employerPaths.story(s.slug)} {...textLang(translated, 'title')} safe>
                  {s.title}
                </a>
              </h2>
              <p class="kern-body" {...textLang(translated, 'problem')} safe>
                {s.problem.length > 200 ? `${s.problem.slice(0, 197)}…` : s.problem}
              </p>
              <p class="kern-body kern-body--small" safe>
                {inCatalogueOrder(s.measures)
                  .map((m) => t(`measure.${m}`))
                  .join(' · ')}
              </p>
            </li>
          );
        })}
      </ul>
    </Layout>
  );
}

/** GET /arbeitgeber/gute-beispiele/:slug */
export function StoryPage({ ctx, translated }: { ctx: PageContext; translated: Translated<StoryRow> }): JSX.Element {
  const t = employersMessages(ctx.locale);
  const story = translated.shown;
  const parts = [
    ['story.problem', 'problem', story.problem],
    ['story.solution', 'solution', story.solution],
    ['story.cost', 'cost', story.cost],
    ['story.effect', 'effect', story.effect],
  ] as const;
  return (
    <Layout ctx={ctx} title={story.title} section={section}>
      <p class="kern-body">
        <a class="kern-link" href={employerPaths.stories}>
          <span class="kern-icon kern-icon--chevron-left kern-icon--small" aria-hidden="true"></span>
          {t.html('stories.back')}
        </a>
      </p>
      <TranslationNotice ctx={ctx} translated={translated} />
      <article>
        <h1 class="kern-heading-x-large" {...textLang(translated, 'title')} safe>
          {story.title}
        </h1>
        {parts.map(([key, field, text]) => (
          <>
            <h2 class="kern-heading-medium">{t.html(key)}</h2>
            <p class="kern-body idea-text" {...textLang(translated, field)} safe>
              {text}
            </p>
          </>
        ))}
        <h2 class="kern-heading-medium">{t.html('story.measures')}</h2>
        <ul class="kern-list">
          {inCatalogueOrder(story.measures).map((m) => (
            <li>
              <a class="kern-link" href={`${employerPaths.list}?massnahme=${m}`} safe>
                {t(`measure.${m}`)}
              </a>
            </li>
          ))}
        </ul>
        {story.contact_name || story.contact_email || story.contact_phone ? (
          <>
            <h2 class="kern-heading-medium">{t.html('story.contact')}</h2>
            <ContactList name={story.contact_name} email={story.contact_email} phone={story.contact_phone} />
          </>
        ) : (
          ''
        )}
        {story.organization_id && story.organization_name ? (
          <p class="kern-body">
            <a class="kern-link" href={employerPaths.employer(story.organization_id)} safe>
              {t('story.employer', { name: story.organization_name })}
            </a>
          </p>
        ) : (
          ''
        )}
      </article>
    </Layout>
  );
}
