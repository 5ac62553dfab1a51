import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CityProfile } from '../city.js';
import { arabicFontDir, arabicFontFiles, kernDist, publicDir, themeCss } from '../http/assets.js';

/** An address the service worker fetches when it installs, with what the server answers there. */
export interface PrecacheEntry {
  readonly url: string;
  readonly content: Buffer | string;
}

const file = (url: string, ...where: string[]): PrecacheEntry => ({ url, content: readFileSync(path.join(...where)) });

/** What a page needs to look right offline: KERN's CSS and fonts (both directions, Arabic too), ours and the city's. */
export function precacheEntries(city: CityProfile): PrecacheEntry[] {
  const firaCss = readFileSync(path.join(kernDist, 'fonts', 'fira-sans.css'), 'utf8');
  const firaFonts = [...firaCss.matchAll(/url\(["']?\.\/(fira-sans\/[^"')]+\.woff2)/g)].map((match) => match[1]!);
  return [
    file('/assets/kern/kern.min.css', kernDist, 'kern.min.css'),
    file('/assets/rtl/kern.rtl.min.css', publicDir, 'rtl', 'kern.rtl.min.css'),
    { url: '/assets/kern/fonts/fira-sans.css', content: firaCss },
    ...firaFonts.map((font) => file(`/assets/kern/fonts/${font}`, kernDist, 'fonts', font)),
    ...arabicFontFiles.map((font) => file(`/assets/fonts/noto-sans-arabic/${font}`, arabicFontDir, font)),
    file('/assets/app.css', publicDir, 'app.css'),
    file('/assets/app.js', publicDir, 'app.js'),
    file('/assets/city/logo', city.logoPath),
    { url: '/assets/city/theme.css', content: themeCss(city) },
  ];
}
