import { escapeHtml } from '@kitajs/html';
import { dateFormat as sharedDateFormat, intlLocale, type Locale } from '../../../platform/i18n/i18n.js';
import { renderMarkdown } from '../../content/index.js';
import type { IssueContent } from '../issue-content.js';
import { issueMessages } from '../issues.messages.js';

/** Placeholders in a rendered template, replaced per recipient (rendering 50,000 times would be waste). */
const manageSlot = '__NL_MANAGE_URL__';

export interface IssueTemplate {
  locale: Locale;
  subject: string;
  html: string;
  text: string;
}

export interface IssueFrame {
  portalName: string;
  /** Absolute URL of the issue in the public archive. */
  archiveUrl: string;
  test?: boolean;
}

const dayFormat = (locale: Locale) => sharedDateFormat(intlLocale[locale], { weekday: 'short', day: 'numeric', month: 'long', timeZone: 'Europe/Berlin' });
const timeFormat = (locale: Locale) => sharedDateFormat(intlLocale[locale], { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' });
const dateFormat = (locale: Locale) => sharedDateFormat(intlLocale[locale], { dateStyle: 'long', timeZone: 'UTC' });

/** "Sa., 14. März, 10:00" — the start of an event in Berlin time. */
export function eventWhen(e: IssueContent['events'][number], locale: Locale): string {
  const start = new Date(e.start);
  const t = issueMessages(locale);
  return e.allDay ? `${dayFormat(locale).format(start)} (${t('mail.allDay')})` : `${dayFormat(locale).format(start)}, ${timeFormat(locale).format(start)}`;
}

export const rangeDay = (isoDay: string, locale: Locale) => dateFormat(locale).format(new Date(`${isoDay}T00:00:00Z`));

/** The editors' Markdown subset as plain text for the text part. */
export function markdownToText(source: string): string {
  return source
    .replace(/\r\n/g, '\n')
    .replace(/^#{2,3} +/gm, '')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '$1 ($2)');
}

function statusLabel(e: IssueContent['events'][number], locale: Locale): string {
  const t = issueMessages(locale);
  return e.status === 'cancelled' ? `${t('mail.cancelled')}: ` : e.status === 'postponed' ? `${t('mail.postponed')}: ` : '';
}

/**
 * The issue as accessible HTML mail and plain text, for one language. Real headings (h1 → h2 → h3),
 * no images at all (nothing to miss without them), no background or text colours (the mail
 * client's light or dark scheme stays readable), lang on the document and on German content.
 */
export function renderIssueTemplate(content: IssueContent, locale: Locale, frame: IssueFrame): IssueTemplate {
  const t = issueMessages(locale);
  const contentLang = locale === 'de' ? undefined : 'de';
  const subject = `${frame.test ? t('mail.test') : ''}${content.subject}`;
  // The editors' introduction opens with their own salutation ("Liebe Familien,"); ours only stands in without one.
  const greets = !content.intro.trim();
  const eventsHeading = content.eventsRange
    ? t('mail.events', { from: rangeDay(content.eventsRange.from, locale), to: rangeDay(content.eventsRange.to, locale) })
    : '';
  const html = (
    <>
      {'<!doctype html>'}
      <html lang={locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="color-scheme" content="light dark" />
          <meta name="supported-color-schemes" content="light dark" />
          <title safe>{subject}</title>
        </head>
        <body style="margin: 0; padding: 16px; font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5;">
          <div role="article" aria-roledescription="email" aria-label={subject} style="max-width: 640px; margin: 0 auto;">
            <p style="font-weight: bold; margin: 0 0 8px;" safe>
              {t('mail.header', { portal: frame.portalName })}
            </p>
            <p style="margin: 0 0 16px;">
              <a href={frame.archiveUrl} safe>
                {t('mail.archive')}
              </a>
            </p>
            <h1 style="font-size: 24px; line-height: 1.3;" lang={contentLang} safe>
              {content.subject}
            </h1>
            {greets ? <p safe>{t('greeting')}</p> : ''}
            {contentLang ? <p safe>{t('mail.contentLang')}</p> : ''}
            <div lang={contentLang}>
              {content.intro ? <IntroHtml source={content.intro} /> : ''}
              {content.news.length ? (
                <>
                  <h2 style="font-size: 20px; border-top: 1px solid #888888; padding-top: 12px;" lang={locale} safe>
                    {t('mail.news')}
                  </h2>
                  {content.news.map((n) => (
                    <>
                      <h3 style="font-size: 18px; margin-bottom: 4px;" safe>
                        {n.title}
                      </h3>
                      <p style="margin-top: 0;" safe>
                        {n.teaser}
                      </p>
                      <p>
                        <a href={n.url} safe>
                          {`${t('mail.more')}: ${n.title}`}
                        </a>
                      </p>
                    </>
                  ))}
                </>
              ) : (
                ''
              )}
              {content.eventsRange ? (
                <>
                  <h2 style="font-size: 20px; border-top: 1px solid #888888; padding-top: 12px;" lang={locale} safe>
                    {eventsHeading}
                  </h2>
                  {content.events.length ? (
                    <ul style="padding-left: 20px;">
                      {content.events.map((e) => (
                        <li style="margin-bottom: 8px;">
                          <strong lang={locale} safe>
                            {`${statusLabel(e, locale)}${eventWhen(e, locale)}`}
                          </strong>
                          <br />
                          <a href={e.url} safe>
                            {e.title}
                          </a>
                          <br />
                          <span safe>{e.place}</span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p lang={locale} safe>
                      {t('mail.eventsNone')}
                    </p>
                  )}
                </>
              ) : (
                ''
              )}
              {content.holidayNotice ? (
                <>
                  <h2 style="font-size: 20px; border-top: 1px solid #888888; padding-top: 12px;" lang={locale} safe>
                    {t('mail.holiday')}
                  </h2>
                  <IntroHtml source={content.holidayNotice} />
                </>
              ) : (
                ''
              )}
              {content.sections.map((s) => (
                <>
                  <h2 style="font-size: 20px; border-top: 1px solid #888888; padding-top: 12px;" safe>
                    {s.heading}
                  </h2>
                  <IntroHtml source={s.body} />
                </>
              ))}
            </div>
            <hr />
            <p style="font-size: 14px;" safe>
              {t('mail.why', { portal: frame.portalName })}
            </p>
            <p style="font-size: 14px;">
              <a href={manageSlot} safe>
                {t('mail.manage')}
              </a>
            </p>
          </div>
        </body>
      </html>
    </>
  ) as string;

  const lines: string[] = [t('mail.header', { portal: frame.portalName }), '', content.subject, '='.repeat(Math.min(60, content.subject.length)), ''];
  if (greets) lines.push(t('greeting'), '');
  if (contentLang) lines.push(t('mail.contentLang'), '');
  if (content.intro) lines.push(markdownToText(content.intro), '');
  if (content.news.length) {
    lines.push(t('mail.news'), '-'.repeat(t('mail.news').length), '');
    for (const n of content.news) lines.push(n.title, n.teaser, `${t('mail.more')}: ${n.url}`, '');
  }
  if (content.eventsRange) {
    lines.push(eventsHeading, '-'.repeat(Math.min(60, eventsHeading.length)), '');
    if (content.events.length === 0) lines.push(t('mail.eventsNone'), '');
    for (const e of content.events) lines.push(`* ${statusLabel(e, locale)}${eventWhen(e, locale)}: ${e.title}`, `  ${e.place}`, `  ${e.url}`, '');
  }
  if (content.holidayNotice) lines.push(t('mail.holiday'), '-'.repeat(t('mail.holiday').length), '', markdownToText(content.holidayNotice), '');
  for (const s of content.sections) lines.push(s.heading, '-'.repeat(Math.min(60, s.heading.length)), '', markdownToText(s.body), '');
  lines.push('--', t('mail.why', { portal: frame.portalName }), `${t('mail.manage')}: ${manageSlot}`, `${t('mail.archive')}: ${frame.archiveUrl}`);
  return { locale, subject, html, text: lines.join('\n') };
}

function IntroHtml({ source }: { source: string }): JSX.Element {
  return renderMarkdown(source);
}

/** One recipient's mail from the template: their links in the text, the HTML and the RFC 8058 headers. */
export function personalise(template: IssueTemplate, to: string, links: { manage: string; oneClick: string }, messageId?: string, listHost = 'localhost') {
  return {
    to,
    subject: template.subject,
    html: template.html.replaceAll(manageSlot, escapeHtml(links.manage)),
    text: template.text.replaceAll(manageSlot, links.manage),
    messageId,
    headers: {
      'List-Unsubscribe': `<${links.oneClick}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'List-Id': `Familieninfobrief <familieninfobrief.${listHost}>`,
      Precedence: 'bulk',
      'Auto-Submitted': 'auto-generated',
    },
  };
}
