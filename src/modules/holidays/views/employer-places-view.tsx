import type { PageContext } from '../../../platform/http/context.js';
import type { FieldErrors } from '../../../platform/http/errors.js';
import { DataTable } from '../../../platform/views/data-table.js';
import { CsrfField, SelectField, SubmitButton, TextField } from '../../../platform/views/forms.js';
import { adminMessages } from '../admin.messages.js';
import type { EmployerPlacesOfOffer } from '../employer-places.service.js';

/** Addresses of the editors' forms for an offer's employer places. */
export const employerPlacesPaths = {
  reserve: (seasonId: string, offerId: string) => `/verwaltung/ferien/${seasonId}/angebote/${offerId}/arbeitgeber`,
  release: (seasonId: string, offerId: string, orgId: string) => `/verwaltung/ferien/${seasonId}/angebote/${offerId}/arbeitgeber/${orgId}/freigeben`,
};

/** On the editors' offer page: the places employers reserved (with each employer's code), and the form to reserve more. */
export function EmployerPlacesSection({
  ctx,
  seasonId,
  offerId,
  section,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  seasonId: string;
  offerId: string;
  section: EmployerPlacesOfOffer;
  values?: Record<string, string>;
  errors?: FieldErrors;
}): JSX.Element {
  const t = adminMessages(ctx.locale);
  return (
    <section aria-labelledby="arbeitgeber">
      <h2 class="kern-heading-medium" id="arbeitgeber">
        {t.html('employers.title')}
      </h2>
      <p class="kern-body">{t.html('employers.intro')}</p>
      {section.quotas.length === 0 ? (
        <p class="kern-body">{t.html('employers.none')}</p>
      ) : (
        <>
          <DataTable
            caption={t('employers.caption')}
            captionHidden
            labelledBy="arbeitgeber"
            rows={section.quotas}
            columns={[
              { header: t('employers.employer'), rowHeader: true, text: (q) => q.name },
              { header: t('employers.places'), numeric: true, text: (q) => String(q.places) },
              { header: t('employers.code'), text: (q) => q.code ?? '' },
              ...(section.open
                ? [
                    {
                      header: t('employers.actions'),
                      html: (q: EmployerPlacesOfOffer['quotas'][number]) => (
                        <form method="post" action={employerPlacesPaths.release(seasonId, offerId, q.organization_id)}>
                          <CsrfField token={ctx.csrfToken} />
                          <button class="kern-btn kern-btn--secondary" type="submit">
                            <span class="kern-label">
                              {t.html('employers.remove')}
                              <span class="visually-hidden" safe>{`: ${q.name}`}</span>
                            </span>
                          </button>
                        </form>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          <p class="kern-body" safe>
            {t('employers.sum', { reserved: section.reserved, places: section.places })}
          </p>
        </>
      )}
      {section.open ? (
        <form method="post" action={employerPlacesPaths.reserve(seasonId, offerId)} novalidate>
          <h3 class="kern-heading-small">{t.html('employers.add')}</h3>
          <CsrfField token={ctx.csrfToken} />
          <SelectField
            name="employerOrganization"
            label={t('field.employer')}
            value={values.employerOrganization}
            error={errors.employerOrganization}
            options={section.organizations.map((o) => ({ value: o.id, label: o.name }))}
          />
          <TextField
            name="employerPlaces"
            label={t('field.employerPlaces')}
            hint={t('employers.addHint')}
            value={values.employerPlaces}
            error={errors.employerPlaces}
            width="narrow"
          />
          <SubmitButton label={t('employers.add')} />
        </form>
      ) : (
        <p class="kern-body">{t.html('employers.closed')}</p>
      )}
    </section>
  );
}
