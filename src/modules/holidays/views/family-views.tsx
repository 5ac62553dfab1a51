import type { Selectable } from 'kysely';
import type { Translated } from '../../../platform/translations/translations.service.js';
import { textLang, TranslationNotice } from '../../../platform/translations/views/translated.js';
import type { HolidayChildrenTable } from '../../../db/tables/holidays.js';
import type { PageContext } from '../../../platform/http/context.js';
import type { FieldErrors } from '../../../platform/http/errors.js';
import { Alert, Checkbox, CsrfField, DateField, ErrorSummary, SelectField, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { layoutMessages } from '../../../platform/views/layout.messages.js';
import { familyMessages } from '../family.messages.js';
import { dateRange } from '../holidays.format.js';
import { publicationPath } from '../result-mails.js';
import { OfferFacts, type OfferRow, type SeasonRow, wishPeriod } from './offer-facts.js';

export type ChildRow = Selectable<HolidayChildrenTable>;

/** /ferien: the season, its phase, how the lottery works and the offers. */
export function HolidaysHomePage({ ctx, season, offers }: { ctx: PageContext; season?: SeasonRow; offers: Translated<OfferRow>[] }): JSX.Element {
  const t = familyMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('home.title')} section="/ferien">
      <h1 class="kern-heading-large">{t.html('home.title')}</h1>
      <p class="kern-body">{t.html('home.intro')}</p>
      {!season ? (
        <p class="kern-body">{t.html('home.noSeason')}</p>
      ) : (
        <>
          <h2 class="kern-heading-medium" safe>
            {season.name}
          </h2>
          <p class="kern-body">
            <strong>{t.html('home.phase')}:</strong> <span safe>{t(`phase.${season.phase}`)}</span>
          </p>
          <p class="kern-body" safe>
            {wishPeriod(season, ctx.locale)}
          </p>
          {ctx.actor ? (
            <ul class="kern-list">
              <li>
                <a class="kern-link" href="/ferien/kinder">
                  {t.html('home.myChildren')}
                </a>
              </li>
              <li>
                <a class="kern-link" href="/ferien/ergebnis">
                  {t.html('home.results')}
                </a>
              </li>
            </ul>
          ) : (
            <p class="kern-body">
              <a class="kern-link" href="/anmelden?zurueck=%2Fferien">
                {t.html('home.signIn')}
              </a>
            </p>
          )}
          <h2 class="kern-heading-medium">{t.html('home.fairness')}</h2>
          <p class="kern-body">{t.html('home.fairnessText')}</p>
          {season.seed_hash ? (
            <p class="kern-body">
              {t.html('home.seedHash')} <code safe>{season.seed_hash}</code>
            </p>
          ) : (
            ''
          )}
          {season.seed ? (
            <>
              <p class="kern-body" safe>
                {t('home.seed', { seed: season.seed })}
              </p>
              <p class="kern-body">
                <a class="kern-link" href={publicationPath(season.id)} download="">
                  {t.html('home.publication')}
                </a>
              </p>
              <p class="kern-body" safe>
                {t('home.publicationHow')}
              </p>
              <p class="kern-body">
                <code safe>{`npx tsx scripts/verify-holiday-lottery.ts ferien-verlosung-${season.id}.json`}</code>
              </p>
            </>
          ) : (
            ''
          )}
          <h2 class="kern-heading-medium">{t.html('home.offers')}</h2>
          <p class="kern-body">
            <a class="kern-link" href="/ferien/programm">
              {t.html('programme.link')}
            </a>
          </p>
          {offers.length === 0 ? <p class="kern-body">{t.html('home.noOffers')}</p> : ''}
          <ul class="kern-list">
            {offers.map(({ shown: o, ...translated }) => (
              <li>
                <h3 class="kern-heading-small">
                  <a class="kern-link" href={`/ferien/angebote/${o.id}`} {...textLang(translated, 'title')} safe>
                    {o.title}
                  </a>
                </h3>
                <p class="kern-body" safe>
                  {`${dateRange(o.first_day, o.last_day, ctx.locale)} · ${t('offer.agesValue', { min: o.min_age, max: o.max_age })} · ${o.organization_name}`}
                </p>
                {season.phase === 'first_come' ? (
                  <p class="kern-body" safe>
                    {`${t('offer.free')}: ${o.places - o.places_taken}`}
                  </p>
                ) : (
                  ''
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </Layout>
  );
}

interface BookState {
  children: ChildRow[];
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: string;
}

/** /ferien/angebote/:id: one offer; in the first-come phase a form to book it. */
export function OfferPage({
  ctx,
  offer: translated,
  season,
  book,
}: {
  ctx: PageContext;
  offer: Translated<OfferRow>;
  season: SeasonRow;
  book: BookState;
}): JSX.Element {
  const t = familyMessages(ctx.locale);
  const offer = translated.shown;
  const lang = (field: string) => textLang(translated, field);
  const errors = book.errors ?? {};
  const failed = Object.keys(errors).length > 0;
  const free = offer.places - offer.places_taken;
  return (
    <Layout ctx={ctx} title={offer.title} section="/ferien" hasErrors={failed}>
      {failed ? <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} /> : ''}
      {book.notice ? <Alert kind="success" title={book.notice} /> : ''}
      <TranslationNotice ctx={ctx} translated={translated} />
      <h1 class="kern-heading-large" {...lang('title')} safe>
        {offer.title}
      </h1>
      <p class="kern-body" {...lang('description')} safe>
        {offer.description}
      </p>
      <OfferFacts offer={offer} locale={ctx.locale} full lang={lang} />
      {season.phase === 'first_come' && offer.status === 'approved' ? (
        <section aria-labelledby="book-heading">
          <h2 class="kern-heading-medium" id="book-heading">
            {t.html('offer.book')}
          </h2>
          <p class="kern-body" safe>
            {`${t('offer.free')}: ${free}`}
          </p>
          {!ctx.actor ? (
            <p class="kern-body">
              <a class="kern-link" href={`/anmelden?zurueck=${encodeURIComponent(`/ferien/angebote/${offer.id}`)}`}>
                {t.html('home.signIn')}
              </a>
            </p>
          ) : book.children.length === 0 ? (
            <p class="kern-body">
              <a class="kern-link" href="/ferien/kinder/neu">
                {t.html('offer.noChildren')}
              </a>
            </p>
          ) : (
            <form method="post" action={`/ferien/angebote/${offer.id}/buchen`} novalidate>
              <CsrfField token={ctx.csrfToken} />
              <SelectField
                name="childId"
                label={t('offer.bookChild')}
                value={book.values?.childId}
                error={errors.childId ?? errors.offerId}
                options={book.children.map((c) => ({ value: c.id, label: `${c.first_name} ${c.last_name}` }))}
              />
              <SubmitButton label={t('offer.book')} />
            </form>
          )}
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}

/** /ferien/kinder: the parent's children with links to their details and wish lists. */
export function ChildrenPage({
  ctx,
  children,
  sent,
  notice,
  wishesOpen,
}: {
  ctx: PageContext;
  children: ChildRow[];
  sent: Set<string>;
  notice?: string;
  wishesOpen: boolean;
}): JSX.Element {
  const t = familyMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('children.title')} section="/ferien">
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <h1 class="kern-heading-large">{t.html('children.title')}</h1>
      <p class="kern-body">{t.html('children.intro')}</p>
      {children.length === 0 ? <p class="kern-body">{t.html('children.none')}</p> : ''}
      <ul class="kern-list">
        {children.map((c) => (
          <li>
            <h2 class="kern-heading-small" safe>
              {`${c.first_name} ${c.last_name}`}
            </h2>
            <p class="kern-body" safe>
              {sent.has(c.id) ? t('children.wishesSent') : t('children.wishesMissing')}
            </p>
            <p class="kern-body">
              <a class="kern-link" href={`/ferien/kinder/${c.id}/bearbeiten`}>
                {t.html('children.edit')}
                <span class="visually-hidden" safe>{` (${c.first_name})`}</span>
              </a>
              {wishesOpen ? (
                <>
                  {' · '}
                  <a class="kern-link" href={`/ferien/wuensche/${c.id}`}>
                    {t.html('children.wishes')}
                    <span class="visually-hidden" safe>{` (${c.first_name})`}</span>
                  </a>
                </>
              ) : sent.has(c.id) ? (
                <>
                  {' · '}
                  <a class="kern-link" href={`/ferien/wuensche/${c.id}`}>
                    {t.html('children.wishesView')}
                    <span class="visually-hidden" safe>{` (${c.first_name})`}</span>
                  </a>
                </>
              ) : (
                ''
              )}
            </p>
          </li>
        ))}
      </ul>
      <p class="kern-body">
        <a class="kern-btn kern-btn--secondary" href="/ferien/kinder/neu">
          <span class="kern-label">{t.html('children.add')}</span>
        </a>
      </p>
    </Layout>
  );
}

/** The form to add or change a child (with consent for needs). */
export function ChildFormPage({
  ctx,
  childId,
  title,
  values,
  errors = {},
}: {
  ctx: PageContext;
  childId: string | null;
  title: string;
  values: Record<string, string>;
  errors?: FieldErrors;
}): JSX.Element {
  const t = familyMessages(ctx.locale);
  const failed = Object.keys(errors).length > 0;
  const action = childId ? `/ferien/kinder/${childId}/bearbeiten` : '/ferien/kinder/neu';
  return (
    <Layout ctx={ctx} title={title} section="/ferien" hasErrors={failed}>
      {failed ? <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} /> : ''}
      <h1 class="kern-heading-large" safe>
        {title}
      </h1>
      <p class="kern-body">{t.html('child.why')}</p>
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="firstName" label={t('field.firstName')} value={values.firstName} error={errors.firstName} autocomplete="off" />
        <TextField name="lastName" label={t('field.lastName')} value={values.lastName} error={errors.lastName} autocomplete="off" />
        <DateField name="birthDate" label={t('field.birthDate')} locale={ctx.locale} value={values.birthDate} error={errors.birthDate} birthday />
        <TextArea name="needs" label={t('field.needs')} hint={t('field.needs.hint')} value={values.needs} error={errors.needs} rows={3} />
        <Checkbox name="needsConsent" label={t('field.needsConsent')} checked={values.needsConsent === 'ja'} error={errors.needsConsent} />
        <Checkbox name="photoConsent" label={t('field.photoConsent')} checked={values.photoConsent === 'ja'} error={errors.photoConsent} />
        <Checkbox name="priority" label={t('field.priority')} hint={t('field.priority.hint')} checked={values.priority === 'ja'} error={errors.priority} />
        <TextField name="contactName" label={t('field.contactName')} value={values.contactName} error={errors.contactName} autocomplete="off" />
        <TextField name="contactPhone" label={t('field.contactPhone')} type="tel" value={values.contactPhone} error={errors.contactPhone} autocomplete="off" />
        <TextField
          name="contactRelation"
          label={t('field.contactRelation')}
          hint={t('field.contactRelation.hint')}
          value={values.contactRelation}
          error={errors.contactRelation}
        />
        <SubmitButton label={t('field.save')} />
      </form>
    </Layout>
  );
}

/** /ferien/programm: every offer with all its details on one page, for reading and printing. */
export function ProgrammePage({ ctx, season, offers }: { ctx: PageContext; season: SeasonRow; offers: Translated<OfferRow>[] }): JSX.Element {
  const t = familyMessages(ctx.locale);
  const title = t('programme.title', { season: season.name });
  return (
    <Layout ctx={ctx} title={title} section="/ferien">
      <h1 class="kern-heading-large" safe>
        {title}
      </h1>
      <p class="kern-body" safe>
        {wishPeriod(season, ctx.locale)}
      </p>
      {offers.map(({ shown: o, ...translated }) => (
        <section>
          <h2 class="kern-heading-medium">
            <a class="kern-link" href={`/ferien/angebote/${o.id}`} {...textLang(translated, 'title')} safe>
              {o.title}
            </a>
          </h2>
          <p class="kern-body" {...textLang(translated, 'description')} safe>
            {o.description}
          </p>
          <OfferFacts offer={o} locale={ctx.locale} full lang={(field) => textLang(translated, field)} />
        </section>
      ))}
    </Layout>
  );
}
