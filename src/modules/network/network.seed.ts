import { strToU8, zipSync } from 'fflate';
import type { AppDeps } from '../../platform/deps.js';
import { addDays, fromLocal, todayIn } from '../../platform/time/berlin.js';
import { documentText } from '../../platform/media/document-text.js';
import * as docs from './documents.repository.js';
import * as feed from './feed.repository.js';
import * as meetings from './meetings.repository.js';
import * as repo from './network.repository.js';

/*
 * Fictional demo data for the Bündnis-Netzwerk: partners (with the demo partner account's organisation),
 * the steering group and four working groups, real PDF and ODT files, meetings with agenda items, a date
 * poll, tasks and posts (one with the concept sketch attached).
 */

const partners: { name: string; short: string; contribution: string }[] = [
  {
    name: 'Bündnis für Familie – Lenkungsgruppe (Demo)',
    short: 'Die Geschäftsstelle des Bündnisses im Familienbüro.',
    contribution: 'Koordination, Einladungen, Protokolle.',
  },
  {
    name: 'Wohlfahrtsverband Lippeaue e. V. (Demo)',
    short: 'Beratung und Kitas in allen Stadtbezirken.',
    contribution: 'Fachwissen zu Kinderbetreuung und Familienberatung.',
  },
  {
    name: 'Gleichstellungsstelle der Stadt (Demo)',
    short: 'Für gleiche Chancen von Frauen und Männern.',
    contribution: 'Themen Vereinbarkeit und Wiedereinstieg.',
  },
  { name: 'Stadtteilzentrum Nord (Demo)', short: 'Treffpunkt für Familien im Norden der Stadt.', contribution: 'Räume für Treffen und Kontakte zu Familien.' },
  { name: 'Wirtschaftsförderung (Demo)', short: 'Ansprechpartner für Unternehmen.', contribution: 'Kontakte zu familienfreundlichen Arbeitgebern.' },
  { name: 'Jobcenter (Demo)', short: 'Unterstützung bei Arbeit und Ausbildung.', contribution: 'Wege zurück in den Beruf für Eltern.' },
  { name: 'Lippewerke GmbH (Demo)', short: 'Ein fiktives Unternehmen mit 400 Beschäftigten.', contribution: 'Betriebliche Kinderbetreuung in den Ferien.' },
];

const groups = [
  {
    slug: 'lenkungsgruppe',
    name: 'Lenkungsgruppe',
    kind: 'steering' as const,
    access: 'closed' as const,
    topic: 'Steuert das Bündnis, beschließt das Jahresprogramm und den Familientag.',
    results: 'Jahresprogramm 2027 beschlossen; Familientag im Juni geplant.',
    lead: 0,
  },
  {
    slug: 'kinderbetreuung',
    name: 'AG Kinderbetreuung',
    kind: 'working' as const,
    access: 'open' as const,
    topic: 'Mehr Plätze und flexible Betreuungszeiten für Kinder unter sechs Jahren.',
    results: 'Übersicht der Randzeitenbetreuung in allen Stadtbezirken.',
    lead: 1,
  },
  {
    slug: 'gesundheit',
    name: 'AG Gesundheit',
    kind: 'working' as const,
    access: 'open' as const,
    topic: 'Gesund aufwachsen: Bewegung, Ernährung und frühe Hilfen.',
    results: '',
    lead: 3,
  },
  {
    slug: 'mobilitaet-spielraeume',
    name: 'AG Mobilität & Spielräume',
    kind: 'working' as const,
    access: 'closed' as const,
    topic: 'Sichere Schulwege und Spielräume in jedem Stadtteil.',
    results: 'Schulwegkarte für drei Grundschulen.',
    lead: 3,
  },
  {
    slug: 'vereinbarkeit',
    name: 'AG Vereinbarkeit',
    kind: 'working' as const,
    access: 'open' as const,
    topic: 'Familie und Beruf zusammenbringen, mit den Unternehmen der Stadt.',
    results: '',
    lead: 2,
  },
];

/** A one-page PDF with these lines (Helvetica, WinAnsi: German umlauts work). */
export function demoPdf(lines: string[]): Buffer {
  const escape = (s: string) => s.replace(/[()\\]/g, (c) => `\\${c}`);
  const text = lines.map((l, i) => `BT /F1 ${i === 0 ? 16 : 11} Tf 60 ${780 - i * 22} Td (${escape(l)}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** An OpenDocument text with these paragraphs. */
export function demoOdt(paragraphs: string[]): Buffer {
  const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body><office:text>${paragraphs.map((p) => `<text:p>${xml(p)}</text:p>`).join('')}</office:text></office:body></office:document-content>`;
  const manifest = `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`;
  return Buffer.from(
    zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
      'content.xml': strToU8(content),
      'META-INF/manifest.xml': strToU8(manifest),
    }),
  );
}

/** Seeds the network once; returns false when it was there already. */
export async function seedNetworkDemo(deps: AppDeps): Promise<boolean> {
  const { db } = deps;
  if (await repo.findGroupBySlug(db, 'lenkungsgruppe')) return false;
  await db.transaction().execute(async (trx) => {
    const orgIds: string[] = [];
    for (const p of partners) {
      const existing = await trx.selectFrom('organizations').select('id').where('name', '=', p.name).executeTakeFirst();
      const org = existing ?? (await trx.insertInto('organizations').values({ name: p.name, kind: 'partner' }).returning('id').executeTakeFirstOrThrow());
      orgIds.push(org.id);
      await trx
        .insertInto('network_partners')
        .values({ organization_id: org.id, short_text: p.short, contribution: p.contribution })
        .onConflict((oc) => oc.column('organization_id').doNothing())
        .execute();
    }
    const groupIds: string[] = [];
    for (const g of groups) {
      groupIds.push(
        await repo.insertGroup(trx, {
          slug: g.slug,
          name: g.name,
          kind: g.kind,
          access: g.access,
          topic: g.topic,
          public_results: g.results,
          lead_organization_id: orgIds[g.lead] ?? null,
        }),
      );
    }
    const partner = await trx.selectFrom('users').select('id').where('email', '=', 'partner@familienrathaus.example').executeTakeFirst();
    const editor = await trx.selectFrom('users').select('id').where('email', '=', 'redaktion@familienrathaus.example').executeTakeFirst();
    const [steering, care, health] = groupIds as [string, string, string];
    if (editor) {
      for (const id of groupIds) await repo.putMembership(trx, id, editor.id, 'member', 'lead');
    }
    if (!partner || !editor) return;
    await repo.putMembership(trx, steering, partner.id, 'member', 'lead');
    await repo.putMembership(trx, care, partner.id, 'member');

    // Documents: the minutes of the last meeting (PDF) and a concept sketch (ODT).
    const minutes = await docs.insertDocument(trx, {
      group_id: steering,
      folder: 'Protokolle',
      title: 'Protokoll der Lenkungsgruppe, 4. November',
      description: 'Beschlüsse zum Jahresprogramm und zum Familientag.',
      visibility: 'partners',
      created_by: editor.id,
    });
    const minutesPdf = demoPdf([
      'Protokoll der Lenkungsgruppe',
      'Bündnis für Familie (Demo), Sitzung vom 4. November',
      'TOP 1: Jahresprogramm 2027 - beschlossen.',
      'TOP 2: Familientag im Juni - Ort: Stadtpark, Federführung AG Vereinbarkeit.',
      'TOP 3: Randzeitenbetreuung - die AG Kinderbetreuung legt eine Übersicht vor.',
      'Aufgaben: Einladung an die Unternehmen bis Ende Januar.',
    ]);
    await docs.addVersion(trx, minutes, {
      filename: 'protokoll-lenkungsgruppe-november.pdf',
      content_type: 'application/pdf',
      bytes: minutesPdf,
      note: 'Erste Fassung',
      uploaded_by: editor.id,
    });
    await docs.setDocumentText(trx, minutes, 1, documentText('application/pdf', minutesPdf));
    const concept = await docs.insertDocument(trx, {
      group_id: care,
      folder: 'Konzepte',
      title: 'Konzeptskizze Randzeitenbetreuung',
      description: 'Wie Kitas und Tagespflege früh morgens und spät abends zusammenarbeiten können.',
      visibility: 'public',
      created_by: partner.id,
    });
    const conceptOdt = demoOdt([
      'Konzeptskizze Randzeitenbetreuung',
      'Viele Eltern arbeiten im Schichtdienst. Die Randzeitenbetreuung schließt die Lücke zwischen Kita und Arbeitszeit.',
      'Vorschlag: Tagespflegepersonen betreuen Kinder ab 6 Uhr und bis 20 Uhr in Räumen der Kita.',
    ]);
    await docs.addVersion(trx, concept, {
      filename: 'konzeptskizze-randzeiten.odt',
      content_type: 'application/vnd.oasis.opendocument.text',
      bytes: conceptOdt,
      note: 'Entwurf zur Diskussion',
      uploaded_by: partner.id,
    });
    await docs.setDocumentText(trx, concept, 1, documentText('application/vnd.oasis.opendocument.text', conceptOdt));

    // Meetings: the next one ahead, the last one with minutes and action items.
    const today = todayIn();
    const next = await meetings.insertMeeting(trx, {
      group_id: steering,
      title: 'Sitzung der Lenkungsgruppe',
      starts_at: fromLocal(addDays(today, 14), '15:00'),
      ends_at: fromLocal(addDays(today, 14), '17:00'),
      place: 'Rathaus, Raum 2.14',
      video_url: null,
      agenda: '1. Begrüßung\n2. Bericht der AG Kinderbetreuung (Wohlfahrtsverband)\n3. Familientag: Stand der Planung\n4. Verschiedenes',
      created_by: editor.id,
    });
    await meetings.putRsvp(trx, next, editor.id, 'yes');
    await meetings.addAgendaItem(trx, next, { title: 'Bericht der AG Kinderbetreuung', presenter: 'Wohlfahrtsverband Lippeaue (Demo)', document_id: null });
    await meetings.addAgendaItem(trx, next, { title: 'Protokoll der letzten Sitzung', presenter: 'Familienbüro', document_id: minutes });
    const last = await meetings.insertMeeting(trx, {
      group_id: care,
      title: 'Treffen der AG Kinderbetreuung',
      starts_at: fromLocal(addDays(today, -10), '10:00'),
      ends_at: fromLocal(addDays(today, -10), '11:30'),
      place: 'Stadtteilzentrum Nord',
      video_url: 'https://video.example/ag-kinderbetreuung',
      agenda: '1. Randzeitenbetreuung\n2. Elternbefragung',
      created_by: editor.id,
    });
    await meetings.saveMinutes(trx, last, '**Beschlüsse**\n\n- Die Konzeptskizze geht an die Lenkungsgruppe.\n- Die Elternbefragung startet im Frühjahr.');
    await meetings.insertTask(trx, {
      group_id: care,
      meeting_id: last,
      title: 'Konzeptskizze an die Lenkungsgruppe schicken',
      owner_id: partner.id,
      due_on: addDays(today, 5),
    });
    await meetings.insertTask(trx, {
      group_id: care,
      meeting_id: last,
      title: 'Fragen für die Elternbefragung sammeln',
      owner_id: editor.id,
      due_on: addDays(today, 20),
    });
    await meetings.insertMeeting(trx, {
      group_id: health,
      title: 'Auftakt der AG Gesundheit',
      starts_at: fromLocal(addDays(today, 21), '16:00'),
      ends_at: fromLocal(addDays(today, 21), '17:30'),
      place: '',
      video_url: 'https://video.example/ag-gesundheit',
      agenda: '1. Kennenlernen\n2. Themen sammeln',
      created_by: editor.id,
    });

    // A date poll in the steering group: when does the workshop for the family day take place?
    const poll = await meetings.insertPoll(
      trx,
      { group_id: steering, title: 'Workshop zum Familientag', place: 'Stadtteilzentrum Nord', duration_minutes: 120, created_by: editor.id },
      [fromLocal(addDays(today, 20), '15:00'), fromLocal(addDays(today, 22), '17:00'), fromLocal(addDays(today, 27), '10:00')],
    );
    const options = await trx.selectFrom('network_poll_options').select('id').where('poll_id', '=', poll).orderBy('starts_at').execute();
    await meetings.putVote(trx, options[1]!.id, editor.id, 'yes');
    await meetings.putVote(trx, options[0]!.id, editor.id, 'maybe');

    // Posts.
    await feed.insertPost(trx, {
      group_id: steering,
      author_id: editor.id,
      body: 'Die Einladung zur nächsten Sitzung ist raus. Bitte sagen Sie kurz zu oder ab.',
    });
    const carePost = await feed.insertPost(trx, {
      group_id: care,
      author_id: partner.id,
      body: 'Die **Konzeptskizze Randzeitenbetreuung** liegt bei den Dokumenten. Rückmeldungen gern bis Freitag.',
    });
    await feed.attach(trx, carePost, concept);
    await repo.settingsFor(trx, [partner.id, editor.id], () => 'demo-key-' + Math.random().toString(36).slice(2));
  });
  return true;
}
