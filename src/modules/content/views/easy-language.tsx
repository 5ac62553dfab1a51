import type { PageContext } from '../../../platform/http/context.js';
import { contentMessages } from '../content.messages.js';
import { easyLanguageOverview } from '../content.schemas.js';
import type { EasyLanguageLink } from '../content.service.js';

/** A link to a page in Leichte Sprache, with KERN's icon for it; the words are German whatever the page's language. */
export function EasyLanguageLinkTo({ href, text, lang = 'de' }: { href: string; text: string; lang?: string }): JSX.Element {
  return (
    <a class="kern-link" href={href} lang={lang}>
      <span class="kern-icon kern-icon--easy-language" aria-hidden="true"></span>
      <span class="icon-link__text" safe>
        {text}
      </span>
    </a>
  );
}

/** On /leichte-sprache, before the editors' text: every page in Leichte Sprache with its current title. */
export function EasyLanguageIndex({ ctx, links }: { ctx: PageContext; links: EasyLanguageLink[] }): JSX.Element {
  const t = contentMessages(ctx.locale);
  return (
    <nav class="easy-language-nav" aria-labelledby="leichte-sprache-themen">
      <h2 class="kern-heading-medium" id="leichte-sprache-themen" lang={ctx.locale} safe>
        {t('page.easyLanguageIndex')}
      </h2>
      <ul class="easy-language-index">
        {links.map((link) => (
          <li>
            <EasyLanguageLinkTo href={link.path} text={link.title} />
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Below a page in Leichte Sprache: the way back to the overview. */
export function EasyLanguageBack({ ctx }: { ctx: PageContext }): JSX.Element {
  return (
    <p class="kern-body">
      <EasyLanguageLinkTo href={easyLanguageOverview.path} text={contentMessages(ctx.locale)('page.easyLanguageBack')} lang={ctx.locale} />
    </p>
  );
}
