import type { PageContext } from '../../../platform/http/context.js';
import { CsrfField, SubmitButton } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { adminMessages } from '../admin.messages.js';
import { familyMessages } from '../family.messages.js';
import { civilDate } from '../holidays.format.js';
import type { SeasonRow } from './offer-facts.js';

/** The check before an editor ends the wish phase early: what families lose, then yes (a form) or no (a link). */
export function ConfirmEarlyEndPage({ ctx, season, phase, handedIn }: { ctx: PageContext; season: SeasonRow; phase: string; handedIn: number }): JSX.Element {
  const t = adminMessages(ctx.locale);
  const phaseName = familyMessages(ctx.locale)(`phase.${phase}` as 'phase.allocation');
  const base = `/verwaltung/ferien/${season.id}`;
  return (
    <Layout ctx={ctx} title={t('earlyEnd.title')}>
      <h1 class="kern-heading-large">{t.html('earlyEnd.title')}</h1>
      <p class="kern-body" safe>
        {t('earlyEnd.running', { season: season.name, until: civilDate(season.wish_until, ctx.locale) })}
      </p>
      <p class="kern-body" safe>
        {t('earlyEnd.consequence', { phase: phaseName })}
      </p>
      <p class="kern-body" safe>
        {t('earlyEnd.handedIn', { n: handedIn })}
      </p>
      <form method="post" action={`${base}/phase`}>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="phase" value={phase} />
        <input type="hidden" name="confirmed" value="ja" />
        <SubmitButton label={t('earlyEnd.confirm', { phase: phaseName })} />
      </form>
      <p class="kern-body">
        <a class="kern-link" href={base}>
          {t.html('earlyEnd.cancel')}
        </a>
      </p>
    </Layout>
  );
}
