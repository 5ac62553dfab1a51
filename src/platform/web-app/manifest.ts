import type { CityProfile } from '../city.js';
import { textDirection, type Locale } from '../i18n/i18n.js';
import { appIconUrl, appIcons } from './icons.js';

/** The web app manifest in one language: what a phone needs to put the portal on its home screen. */
export function webAppManifest(city: CityProfile, locale: Locale) {
  return {
    // The app stays one app whatever its start address or language.
    id: '/',
    name: city.portalName,
    short_name: city.name,
    description: city.tagline[locale],
    lang: locale,
    dir: textDirection(locale),
    start_url: '/?quelle=app',
    scope: '/',
    display: 'standalone',
    theme_color: city.colors.primary,
    background_color: city.colors.primary,
    icons: [
      ...appIcons
        .filter((icon) => icon.purpose !== 'apple')
        .map((icon) => ({ src: appIconUrl(icon), sizes: `${icon.size}x${icon.size}`, type: 'image/png', purpose: icon.purpose })),
      { src: '/assets/city/logo', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    ],
  };
}
