import type { PageContext } from '../../../platform/http/context.js';
import type { FieldErrors } from '../../../platform/http/errors.js';
import { CsrfField, ErrorSummary, SelectField, SubmitButton, TextArea } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { layoutMessages } from '../../../platform/views/layout.messages.js';
import { adminMessages } from '../admin.messages.js';
import { OfferFacts, type OfferRow } from './offer-facts.js';

/** /verwaltung/ferien/:season/angebote/:offer: the whole offer and the review decision with a note. */
export function ReviewOfferPage({
  ctx,
  offer,
  values = {},
  errors = {},
  translations = '',
  employers = '',
}: {
  ctx: PageContext;
  offer: OfferRow;
  values?: Record<string, string>;
  errors?: FieldErrors;
  /** The offer's "Übersetzungen" section. */
  translations?: JSX.Element;
  /** The places employers reserved for their staff's children (employer-places-view.tsx). */
  employers?: JSX.Element;
}): JSX.Element {
  const t = adminMessages(ctx.locale);
  const failed = Object.keys(errors).length > 0;
  const title = t('review.title', { offer: offer.title });
  return (
    <Layout ctx={ctx} title={title} hasErrors={failed}>
      {failed ? <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} /> : ''}
      <h1 class="kern-heading-large" safe>
        {title}
      </h1>
      <p class="kern-body" safe>
        {`${t('dash.status')}: ${t(`status.${offer.status}`)}`}
      </p>
      <p class="kern-body" safe>
        {offer.description}
      </p>
      <OfferFacts offer={offer} locale={ctx.locale} full />
      <form method="post" action={`/verwaltung/ferien/${offer.season_id}/angebote/${offer.id}/pruefen`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <SelectField
          name="decision"
          label={t('review.decision')}
          value={values.decision ?? 'approved'}
          error={errors.decision}
          options={[
            { value: 'approved', label: t('dash.approve') },
            { value: 'rejected', label: t('dash.reject') },
          ]}
        />
        <TextArea name="note" label={t('review.note')} hint={t('review.noteHint')} value={values.note ?? offer.review_note} error={errors.note} rows={4} />
        <SubmitButton label={t('review.save')} />
      </form>
      {employers}
      {translations}
    </Layout>
  );
}
