import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { buildSurvey } from '../../../test/support/survey.js';
import { answerPage, begin, submit } from '../../../test/support/survey-respond.js';
import type { SurveyDefinition } from './survey.definition.js';

const t = useTestApp();

/** The demo survey's childcare page in small: two follow-ups under "Kita?" on the same page. */
const definition: SurveyDefinition = {
  title: { de: 'Betreuung in Hamm' },
  intro: { de: 'Eine kurze Befragung.' },
  pages: [
    {
      id: 'betreuung',
      title: { de: 'Betreuung' },
      questions: [
        { id: 'kita', type: 'yesno', text: { de: 'Besucht ein Kind eine Kita oder Kindertagespflege?' }, required: true },
        {
          id: 'kitazufrieden',
          type: 'rating5',
          text: { de: 'Wie zufrieden sind Sie mit der Kita-Betreuung?' },
          required: true,
          showIf: { question: 'kita', values: ['ja'] },
        },
        {
          id: 'kitaplatz',
          type: 'single',
          text: { de: 'Wie lange haben Sie auf den Kita-Platz gewartet?' },
          required: false,
          showIf: { question: 'kita', values: ['ja'] },
          options: [
            { value: 'sofort', text: { de: 'Gar nicht' } },
            { value: '6m', text: { de: 'Bis zu 6 Monate' } },
          ],
        },
        { id: 'ogs', type: 'yesno', text: { de: 'Nutzen Sie eine Offene Ganztagsschule?' }, required: false },
      ],
    },
    { id: 'freizeit', title: { de: 'Freizeit' }, questions: [{ id: 'bad', type: 'yesno', text: { de: 'Gehen Sie ins Schwimmbad?' }, required: false }] },
  ],
};

/** The follow-up questions the page marks as shown (what a browser sends: disabled markers are left out). */
function shownOn(html: string): string[] {
  return [...html.matchAll(/<input type="hidden" name="gezeigt" value="([^"]+)"(\s+disabled)?/g)].filter((m) => !m[2]).map((m) => m[1]!);
}

const responseOf = (surveyId: string) => t.deps.db.selectFrom('survey_responses').select('answers').where('survey_id', '=', surveyId).executeTakeFirstOrThrow();

describe('follow-up questions on the same page', () => {
  it('without JavaScript, "Ja" and "Weiter" shows the page again with the follow-ups (200, no error) and moves on only after they were offered', async () => {
    const s = await buildSurvey(t, { definition });
    const { v } = await begin(t, s.slug);
    const page = `/mitmachen/befragung/${s.slug}/seite/1`;
    const first = await v.get(page);
    // In the page for the script, but hidden and not marked as shown.
    expect(first.body).toMatch(/id="frage-kitazufrieden"[^>]*\shidden/);
    expect(shownOn(first.body)).toEqual([]);

    const again = await answerPage(t, v, s.slug, 1, { a_kita: 'ja', a_ogs: 'nein', aktion: 'weiter' });
    expect(again.statusCode).toBe(200);
    expect(again.body).not.toContain('<title>Fehler: ');
    expect(again.body).toContain('Weitere Fragen zu Ihrer Antwort');
    expect(again.body).toContain('href="#frage-kitazufrieden"');
    expect(again.body).toContain('Wie lange haben Sie auf den Kita-Platz gewartet?');
    expect(again.body).not.toMatch(/id="frage-kitazufrieden"[^>]*\shidden/);
    expect(again.body).toMatch(/name="a_kita" value="ja"\s+checked/);
    expect(again.body).toMatch(/name="a_ogs" value="nein"\s+checked/);
    expect(shownOn(again.body)).toEqual(['kitazufrieden', 'kitaplatz']);
    // Kept in the draft: opening the page again shows the follow-ups with the answer.
    expect(shownOn((await v.get(page)).body)).toEqual(['kitazufrieden', 'kitaplatz']);

    // Now offered, a required follow-up left empty is an error like any other.
    const missing = await answerPage(t, v, s.slug, 1, { a_kita: 'ja', gezeigt: shownOn(again.body), aktion: 'weiter' });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('href="#a_kitazufrieden"');

    const done = await answerPage(t, v, s.slug, 1, {
      a_kita: 'ja',
      a_kitazufrieden: '4',
      a_kitaplatz: '6m',
      a_ogs: 'nein',
      gezeigt: shownOn(again.body),
      aktion: 'weiter',
    });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/mitmachen/befragung/${s.slug}/seite/2`);
    await answerPage(t, v, s.slug, 2, { a_bad: 'ja', aktion: 'weiter' });
    expect((await submit(v, s.slug)).response.statusCode).toBe(303);
    expect((await responseOf(s.id)).answers).toEqual({ kita: 'ja', kitazufrieden: '4', kitaplatz: '6m', ogs: 'nein', bad: 'ja' });
  });

  it('with JavaScript the revealed follow-ups are answered in one go; "Nein" hides them and drops their answers', async () => {
    const s = await buildSurvey(t, { definition });
    const { v } = await begin(t, s.slug);
    // The script enables a follow-up's marker when it shows it.
    const next = await answerPage(t, v, s.slug, 1, { a_kita: 'ja', a_kitazufrieden: '2', gezeigt: ['kitazufrieden', 'kitaplatz'], aktion: 'weiter' });
    expect(next.headers.location).toBe(`/mitmachen/befragung/${s.slug}/seite/2`);

    // Back on page 1, "Nein": nothing new opens, so the survey moves on; the hidden answer is not kept.
    const changed = await answerPage(t, v, s.slug, 1, { a_kita: 'nein', a_kitazufrieden: '2', aktion: 'weiter' });
    expect(changed.headers.location).toBe(`/mitmachen/befragung/${s.slug}/seite/2`);
    await answerPage(t, v, s.slug, 2, { aktion: 'weiter' });
    expect((await submit(v, s.slug)).response.statusCode).toBe(303);
    expect((await responseOf(s.id)).answers).toEqual({ kita: 'nein' });
  });

  it('"Zurück" and "Später fortsetzen" never hold the respondent on the page', async () => {
    const s = await buildSurvey(t, { definition });
    const { v } = await begin(t, s.slug);
    const later = await answerPage(t, v, s.slug, 1, { a_kita: 'ja', aktion: 'spaeter' });
    expect(later.headers.location).toBe(`/mitmachen/befragung/${s.slug}/spaeter`);
    // The answer was kept: the page now shows the follow-ups.
    expect(shownOn((await v.get(`/mitmachen/befragung/${s.slug}/seite/1`)).body)).toEqual(['kitazufrieden', 'kitaplatz']);
  });
});
