import { describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../test/support/app.js';

const t = useTestApp();

describe('error pages', () => {
  it('speak plain German without raw status codes', async () => {
    const missing = await new Visitor(() => t.app).get('/gibt-es-nicht');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('Seite nicht gefunden');
    expect(missing.body).not.toMatch(/HTTP \d{3}/);
    const locked = await new Visitor(() => t.app).get('/ferien/kinder');
    expect(locked.statusCode).toBe(401);
    expect(locked.body).toContain('Bitte melden Sie sich an');
    expect(locked.body).not.toMatch(/HTTP \d{3}/);
  });
});
