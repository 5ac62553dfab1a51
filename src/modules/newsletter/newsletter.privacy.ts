import type { PersonalDataSource } from '../../platform/privacy/privacy.js';

/**
 * Subscriptions are not tied to accounts; they are found by the account's email address, so
 * "download my data" and "delete my account" cover the newsletter too.
 */
export const newsletterPersonalData: PersonalDataSource = {
  name: 'familieninfobrief',
  async export(db, userId) {
    const user = await db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst();
    if (!user) return null;
    return db
      .selectFrom('newsletter_subscribers')
      .select(['email', 'status', 'locale', 'topics', 'district', 'consent_text', 'consent_version', 'signed_up_at', 'confirmed_at', 'unsubscribed_at'])
      .where('email', '=', user.email.toLowerCase())
      .executeTakeFirst() ?? null;
  },
  async erase(trx, userId) {
    const user = await trx.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst();
    if (user) await trx.deleteFrom('newsletter_subscribers').where('email', '=', user.email.toLowerCase()).execute();
  },
};
