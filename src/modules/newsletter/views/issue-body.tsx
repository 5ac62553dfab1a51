import type { Locale } from '../../../platform/i18n/i18n.js';
import { renderMarkdown } from '../../content/index.js';
import { eventWhen, rangeDay } from '../emails/issue-mail.js';
import type { IssueContent } from '../issue-content.js';
import { issueMessages } from '../issues.messages.js';

function Markdown({ source }: { source: string }): JSX.Element {
  return renderMarkdown(source);
}

/** An issue's content as a web page section (archive and preview): no personal data, headings from h2. */
export function IssueBody({ content, locale }: { content: IssueContent; locale: Locale }): JSX.Element {
  const t = issueMessages(locale);
  return (
    <div class="newsletter-issue" lang="de">
      {content.intro ? <Markdown source={content.intro} /> : ''}
      {content.news.length ? (
        <section aria-labelledby="issue-news">
          <h2 class="kern-heading-medium" id="issue-news" lang={locale} safe>
            {t('mail.news')}
          </h2>
          {content.news.map((n) => (
            <article>
              <h3 class="kern-heading-small" safe>
                {n.title}
              </h3>
              <p class="kern-body" safe>
                {n.teaser}
              </p>
              <p class="kern-body">
                <a class="kern-link" href={new URL(n.url).pathname} safe>
                  {`${t('mail.more')}: ${n.title}`}
                </a>
              </p>
            </article>
          ))}
        </section>
      ) : (
        ''
      )}
      {content.eventsRange ? (
        <section aria-labelledby="issue-events">
          <h2 class="kern-heading-medium" id="issue-events" lang={locale} safe>
            {t('mail.events', { from: rangeDay(content.eventsRange.from, locale), to: rangeDay(content.eventsRange.to, locale) })}
          </h2>
          {content.events.length ? (
            <ul class="kern-list">
              {content.events.map((e) => (
                <li>
                  <strong lang={locale} safe>
                    {`${e.status === 'cancelled' ? `${t('mail.cancelled')}: ` : e.status === 'postponed' ? `${t('mail.postponed')}: ` : ''}${eventWhen(e, locale)}`}
                  </strong>{' '}
                  <a class="kern-link" href={new URL(e.url).pathname} safe>
                    {e.title}
                  </a>
                  <br />
                  <span safe>{e.place}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p class="kern-body" lang={locale} safe>
              {t('mail.eventsNone')}
            </p>
          )}
        </section>
      ) : (
        ''
      )}
      {content.holidayNotice ? (
        <section aria-labelledby="issue-holiday">
          <h2 class="kern-heading-medium" id="issue-holiday" lang={locale} safe>
            {t('mail.holiday')}
          </h2>
          <Markdown source={content.holidayNotice} />
        </section>
      ) : (
        ''
      )}
      {content.sections.map((s) => (
        <section>
          <h2 class="kern-heading-medium" safe>
            {s.heading}
          </h2>
          <Markdown source={s.body} />
        </section>
      ))}
    </div>
  );
}
