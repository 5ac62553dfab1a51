import type { PageContext } from '../../../../platform/http/context.js';
import { dateFormat, intlLocale, type Locale, numberFormat } from '../../../../platform/i18n/i18n.js';
import { DataTable } from '../../../../platform/views/data-table.js';
import { directoryMessages } from '../directory.messages.js';
import type { ServiceDetails } from '../directory.details.js';
import { hoursOfDay, openingState, spokenEnd, spokenTime } from '../opening-hours.js';
import { servicePageMessages } from '../service-page.messages.js';
import { Accessibility, Contact, Languages, Places } from './public-service-places.js';
import { germanOnly } from '../../../../platform/translations/views/translated.js';
import { httpUrl, Section } from './public-service-section.js';
import { dayKey, openingText } from './public-parts.js';

/** The sections of a service page, shared by the page and its print view. */

export function formatCivilDate(isoDate: string, locale: Locale): string {
  return dateFormat(intlLocale[locale], { dateStyle: 'long', timeZone: 'Europe/Berlin' }).format(new Date(`${isoDate}T12:00:00Z`));
}

/** `lang` and `dir` of a text shown in German on a page of another language (textLang in platform/translations). */
export type TextLang = { lang?: 'de'; dir?: 'ltr' };
export type LangOf = (field: string) => TextLang;
const allInPageLanguage: LangOf = () => ({});

/** Editors' and providers' plain text: blank lines make paragraphs, single line breaks stay. */
export function Paragraphs({ text, lang = {} }: { text: string | undefined; lang?: TextLang }): JSX.Element {
  if (!text?.trim()) return '';
  return (
    <>
      {text
        .trim()
        .split(/\n\s*\n/)
        .map((para) => (
          <p class="kern-body" {...lang}>
            {para.split('\n').map((line, i) => (
              <>
                {i > 0 ? <br /> : ''}
                <span safe>{line}</span>
              </>
            ))}
          </p>
        ))}
    </>
  );
}

function ages(d: ServiceDetails, locale: Locale): string {
  const t = servicePageMessages(locale);
  const { minimum_age: min, maximum_age: max } = d.service;
  if (min !== undefined && max !== undefined) return t('ages.range', { min, max });
  if (min !== undefined) return t('ages.from', { min });
  if (max !== undefined) return t('ages.to', { max });
  return t('ages.any');
}

/** A fees text that only says "free" again ("Kostenlos."): the page says so once already. */
const restatesFree = (text: string | undefined) => !!text && /^(kostenlos|kostenfrei|gratis|free|free of charge)[.!]?$/i.test(text.trim());

function Costs({ ctx, d, lang }: { ctx: PageContext; d: ServiceDetails; lang: LangOf }): JSX.Element {
  const t = servicePageMessages(ctx.locale);
  const costs = (d.service.cost_options ?? []).filter((c) => c.amount !== undefined || c.option || c.amount_description);
  const money = (amount: number, currency = 'EUR') => numberFormat(intlLocale[ctx.locale], { style: 'currency', currency }).format(amount);
  return (
    <Section id="kosten" title={t('costs')}>
      {d.free ? (
        <p class="kern-body" safe>
          {t('free')}
        </p>
      ) : (
        ''
      )}
      {!d.free && costs.length ? (
        <ul class="kern-list kern-list--bullet">
          {costs.map((c) => (
            <li safe>{[c.option, c.amount !== undefined ? money(c.amount, c.currency) : '', c.amount_description].filter(Boolean).join(': ')}</li>
          ))}
        </ul>
      ) : (
        ''
      )}
      {d.free && restatesFree(d.service.fees_description) ? '' : <Paragraphs text={d.service.fees_description} lang={lang('fees')} />}
      {!d.free && !costs.length && !d.service.fees_description ? (
        <p class="kern-body" safe>
          {t('costs.unknown')}
        </p>
      ) : (
        ''
      )}
    </Section>
  );
}

export function HoursTable({ ctx, d, now }: { ctx: PageContext; d: ServiceDetails; now: Date }): JSX.Element {
  const t = servicePageMessages(ctx.locale);
  const dm = directoryMessages(ctx.locale);
  const notes = (d.service.schedules ?? []).map((s) => s.description ?? s.notes).filter((n): n is string => !!n);
  if (d.weeklyHours.length === 0) {
    return (
      <Section id="zeiten" title={t('hours')}>
        <p class="kern-body" safe>
          {t('hours.none')}
        </p>
        <Paragraphs text={notes.join('\n')} />
      </Section>
    );
  }
  const status = d.status === 'temporarily closed' ? dm('badge.temporarilyClosed') : openingText(openingState(d.weeklyHours, now), dm);
  return (
    <Section id="zeiten" title={t('hours')}>
      <p class="kern-body kern-body--bold" safe>
        {status}
      </p>
      <DataTable
        caption={t('hours.caption')}
        captionHidden
        rows={[1, 2, 3, 4, 5, 6, 7]}
        columns={[
          { header: t('hours.day'), rowHeader: true, text: (day) => dm(dayKey(day)) },
          {
            header: t('hours.times'),
            text: (day) => {
              const periods = hoursOfDay(d.weeklyHours, day);
              return periods.length
                ? periods
                    .map((p) =>
                      p.opens === '00:00' && p.closes === '00:00'
                        ? t('hours.allDay')
                        : t('hours.period', { opens: spokenTime(p.opens), closes: spokenEnd(p.closes) }),
                    )
                    .join(', ')
                : t('hours.closed');
            },
          },
        ]}
      />
      {notes.length ? (
        <>
          <p class="kern-body" safe>
            {t('hours.notes')}
          </p>
          <Paragraphs text={notes.join('\n')} />
        </>
      ) : (
        ''
      )}
    </Section>
  );
}

/**
 * Everything after the heading: what, for whom, costs, how, documents, hours, places, contact …
 * `lang` marks the translatable texts still in German; the rest (organisation, documents) is German always.
 */
export function ServiceBody({ ctx, d, now, lang = allInPageLanguage }: { ctx: PageContext; d: ServiceDetails; now: Date; lang?: LangOf }): JSX.Element {
  const t = servicePageMessages(ctx.locale);
  const s = d.service;
  const documents = (s.required_documents ?? []).filter((doc) => doc.document);
  const website = httpUrl(d.organization.hsds?.website);
  return (
    <>
      <Section id="was" title={t('what')}>
        <Paragraphs text={s.description} lang={lang('description')} />
      </Section>
      {d.easyLanguage ? (
        <section aria-labelledby="leichte-sprache" lang="de" class="directory-section">
          <h2 class="kern-heading-medium" id="leichte-sprache">
            In Leichter Sprache
          </h2>
          <Paragraphs text={d.easyLanguage} />
        </section>
      ) : (
        ''
      )}
      <Section id="fuer-wen" title={t('forWhom')}>
        <p class="kern-body" safe>
          {ages(d, ctx.locale)}
        </p>
        <Paragraphs text={s.eligibility_description} lang={lang('eligibility')} />
      </Section>
      <Costs ctx={ctx} d={d} lang={lang} />
      {s.application_process ? (
        <Section id="so-gehts" title={t('howTo')}>
          <Paragraphs text={s.application_process} lang={lang('application')} />
        </Section>
      ) : (
        ''
      )}
      {documents.length ? (
        <Section id="unterlagen" title={t('documents')}>
          <ul class="kern-list kern-list--bullet">
            {documents.map((doc) => {
              const uri = httpUrl(doc.uri);
              return (
                <li>
                  <span {...germanOnly(ctx.locale)} safe>
                    {doc.document}
                  </span>
                  {uri ? (
                    <>
                      {' ('}
                      <a class="kern-link" href={uri} safe>
                        {t('documents.link')}
                      </a>
                      {')'}
                    </>
                  ) : (
                    ''
                  )}
                </li>
              );
            })}
          </ul>
        </Section>
      ) : (
        ''
      )}
      <HoursTable ctx={ctx} d={d} now={now} />
      <Places ctx={ctx} d={d} />
      <Contact ctx={ctx} d={d} />
      <Languages ctx={ctx} d={d} />
      <Accessibility ctx={ctx} d={d} />
      <Section id="traeger" title={t('provider')}>
        <p class="kern-body kern-body--bold" safe>
          {d.organization.name}
        </p>
        <Paragraphs text={d.organization.description} lang={germanOnly(ctx.locale)} />
        {website ? (
          <p class="kern-body">
            <a class="kern-link" href={website} safe>
              {website}
            </a>
          </p>
        ) : (
          ''
        )}
      </Section>
    </>
  );
}
