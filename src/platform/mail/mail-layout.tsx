import type { Children } from '@kitajs/html';
import type { Locale } from '../i18n/i18n.js';

/** Accessible HTML for mails: real headings, readable without images, fine in dark mode. */
export function MailLayout({ locale, title, portalName, children }: { locale: Locale; title: string; portalName: string; children: Children }): JSX.Element {
  return (
    <>
      {'<!doctype html>'}
      <html lang={locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="color-scheme" content="light dark" />
          <title safe>{title}</title>
        </head>
        <body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5;">
          <p style="font-weight: bold;" safe>
            {portalName}
          </p>
          <h1 style="font-size: 22px;" safe>
            {title}
          </h1>
          {children}
        </body>
      </html>
    </>
  );
}
