import { sql } from 'kysely';
import type { AppDeps } from '../../platform/deps.js';
import { digestOf } from '../../platform/translations/translatable.js';
import type { IssueContent } from './issue-content.js';
import { newsTranslatable } from './news.translations.js';

const day = 86_400_000;

/** Fictional news posts of the demo city (no real people, no real offers). */
const demoPosts = [
  {
    title: 'Neues Familienzentrum in Heessen öffnet im Frühjahr (Demo)',
    teaser: 'Eltern-Café, Beratung und Krabbelgruppen unter einem Dach: Das Familienzentrum Am Kanal öffnet im März.',
    body: '## Was es dort gibt\n\n- ein offenes Eltern-Café an drei Vormittagen\n- Erziehungs- und Familienberatung\n- Krabbel- und Spielgruppen\n\nMehr über Angebote für Familien finden Sie unter [Angebote](/angebote).',
    topics: ['beratung', 'kita-schule'],
    ageDays: 3,
  },
  {
    title: 'Anmeldung für die Ferienbetreuung im Sommer beginnt (Demo)',
    teaser: 'Ab dem 1. März können Sie Ihr Kind für die Ferienbetreuung anmelden. Die Plätze werden fair verlost.',
    body: '## So geht es\n\nSie wählen bis zu drei Wunsch-Angebote. Nach dem Anmeldeschluss verlosen wir die Plätze.\n\nDie Angebote finden Sie unter [Ferien](/ferien).',
    topics: ['ferien'],
    ageDays: 10,
  },
  {
    title: 'Bundesfamilienministerium: mehr Geld für Familien mit kleinem Einkommen (Demo)',
    teaser: 'Der Kinderzuschlag steigt. Prüfen Sie, ob Ihre Familie Anspruch hat.',
    body: 'Der Kinderzuschlag unterstützt Familien mit kleinem Einkommen. **Beratung** dazu gibt es im Familienbüro.',
    topics: ['geld'],
    ageDays: 21,
  },
  {
    title: 'Kinderärztlicher Notdienst an den Feiertagen (Demo)',
    teaser: 'Über die Feiertage hilft der kinderärztliche Notdienst. Die Nummer 116 117 ist rund um die Uhr erreichbar.',
    body: 'Bei Lebensgefahr wählen Sie immer die **112**.',
    topics: ['gesundheit'],
    ageDays: 35,
  },
];

/** The emergency notice in three languages of Hamm's families, to show translated content (platform/translations). */
const demoTranslations: Record<string, { title: string; teaser: string; body: string }> = {
  tr: {
    title: 'Resmî tatillerde çocuk doktoru nöbet hizmeti (Demo)',
    teaser: 'Resmî tatillerde çocuk doktoru nöbet hizmeti yardımcı olur. 116 117 numarasına günün her saatinde ulaşabilirsiniz.',
    body: 'Hayati tehlike durumunda her zaman **112**’yi arayın.',
  },
  ar: {
    title: 'خدمة طوارئ طب الأطفال في أيام العطل الرسمية (Demo)',
    teaser: 'خلال أيام العطل الرسمية تساعدكم خدمة طوارئ طب الأطفال. يمكنكم الاتصال بالرقم 116 117 على مدار الساعة.',
    body: 'في حالة الخطر على الحياة اتصلوا دائمًا بالرقم **112**.',
  },
  uk: {
    title: 'Чергова дитяча лікарська служба у святкові дні (Demo)',
    teaser: 'У святкові дні допомагає чергова дитяча лікарська служба. Номер 116 117 доступний цілодобово.',
    body: 'У разі загрози життю завжди телефонуйте на **112**.',
  },
};

/** Loads demo news and one sent issue in the archive once; returns false when it was there already. */
export async function seedNewsletterDemo({ db, config }: AppDeps): Promise<boolean> {
  const any = await db.selectFrom('news_posts').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  const now = Date.now();
  const posts = await db
    .insertInto('news_posts')
    .values(
      demoPosts.map((p) => ({
        title: p.title,
        teaser: p.teaser,
        body: p.body,
        topics: p.topics,
        published_at: new Date(now - p.ageDays * day),
        search_vector: sql`setweight(to_tsvector('german', ${p.title}), 'A') || setweight(to_tsvector('german', ${p.teaser}), 'B') || setweight(to_tsvector('german', ${p.body}), 'C')`,
      })),
    )
    .returning(['id', 'title', 'teaser'])
    .execute();
  const notice = demoPosts[3]!;
  const noticeId = posts.find((p) => p.title === notice.title)!.id;
  await db
    .insertInto('content_translations')
    .values(
      Object.entries(demoTranslations).flatMap(([locale, texts]) =>
        (['title', 'teaser', 'body'] as const).map((field) => ({
          kind: newsTranslatable.kind,
          entity_id: noticeId,
          locale,
          field,
          state: 'published' as const,
          text: texts[field],
          source_digest: digestOf(notice[field]),
        })),
      ),
    )
    .execute();
  const frozen: IssueContent = {
    subject: 'Familieninfobrief Herbst (Demo)',
    intro: 'Liebe Familien,\n\nhier ist das Wichtigste aus den letzten Wochen.',
    news: posts.slice(2).map((p) => ({ title: p.title, teaser: p.teaser, url: `${config.publicUrl}/neuigkeiten/${p.id}` })),
    events: [],
    eventsRange: null,
    holidayNotice: 'Die Anmeldung für die Herbstferien ist geschlossen. Restplätze vergibt das Familienbüro.',
    sections: [{ heading: 'Familienbüro', body: 'Das Familienbüro ist montags bis freitags von 9 bis 13 Uhr für Sie da.' }],
  };
  const sentAt = new Date(now - 20 * day);
  await db
    .insertInto('newsletter_issues')
    .values({
      subject: frozen.subject,
      intro: frozen.intro,
      composition: JSON.stringify({ newsIds: posts.slice(2).map((p) => p.id), events: null, holidayNotice: frozen.holidayNotice, sections: frozen.sections }),
      frozen: JSON.stringify(frozen),
      status: 'sent',
      started_at: sentAt,
      finished_at: sentAt,
    })
    .execute();
  return true;
}
