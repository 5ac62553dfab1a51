import type { Locale } from '../../../platform/i18n/i18n.js';
import { formatDateTime } from '../../../platform/i18n/i18n.js';
import { MailLayout } from '../../../platform/mail/mail-layout.js';
import type { Mail } from '../../../platform/mail/mailer.js';
import type { BarrierReport } from '../barriers.repository.js';
import { barrierMessages } from '../barriers.messages.js';

interface ReportMailInput {
  to: string;
  locale: Locale;
  report: BarrierReport;
  portalName: string;
  publicUrl: string;
}

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Tells the editorial team about a new barrier report, as plain text and simple HTML. */
export function barrierReportMail({ to, locale, report, portalName, publicUrl }: ReportMailInput): Mail {
  const t = barrierMessages(locale);
  const page = report.pageUrl || t('mail.noPage');
  const pageLink = report.pageUrl ? `${publicUrl}${report.pageUrl}` : undefined;
  const listLink = `${publicUrl}/verwaltung/barrieren`;
  const subject = t('mail.subject', { page: shorten(page, 80) });
  const received = formatDateTime(report.createdAt, locale);
  const contact = report.contactEmail ? `${t('mail.contact')}: ${report.contactEmail}` : t('mail.noContact');

  const text = [
    t('mail.intro', { portal: portalName }),
    `${t('mail.page')}: ${pageLink ?? page}\n${received}`,
    `${t('mail.message')}:\n${report.message}`,
    contact,
    `${t('mail.all')}:\n${listLink}`,
  ].join('\n\n');

  const html = (
    <MailLayout locale={locale} title={t('mail.title')} portalName={portalName}>
      <p safe>{t('mail.intro', { portal: portalName })}</p>
      <p>
        <strong safe>{t('mail.page')}</strong>:{' '}
        {pageLink ? (
          <a href={pageLink} safe>
            {page}
          </a>
        ) : (
          <span safe>{page}</span>
        )}
        <br />
        <span safe>{received}</span>
      </p>
      <h2 style="font-size: 18px;" safe>
        {t('mail.message')}
      </h2>
      <p style="white-space: pre-wrap;" safe>
        {report.message}
      </p>
      {report.contactEmail ? (
        <p>
          <strong safe>{t('mail.contact')}</strong>:{' '}
          <a href={`mailto:${report.contactEmail}`} safe>
            {report.contactEmail}
          </a>
        </p>
      ) : (
        <p safe>{t('mail.noContact')}</p>
      )}
      <p>
        <a href={listLink} safe>
          {t('mail.all')}
        </a>
      </p>
    </MailLayout>
  ) as string;

  return { to, subject, text, html, ...(report.contactEmail ? { headers: { 'Reply-To': report.contactEmail } } : {}) };
}
