import type { AppDeps } from '../../platform/deps.js';
import type { Executor } from '../../db/executor.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { withTranslations } from '../../platform/translations/translations.service.js';
import { defineTranslatable, translationEditing } from '../../platform/translations/translatable.js';
import { offerForReview } from './admin.service.js';
import { familyMessages } from './family.messages.js';
import { providerMessages } from './provider.messages.js';
import type { OfferRow } from './views/offer-facts.js';

/** The texts of a holiday offer that editors translate (platform/translations); places and contacts keep their names. */
export const offerTranslatable = defineTranslatable<OfferRow>({
  kind: 'holiday_offer',
  idOf: (offer) => offer.id,
  fields: [
    { name: 'title', label: (l) => providerMessages(l)('field.title'), german: (o) => o.title, show: (o, title) => ({ ...o, title }), maxLength: 120 },
    {
      name: 'description',
      label: (l) => providerMessages(l)('field.description'),
      german: (o) => o.description,
      show: (o, description) => ({ ...o, description }),
      maxLength: 4000,
      rows: 8,
    },
    {
      name: 'meetingPoint',
      label: (l) => familyMessages(l)('offer.meetingPoint'),
      german: (o) => o.meeting_point,
      show: (o, meeting_point) => ({ ...o, meeting_point }),
      maxLength: 200,
    },
    {
      name: 'whatToBring',
      label: (l) => familyMessages(l)('offer.bring'),
      german: (o) => o.what_to_bring,
      show: (o, what_to_bring) => ({ ...o, what_to_bring }),
      maxLength: 1000,
      rows: 3,
    },
  ],
});

const titleOnly = <T extends { offer_id: string; title: string }>() =>
  defineTranslatable<T>({
    kind: 'holiday_offer',
    idOf: (row) => row.offer_id,
    fields: [{ ...offerTranslatable.fields[0]!, german: (row) => row.title, show: (row, title) => ({ ...row, title }) }],
  });

/** Rows that name an offer by its title alone (a family's places and waiting-list entries), with the title in the visitor's language where translated. */
export async function withOfferTitles<T extends { offer_id: string; title: string }>(db: Executor, locale: Locale, rows: T[]): Promise<T[]> {
  return (await withTranslations(db, titleOnly<T>(), locale, rows)).map((row) => row.shown);
}

/** Editors and admins translate holiday offers (the editors who review them), and publish at once. */
export const offerTranslationEditing = (deps: Pick<AppDeps, 'db'>) =>
  translationEditing(offerTranslatable, 'ferienangebot', async (actor, id) => {
    const offer = await offerForReview(deps.db, actor, id);
    const visible = offer.status === 'approved' || offer.status === 'cancelled';
    return {
      record: offer,
      title: offer.title,
      backPath: `/verwaltung/ferien/${offer.season_id}/angebote/${offer.id}`,
      publicPath: visible ? `/ferien/angebote/${offer.id}` : undefined,
      publishes: true,
    };
  });
