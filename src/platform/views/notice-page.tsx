import type { PageContext } from '../http/context.js';
import { Alert } from './forms.js';
import { Layout } from './layout.js';

export interface NoticeProps {
  ctx: PageContext;
  title: string;
  text: string;
  extra?: string;
  link?: { href: string; label: string };
  status?: 'info' | 'success' | 'warning';
}

/** A page with one message and an optional link (check your inbox, confirmed, an invalid link …), in a section of the navigation. */
export function NoticePage({ ctx, title, text, extra, link, status = 'info', section }: NoticeProps & { section: string | undefined }): JSX.Element {
  return (
    <Layout ctx={ctx} title={title} section={section}>
      <h1 class="kern-heading-large" safe>
        {title}
      </h1>
      <Alert kind={status} title={text} />
      {extra ? (
        <p class="kern-body" safe>
          {extra}
        </p>
      ) : (
        ''
      )}
      {link ? (
        <p class="kern-body">
          <a class="kern-link" href={link.href} safe>
            {link.label}
          </a>
        </p>
      ) : (
        ''
      )}
    </Layout>
  );
}
