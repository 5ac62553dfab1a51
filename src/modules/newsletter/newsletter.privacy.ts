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
    if (!user) return;
    const row = await trx.selectFrom('newsletter_subscribers').select('id').where('email', '=', user.email.toLowerCase()).executeTakeFirst();
    if (!row) return;
    // SMTP error texts may quote the address; the delivery rows themselves lose the link (ON DELETE SET NULL).
    await trx.updateTable('newsletter_deliveries').set({ error: null }).where('subscriber_id', '=', row.id).execute();
    await trx.deleteFrom('newsletter_subscribers').where('id', '=', row.id).execute();
  },
};
