import type { PageContext } from '../../../platform/http/context.js';
import { isEditor } from '../../../platform/auth/roles.js';
import { formatDateTime } from '../../../platform/i18n/i18n.js';
import { schoolAdminMessages } from '../schools.messages.js';
import { germanOnly } from '../../../platform/translations/views/translated.js';
import { DataTable } from '../../../platform/views/data-table.js';
import { Layout } from '../../../platform/views/layout.js';
import type { SchoolForm } from '../../../db/tables/appointments.js';
import { berufenetUrl, situations, type Situation } from '../situations.js';
import { youthMessages } from '../youth.messages.js';

export const section = '/jugend-beruf';

interface Bookable {
  slug: string;
  name: string;
}

function Berufenet({ ctx }: { ctx: PageContext }): JSX.Element {
  const t = youthMessages(ctx.locale);
  return (
    <section aria-labelledby="berufe">
      <h2 class="kern-heading-medium" id="berufe">
        {t.html('berufenet.title')}
      </h2>
      <p class="kern-body">{t.html('berufenet.text')}</p>
      <p class="kern-body">
        <a class="kern-link" href={berufenetUrl} rel="noopener noreferrer">
          {t.html('berufenet.link')}
        </a>
      </p>
    </section>
  );
}

/** /jugend-beruf: the one door, and "where are you right now?". */
export function YouthStartPage({ ctx }: { ctx: PageContext }): JSX.Element {
  const t = youthMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('title')} section={section}>
      <h1 class="kern-heading-large">{t.html('title')}</h1>
      <p class="kern-body kern-body--large">{t.html('lead')}</p>
      <section aria-labelledby="situation">
        <h2 class="kern-heading-medium" id="situation">
          {t.html('situations.title')}
        </h2>
        <ul class="situation-list">
          {situations.map((s) => (
            <li>
              <a class="kern-link situation-list__link" href={`/jugend-beruf/${s.slug}`}>
                {t.html(`situation.${s.key}`)}
              </a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="tuer">
        <h2 class="kern-heading-medium" id="tuer">
          {t.html('door.title')}
        </h2>
        <p class="kern-body">{t.html('door.text')}</p>
        <p class="kern-body">
          <a class="kern-link" href="/termine">
            {t.html('book.all')}
          </a>
        </p>
        <p class="kern-body">
          <a class="kern-link" href="/jugend-beruf/schulen">
            {t.html('schools.link')}
          </a>
        </p>
        <p class="kern-body">
          <a class="kern-link" href="/jugend-beruf/plaetze">
            {t.html('places.link')}
          </a>
        </p>
      </section>
      <Berufenet ctx={ctx} />
    </Layout>
  );
}

/** /jugend-beruf/:situation: who helps, what to bring, and the button to book. */
/** A KAoA date from the events calendar (category "beruf"). */
export interface CareerDate {
  title: string;
  path: string;
  start: Date;
  place: string;
}

export function SituationPage({
  ctx,
  situation,
  bookable,
  careerDates = [],
}: {
  ctx: PageContext;
  situation: Situation;
  bookable: Bookable[];
  careerDates?: CareerDate[];
}): JSX.Element {
  const t = youthMessages(ctx.locale);
  const title = t(`situation.${situation.key}`);
  return (
    <Layout ctx={ctx} title={title} section={section}>
      <p class="kern-body">
        <a class="kern-link" href="/jugend-beruf">
          {t.html('back')}
        </a>
      </p>
      <h1 class="kern-heading-large" safe>
        {title}
      </h1>
      <p class="kern-body kern-body--large">{t.html(`${situation.key}.text`)}</p>
      {bookable.map((service) => (
        <p class="kern-body">
          <a class="kern-btn kern-btn--primary" href={`/termine/${service.slug}`}>
            <span class="kern-label">{t.html('book', { service: service.name })}</span>
          </a>
        </p>
      ))}
      <p class="kern-body">{t.html('anonymous')}</p>
      <h2 class="kern-heading-medium">{t.html('help.title')}</h2>
      <ul class="kern-list">
        {situation.help.map((h) => (
          <li>{t.html(`help.${h}`)}</li>
        ))}
      </ul>
      <h2 class="kern-heading-medium">{t.html('bring.title')}</h2>
      <ul class="kern-list">
        {situation.bring.map((b) => (
          <li>{t.html(`bring.${b}`)}</li>
        ))}
      </ul>
      {situation.kaoa ? (
        <section aria-labelledby="kaoa">
          <h2 class="kern-heading-medium" id="kaoa">
            {t.html('kaoa.title')}
          </h2>
          <ol class="kern-list">
            <li>{t.html('kaoa.8')}</li>
            <li>{t.html('kaoa.9')}</li>
            <li>{t.html('kaoa.10')}</li>
          </ol>
          <p class="kern-body">
            <a class="kern-link" href="/jugend-beruf/schulen">
              {t.html('schools.link')}
            </a>
          </p>
          <p class="kern-body">{t.html('kaoa.dates')}</p>
          {careerDates.length ? (
            <ul class="kern-list">
              {careerDates.map((d) => (
                <li>
                  <a class="kern-link" href={d.path} {...germanOnly(ctx.locale)} safe>
                    {d.title}
                  </a>
                  <span safe>{` – ${formatDateTime(d.start, ctx.locale)}, ${d.place}`}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p class="kern-body">{t.html('kaoa.noDates')}</p>
          )}
          <p class="kern-body">
            <a class="kern-link" href="/veranstaltungen?kategorie=beruf">
              {t.html('kaoa.events')}
            </a>
          </p>
        </section>
      ) : (
        ''
      )}
      <Berufenet ctx={ctx} />
    </Layout>
  );
}

export interface SchoolRow {
  name: string;
  school_form: SchoolForm;
  district: string;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
}

/** /jugend-beruf/schulen: the schools and their career-orientation contacts. */
export function SchoolsPage({ ctx, schools }: { ctx: PageContext; schools: SchoolRow[] }): JSX.Element {
  const t = youthMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('schools.title')} section={section}>
      <p class="kern-body">
        <a class="kern-link" href="/jugend-beruf">
          {t.html('back')}
        </a>
      </p>
      <h1 class="kern-heading-large">{t.html('schools.title')}</h1>
      <p class="kern-body kern-body--large">{t.html('schools.lead')}</p>
      {isEditor(ctx.actor) ? (
        <p class="kern-body">
          <a class="kern-link" href="/verwaltung/schulen">
            {schoolAdminMessages(ctx.locale).html('manage')}
          </a>
        </p>
      ) : (
        ''
      )}
      <DataTable
        caption={t('schools.caption')}
        captionHidden
        striped
        columns={[
          { header: t('schools.col.school'), rowHeader: true, text: (s: SchoolRow) => s.name },
          { header: t('schools.col.form'), text: (s: SchoolRow) => t(`form.${s.school_form}`) },
          { header: t('schools.col.district'), text: (s: SchoolRow) => s.district },
          {
            header: t('schools.col.contact'),
            html: (s: SchoolRow) => (
              <>
                {s.contact_name ? <span safe>{s.contact_name}</span> : ''}
                {s.contact_email ? (
                  <>
                    <br />
                    <a class="kern-link" href={`mailto:${s.contact_email}`} safe>
                      {s.contact_email}
                    </a>
                  </>
                ) : (
                  ''
                )}
                {s.contact_phone ? (
                  <>
                    <br />
                    <a class="kern-link" href={`tel:${s.contact_phone.replace(/[^\d+]/g, '')}`} safe>
                      {s.contact_phone}
                    </a>
                  </>
                ) : (
                  ''
                )}
              </>
            ),
          },
        ]}
        rows={schools}
      />
    </Layout>
  );
}
