import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../db/types.js';
import type { Actor } from '../../platform/auth/roles.js';
import type { CityProfile } from '../../platform/city.js';
import { consumeRateLimit } from '../../platform/http/rate-limit.js';
import { isLocale, type Locale } from '../../platform/i18n/i18n.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import * as repo from './barriers.repository.js';
import type { BarrierReport } from './barriers.repository.js';
import { authorize } from './content.policy.js';
import { barrierReportMail } from './emails/barrier-report-mail.js';

export type { BarrierReport };

/** Five reports per hour from one address is plenty for people and little for a spam run. */
export const barrierReportLimit = { bucket: 'barrier:ip', max: 5, windowSeconds: 3600 };

/** How many reports the editors' list shows at most; reports are deleted after a year anyway. */
export const reportListLimit = 500;

/**
 * The page a report is about, as a local path: "/ferien?x=1", or a full address on this portal
 * (pasted from the address bar). Anything else is refused (null); empty stays empty.
 */
export function reportedPage(raw: string | undefined, publicUrl: string): string | null {
  const value = (raw ?? '').trim();
  if (value === '') return '';
  if (/[\s\u0000-\u001f\u007f\\]/.test(value)) return null;
  if (value.startsWith('/')) return value.startsWith('//') ? null : value;
  try {
    const url = new URL(value);
    return url.origin === new URL(publicUrl).origin ? `${url.pathname}${url.search}${url.hash}` : null;
  } catch {
    return null;
  }
}

interface BarrierDeps {
  db: Kysely<DB>;
  config: Config;
  mail: Mailer;
  city: CityProfile;
}

export type BarrierService = ReturnType<typeof createBarrierService>;

export function createBarrierService({ db, config, mail, city }: BarrierDeps) {
  return {
    /**
     * Stores a report and, in the same transaction, queues a mail to the editors' address and to
     * every editor. Counts against the sender's hourly limit first (outside the transaction, so a
     * refused attempt still counts).
     */
    async submitReport(input: { pageUrl: string; message: string; contactEmail: string | null }, origin: { ip: string }): Promise<BarrierReport> {
      await consumeRateLimit(db, config.sessionSecret, barrierReportLimit, origin.ip);
      return db.transaction().execute(async (trx) => {
        const report = await repo.insertReport(trx, input);
        const recipients = new Map<string, { to: string; locale: Locale }>();
        recipients.set(city.editorsEmail.toLowerCase(), { to: city.editorsEmail, locale: 'de' });
        for (const editor of await repo.listEditorRecipients(trx)) {
          const key = editor.email.toLowerCase();
          if (!recipients.has(key)) recipients.set(key, { to: editor.email, locale: isLocale(editor.locale) ? editor.locale : 'de' });
        }
        for (const { to, locale } of recipients.values()) {
          await mail.enqueue(trx, barrierReportMail({ to, locale, report, portalName: city.portalName, publicUrl: config.publicUrl }));
        }
        return report;
      });
    },

    async listReports(actor: Actor | null): Promise<BarrierReport[]> {
      authorize(actor, 'barriers.read');
      return repo.listReports(db, reportListLimit);
    },
  };
}
