import { describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../test/support/app.js';
import { createUser, signedInVisitor } from '../../../test/support/auth.js';

const t = useTestApp();

describe('user administration', () => {
  it('is refused to families, providers and editors (403) and to anonymous visitors (401)', async () => {
    for (const role of ['family', 'provider', 'editor'] as const) {
      const { visitor } = await signedInVisitor(t, role);
      for (const url of ['/admin/benutzer', '/admin/protokoll', '/admin/outbox']) {
        const res = await visitor.get(url);
        expect(res.statusCode, `${role} ${url}`).toBe(403);
        expect(res.body).toContain('Kein Zugriff');
      }
    }
    expect((await new Visitor(() => t.app).get('/admin/benutzer')).statusCode).toBe(401);
  });

  it('refuses a role change posted by a non-admin, even with a valid form', async () => {
    const target = await createUser(t);
    const { visitor } = await signedInVisitor(t, 'editor');
    const res = await visitor.submit('/', `/admin/benutzer/${target.id}/rolle`, { role: 'admin' });
    expect(res.statusCode).toBe(403);
    const after = await t.deps.db.selectFrom('users').select('role').where('id', '=', target.id).executeTakeFirstOrThrow();
    expect(after.role).toBe('family');
  });

  it('lets an admin search users, change a role and memberships, all in the audit log', async () => {
    const target = await createUser(t, { email: 'karla.klein@example.org', displayName: 'Karla Klein' });
    const { visitor: admin } = await signedInVisitor(t, 'admin');

    const list = await admin.get('/admin/benutzer?q=karla');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('karla.klein@example.org');
    expect(list.body).toContain('1 Konto gefunden');

    const role = await admin.submit(`/admin/benutzer/${target.id}`, `/admin/benutzer/${target.id}/rolle`, { role: 'provider' });
    expect(role.statusCode).toBe(303);
    expect((await t.deps.db.selectFrom('users').select('role').where('id', '=', target.id).executeTakeFirstOrThrow()).role).toBe('provider');

    const created = await admin.submit(`/admin/benutzer/${target.id}`, `/admin/organisationen?fuer=${target.id}`, {
      name: 'Kinderschutzbund Testort e. V.',
      kind: 'provider',
    });
    expect(created.statusCode).toBe(303);
    const org = await t.deps.db.selectFrom('organizations').select('id').where('name', '=', 'Kinderschutzbund Testort e. V.').executeTakeFirstOrThrow();
    await admin.submit(`/admin/benutzer/${target.id}`, `/admin/benutzer/${target.id}/mitgliedschaften`, { organizationId: org.id });
    expect((await admin.get(`/admin/benutzer/${target.id}`)).body).toContain('Entfernen: Kinderschutzbund Testort e. V.');
    await admin.submit(`/admin/benutzer/${target.id}`, `/admin/benutzer/${target.id}/mitgliedschaften/${org.id}/entfernen`, {});
    expect(await t.deps.db.selectFrom('memberships').select('user_id').where('user_id', '=', target.id).execute()).toHaveLength(0);

    const log = await admin.get('/admin/protokoll?aktion=');
    expect(log.statusCode).toBe(200);
    expect(log.body).toContain('Hat die Rolle eines Kontos von „Familie“ zu „Anbieter“ geändert.');
    expect(log.body).toContain('Hat die Organisation „Kinderschutzbund Testort e. V.“ angelegt.');
    expect(log.body).toContain('Hat ein Konto der Organisation „Kinderschutzbund Testort e. V.“ zugeordnet.');
    expect(log.body).toContain('Hat ein Konto aus einer Organisation entfernt.');
    expect(log.body).not.toContain('to: provider');
    const userPage = (await admin.get(`/admin/benutzer/${target.id}`)).body;
    expect(userPage).toContain('Karla Klein gehört keiner Organisation an.');
  });

  it('keeps at least one admin', async () => {
    await t.deps.db.updateTable('users').set({ role: 'family' }).where('role', '=', 'admin').execute();
    const { visitor: admin, user } = await signedInVisitor(t, 'admin');
    const res = await admin.submit(`/admin/benutzer/${user.id}`, `/admin/benutzer/${user.id}/rolle`, { role: 'family' });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('mindestens eine Person mit Admin-Rechten');
  });

  it('shows mails in the outbox to admins', async () => {
    const { visitor: admin } = await signedInVisitor(t, 'admin');
    const someone = await createUser(t);
    await new Visitor(() => t.app).submit('/passwort-vergessen', '/passwort-vergessen', { email: someone.email });
    await t.runJobs();
    const outbox = await admin.get('/admin/outbox');
    expect(outbox.body).toContain(someone.email);
    expect(outbox.body).toContain('Neues Passwort festlegen');
    const id = /href="\/admin\/outbox\/([0-9a-f-]{36})"/.exec(outbox.body)![1];
    const mail = await admin.get(`/admin/outbox/${id}`);
    expect(mail.statusCode).toBe(200);
    expect(mail.body).toContain('/passwort-neu?token=');
  });
});
