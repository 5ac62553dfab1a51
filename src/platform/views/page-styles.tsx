import { textDirection, type Locale } from '../i18n/i18n.js';

/** The portal's stylesheets for a page in this language (KERN mirrored for right-to-left), for every full HTML page. */
export function PageStyles({ locale }: { locale: Locale }): JSX.Element {
  return (
    <>
      <link rel="stylesheet" href="/assets/kern/fonts/fira-sans.css" />
      <link rel="stylesheet" href={textDirection(locale) === 'rtl' ? '/assets/rtl/kern.rtl.min.css' : '/assets/kern/kern.min.css'} />
      <link rel="stylesheet" href="/assets/app.css" />
      <link rel="stylesheet" href="/assets/city/theme.css" />
    </>
  );
}
