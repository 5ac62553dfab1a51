import { describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../test/support/app.js';

const t = useTestApp();

describe('layout slots', () => {
  it("shows what a module adds to the footer on every page, in the visitor's language", async () => {
    t.deps.layout.addToFooter((ctx) => (
      <p class="kern-body" id="slot-test">
        {ctx.locale === 'en' ? 'Footer box' : 'Fußzeilen-Kasten'}
      </p>
    ));
    const v = new Visitor(() => t.app);
    for (const path of ['/', '/impressum', '/gibt-es-nicht']) {
      const body = (await v.get(path)).body;
      expect(body).toMatch(/<footer class="site-footer">[\s\S]*<p class="kern-body" id="slot-test">Fußzeilen-Kasten<\/p>[\s\S]*<\/footer>/);
    }
    await v.get('/sprache/en?zurueck=/');
    expect((await v.get('/')).body).toContain('<p class="kern-body" id="slot-test">Footer box</p>');
  });
});
