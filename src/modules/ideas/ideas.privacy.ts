import type { Transaction } from 'kysely';
import type { DB } from '../../db/types.js';
import { anonymiseAuthor } from './ideas.repository.js';
import type { ErasureStep, PersonalDataDeclaration } from '../../platform/privacy/declarations.js';

export const purgeIdeasJob = 'ideas.purge';
/** Submissions and follow requests nobody confirmed are deleted after this many days. */
export const unconfirmedDays = 7;
/** Declined submissions are kept this long (questions about the decision), then deleted. */
export const declinedDays = 90;

/**
 * Authors, supporters and followers. A published idea belongs to the public once it is published:
 * when its author's account (or address) is erased the idea stays, shown as "anonymous".
 */
export const ideasPersonalData: PersonalDataDeclaration[] = [
  {
    name: 'ideen_verfasst',
    table: 'ideas',
    subject: { user: 'author_id' },
    purpose: 'wer eine Idee oder ein Anliegen eingereicht hat (Ergänzungen, Mails über Antworten)',
    columns: { author_name: 'Vorname oder Initialen, wie die Person es gewählt hat (leer bei „anonym“)' },
    context: ['title', 'moderation', 'status', 'created_at'],
    onErase: 'unlink',
    retention: {
      rule: `unbestätigt ${unconfirmedDays} Tage; abgelehnt ${declinedDays} Tage nach der Entscheidung; veröffentlicht so lange wie der Beitrag, nach dem Löschen des Kontos als „anonym“`,
      job: purgeIdeasJob,
    },
  },
  {
    name: 'ideen_ohne_konto',
    table: 'ideas',
    subject: { email: 'author_email' },
    purpose: 'Adresse der Person, die ohne Konto eingereicht hat (Bestätigung per Double-Opt-in, Mails über Antworten)',
    columns: { author_locale: 'Sprache der Mails' },
    context: ['title', 'moderation', 'status', 'created_at', 'confirmed_at'],
    onErase: 'unlink',
    retention: {
      rule: `unbestätigt ${unconfirmedDays} Tage; abgelehnt ${declinedDays} Tage nach der Entscheidung; sonst so lange wie der Beitrag`,
      job: purgeIdeasJob,
    },
  },
  {
    name: 'ideen_antworten',
    table: 'idea_entries',
    subject: { user: 'created_by' },
    purpose: 'wer eine Antwort oder Ergänzung geschrieben hat (Redaktion, Nachvollziehbarkeit)',
    columns: {},
    context: ['kind', 'status', 'created_at'],
    onErase: 'unlink',
    retention: { rule: 'solange der Beitrag besteht' },
  },
  {
    name: 'ideen_unterstuetzt',
    table: 'idea_supports',
    subject: { user: 'user_id' },
    purpose: 'wer eine Idee unterstützt (jede Person einmal)',
    columns: {},
    context: [{ as: 'idee', from: 'ideas', select: 'title', by: 'idea_id' }, 'created_at'],
    onErase: 'delete',
    retention: { rule: 'solange das Konto und der Beitrag bestehen' },
  },
  {
    name: 'ideen_gefolgt',
    table: 'idea_followers',
    subject: { user: 'user_id' },
    purpose: 'wer Mails über Antworten zu einem Beitrag bekommt (mit Konto)',
    columns: {},
    context: [{ as: 'idee', from: 'ideas', select: 'title', by: 'idea_id' }, 'created_at'],
    onErase: 'delete',
    retention: { rule: 'bis zur Abmeldung mit einem Klick, solange das Konto besteht' },
  },
  {
    name: 'ideen_gefolgt_per_mail',
    table: 'idea_followers',
    subject: { email: 'email' },
    purpose: 'Adresse für Mails über Antworten zu einem Beitrag (ohne Konto, bestätigt per Double-Opt-in)',
    columns: { locale: 'Sprache der Mails', confirmed_at: 'Nachweis der Bestätigung' },
    context: [{ as: 'idee', from: 'ideas', select: 'title', by: 'idea_id' }, 'created_at'],
    onErase: 'delete',
    retention: { rule: `unbestätigt ${unconfirmedDays} Tage; sonst bis zur Abmeldung mit einem Klick`, job: purgeIdeasJob },
  },
  {
    name: 'vorhaben_neuigkeiten_verfasst',
    table: 'initiative_updates',
    subject: { user: 'created_by' },
    purpose: 'wer eine Neuigkeit zu einem Vorhaben geschrieben hat (Redaktion)',
    columns: {},
    context: ['title', 'created_at'],
    onErase: 'unlink',
    retention: { rule: 'solange das Vorhaben besteht' },
  },
  {
    name: 'vorhaben_aenderungen',
    table: 'initiative_history',
    subject: { user: 'actor_id' },
    purpose: 'wer ein Vorhaben geändert hat (Nachvollziehbarkeit)',
    columns: {},
    context: ['at'],
    onErase: 'unlink',
    retention: { rule: 'solange das Vorhaben besteht' },
  },
  {
    name: 'vorhaben_gefolgt',
    table: 'initiative_followers',
    subject: { user: 'user_id' },
    purpose: 'wer Neuigkeiten zu einem Vorhaben per Mail bekommt',
    columns: {},
    context: [{ as: 'vorhaben', from: 'initiatives', select: 'title', by: 'initiative_id' }, 'created_at'],
    onErase: 'delete',
    retention: { rule: 'bis zur Abmeldung mit einem Klick, solange das Konto besteht' },
  },
  {
    name: 'vorhaben_gefolgt_per_mail',
    table: 'initiative_email_followers',
    subject: { email: 'email' },
    purpose: 'Adresse für Neuigkeiten zu einem Vorhaben (ohne Konto, bestätigt per Double-Opt-in)',
    columns: { locale: 'Sprache der Mails', confirmed_at: 'Nachweis der Bestätigung' },
    context: [{ as: 'vorhaben', from: 'initiatives', select: 'title', by: 'initiative_id' }, 'created_at'],
    onErase: 'delete',
    retention: { rule: `unbestätigt ${unconfirmedDays} Tage; sonst bis zur Abmeldung mit einem Klick`, job: purgeIdeasJob },
  },
];

/** An erased author's published ideas stay, without a name: "anonymous". */
export const authorsBecomeAnonymous: ErasureStep = {
  async preview() {
    return [];
  },
  async apply(trx: Transaction<DB>, person) {
    await anonymiseAuthor(trx, person);
  },
};
