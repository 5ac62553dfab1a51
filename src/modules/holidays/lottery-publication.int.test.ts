import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Visitor, useTestApp } from '../../../test/support/app.js';
import { signedInVisitor } from '../../../test/support/auth.js';
import { buildChild, buildHolidayOffer, buildHolidayOrganization, buildSeason } from '../../../test/support/holidays.js';
import type { Actor } from '../../platform/auth/roles.js';
import { seedHash } from './allocation-rng.js';
import { issueGroupCode } from './group-codes.js';
import type { LotteryPublication } from './lottery-publication.js';
import { verifyPublication } from './lottery-verify.js';
import { confirmRun } from './runs.service.js';

const t = useTestApp();
const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '../../..');

/** A season with a real confirmed run: three families, siblings with a group code, a priority child, more wishes than places. */
async function allocatedSeason() {
  const org = await buildHolidayOrganization(t);
  const seed = 'veroeffentlichte-verlosung-2027';
  const season = await buildSeason(t, { phase: 'allocation', reserved_percent: 50, seed_hash: seedHash(seed) });
  const circus = await buildHolidayOffer(t, season.id, org.id, { title: 'Zirkuswoche', places: 2 });
  const art = await buildHolidayOffer(t, season.id, org.id, { title: 'Kunstwerkstatt', places: 3, first_day: '2027-07-19', last_day: '2027-07-23' });
  const families = [await signedInVisitor(t), await signedInVisitor(t), await signedInVisitor(t)];
  const code = issueGroupCode(t.deps.config.sessionSecret, season.id);
  const lists: [number, string, { priority?: boolean; group?: boolean; wishes: string[]; max: number }][] = [
    [0, 'Lea', { group: true, wishes: [circus.id, art.id], max: 2 }],
    [0, 'Tom', { group: true, wishes: [circus.id, art.id], max: 2 }],
    [1, 'Mia', { priority: true, wishes: [circus.id], max: 1 }],
    [2, 'Ole', { wishes: [circus.id, art.id], max: 2 }],
    [2, 'Ida', { wishes: [art.id, circus.id], max: 1 }],
  ];
  const children = [];
  for (const [family, name, list] of lists) {
    const child = await buildChild(t, families[family]!.user.id, { first_name: name, priority: list.priority ?? false });
    children.push(child);
    const row = await t.deps.db
      .insertInto('holiday_wish_lists')
      .values({ season_id: season.id, child_id: child.id, max_places: list.max, group_code: list.group ? code : null, submitted_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.deps.db
      .insertInto('holiday_wishes')
      .values(list.wishes.map((offer_id, i) => ({ wish_list_id: row.id, offer_id, rank: i + 1 })))
      .execute();
  }
  const { user: admin } = await signedInVisitor(t, 'admin');
  const actor: Actor = { id: admin.id, role: 'admin', email: admin.email, displayName: admin.display_name };
  await confirmRun(t.deps, actor, season.id, seed);
  return { season, families, children, url: `/api/v1/ferien/saisons/${season.id}/verlosung` };
}

describe('published lottery', () => {
  it('publishes anonymised inputs and the result; the verifier agrees, and each family finds itself under its pseudonym', async () => {
    const { families, children, url } = await allocatedSeason();
    const res = await new Visitor(() => t.app).get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.headers['content-disposition']).toContain('attachment');
    for (const child of children) {
      expect(res.body).not.toContain(child.id);
      expect(res.body).not.toContain(child.first_name);
    }
    for (const { user } of families) expect(res.body).not.toContain(user.id);
    const doc = JSON.parse(res.body) as LotteryPublication;
    expect(doc.einheiten).toHaveLength(4);
    expect(doc.einheiten.filter((u) => u.mitglieder.length === 2)).toHaveLength(1);
    expect(verifyPublication(doc)).toMatchObject({ ok: true, problems: [] });

    // Ida's family reads her pseudonym on the results page and finds her places under it.
    const ida = children[4]!;
    const page = await families[2]!.visitor.get('/ferien/ergebnis');
    const pseudonyms = [...page.body.matchAll(/Kennung in der veröffentlichten Verlosung: ([A-Z2-9]{5}-[A-Z2-9]{5})/g)].map((m) => m[1]!);
    expect(pseudonyms).toHaveLength(2);
    const idaSection = page.body.slice(page.body.indexOf('>Ida<'));
    const idaPseudonym = /Kennung in der veröffentlichten Verlosung: ([A-Z2-9]{5}-[A-Z2-9]{5})/.exec(idaSection)![1]!;
    const published = doc.ergebnis.plaetze.filter((p) => p.kennung === idaPseudonym).map((p) => p.angebot);
    const actual = await t.deps.db.selectFrom('holiday_places').select('offer_id').where('child_id', '=', ida.id).execute();
    expect(published.sort()).toEqual(actual.map((p) => p.offer_id).sort());
    expect(doc.einheiten.find((u) => u.kennung === idaPseudonym)?.hoechstensPlaetze).toBe(1);

    // The siblings share one pseudonym; the result mail names it and links the publication.
    const siblings = await families[0]!.visitor.get('/ferien/ergebnis');
    const shared = [...siblings.body.matchAll(/Kennung in der veröffentlichten Verlosung: ([A-Z2-9]{5}-[A-Z2-9]{5})/g)].map((m) => m[1]);
    expect(shared).toHaveLength(2);
    expect(shared[0]).toBe(shared[1]);
    await t.runJobs();
    const mail = await t.deps.db.selectFrom('mail_outbox').select('text_body').where('recipient', '=', families[0]!.user.email).executeTakeFirstOrThrow();
    expect(mail.text_body).toContain(`Lea (Kennung ${shared[0]})`);
    expect(mail.text_body).toContain(`${t.deps.config.publicUrl}${url}`);
    const home = await new Visitor(() => t.app).get('/ferien');
    expect(home.body).toContain(`href="${url}"`);
  });

  it('the verifier script confirms the real file and rejects tampered ones', { timeout: 180_000 }, async () => {
    const { url } = await allocatedSeason();
    const body = (await new Visitor(() => t.app).get(url)).body;
    const doc = JSON.parse(body) as LotteryPublication;
    const dir = mkdtempSync(path.join(tmpdir(), 'verlosung-'));
    const real = path.join(dir, 'echt.json');
    writeFileSync(real, body);
    const confirmed = await run('npx', ['tsx', 'scripts/verify-holiday-lottery.ts', real], { cwd: repo });
    expect(confirmed.stdout).toContain('BESTÄTIGT');

    // A place moved to another unit: the recomputation disagrees.
    const moved = structuredClone(doc);
    const other = moved.einheiten.find((u) => u.kennung !== moved.ergebnis.plaetze[0]!.kennung)!;
    moved.ergebnis.plaetze[0]!.kennung = other.kennung;
    const tampered = path.join(dir, 'veraendert.json');
    writeFileSync(tampered, JSON.stringify(moved));
    const refused = await run('npx', ['tsx', 'scripts/verify-holiday-lottery.ts', tampered], { cwd: repo }).then(
      () => ({ code: 0, stdout: '' }),
      (error: { code: number; stdout: string }) => error,
    );
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('NICHT BESTÄTIGT');

    // Changed inputs are found as well: an offer without places, another seed, a file of another kind.
    const emptied = structuredClone(doc);
    emptied.angebote.find((o) => o.id === emptied.ergebnis.plaetze[0]!.angebot)!.plaetze = 0;
    expect(verifyPublication(emptied).ok).toBe(false);
    const seed = structuredClone(doc);
    seed.zufallswert = 'ein-anderer-wert';
    expect(verifyPublication(seed).problems).toContain('Der Zufallswert passt nicht zum vorher veröffentlichten Hash.');
    expect(verifyPublication({ format: 'etwas anderes' }).ok).toBe(false);
  });
});
