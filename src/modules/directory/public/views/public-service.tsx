import type { PageContext } from '../../../../platform/http/context.js';
import { Alert } from '../../../../platform/views/forms.js';
import { Layout } from '../../../../platform/views/layout.js';
import type { ServiceDetails } from '../directory.details.js';
import { listPath } from '../directory.filters.js';
import { jsonLdText } from '../json-ld.js';
import { servicePageMessages } from '../service-page.messages.js';
import { inLocale } from '../topics.service.js';
import { ServiceBadges } from './public-parts.js';
import { formatCivilDate, ServiceBody } from './public-service-parts.js';
import type { Translated } from '../../../../platform/translations/translations.service.js';
import { germanOnly, textLang, TranslationNotice } from '../../../../platform/translations/views/translated.js';

/** The facts at the foot of a service page: topics, LeiKa key and when it was last checked. */
export function ServiceFooter({ ctx, d, links }: { ctx: PageContext; d: ServiceDetails; links: boolean }): JSX.Element {
  const t = servicePageMessages(ctx.locale);
  return (
    <>
      {d.topics.length ? (
        <section aria-labelledby="themen" class="directory-section">
          <h2 class="kern-heading-medium" id="themen" safe>
            {t('topics')}
          </h2>
          <ul class="site-inline-list">
            {d.topics.map((topic) => {
              const name = inLocale(ctx.locale, topic.name, topic.nameEn, `${topic.code}.name`);
              return links ? (
                <li>
                  <a class="kern-link" href={`/themen/${topic.code}`} safe>
                    {name}
                  </a>
                </li>
              ) : (
                <li safe>{name}</li>
              );
            })}
          </ul>
        </section>
      ) : (
        ''
      )}
      {d.leikaKey ? (
        <p class="kern-body kern-body--small">
          <abbr title={t('leika.hint')} safe>
            {t('leika')}
          </abbr>{' '}
          <span safe>{d.leikaKey}</span>
        </p>
      ) : (
        ''
      )}
      <p class="kern-body kern-body--small" safe>
        {d.assuredDate ? t('checked', { date: formatCivilDate(d.assuredDate, ctx.locale) }) : t('unchecked')}
      </p>
    </>
  );
}

/** GET /angebote/:id, in the visitor's language where the service is translated. */
export function ServicePage({
  ctx,
  d: translated,
  now,
  jsonLd,
}: {
  ctx: PageContext;
  d: Translated<ServiceDetails>;
  now: Date;
  jsonLd: Record<string, unknown>;
}): JSX.Element {
  const t = servicePageMessages(ctx.locale);
  const d = translated.shown;
  const s = d.service;
  const lang = (field: string) => textLang(translated, field);
  const safeJsonLd = jsonLdText(jsonLd);
  return (
    <Layout ctx={ctx} title={s.name} section="/angebote">
      <p class="kern-body">
        <a class="kern-link" href={listPath}>
          <span class="kern-icon kern-icon--chevron-left kern-icon--small" aria-hidden="true"></span>
          {t.html('back')}
        </a>
      </p>
      <TranslationNotice ctx={ctx} translated={translated} />
      <article class="directory-service">
        <h1 class="kern-heading-x-large" {...lang('name')} safe>
          {s.name}
        </h1>
        <p class="kern-body kern-body--large" safe>
          {t('by', { organization: d.organization.name })}
        </p>
        <ServiceBadges ctx={ctx} hours={d.weeklyHours} status={d.status} free={d.free} barrierFree={d.barrierFree} now={now} />
        {s.alert ? (
          <Alert kind="warning" title={t('alert')}>
            <p class="kern-body" {...germanOnly(ctx.locale)} safe>
              {s.alert}
            </p>
          </Alert>
        ) : (
          ''
        )}
        <ServiceBody ctx={ctx} d={d} now={now} lang={lang} />
        <ServiceFooter ctx={ctx} d={d} links />
        <p class="kern-body">
          <a class="kern-link" href={`/angebote/${s.id}/drucken`}>
            {t.html('print')}
          </a>
        </p>
      </article>
      <script type="application/ld+json">{safeJsonLd}</script>
    </Layout>
  );
}

/** GET /angebote/:id for a service taken out of the directory (status 410). */
export function UnlistedServicePage({ ctx, name, status }: { ctx: PageContext; name: string; status: 'inactive' | 'defunct' }): JSX.Element {
  const t = servicePageMessages(ctx.locale);
  const title = t(`unlisted.${status}`);
  const search = `${listPath}?${new URLSearchParams({ q: name.split(/\s+/).slice(0, 2).join(' ') }).toString()}`;
  return (
    <Layout ctx={ctx} title={title} section="/angebote">
      <h1 class="kern-heading-x-large" safe>
        {title}
      </h1>
      <p class="kern-body" safe>
        {t('unlisted.text', { name })}
      </p>
      <p class="kern-body">
        <a class="kern-link" href={search}>
          {t.html('unlisted.search')}
        </a>
      </p>
      <p class="kern-body">
        <a class="kern-link" href="/angebote">
          {t.html('back')}
        </a>
      </p>
    </Layout>
  );
}
