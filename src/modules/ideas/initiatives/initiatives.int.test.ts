import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../../test/support/app.js';
import { signedInVisitor } from '../../../../test/support/auth.js';
import { seedIdeasDemo } from '../ideas.seed.js';
import { seedInitiativesDemo } from './initiatives.seed.js';

const t = useTestApp();
const visitor = () => new Visitor(() => t.app);
beforeAll(async () => {
  await seedIdeasDemo(t.deps);
  await seedInitiativesDemo(t.deps);
});

const csvFile = (text: string) => ({ file: { filename: 'vorhaben.csv', content: Buffer.from(text, 'utf8'), type: 'text/csv' } });
const historyCount = async () =>
  Number(
    (
      await t.deps.db
        .selectFrom('initiative_history')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('Vorhaben: the public roadmap', () => {
  it('shows the overview by status, the timeline of milestones and an initiative with its milestones and what shaped it', async () => {
    const overview = await visitor().get('/vorhaben');
    expect(overview.statusCode).toBe(200);
    expect(overview.body).toContain('Familienrathaus: alle Angebote für Familien an einem Ort');
    expect(overview.body).toContain('3 von 5 Meilensteinen erreicht');
    expect(overview.body).toContain('Zeitplan der Meilensteine');
    const filtered = await visitor().get('/vorhaben?stand=abgeschlossen');
    expect(filtered.body).toContain('Stadtweite Familienbefragung');
    expect(filtered.body).not.toContain('id="stand-preparing"');
    expect(filtered.body).toContain('id="stand-done"');

    const page = await visitor().get('/vorhaben/schattige-spielplaetze');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Tiefbau- und Grünflächenamt');
    expect(page.body).toContain('Sonnensegel an fünf Spielplätzen');
    expect(page.body).toContain('Schattenplätze am Spielplatz Kurpark');
    expect(page.body).toContain('240.000 €');
    // The idea that shaped it links back to it.
    const link = await t.deps.db
      .selectFrom('initiative_links as l')
      .innerJoin('initiatives as i', 'i.id', 'l.initiative_id')
      .select(['l.idea_id', 'i.title'])
      .where('i.slug', '=', 'schattige-spielplaetze')
      .where('l.kind', '=', 'idea')
      .executeTakeFirstOrThrow();
    const idea = await visitor().get(`/mitmachen/ideen/${link.idea_id}`);
    expect(idea.body).toContain('Was daraus wurde');
    expect(idea.body).toContain('Dieser Beitrag ist in ein Vorhaben der Stadt eingeflossen:');
    expect(idea.body).toContain('href="/vorhaben/schattige-spielplaetze"');
    expect((await visitor().get('/mitmachen/ideen')).body).not.toContain('Was daraus wurde');
    expect((await visitor().get('/vorhaben/gibt-es-nicht')).statusCode).toBe(404);
    expect((await visitor().get('/vorhaben/%3Cscript%3E')).statusCode).toBe(404);
  });

  it('are found in the site search, with their status', async () => {
    const res = await visitor().get('/suche?q=Sonnensegel');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Vorhaben für Familien');
    expect(res.body).toContain('href="/vorhaben/schattige-spielplaetze"');
    const english = await visitor().get('/suche?q=Sonnensegel&lang=en');
    expect(english.body).toContain('Initiatives for families');
  });

  it('offers the roadmap as JSON and CSV with the milestones', async () => {
    const json = await visitor().get('/vorhaben.json');
    const initiatives = json.json<{ initiatives: { slug: string; milestones: { position: number; reachedOn: string | null }[] }[] }>().initiatives;
    expect(initiatives.find((i) => i.slug === 'familienrathaus')!.milestones).toHaveLength(5);
    const csv = await visitor().get('/vorhaben.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toBe(
      '\uFEFFkennung;titel;ziel;thema;qualitaet;amt;arbeitsgruppe;stand;budget;meilenstein_nr;meilenstein;geplant;erreicht',
    );
  });
});

describe('Vorhaben: the editors’ import', () => {
  it('re-imports its own export without a change, applies a changed file, and keeps every change in the history', async () => {
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const csv = (await visitor().get('/vorhaben.csv')).body;
    const before = await historyCount();
    const same = await editor.submitMultipart('/verwaltung/vorhaben', '/verwaltung/vorhaben/import', {}, csvFile(csv));
    expect(same.statusCode).toBe(200);
    expect(same.body).toContain('Kein Vorhaben neu, keines geändert, 7 unverändert.');
    expect(await historyCount()).toBe(before);

    const changed =
      csv.replace(/;pausiert;/g, ';in-umsetzung;') +
      'neues-vorhaben;Familienpass;Ein Pass mit Rabatten für Familien.;freizeit;spuerbar;Familienbüro;;geplant;;1;Konzept;2027-01-15;\r\n';
    const applied = await editor.submitMultipart('/verwaltung/vorhaben', '/verwaltung/vorhaben/import', {}, csvFile(changed));
    expect(applied.body).toContain('1 Vorhaben neu, 1 geändert, 6 unverändert.');
    expect(await historyCount()).toBe(before + 2);
    const page = await visitor().get('/vorhaben/kita-plaetze-u3');
    expect(page.body).toContain('Geändert: Stand');
    // The same file again: nothing.
    const again = await editor.submitMultipart('/verwaltung/vorhaben', '/verwaltung/vorhaben/import', {}, csvFile(changed));
    expect(again.body).toContain('Kein Vorhaben neu, keines geändert, 8 unverändert.');
    expect(await historyCount()).toBe(before + 2);
  });

  it('changes nothing when one line is broken, and names each broken line', async () => {
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const csv = (await visitor().get('/vorhaben.csv')).body;
    const lines = csv.split('\r\n');
    lines[1] = lines[1]!.replace(/;\d{4}-\d{2}-\d{2};/, ';31.12.2026;');
    const broken = [...lines.slice(0, -1), 'kaputt;;;;;;;gibt-es-nicht;;;;;', ''].join('\r\n').replace('Familienrathaus: alle', 'Familienrathaus: ALLE');
    const res = await editor.submitMultipart('/verwaltung/vorhaben', '/verwaltung/vorhaben/import', {}, csvFile(broken));
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Zeile 2: Das Datum „31.12.2026“ hat nicht die Form JJJJ-MM-TT.');
    expect(res.body).toContain('Zeile');
    expect(res.body).toContain('Den Stand „gibt-es-nicht“ gibt es nicht.');
    const title = await t.deps.db.selectFrom('initiatives').select('title').where('slug', '=', 'familienrathaus').executeTakeFirstOrThrow();
    expect(title.title).toBe('Familienrathaus: alle Angebote für Familien an einem Ort');
    const noFile = await editor.submitMultipart('/verwaltung/vorhaben', '/verwaltung/vorhaben/import', {});
    expect(noFile.statusCode).toBe(422);
    expect(noFile.body).toContain('Wählen Sie eine CSV-Datei aus.');
  });

  it('keeps the import to editors', async () => {
    const { visitor: family } = await signedInVisitor(t);
    expect((await family.get('/verwaltung/vorhaben')).statusCode).toBe(403);
    expect((await visitor().get('/verwaltung/vorhaben')).statusCode).toBe(401);
  });
});

describe('Vorhaben: news to followers', () => {
  it('mails each follower once, in their language, with a one-click unsubscribe', async () => {
    const { visitor: follower, user } = await signedInVisitor(t);
    await t.deps.db.updateTable('users').set({ locale: 'en' }).where('id', '=', user.id).execute();
    expect((await follower.submit('/vorhaben/familienbeirat', '/vorhaben/familienbeirat/folgen', {})).statusCode).toBe(303);
    expect((await follower.get('/vorhaben/familienbeirat')).body).toContain('Sie bekommen jede Neuigkeit');
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const missing = await editor.submit('/verwaltung/vorhaben', '/verwaltung/vorhaben/neuigkeit', { initiative: 'familienbeirat', title: '', body: '' });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('Geben Sie eine Überschrift ein.');
    const res = await editor.submit('/verwaltung/vorhaben', '/verwaltung/vorhaben/neuigkeit', {
      initiative: 'familienbeirat',
      title: 'Erste Sitzung',
      body: 'Der Familienbeirat hat zum ersten Mal getagt.',
    });
    expect(res.statusCode).toBe(303);
    await t.runJobs();
    const mails = await t.deps.db.selectFrom('mail_outbox').selectAll().where('recipient', '=', user.email).execute();
    expect(mails.map((m) => m.subject)).toEqual(['News about the initiative: Familienbeirat']);
    expect((await visitor().get('/vorhaben/familienbeirat')).body).toContain('Der Familienbeirat hat zum ersten Mal getagt.');
    const link = /\/vorhaben\/abbestellen\?token=(\S+)/.exec(mails[0]!.text_body)!;
    const click = await t.app.inject({
      method: 'POST',
      url: `/vorhaben/abbestellen/ein-klick?token=${link[1]}`,
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(click.statusCode).toBe(200);
    expect((await follower.get('/vorhaben/familienbeirat')).body).not.toContain('Sie bekommen jede Neuigkeit');
    expect((await t.app.inject({ method: 'POST', url: '/vorhaben/abbestellen/ein-klick?token=kaputt', payload: '' })).statusCode).toBe(400);
  });

  it('offers an update to the news list and the newest Infobrief draft in one click', async () => {
    const { visitor: editor, user } = await signedInVisitor(t, 'editor');
    const post = (title: string) =>
      editor.submit('/verwaltung/vorhaben', '/verwaltung/vorhaben/neuigkeit', {
        initiative: 'schattige-spielplaetze',
        title,
        body: 'Die ersten Sonnensegel hängen: am Spielplatz im Kurpark und an der Ostenallee.',
        alsNeuigkeit: 'ja',
      });
    // No draft yet: the news is published and the notice says where it will turn up.
    const first = await post('Die ersten Sonnensegel hängen');
    expect(first.headers.location).toBe('/verwaltung/vorhaben?gespeichert=neuigkeit');
    expect((await editor.get(first.headers.location!)).body).toContain('Es gibt gerade keinen Entwurf des Familieninfobriefs');
    const news = await visitor().get('/neuigkeiten');
    expect(news.body).toContain('Die ersten Sonnensegel hängen');

    const draft = await t.deps.db
      .insertInto('newsletter_issues')
      .values({
        subject: 'Familieninfobrief Sommer',
        composition: JSON.stringify({ newsIds: [], events: null, holidayNotice: '', sections: [] }),
        created_by: user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const second = await post('Sonnensegel Nummer drei');
    expect(second.headers.location).toBe('/verwaltung/vorhaben?gespeichert=infobrief');
    const added = await t.deps.db.selectFrom('news_posts').select(['id', 'body']).where('title', '=', 'Sonnensegel Nummer drei').executeTakeFirstOrThrow();
    expect(added.body).toContain('Mehr zum Vorhaben „Schattige Spielplätze“');
    const issue = await t.deps.db.selectFrom('newsletter_issues').select('composition').where('id', '=', draft.id).executeTakeFirstOrThrow();
    expect((issue.composition as { newsIds: string[] }).newsIds).toEqual([added.id]);
    const preview = await editor.get(`/verwaltung/infobrief/${draft.id}/vorschau`);
    expect(preview.body).toContain('Sonnensegel Nummer drei');
    // Without the tick, the update stays on the initiative's page only.
    await editor.submit('/verwaltung/vorhaben', '/verwaltung/vorhaben/neuigkeit', {
      initiative: 'schattige-spielplaetze',
      title: 'Nur für Folgende',
      body: 'Kurz notiert.',
    });
    expect((await visitor().get('/neuigkeiten')).body).not.toContain('Nur für Folgende');
  });

  it('lets someone without an account follow by mail after confirming, once per news, until one click stops it', async () => {
    const address = 'ohne.konto@example.org';
    const mails = async () => {
      await t.runJobs();
      return t.deps.db.selectFrom('mail_outbox').selectAll().where('recipient', '=', address).orderBy('created_at').execute();
    };
    const linkIn = (text: string, path: string) => {
      const match = new RegExp(`https?://\\S+${path.replace(/\//g, '\\/')}\\S*`).exec(text);
      if (!match) throw new Error(`no link to ${path} in:\n${text}`);
      return new URL(match[0]).pathname + new URL(match[0]).search;
    };
    const v = visitor();
    const page = await v.get('/vorhaben/sichere-schulwege');
    expect(page.body).toContain('Ihre E-Mail-Adresse');
    const bad = await v.submit('/vorhaben/sichere-schulwege', '/vorhaben/sichere-schulwege/folgen', { email: 'kein-at-zeichen' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Geben Sie eine E-Mail-Adresse ein, zum Beispiel name@example.org.');
    expect(bad.body).toContain('value="kein-at-zeichen"');

    const asked = await v.submit('/vorhaben/sichere-schulwege', '/vorhaben/sichere-schulwege/folgen', { email: 'Ohne.Konto@example.org' });
    expect(asked.headers.location).toBe('/vorhaben/sichere-schulwege?hinweis=folgen');
    expect((await v.get(asked.headers.location!)).body).toContain('Fast geschafft');
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const post = (title: string) =>
      editor.submit('/verwaltung/vorhaben', '/verwaltung/vorhaben/neuigkeit', {
        initiative: 'sichere-schulwege',
        title,
        body: 'Neue Schilder an drei Schulen.',
      });
    // Not confirmed yet: no news for this address.
    await post('Vor der Bestätigung');
    const [confirmation, ...rest] = await mails();
    expect(rest).toEqual([]);
    expect(confirmation!.subject).toBe('Bitte bestätigen Sie: Neuigkeiten zum Vorhaben „Sichere Schulwege“');
    const link = linkIn(confirmation!.text_body, '/vorhaben/folgen/bestaetigen');
    expect((await v.get(link.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a')))).statusCode).toBe(400);
    const confirmed = await v.get(link);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain('Sie bekommen ab jetzt jede Neuigkeit zum Vorhaben „Sichere Schulwege“ per E-Mail.');
    // A second request for the same address sends no second confirmation.
    await v.submit('/vorhaben/sichere-schulwege', '/vorhaben/sichere-schulwege/folgen', { email: address });
    await post('Neue Schilder');
    const after = await mails();
    expect(after.map((m) => m.subject)).toEqual([confirmation!.subject, 'Neues zum Vorhaben: Sichere Schulwege']);
    const unsubscribe =
      /\/vorhaben\/abbestellen\/ein-klick\?token=(\S+)/.exec(after[1]!.text_body) ?? /\/vorhaben\/abbestellen\?token=(\S+)/.exec(after[1]!.text_body);
    const click = await t.app.inject({
      method: 'POST',
      url: `/vorhaben/abbestellen/ein-klick?token=${unsubscribe![1]}`,
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(click.statusCode).toBe(200);
    await post('Nach der Abmeldung');
    expect((await mails()).length).toBe(2);
  });
});

describe('Vorhaben: the editors’ form for one initiative', () => {
  it('shows the demo initiatives’ working groups as groups of the network', async () => {
    const page = await visitor().get('/vorhaben/kita-plaetze-u3');
    expect(page.body).toContain('href="/netzwerk/gruppen/kinderbetreuung"');
    expect(page.body).toContain('AG Kinderbetreuung');
    const open = (await visitor().get('/vorhaben.json')).json<{ initiatives: { slug: string; networkGroup: { name: string } | null }[] }>();
    expect(open.initiatives.find((i) => i.slug === 'kita-plaetze-u3')?.networkGroup?.name).toBe('AG Kinderbetreuung');
  });

  it('creates an initiative with the import’s rules: 422 with a summary and the values kept, then a history entry', async () => {
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    expect((await (await signedInVisitor(t, 'family')).visitor.get('/verwaltung/vorhaben/neu')).statusCode).toBe(403);
    const form = await editor.get('/verwaltung/vorhaben/neu');
    expect(form.statusCode).toBe(200);
    const bad = await editor.submit('/verwaltung/vorhaben/neu', '/verwaltung/vorhaben/neu', {
      kennung: 'Familien Zentrum',
      titel: 'Familienzentrum im Norden',
      ziel: '',
      thema: 'beratung',
      amt: 'Jugendamt',
      stand: 'geplant',
      zeilen: '3',
      'm1-titel': 'Standort gefunden',
      'm1-geplant': '31.02.2027',
      'm2-geplant': '01.03.2027',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Fehler:');
    expect(bad.body).toContain('Die Kennung darf nur Kleinbuchstaben');
    expect(bad.body).toContain('Füllen Sie das Feld „Ziel“ aus.');
    expect(bad.body).toContain('Geben Sie das Datum als TT.MM.JJJJ ein');
    expect(bad.body).toContain('Geben Sie dem Meilenstein 2 einen Namen');
    expect(bad.body).toContain('value="Familienzentrum im Norden"');
    const taken = await editor.submit('/verwaltung/vorhaben/neu', '/verwaltung/vorhaben/neu', {
      kennung: 'familienrathaus',
      titel: 'Noch eins',
      ziel: 'Ziel',
      thema: 'beratung',
      amt: 'Amt',
      stand: 'geplant',
    });
    expect(taken.statusCode).toBe(422);
    expect(taken.body).toContain('Diese Kennung hat schon ein anderes Vorhaben.');

    const before = await historyCount();
    const created = await editor.submit('/verwaltung/vorhaben/neu', '/verwaltung/vorhaben/neu', {
      kennung: 'familienzentrum-nord',
      titel: 'Familienzentrum im Norden',
      ziel: 'Ein Ort für Familien in Bockum-Hövel.',
      thema: 'beratung',
      'qualitaet-spuerbar': 'ja',
      amt: 'Jugendamt',
      stand: 'geplant',
      zeilen: '3',
      'm1-titel': 'Standort gefunden',
      'm1-geplant': '01.03.2027',
    });
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toBe('/vorhaben/familienzentrum-nord?hinweis=gespeichert');
    expect(await historyCount()).toBe(before + 1);
    const page = await visitor().get('/vorhaben/familienzentrum-nord');
    expect(page.body).toContain('Standort gefunden');
    expect(page.body).toContain('0 von 1 Meilensteinen erreicht');
    expect((await visitor().get('/vorhaben/familienzentrum-nord?hinweis=gespeichert')).body).toContain('Das Vorhaben ist gespeichert.');
  });

  it('changes fields, links a network group, reaches and adds milestones; saving again changes nothing', async () => {
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const path = '/verwaltung/vorhaben/familienzentrum-nord/bearbeiten';
    const form = await editor.get(path);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="01.03.2027"');
    const group = await t.deps.db.selectFrom('network_groups').select(['id', 'slug', 'name']).where('access', '!=', 'private').executeTakeFirstOrThrow();
    expect(form.body).toContain(`<option value="${group.id}"`);
    const before = await historyCount();
    const values = {
      titel: 'Familienzentrum im Norden',
      ziel: 'Ein Ort für Familien in Bockum-Hövel.',
      thema: 'beratung',
      'qualitaet-spuerbar': 'ja',
      amt: 'Jugendamt',
      stand: 'in-umsetzung',
      netzwerkgruppe: group.id,
      zeilen: '3',
      'm1-titel': 'Standort gefunden',
      'm1-geplant': '01.03.2027',
      'm1-erreicht': '10.03.2027',
      'm2-titel': 'Eröffnung',
      'm2-geplant': '01.09.2028',
    };
    expect((await editor.submit(path, path, values)).statusCode).toBe(303);
    expect(await historyCount()).toBe(before + 1);
    const page = await visitor().get('/vorhaben/familienzentrum-nord');
    expect(page.body).toContain('1 von 2 Meilensteinen erreicht');
    expect(page.body).toContain(`href="/netzwerk/gruppen/${group.slug}"`);
    // The same form again: no new history entry, and it says so.
    const again = await editor.submit(path, path, values);
    expect(again.headers.location).toBe('/vorhaben/familienzentrum-nord?hinweis=unveraendert');
    expect(await historyCount()).toBe(before + 1);
    // A tampered group id is refused at the field, nothing written.
    const bogus = await editor.submit(path, path, { ...values, netzwerkgruppe: '00000000-0000-4000-8000-000000000000' });
    expect(bogus.statusCode).toBe(422);
    expect(bogus.body).toContain('Diese Gruppe gibt es im Netzwerk nicht');
    expect((await editor.get('/verwaltung/vorhaben/gibt-es-nicht/bearbeiten')).statusCode).toBe(404);
    // The CSV round trip keeps the link (the CSV does not carry it) and changes nothing.
    const csv = (await visitor().get('/vorhaben.csv')).body;
    const imported = await editor.submitMultipart('/verwaltung/vorhaben', '/verwaltung/vorhaben/import', {}, csvFile(csv));
    expect(imported.statusCode).toBe(200);
    expect(await historyCount()).toBe(before + 1);
    expect((await visitor().get('/vorhaben/familienzentrum-nord')).body).toContain(`href="/netzwerk/gruppen/${group.slug}"`);
  });
});
