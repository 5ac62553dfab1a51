import { createRequire } from 'node:module';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { CityProfile } from '../city.js';

const require = createRequire(import.meta.url);
export const kernDist = path.join(path.dirname(require.resolve('@kern-ux/native/package.json')), 'dist');
// Fira Sans (KERN's font) has Latin and Cyrillic but no Arabic: Noto Sans Arabic covers it, served by us.
export const arabicFontDir = path.join(path.dirname(require.resolve('@fontsource/noto-sans-arabic/package.json')), 'files');
/** The two weights app.css uses. */
export const arabicFontFiles = ['noto-sans-arabic-arabic-400-normal.woff2', 'noto-sans-arabic-arabic-700-normal.woff2'];
export const publicDir = path.resolve(import.meta.dirname, '../../../public');

export const themeCss = (city: CityProfile): string => `:root{--city-primary:${city.colors.primary};--city-accent:${city.colors.accent};}\n`;

/** KERN's CSS and fonts, our own CSS/JS and the city's logo and colours, all served by us. */
export async function registerAssets(app: FastifyInstance, city: CityProfile): Promise<void> {
  const cache = { maxAge: '1d', immutable: false };
  await app.register(fastifyStatic, { root: kernDist, prefix: '/assets/kern/', decorateReply: false, ...cache, allowedPath: (p) => /\.(css|woff2?)$/.test(p) });
  await app.register(fastifyStatic, {
    root: arabicFontDir,
    prefix: '/assets/fonts/noto-sans-arabic/',
    decorateReply: false,
    ...cache,
    allowedPath: (p) => arabicFontFiles.includes(p.replace(/^\//, '')),
  });
  await app.register(fastifyStatic, { root: publicDir, prefix: '/assets/', decorateReply: false, ...cache });
  await app.register(fastifyStatic, { root: path.dirname(city.logoPath), prefix: '/assets/city-files/', serve: false, decorateReply: true });
  app.get('/assets/city/logo', { schema: { hide: true } }, (_req, reply) =>
    reply.header('cache-control', 'public, max-age=86400').sendFile(path.basename(city.logoPath)),
  );
  const theme = themeCss(city);
  app.get('/assets/city/theme.css', { schema: { hide: true } }, (_req, reply) =>
    reply.type('text/css').header('cache-control', 'public, max-age=86400').send(theme),
  );
}
