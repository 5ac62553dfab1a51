import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { iconsReadme } from '../scripts/app-icons.js';
import { loadCityProfile } from '../src/platform/city.js';
import { appIcons, appIconsDir } from '../src/platform/web-app/icons.js';
import { pngSize } from './support/images.js';

const city = loadCityProfile(path.resolve(import.meta.dirname, '../city/hamm.json'));

describe('home-screen icons', () => {
  it.each(appIcons)('$file is a committed PNG of $size × $size pixels', (icon) => {
    expect(pngSize(readFileSync(path.join(appIconsDir(city), icon.file)))).toEqual({ width: icon.size, height: icon.size });
  });

  it('were drawn from the logo as it is now (else run npm run app-icons)', () => {
    expect(readFileSync(path.join(appIconsDir(city), 'README.md'), 'utf8')).toBe(iconsReadme(city));
  });
});
