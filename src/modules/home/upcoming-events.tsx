import type { PageContext } from '../../platform/http/context.js';
import { dateFormat, intlLocale } from '../../platform/i18n/i18n.js';
import type { EventOccurrenceSummary } from '../events/index.js';
import { homeMessages } from './home.messages.js';
import type { Translated } from '../../platform/translations/translations.service.js';
import { textLang } from '../../platform/translations/views/translated.js';

const dayFormat = { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'Europe/Berlin' } as const;
const timeFormat = { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' } as const;

const when = (e: EventOccurrenceSummary, locale: PageContext['locale']) => {
  const day = dateFormat(intlLocale[locale], dayFormat).format(e.start);
  if (e.allDay) return day;
  return homeMessages(locale)('upcoming.at', { day, time: dateFormat(intlLocale[locale], timeFormat).format(e.start) });
};

/** The next few dates on the start page, so families see at once what is on. */
export function UpcomingEvents({ ctx, events }: { ctx: PageContext; events: Translated<EventOccurrenceSummary>[] }): JSX.Element {
  const t = homeMessages(ctx.locale);
  if (events.length === 0) return <></>;
  return (
    <section aria-labelledby="demnaechst">
      <h2 class="kern-heading-medium" id="demnaechst">
        {t.html('upcoming.heading')}
      </h2>
      <ul class="kern-list">
        {events.map((translated) => {
          const e = translated.shown;
          return (
            <li>
              <a class="kern-link" href={e.path} {...textLang(translated, 'title')} safe>
                {e.title}
              </a>
              <br />
              <span class="kern-body kern-body--small" safe>
                {[when(e, ctx.locale), e.place, e.status === 'cancelled' ? t('upcoming.cancelled') : e.status === 'postponed' ? t('upcoming.postponed') : '']
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </li>
          );
        })}
      </ul>
      <p class="kern-body">
        <a class="kern-link" href="/veranstaltungen">
          {t.html('upcoming.all')}
        </a>
      </p>
    </section>
  );
}
