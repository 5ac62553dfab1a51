import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../test/support/app.js';
import { seedContentPages } from '../content/index.js';

const t = useTestApp();
const visitor = () => new Visitor(() => t.app);
const search = (q: string, v = visitor()) => v.get(`/suche?q=${encodeURIComponent(q)}`);
const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
const mainOf = (html: string) => /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '';

beforeAll(async () => {
  await seedContentPages(t.deps.db, t.deps.city);
});

describe('site search', () => {
  it('explains what can be searched when the query is empty', async () => {
    for (const url of ['/suche', '/suche?q=', '/suche?q=%20%20']) {
      const res = await visitor().get(url);
      expect(res.statusCode, url).toBe(200);
      expect(titleOf(res.body)).toBe('Suche – Familienrathaus Hamm');
      expect(res.body).toContain('Das können Sie durchsuchen:');
      expect(mainOf(res.body)).not.toContain('Treffer');
    }
  });

  it('finds a content page by a word from its body and shows an excerpt around it', async () => {
    const res = await search('Ombudsverfahren');
    expect(res.statusCode).toBe(200);
    expect(titleOf(res.body)).toBe('Suche: „Ombudsverfahren“ – Familienrathaus Hamm');
    const main = mainOf(res.body);
    expect(main).toContain('1 Treffer für „Ombudsverfahren“');
    expect(main).toContain('Seiten (1 Treffer)');
    expect(main).toContain('<a class="kern-link" href="/barrierefreiheit">Erklärung zur Barrierefreiheit</a>');
    expect(main).toMatch(/<p class="kern-body kern-body--small">[^<]*Ombudsverfahren[^<]*<\/p>/);
    expect(main).toContain('<label class="kern-label" for="q">Suchbegriff</label>');
    expect(main).toContain('value="Ombudsverfahren"');
  });

  it('needs every word to occur, in any case', async () => {
    const both = mainOf((await search('familienbüro HINGEHEN')).body);
    expect(both).toContain('href="/leichte-sprache/familienbuero"');
    expect(both).not.toContain('href="/impressum"');
    expect(mainOf((await search('Familienbüro Zitronenfalter')).body)).toContain('Keine Treffer');
  });

  it('reads past the middle dots of Leichte Sprache, typed or not', async () => {
    for (const query of ['Ferienbetreuung Warteliste', 'Ferien·betreuung Warte·liste']) {
      expect(mainOf((await search(query)).body), query).toContain('href="/leichte-sprache/ferienbetreuung"');
    }
  });

  it('groups several hits under their provider with the count', async () => {
    const main = mainOf((await search('Platzhalter')).body);
    const count = Number(/(\d+) Treffer für/.exec(main)?.[1]);
    expect(count).toBe(6);
    expect(main).toContain(`Seiten (${count} Treffer)`);
    expect(main.match(/<li><p class="kern-body kern-body--bold">/g)).toHaveLength(count);
  });

  it('answers with tips and the family office when nothing is found', async () => {
    const res = await search('Zitronenfalter');
    expect(res.statusCode).toBe(200);
    const main = mainOf(res.body);
    expect(main).toContain('Keine Treffer für „Zitronenfalter“');
    expect(main).toContain('Prüfen Sie die Schreibweise.');
    expect(main).toContain('Versuchen Sie es mit weniger oder allgemeineren Wörtern.');
    expect(main).toContain('href="tel:+492381000000"');
  });

  it('treats % and _ as letters, not wildcards', async () => {
    expect(mainOf((await search('%%')).body)).toContain('Keine Treffer');
    expect(mainOf((await search('frh_session')).body)).toContain('href="/datenschutz"');
    expect(mainOf((await search('frhXsession')).body)).toContain('Keine Treffer');
  });

  it('searches the English pages for English visitors', async () => {
    const v = visitor();
    await v.get('/sprache/en?zurueck=/suche');
    const res = await search('ombudsman', v);
    expect(res.body).toContain('<html lang="en"');
    const main = mainOf(res.body);
    expect(main).toContain('1 result for “ombudsman”');
    expect(main).toContain('Pages (1 result)');
    expect(main).toContain('<a class="kern-link" href="/barrierefreiheit">Accessibility statement</a>');
    expect(mainOf((await search('Zitronenfalter', v)).body)).toContain('No results for “Zitronenfalter”');
  });

  it('refuses a query over 200 characters with 422 and an error summary', async () => {
    const long = 'Kinderarzt '.repeat(20) + 'x';
    const res = await search(long);
    expect(res.statusCode).toBe(422);
    expect(titleOf(res.body)).toMatch(/^Fehler: Suche: „Kinderarzt/);
    expect(res.body).toContain('data-error-summary');
    expect(res.body).toContain(
      '<a class="kern-link" href="#q">Der Suchbegriff darf höchstens 200 Zeichen lang sein, er hat jetzt 221. Kürzen Sie ihn bitte.</a>',
    );
    expect(res.body).toContain('aria-invalid="true"');
    expect(mainOf(res.body)).not.toContain('Keine Treffer');
    expect((await search('x'.repeat(200))).statusCode).toBe(200);
  });

  it('escapes the query everywhere it appears', async () => {
    const res = await search('<script>alert(1)</script>"><img src=x onerror=alert(2)>');
    expect(res.statusCode).toBe(200);
    // Inside a quoted attribute only the quote must be escaped; "<" there starts no element.
    const valueAttribute = 'value="<script>alert(1)</script>&#34;><img src=x onerror=alert(2)>"';
    expect(res.body).toContain(valueAttribute);
    const outsideTheField = res.body.replace(valueAttribute, '');
    expect(outsideTheField).not.toContain('<script>alert(1)');
    expect(outsideTheField).not.toContain('<img src=x');
    expect(titleOf(res.body)).toContain('&lt;script>alert(1)&lt;/script>');
    expect(mainOf(res.body)).toContain('Keine Treffer für „&lt;script>alert(1)&lt;/script>&#34;>&lt;img src=x onerror=alert(2)>“');
  });
});
