import type { PageContext } from '../../../platform/http/context.js';
import type { FieldErrors } from '../../../platform/http/errors.js';
import { Alert, CsrfField, ErrorSummary, SelectField, SubmitButton, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { layoutMessages } from '../../../platform/views/layout.messages.js';
import type { EmployerCheck, GroupCheck } from '../families.service.js';
import { familyMessages } from '../family.messages.js';
import { civilDate, dateRange } from '../holidays.format.js';
import type { ChildRow } from './family-views.js';
import type { OfferRow, SeasonRow } from './offer-facts.js';

interface WishFormProps {
  ctx: PageContext;
  child: ChildRow;
  season: SeasonRow;
  offers: OfferRow[];
  /** Offers left out of the choice because the child's age does not fit. */
  unfit: OfferRow[];
  values: Record<string, string>;
  errors?: FieldErrors;
}

const offerLabel = (o: OfferRow, ctx: PageContext) =>
  `${o.title} (${dateRange(o.first_day, o.last_day, ctx.locale)}, ${familyMessages(ctx.locale)('offer.agesValue', { min: o.min_age, max: o.max_age })})`;

/** /ferien/wuensche/:child: one select per rank, the maximum and the group code. */
export function WishFormPage({ ctx, child, season, offers, unfit, values, errors = {} }: WishFormProps): JSX.Element {
  const t = familyMessages(ctx.locale);
  const failed = Object.keys(errors).length > 0;
  const title = t('wish.title', { name: child.first_name });
  const options = [{ value: '', label: t('wish.none') }, ...offers.map((o) => ({ value: o.id, label: offerLabel(o, ctx) }))];
  const ranks = Array.from({ length: season.max_wishes }, (_, i) => i + 1);
  return (
    <Layout ctx={ctx} title={title} section="/ferien" hasErrors={failed}>
      {failed ? <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} /> : ''}
      <h1 class="kern-heading-large" safe>
        {title}
      </h1>
      <p class="kern-body" safe>
        {t('wish.intro', { max: season.max_wishes, name: child.first_name })}
      </p>
      {unfit.length > 0 ? (
        <details class="kern-accordion">
          <summary class="kern-accordion__header">
            <span class="kern-title" safe>
              {t('wish.unfit.summary', { name: child.first_name })}
            </span>
          </summary>
          <div class="kern-accordion__body">
            <p class="kern-body" safe>
              {t('wish.unfit.text', { name: child.first_name })}
            </p>
            <ul class="kern-list kern-list--bullet">
              {unfit.map((o) => (
                <li safe>{offerLabel(o, ctx)}</li>
              ))}
            </ul>
          </div>
        </details>
      ) : (
        ''
      )}
      <form method="post" action={`/ferien/wuensche/${child.id}`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        {ranks.map((n) => (
          <SelectField name={`wish${n}`} label={t('wish.rank', { n })} value={values[`wish${n}`]} error={errors[`wish${n}`]} options={options} />
        ))}
        <TextField
          name="maxPlaces"
          label={t('wish.maxPlaces')}
          hint={t('wish.maxPlaces.hint')}
          value={values.maxPlaces ?? '1'}
          error={errors.maxPlaces}
          width="narrow"
        />
        <TextField
          name="groupCode"
          label={t('wish.groupCode')}
          hint={t('wish.groupCode.hint')}
          value={values.groupCode}
          error={errors.groupCode}
          autocomplete="off"
        />
        <TextField
          name="employerCode"
          label={t('wish.employerCode')}
          hint={t('wish.employerCode.hint')}
          value={values.employerCode}
          error={errors.employerCode}
          autocomplete="off"
        />
        {/* The continue button comes first: it is the form's default when someone presses Enter. */}
        <SubmitButton label={t('wish.continue')} />
        <p class="kern-body">
          <button type="submit" class="kern-btn kern-btn--tertiary" formaction={`/ferien/wuensche/${child.id}/gruppe`}>
            <span class="kern-label">{t.html('wish.newGroup')}</span>
          </button>
        </p>
      </form>
    </Layout>
  );
}

/** The check-your-answers page; the values travel on in hidden fields until they are handed in. */
export function CheckWishesPage({
  ctx,
  child,
  offers,
  group,
  employer = null,
  values,
}: {
  ctx: PageContext;
  child: ChildRow;
  offers: OfferRow[];
  group: GroupCheck | null;
  employer?: EmployerCheck | null;
  values: Record<string, string>;
}): JSX.Element {
  const t = familyMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('check.title')} section="/ferien">
      <h1 class="kern-heading-large">{t.html('check.title')}</h1>
      <GroupWarning ctx={ctx} group={group} />
      <EmployerNote ctx={ctx} employer={employer} />
      <dl class="kern-description-list">
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t.html('check.child')}</dt>
          <dd class="kern-description-list-item__value" safe>
            {`${child.first_name} ${child.last_name}`}
          </dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t.html('check.wishes')}</dt>
          <dd class="kern-description-list-item__value">
            <ol class="kern-list">
              {offers.map((o) => (
                <li safe>{offerLabel(o, ctx)}</li>
              ))}
            </ol>
          </dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t.html('check.maxPlaces')}</dt>
          <dd class="kern-description-list-item__value" safe>
            {values.maxPlaces ?? '1'}
          </dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t.html('check.groupCode')}</dt>
          <dd class="kern-description-list-item__value" safe>
            {values.groupCode || t('check.noGroup')}
          </dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t.html('check.employer')}</dt>
          <dd class="kern-description-list-item__value" safe>
            {employer ? t('check.employerValue', { code: values.employerCode ?? '', employer: employer.name }) : t('check.noEmployer')}
          </dd>
        </div>
      </dl>
      <p class="kern-body">{t.html('check.note')}</p>
      <form method="post" action={`/ferien/wuensche/${child.id}/absenden`}>
        <CsrfField token={ctx.csrfToken} />
        {Object.entries(values).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <SubmitButton label={t('check.send')} />
      </form>
      <form method="post" action={`/ferien/wuensche/${child.id}/aendern`}>
        <CsrfField token={ctx.csrfToken} />
        {Object.entries(values).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <SubmitButton label={t('check.change')} variant="secondary" />
      </form>
    </Layout>
  );
}

/** On the check page: what an employer's code means for this list (its places in the wishes, or where its places are). */
function EmployerNote({ ctx, employer }: { ctx: PageContext; employer: EmployerCheck | null }): JSX.Element {
  const t = familyMessages(ctx.locale);
  if (!employer) return '';
  if (employer.wished > 0) return <Alert kind="info" title={t('check.employerMatched', { count: employer.wished, employer: employer.name })} />;
  return (
    <Alert kind="warning" title={t('check.employerNone', { employer: employer.name })}>
      <ul class="kern-list kern-list--bullet">
        {employer.offers.map((o) => (
          <li safe>{o.title}</li>
        ))}
      </ul>
    </Alert>
  );
}

/** On the check page: which wishes a group code drops, or that no one else uses the code yet. */
function GroupWarning({ ctx, group }: { ctx: PageContext; group: GroupCheck | null }): JSX.Element {
  const t = familyMessages(ctx.locale);
  if (!group) return '';
  if (group.others === 0) return <Alert kind="info" title={t('check.groupAlone')} />;
  if (group.dropped.length === 0) return <Alert kind="success" title={t('check.groupShared')} />;
  return (
    <Alert kind="warning" title={t('check.groupDropped.title')}>
      <>
        <p class="kern-body" safe>
          {t('check.groupDropped.text')}
        </p>
        <ul class="kern-list kern-list--bullet">
          {group.dropped.map((o) => (
            <li safe>{offerLabel(o as OfferRow, ctx)}</li>
          ))}
        </ul>
        {group.kept === 0 ? (
          <p class="kern-body" safe>
            {t('check.groupDropped.nothingLeft')}
          </p>
        ) : (
          ''
        )}
        <p class="kern-body" safe>
          {t('check.groupDropped.change')}
        </p>
      </>
    </Alert>
  );
}

interface StoredList {
  maxPlaces: number;
  groupCode: string | null;
  offers: OfferRow[];
}

/** /ferien/wuensche/:child outside the wish phase: the list as handed in, read-only, and why. */
export function WishListPage({
  ctx,
  child,
  season,
  list,
  refused,
}: {
  ctx: PageContext;
  child: ChildRow;
  season: SeasonRow;
  list: StoredList | null;
  refused: boolean;
}): JSX.Element {
  const t = familyMessages(ctx.locale);
  const title = t('wish.title', { name: child.first_name });
  const why =
    season.phase === 'collecting'
      ? t('wish.readOnly.collecting', { from: civilDate(season.wish_from, ctx.locale), until: civilDate(season.wish_until, ctx.locale) })
      : season.phase === 'allocation'
        ? t('wish.readOnly.allocation')
        : t('wish.readOnly.after');
  return (
    <Layout ctx={ctx} title={title} section="/ferien">
      {refused ? <Alert kind="danger" title={t('wish.readOnly.notSaved')} /> : ''}
      <h1 class="kern-heading-large" safe>
        {title}
      </h1>
      <p class="kern-body" safe>
        {why}
      </p>
      {!list ? (
        <p class="kern-body" safe>
          {t('wish.readOnly.none', { name: child.first_name })}
        </p>
      ) : (
        <dl class="kern-description-list">
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">{t.html('check.wishes')}</dt>
            <dd class="kern-description-list-item__value">
              <ol class="kern-list">
                {list.offers.map((o) => (
                  <li safe>{o.status === 'cancelled' ? t('wish.readOnly.cancelled', { offer: offerLabel(o, ctx) }) : offerLabel(o, ctx)}</li>
                ))}
              </ol>
            </dd>
          </div>
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">{t.html('check.maxPlaces')}</dt>
            <dd class="kern-description-list-item__value" safe>
              {String(list.maxPlaces)}
            </dd>
          </div>
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">{t.html('check.groupCode')}</dt>
            <dd class="kern-description-list-item__value" safe>
              {list.groupCode || t('check.noGroup')}
            </dd>
          </div>
        </dl>
      )}
      {season.phase === 'collecting' || season.phase === 'allocation' ? (
        ''
      ) : (
        <p class="kern-body">
          <a class="kern-link" href="/ferien/ergebnis">
            {t.html('home.results')}
          </a>
        </p>
      )}
      <p class="kern-body">
        <a class="kern-link" href="/ferien/kinder">
          {t.html('children.title')}
        </a>
      </p>
    </Layout>
  );
}
