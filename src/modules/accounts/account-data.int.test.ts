import { describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../test/support/app.js';
import { signedInVisitor } from '../../../test/support/auth.js';

const t = useTestApp();

describe('Mein Konto: my data', () => {
  it('shows profile and consents, and saves a changed name', async () => {
    const { visitor, user } = await signedInVisitor(t);
    await t.deps.db
      .insertInto('consents')
      .values({ user_id: user.id, purpose: 'privacy_notice', text_version: '2026-11', text: 'Datenschutzhinweise gelesen (Test)' })
      .execute();
    const page = await visitor.get('/konto');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(user.email);
    expect(page.body).toContain('Datenschutzhinweise gelesen (Test)');
    expect(page.body).toContain('2026-11');

    const saved = await visitor.submit('/konto', '/konto/profil', { displayName: 'Neuer Name', locale: 'en' });
    expect(saved.statusCode).toBe(303);
    expect((await visitor.get('/konto?gespeichert=profil')).body).toContain('Neuer Name');

    const empty = await visitor.submit('/konto', '/konto/profil', { displayName: '   ', locale: 'de' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('href="#displayName"');
  });

  it('downloads everything held about me as JSON, and nothing about others', async () => {
    const other = await signedInVisitor(t);
    const { visitor, user } = await signedInVisitor(t);
    await t.deps.db.insertInto('consents').values({ user_id: user.id, purpose: 'privacy_notice', text_version: '2026-11', text: 'gelesen' }).execute();
    const res = await visitor.get('/konto/daten');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.headers['content-disposition']).toContain('attachment');
    const data = res.json();
    expect(data.konto).toEqual([expect.objectContaining({ email: user.email, display_name: user.display_name })]);
    expect(data.erlaeuterung.konto).toMatchObject({ tabelle: 'users', aufbewahrung: expect.stringContaining('bis zur Löschung des Kontos') });
    expect(data.einwilligungen).toHaveLength(1);
    expect(data.anmeldungen.length).toBeGreaterThan(0);
    expect(data.konto[0]).not.toHaveProperty('password_hash');
    expect(res.body).not.toContain('$argon2');
    expect(res.body).not.toContain(other.user.email);
  });

  it('deletes the account after confirmation: data gone, audit kept without the person', async () => {
    const { visitor, user } = await signedInVisitor(t);
    await t.deps.db.insertInto('consents').values({ user_id: user.id, purpose: 'privacy_notice', text_version: '2026-11', text: 'gelesen' }).execute();
    await visitor.submit('/konto', '/konto/profil', { displayName: 'Vor dem Löschen', locale: 'de' });

    const unconfirmed = await visitor.submit('/konto/loeschen', '/konto/loeschen', {});
    expect(unconfirmed.statusCode).toBe(422);
    expect(unconfirmed.body).toContain('Bestätigen Sie, dass Sie Ihr Konto löschen möchten.');
    expect(await t.deps.db.selectFrom('users').select('id').where('id', '=', user.id).executeTakeFirst()).toBeDefined();

    const res = await visitor.submit('/konto/loeschen', '/konto/loeschen', { confirm: 'ja' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/konto/geloescht');

    const db = t.deps.db;
    expect(await db.selectFrom('users').select('id').where('id', '=', user.id).executeTakeFirst()).toBeUndefined();
    expect(await db.selectFrom('consents').select('id').where('user_id', '=', user.id).execute()).toHaveLength(0);
    expect(await db.selectFrom('sessions').select('id_hash').where('user_id', '=', user.id).execute()).toHaveLength(0);
    const traces = await db
      .selectFrom('audit_log')
      .selectAll()
      .where((eb) => eb.or([eb('actor_id', '=', user.id), eb('subject_id', '=', user.id)]))
      .execute();
    expect(traces).toHaveLength(0);
    const deletion = await db.selectFrom('audit_log').selectAll().where('action', '=', 'user.deleted').execute();
    expect(deletion.length).toBeGreaterThan(0);
    expect(JSON.stringify(deletion)).not.toContain(user.email);

    await t.runJobs();
    const goodbye = await db.selectFrom('mail_outbox').select('subject').where('recipient', '=', user.email).execute();
    expect(goodbye.map((m) => m.subject)).toContain('Ihr Konto wurde gelöscht');
    expect((await visitor.get('/konto')).statusCode).toBe(401);
  });

  it('sends anonymous visitors to the login page', async () => {
    const res = await new Visitor(() => t.app).get('/konto');
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain('href="/anmelden?zurueck=%2Fkonto"');
  });

  it('answers the JSON API with the account or a stable error code', async () => {
    const { visitor, user } = await signedInVisitor(t);
    const me = await visitor.get('/api/v1/konto');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email: user.email, role: 'family' });
    const anonymous = await new Visitor(() => t.app).get('/api/v1/konto');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toEqual({ error: { code: 'unauthenticated', message: 'Bitte melden Sie sich an.' } });
  });
});
