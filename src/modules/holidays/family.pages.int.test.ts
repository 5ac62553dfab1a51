import { describe, expect, it } from 'vitest';
import { csrfTokenOf, useTestApp, Visitor } from '../../../test/support/app.js';
import { signedInVisitor } from '../../../test/support/auth.js';
import { buildChild, buildHolidayOffer, buildHolidayOrganization, buildSeason } from '../../../test/support/holidays.js';

const t = useTestApp();

const childFields = {
  firstName: 'Mia',
  lastName: 'Muster',
  birthDate: '2018-05-04',
  needs: '',
  contactName: 'Oma Erika',
  contactPhone: '02381 123456',
  contactRelation: 'Großmutter',
};

describe('family pages', () => {
  it('shows the season, its phase and its offers to everyone', async () => {
    const org = await buildHolidayOrganization(t, 'Sportjugend Hamm e. V.');
    const season = await buildSeason(t, { name: 'Sommerferien 2027' });
    await buildHolidayOffer(t, season.id, org.id, { title: 'Zirkuswoche' });
    await buildHolidayOffer(t, season.id, org.id, { title: 'Noch nicht geprüft', status: 'submitted' });
    const res = await new Visitor(() => t.app).get('/ferien');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Sommerferien 2027');
    expect(res.body).toContain('Wünsche abgeben');
    expect(res.body).toContain('Zirkuswoche');
    expect(res.body).not.toContain('Noch nicht geprüft');
    const programme = await new Visitor(() => t.app).get('/ferien/programm');
    expect(programme.statusCode).toBe(200);
    expect(programme.body).toContain('Programmheft Sommerferien 2027');
    expect(programme.body).toContain('Sportjugend Hamm e. V.');
  });

  it('adds a child; needs are refused without explicit consent and kept with it (consent text stored)', async () => {
    const { visitor, user } = await signedInVisitor(t);
    const refused = await visitor.submit('/ferien/kinder/neu', '/ferien/kinder/neu', { ...childFields, needs: 'Nussallergie' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('ausdrückliche Einwilligung');
    expect(refused.body).toContain('Nussallergie');
    const bad = await visitor.submit('/ferien/kinder/neu', '/ferien/kinder/neu', { ...childFields, birthDate: '2018-02-30' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('„Geburtsdatum“: Diesen Tag gibt es nicht.');
    const ok = await visitor.submit('/ferien/kinder/neu', '/ferien/kinder/neu', { ...childFields, needs: 'Nussallergie', needsConsent: 'ja' });
    expect(ok.statusCode).toBe(303);
    const child = await t.deps.db.selectFrom('holiday_children').selectAll().where('parent_id', '=', user.id).executeTakeFirstOrThrow();
    expect(child.needs).toBe('Nussallergie');
    const consent = await t.deps.db
      .selectFrom('consents')
      .selectAll()
      .where('user_id', '=', user.id)
      .where('purpose', '=', 'holidays.needs')
      .executeTakeFirstOrThrow();
    expect(consent.text).toContain('Bedürfnisse');
    const list = await visitor.get('/ferien/kinder');
    expect(list.body).toContain('Mia Muster');
  });

  it('words each problem of the child form as its own sentence, in the visitor’s language', async () => {
    const { visitor } = await signedInVisitor(t);
    const empty = await visitor.submit('/ferien/kinder/neu', '/ferien/kinder/neu', { ...childFields, firstName: '', contactPhone: 'bald' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Geben Sie den Vornamen Ihres Kindes ein.');
    expect(empty.body).toContain('Geben Sie die Telefonnummer mit Ziffern ein, zum Beispiel 02381 123456');
    expect(empty.body).not.toContain('„Vorname“');
    visitor.cookies.set('frh_lang', 'tr');
    const inTurkish = await visitor.submit('/ferien/kinder/neu', '/ferien/kinder/neu', { ...childFields, lastName: '' });
    expect(inTurkish.statusCode).toBe(422);
    expect(inTurkish.body).toContain('Çocuğunuzun soyadını girin.');
  });

  it('builds a ranked wish list with refusals as field errors, a check page and a confirmation mail', async () => {
    const org = await buildHolidayOrganization(t);
    const season = await buildSeason(t, { name: 'Herbstferien 2027', max_wishes: 3 });
    const circus = await buildHolidayOffer(t, season.id, org.id, { title: 'Zirkuswoche' });
    const forest = await buildHolidayOffer(t, season.id, org.id, { title: 'Waldwoche', daily_from: 9 * 60, daily_until: 12 * 60 });
    const canoe = await buildHolidayOffer(t, season.id, org.id, {
      title: 'Kanutour',
      min_age: 13,
      max_age: 17,
      first_day: '2027-08-02',
      last_day: '2027-08-06',
    });
    const art = await buildHolidayOffer(t, season.id, org.id, { title: 'Kunstwerkstatt', first_day: '2027-07-19', last_day: '2027-07-23' });
    const { visitor, user } = await signedInVisitor(t);
    const child = await buildChild(t, user.id, { first_name: 'Ole', birth_date: '2019-03-01' });
    const form = `/ferien/wuensche/${child.id}`;

    const refused = await visitor.submit(form, form, { wish1: circus.id, wish2: forest.id, wish3: canoe.id, maxPlaces: '2' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('„Waldwoche“ überschneidet sich zeitlich mit „Zirkuswoche“.');
    expect(refused.body).toContain('Ole ist am ersten Tag von „Kanutour“ 8 Jahre alt. Das Angebot ist für 13 bis 17 Jahre.');
    expect(refused.body).toContain('href="#wish2"');

    const madeUp = await visitor.submit(form, form, { wish1: art.id, maxPlaces: '1', groupCode: 'ABCDEF-GHJKLMNP' });
    expect(madeUp.statusCode).toBe(422);
    expect(madeUp.body).toContain('Diesen Gruppencode kennen wir nicht.');
    const issued = await visitor.submit(form, `${form}/gruppe`, { wish1: art.id, maxPlaces: '2' });
    const code = /name="groupCode" type="text" value="([A-Z2-9]{6}-[A-Z2-9]{8})"/.exec(issued.body)?.[1];
    expect(code, 'a new code in the form').toBeDefined();
    expect(issued.body).toMatch(new RegExp(`<option value="${art.id}" selected`));
    const check = await visitor.submit(form, form, { wish1: art.id, wish3: circus.id, maxPlaces: '2', groupCode: code!.toLowerCase() });
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('Prüfen Sie Ihre Angaben');
    expect(check.body).toMatch(
      /<dt class="kern-description-list-item__key">Höchstzahl der Plätze<\/dt>\s*<dd class="kern-description-list-item__value">2<\/dd>/,
    );
    expect(check.body).not.toContain('Höchstens Plätze');
    expect(check.body).toContain(code!);
    expect(await t.deps.db.selectFrom('holiday_wish_lists').select('id').where('child_id', '=', child.id).execute()).toHaveLength(0);

    const sent = await visitor.submit(form, `${form}/absenden`, { wish1: art.id, wish2: circus.id, maxPlaces: '2', groupCode: code! });
    expect(sent.statusCode).toBe(303);
    const list = await t.deps.db.selectFrom('holiday_wish_lists').selectAll().where('child_id', '=', child.id).executeTakeFirstOrThrow();
    expect(list.max_places).toBe(2);
    expect(list.group_code).toBe(code);
    const wishes = await t.deps.db.selectFrom('holiday_wishes').select(['offer_id', 'rank']).where('wish_list_id', '=', list.id).orderBy('rank').execute();
    expect(wishes.map((w) => w.offer_id)).toEqual([art.id, circus.id]);
    await t.runJobs();
    const mail = await t.deps.db.selectFrom('mail_outbox').selectAll().where('recipient', '=', user.email).executeTakeFirstOrThrow();
    expect(mail.subject).toBe('Wunschliste für Ole erhalten');
    expect(mail.text_body).toContain('1. Kunstwerkstatt');

    // Changes are allowed while the wish phase lasts; afterwards the form is closed.
    const again = await visitor.get(form);
    expect(again.body).toMatch(new RegExp(`<option value="${art.id}" selected`));
    await t.deps.db.updateTable('holiday_seasons').set({ phase: 'allocation' }).where('id', '=', season.id).execute();
    const readOnly = await visitor.get(form);
    expect(readOnly.statusCode).toBe(200);
    expect(readOnly.body).toContain('Die Plätze werden gerade verlost.');
    expect(readOnly.body).toMatch(/<ol class="kern-list">\s*<li>Kunstwerkstatt[^<]*<\/li>\s*<li>Zirkuswoche/);
    expect(readOnly.body).not.toContain('<select');
    expect(readOnly.body).not.toContain('HTTP 409');
    const late = await visitor.post(`${form}/absenden`, { _csrf: csrfTokenOf(readOnly.body), wish1: circus.id, maxPlaces: '1' });
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('Ihre Änderung ist nicht gespeichert, weil die Wunschphase vorbei ist.');
    const kept = await t.deps.db.selectFrom('holiday_wishes').select('offer_id').where('wish_list_id', '=', list.id).orderBy('rank').execute();
    expect(kept.map((w) => w.offer_id)).toEqual([art.id, circus.id]);
  });

  it("offers only what fits the child's age and says which offers are left out and why", async () => {
    const org = await buildHolidayOrganization(t);
    const season = await buildSeason(t, { name: 'Osterferien 2027' });
    const circus = await buildHolidayOffer(t, season.id, org.id, { title: 'Zirkuswoche', min_age: 6, max_age: 10 });
    const canoe = await buildHolidayOffer(t, season.id, org.id, { title: 'Kanutour', min_age: 12, max_age: 16 });
    const { visitor, user } = await signedInVisitor(t);
    const child = await buildChild(t, user.id, { first_name: 'Ole', birth_date: '2019-03-01' });
    const page = await visitor.get(`/ferien/wuensche/${child.id}`);
    expect(page.statusCode).toBe(200);
    const options = [...page.body.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]);
    expect(options).toContain(circus.id);
    expect(options).not.toContain(canoe.id);
    expect(page.body).toContain('Warum fehlen Angebote? Nicht alle passen zum Alter von Ole.');
    expect(page.body).toMatch(/<details class="kern-accordion">[\s\S]*Kanutour \([^)]*12 bis 16 Jahre\)[\s\S]*<\/details>/);
  });

  it('warns on the check page and in the mail which wishes a group code leaves out', async () => {
    const org = await buildHolidayOrganization(t);
    const season = await buildSeason(t, { name: 'Pfingstferien 2027' });
    const circus = await buildHolidayOffer(t, season.id, org.id, { title: 'Zirkuswoche' });
    const art = await buildHolidayOffer(t, season.id, org.id, { title: 'Kunstwerkstatt', first_day: '2027-07-19', last_day: '2027-07-23' });
    const forest = await buildHolidayOffer(t, season.id, org.id, { title: 'Waldwoche', first_day: '2027-07-26', last_day: '2027-07-30' });
    const { visitor, user } = await signedInVisitor(t);
    const [lea, tom] = [await buildChild(t, user.id, { first_name: 'Lea' }), await buildChild(t, user.id, { first_name: 'Tom' })];
    const issued = await visitor.submit(`/ferien/wuensche/${lea.id}`, `/ferien/wuensche/${lea.id}/gruppe`, { maxPlaces: '1' });
    const code = /name="groupCode" type="text" value="([A-Z2-9]{6}-[A-Z2-9]{8})"/.exec(issued.body)![1]!;

    const alone = await visitor.submit(`/ferien/wuensche/${lea.id}`, `/ferien/wuensche/${lea.id}`, {
      wish1: circus.id,
      wish2: art.id,
      maxPlaces: '1',
      groupCode: code,
    });
    expect(alone.body).toContain('Bisher hat kein anderes Kind eine Wunschliste mit diesem Gruppencode abgegeben.');
    expect(
      (
        await visitor.submit(`/ferien/wuensche/${lea.id}`, `/ferien/wuensche/${lea.id}/absenden`, {
          wish1: circus.id,
          wish2: art.id,
          maxPlaces: '1',
          groupCode: code,
        })
      ).statusCode,
    ).toBe(303);

    const tomForm = `/ferien/wuensche/${tom.id}`;
    const check = await visitor.submit(tomForm, tomForm, { wish1: art.id, wish2: forest.id, maxPlaces: '1', groupCode: code });
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('Nicht alle Wünsche werden verlost');
    const warning = /<div class="kern-alert kern-alert--warning"[\s\S]*?<\/ul>/.exec(check.body)?.[0] ?? '';
    expect(warning).toContain('Waldwoche');
    expect(warning).not.toContain('Kunstwerkstatt');
    expect((await visitor.submit(tomForm, `${tomForm}/absenden`, { wish1: art.id, wish2: forest.id, maxPlaces: '1', groupCode: code })).statusCode).toBe(303);
    await t.runJobs();
    const mails = await t.deps.db.selectFrom('mail_outbox').select(['subject', 'text_body']).where('recipient', '=', user.email).execute();
    const tomMail = mails.find((m) => m.subject === 'Wunschliste für Tom erhalten')!;
    expect(tomMail.text_body).toContain('Diese Wünsche werden bei der Verlosung nicht berücksichtigt');
    expect(tomMail.text_body).toMatch(/berücksichtigt[^\n]*\n- Waldwoche/);
    expect(tomMail.text_body).not.toMatch(/- Kunstwerkstatt/);
    const leaMail = mails.find((m) => m.subject === 'Wunschliste für Lea erhalten')!;
    expect(leaMail.text_body).toContain('Bisher hat kein anderes Kind eine Wunschliste mit diesem Code abgegeben.');
  });

  it('speaks English when the visitor chose English, refusals included', async () => {
    const org = await buildHolidayOrganization(t);
    const season = await buildSeason(t, { name: 'Summer 2027' });
    const canoe = await buildHolidayOffer(t, season.id, org.id, { title: 'Canoe trip', min_age: 13, max_age: 17 });
    const { visitor, user } = await signedInVisitor(t);
    const child = await buildChild(t, user.id, { first_name: 'Ole', birth_date: '2019-03-01' });
    await visitor.get('/sprache/en?zurueck=/ferien');
    const home = await visitor.get('/ferien');
    expect(home.body).toContain('<html lang="en"');
    expect(home.body).toContain('How the lottery works');
    const form = `/ferien/wuensche/${child.id}`;
    const refused = await visitor.submit(form, form, { wish1: canoe.id, maxPlaces: '1' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Ole will be 8 on the first day of “Canoe trip”. The offer is for ages 13 to 17.');
  });

  it('books leftover places over HTTP: of 30 parents clicking at once exactly 5 get one, the others read why', async () => {
    const org = await buildHolidayOrganization(t);
    const season = await buildSeason(t, { phase: 'first_come' });
    const offer = await buildHolidayOffer(t, season.id, org.id, { title: 'Letzte Plätze', places: 5 });
    const page = `/ferien/angebote/${offer.id}`;
    const parents = await Promise.all(Array.from({ length: 30 }, () => signedInVisitor(t)));
    const ready = [];
    for (const { visitor, user } of parents) {
      const child = await buildChild(t, user.id);
      const form = await visitor.get(page);
      ready.push({ visitor, fields: { _csrf: csrfTokenOf(form.body), childId: child.id } });
    }
    const answers = await Promise.all(ready.map(({ visitor, fields }) => visitor.post(`${page}/buchen`, fields)));
    expect(answers.filter((a) => a.statusCode === 200 && a.body.includes('Der Platz ist gebucht.'))).toHaveLength(5);
    const refused = answers.filter((a) => a.statusCode === 409);
    expect(refused).toHaveLength(25);
    for (const r of refused) expect(r.body).toContain('Dieses Angebot ist leider schon ausgebucht.');
    const row = await t.deps.db.selectFrom('holiday_offers').select('places_taken').where('id', '=', offer.id).executeTakeFirstOrThrow();
    expect(row.places_taken).toBe(5);
  });

  it("keeps another family's child out of reach", async () => {
    const { user } = await signedInVisitor(t);
    const child = await buildChild(t, user.id);
    const { visitor: stranger } = await signedInVisitor(t);
    expect((await stranger.get(`/ferien/kinder/${child.id}/bearbeiten`)).statusCode).toBe(403);
  });
});
