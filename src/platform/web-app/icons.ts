import path from 'node:path';
import type { CityProfile } from '../city.js';

/** One home-screen icon, drawn from the city's SVG logo by `npm run app-icons` and committed. */
export interface AppIcon {
  readonly file: string;
  readonly size: number;
  /** `apple` is the apple-touch-icon, which is not in the manifest. */
  readonly purpose: 'any' | 'maskable' | 'apple';
  /** The logo's side as a share of the icon's; the rest is the city's primary colour (or transparent when 1). */
  readonly logoShare: number;
}

export const appIcons: readonly AppIcon[] = [
  { file: 'icon-192.png', size: 192, purpose: 'any', logoShare: 1 },
  { file: 'icon-512.png', size: 512, purpose: 'any', logoShare: 1 },
  // Launchers cut maskable icons to a circle or squircle; only the centre circle of 80 % is sure to
  // show, and a square logo fits in it at 0.8 / √2 ≈ 0.566 of the side.
  { file: 'icon-maskable-512.png', size: 512, purpose: 'maskable', logoShare: 0.56 },
  // iOS fills transparency with black and rounds the corners itself: the logo on the city's colour.
  { file: 'apple-touch-icon.png', size: 180, purpose: 'apple', logoShare: 0.8 },
];

/** Where the city's icons lie: `city/<id>-icons/` beside the logo. */
export const appIconsDir = (city: CityProfile): string => path.join(path.dirname(city.logoPath), `${city.id}-icons`);

export const appIconUrl = (icon: AppIcon): string => `/assets/city/${icon.file}`;

export const appleTouchIcon = appIcons.find((icon) => icon.purpose === 'apple')!;
