/**
 * The home-screen icons (web app manifest for Android, apple-touch-icon for iOS), drawn from the city's
 * SVG logo by Debian's Chromium, the browser the journeys use, so the running portal needs no image library:
 *
 *   npm run app-icons     writes city/<id>-icons/*.png from the logo of CITY_PROFILE (default city/hamm.json)
 *
 * The PNGs are committed beside a README that records the logo's SHA-256; src/platform/web-app/icons.test.ts
 * fails when the logo changed since they were drawn.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { loadCityProfile, type CityProfile } from '../src/platform/city.js';
import { appIcons, appIconsDir, type AppIcon } from '../src/platform/web-app/icons.js';

export const logoFingerprint = (city: CityProfile): string => createHash('sha256').update(readFileSync(city.logoPath)).digest('hex');

/** The README beside the icons: how they were made, and from which logo. */
export function iconsReadme(city: CityProfile): string {
  return [
    `# Home-screen icons of ${city.portalName}`,
    '',
    `Drawn from \`../${city.logo}\` by \`npm run app-icons\` (scripts/app-icons.ts); run it again when the logo changes.`,
    '',
    `Logo SHA-256: ${logoFingerprint(city)}`,
    '',
  ].join('\n');
}

function iconPage(city: CityProfile, icon: AppIcon): string {
  const logo = `data:image/svg+xml;base64,${readFileSync(city.logoPath).toString('base64')}`;
  const side = Math.round(icon.size * icon.logoShare);
  const background = icon.logoShare < 1 ? city.colors.primary : 'transparent';
  return `<!doctype html><html><body style="margin:0;background:transparent">
    <div style="width:${icon.size}px;height:${icon.size}px;background:${background};display:flex;align-items:center;justify-content:center">
      <img src="${logo}" width="${side}" height="${side}" alt="">
    </div></body></html>`;
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  const city = loadCityProfile(path.resolve(process.env.CITY_PROFILE || 'city/hamm.json'));
  const dir = appIconsDir(city);
  mkdirSync(dir, { recursive: true });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const icon of appIcons) {
      await page.setViewportSize({ width: icon.size, height: icon.size });
      await page.setContent(iconPage(city, icon), { waitUntil: 'load' });
      const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: icon.size, height: icon.size } });
      writeFileSync(path.join(dir, icon.file), png);
      console.log(`written ${path.join(dir, icon.file)}`);
    }
  } finally {
    await browser.close();
  }
  writeFileSync(path.join(dir, 'README.md'), iconsReadme(city));
}
