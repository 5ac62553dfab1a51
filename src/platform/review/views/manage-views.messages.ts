import { defineMessages } from '../../i18n/i18n.js';

/** The words of the pages where organisations maintain entries that staff review (places, employer profiles). */
export const manageViewMessages = defineMessages(
  'platform/review/views/manage-views.messages',
  {
    pick: 'Organisation',
    'status.published': 'Veröffentlicht',
    'status.draft': 'Entwurf',
    'status.in_review': 'In Prüfung',
    'status.rejected': 'Nicht freigegeben',
    'status.withdrawn': 'Zurückgezogen',
    'status.superseded': 'Ersetzt',
    reason: 'Begründung der Redaktion: {reason}',
    'history.version': 'Fassung',
    'history.status': 'Stand',
    'history.author': 'Von',
    'history.date': 'Datum',
    'history.deletedAccount': 'gelöschtes Konto',
  },
  {
    pick: 'Organisation',
    'status.published': 'Published',
    'status.draft': 'Draft',
    'status.in_review': 'In review',
    'status.rejected': 'Not approved',
    'status.withdrawn': 'Withdrawn',
    'status.superseded': 'Replaced',
    reason: 'The editors’ reason: {reason}',
    'history.version': 'Version',
    'history.status': 'Status',
    'history.author': 'By',
    'history.date': 'Date',
    'history.deletedAccount': 'deleted account',
  },
);
