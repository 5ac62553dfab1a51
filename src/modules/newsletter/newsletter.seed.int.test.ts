import { describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../test/support/app.js';
import { seedNewsletterDemo as seedNewsletter } from './newsletter.seed.js';

const t = useTestApp();

describe('newsletter demo data', () => {
  it('seeds news and one archived issue once, and is idempotent', async () => {
    expect(await seedNewsletter(t.deps)).toBe(true);
    expect(await seedNewsletter(t.deps)).toBe(false);
    const v = new Visitor(() => t.app);
    expect((await v.get('/neuigkeiten')).body).toContain('Neues Familienzentrum in Heessen öffnet im Frühjahr (Demo)');
    const archive = await v.get('/infobrief/archiv');
    expect(archive.body).toContain('Familieninfobrief Herbst (Demo)');
    const id = /\/infobrief\/archiv\/([0-9a-f-]{36})/.exec(archive.body)![1]!;
    const issue = await v.get(`/infobrief/archiv/${id}`);
    expect(issue.statusCode).toBe(200);
    expect(issue.body).toContain('Kinderärztlicher Notdienst');
    // One post shows translated content: Turkish visitors read it in Turkish, the list too.
    expect((await v.get('/neuigkeiten?lang=tr')).body).toContain('Resmî tatillerde çocuk doktoru nöbet hizmeti (Demo)');
  });
});
