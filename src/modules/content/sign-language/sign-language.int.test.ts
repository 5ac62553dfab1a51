import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { csrfTokenOf, useTestApp, Visitor, type FormFile } from '../../../../test/support/app.js';
import { signedInVisitor } from '../../../../test/support/auth.js';
import { testPng } from '../../../../test/support/images.js';
import { testCaptions, testMp4, testWebm } from '../../../../test/support/videos.js';
import { maxVideoBytes } from '../../../platform/media/videos.js';
import { seedContentPages } from '../index.js';
import { seedSignLanguageVideos } from './sign-language.seed.js';

const t = useTestApp();
const visitor = () => new Visitor(() => t.app);
const placeholderVideo = readFileSync(new URL('../seed/media/gebaerdensprache-platzhalter.mp4', import.meta.url));

const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
const videoSources = (html: string) =>
  [...html.matchAll(/<source src="(\/medien\/videos\/[0-9a-f-]+)" type="([^"]+)"/g)].map((m) => ({ src: m[1]!, type: m[2]! }));
const trackOf = (html: string) => /<track [^>]*>/.exec(html)?.[0] ?? '';
const mediaIds = async () => (await t.deps.db.selectFrom('media_videos').select('id').execute()).map((r) => r.id).sort();
const auditActions = async (topic: string) =>
  (
    await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_type', '=', 'sign_language_video')
      .where('subject_id', '=', topic)
      .orderBy('id')
      .execute()
  ).map((r) => r.action);

const mp4 = (bytes = testMp4(), filename = 'video.mp4'): FormFile => ({ filename, content: bytes, type: 'video/mp4' });
const vtt = (bytes = testCaptions(), filename = 'untertitel.vtt'): FormFile => ({ filename, content: bytes, type: 'text/vtt' });
const none: FormFile = { filename: '', content: Buffer.alloc(0) };

/** Sends the upload form of a topic the way a browser does. */
async function upload(v: Visitor, topic: string, fields: { title?: string; transcript?: string }, files: { video?: FormFile; captions?: FormFile }) {
  const url = `/verwaltung/gebaerdensprache/${topic}`;
  return v.submitMultipart(
    url,
    url,
    { title: 'Das Familienrathaus', transcript: 'Hier zeigen wir **alles**.', ...fields },
    { video: none, captions: none, ...files },
  );
}

beforeAll(async () => {
  await seedContentPages(t.deps.db, t.deps.city);
});

describe('the sign-language page', () => {
  it('shows the demo videos for the three required topics, each with captions, text version and downloads', async () => {
    expect(await seedSignLanguageVideos(t.deps.db)).toBe(3);
    expect(await seedSignLanguageVideos(t.deps.db)).toBe(0);

    const res = await visitor().get('/gebaerdensprache');
    expect(res.statusCode).toBe(200);
    const sources = videoSources(res.body);
    expect(sources).toHaveLength(3);
    expect(sources.every((s) => s.type === 'video/mp4')).toBe(true);
    expect(res.body).toContain('<video class="sign-video" controls preload="metadata">');
    expect(trackOf(res.body)).toMatch(
      /^<track kind="captions" srclang="de" label="Deutsch" default="" src="\/medien\/videos\/[0-9a-f-]+\/untertitel\.vtt"\/?>$/,
    );
    for (const title of [
      'Platzhalter: Das Familienrathaus in Gebärdensprache',
      'Platzhalter: So bedienen Sie das Familienrathaus',
      'Platzhalter: Die Erklärung zur Barrierefreiheit in Gebärdensprache',
    ]) {
      expect(res.body).toContain(`lang="de">${title}</h2>`);
    }
    expect(res.body).toContain('<mark class="placeholder">Platzhalter: Hier zeigt die Stadt ein Video in Deutscher Gebärdensprache.</mark>');
    expect(res.body).toContain('Der Inhalt des Videos als Text');
    expect(res.body).toContain(`href="${sources[0]!.src}" download="gebaerdensprache-inhalt.mp4"`);
    expect(res.body).toContain('Video herunterladen (MP4, 13 kB)');
    // The videos come before the editors' text about them.
    expect(res.body.indexOf('<video')).toBeLessThan(res.body.indexOf('Über die Videos'));

    const video = await visitor().get(sources[0]!.src);
    expect(video.rawPayload.equals(placeholderVideo)).toBe(true);
    const captions = await visitor().get(/src="([^"]+untertitel\.vtt)"/.exec(res.body)![1]!);
    expect(captions.headers['content-type']).toBe('text/vtt; charset=utf-8');
    expect(captions.body).toMatch(/^WEBVTT\n/);
    expect(captions.body).toContain('Platzhalter: Hier zeigt die Stadt ein Video');
  });

  it('serves the video from the portal with range requests, so the player can seek', async () => {
    const [first] = videoSources((await visitor().get('/gebaerdensprache')).body);
    const res = await visitor().get(first!.src, { range: 'bytes=100-199' });
    expect(res.statusCode).toBe(206);
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.headers['content-range']).toBe(`bytes 100-199/${placeholderVideo.length}`);
    expect(res.rawPayload.equals(placeholderVideo.subarray(100, 200))).toBe(true);
  });

  it('says which topics still lack a video', async () => {
    await t.deps.db.deleteFrom('sign_language_videos').where('topic', '=', 'bedienung').execute();
    const res = await visitor().get('/gebaerdensprache');
    expect(videoSources(res.body)).toHaveLength(2);
    expect(res.body).toContain('>Bedienung der Website</h2>');
    expect(res.body).toContain('Das Video zu diesem Thema folgt bald.');
  });
});

describe('managing the videos', () => {
  it('lists every topic for editors, with the way to upload, replace or delete', async () => {
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const res = await editor.get('/verwaltung/gebaerdensprache');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h2 class="kern-heading-medium" id="thema-inhalt">Inhalt der Website</h2>');
    expect(res.body).toContain('Video: MP4, 13 kB.');
    expect(res.body).toContain('href="/verwaltung/gebaerdensprache/inhalt/loeschen"');
    expect(res.body).toMatch(/Zu diesem Thema gibt es noch kein Video\.[\s\S]*href="\/verwaltung\/gebaerdensprache\/bedienung">Video hochladen/);
    expect((await editor.get('/verwaltung')).body).toContain('href="/verwaltung/gebaerdensprache"');

    const form = await editor.get('/verwaltung/gebaerdensprache/bedienung');
    expect(form.body).toContain('<form method="post" action="/verwaltung/gebaerdensprache/bedienung" enctype="multipart/form-data" novalidate>');
    expect(form.body).toMatch(
      /<input class="kern-form-input__input" id="video" name="video" type="file" accept="video\/mp4,video\/webm,.mp4,.webm" required aria-describedby="video-hint"\/?>/,
    );
    expect(form.body).toContain('MP4 oder WebM, höchstens 50 MB.');
    expect(form.body).toContain('type="file" accept=".vtt,text/vtt"');
  });

  it('accepts a video by its bytes, whatever its name and declared type, and shows it', async () => {
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const webm: FormFile = { filename: 'aufnahme.mov', content: testWebm(), type: 'application/octet-stream' };
    const res = await upload(editor, 'bedienung', { title: 'So bedienen Sie die Website' }, { video: webm, captions: vtt() });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/verwaltung/gebaerdensprache?gespeichert=bedienung');
    expect((await editor.get(res.headers.location as string)).body).toContain('Gespeichert: Das Video zum Thema „Bedienung der Website“');

    const page = await visitor().get('/gebaerdensprache');
    expect(page.body).toContain('lang="de">So bedienen Sie die Website</h2>');
    expect(videoSources(page.body).map((s) => s.type)).toContain('video/webm');
    expect(page.body).toContain('Hier zeigen wir <strong>alles</strong>.');
    expect(page.body).toContain('download="gebaerdensprache-bedienung.webm"');
    expect(await auditActions('bedienung')).toEqual(['content.sign_video_added']);
    const row = await t.deps.db.selectFrom('sign_language_videos').select('updated_by').where('topic', '=', 'bedienung').executeTakeFirstOrThrow();
    expect(row.updated_by).not.toBeNull();
  });

  it('refuses what only pretends to be a video or captions, with 422 and an error summary, and stores nothing', async () => {
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    await t.deps.db.deleteFrom('sign_language_videos').where('topic', '=', 'bedienung').execute();
    const before = await mediaIds();
    const res = await upload(
      editor,
      'bedienung',
      { title: '' },
      { video: mp4(testPng(), 'bild.mp4'), captions: vtt(Buffer.from('1\n00:00:00,000 --> 00:00:02,000\nSubRip\n')) },
    );
    expect(res.statusCode).toBe(422);
    expect(titleOf(res.body)).toMatch(/^Fehler: /);
    expect(res.body).toContain('data-error-summary');
    expect(res.body).toContain('href="#title">Geben Sie eine Überschrift ein.</a>');
    expect(res.body).toContain('href="#video">Die Datei ist kein Video im Format MP4 oder WebM. Wählen Sie eine MP4- oder WebM-Datei aus.</a>');
    expect(res.body).toContain('href="#captions">Die Untertitel-Datei ist keine WebVTT-Datei: Ihre erste Zeile muss mit „WEBVTT“ beginnen.</a>');
    // Errors follow the order of the form; the text typed stays, the files must be chosen again.
    expect(res.body.indexOf('href="#title"')).toBeLessThan(res.body.indexOf('href="#video"'));
    expect(res.body).toContain('Hier zeigen wir **alles**.</textarea>');
    expect(res.body).toContain('Bitte wählen Sie Video und Untertitel noch einmal aus.');
    expect(await mediaIds()).toEqual(before);

    const latin1 = await upload(
      editor,
      'bedienung',
      {},
      { video: mp4(), captions: vtt(Buffer.from('WEBVTT\n\n00:00.000 --> 00:02.000\nGr\xfc\xdfe\n', 'latin1')) },
    );
    expect(latin1.statusCode).toBe(422);
    expect(latin1.body).toContain('Die Untertitel-Datei ist nicht in UTF-8 gespeichert.');

    const missing = await upload(editor, 'bedienung', {}, {});
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('href="#video">Wählen Sie eine Videodatei aus (MP4 oder WebM).</a>');
    expect(missing.body).toContain('href="#captions">Wählen Sie die Untertitel zum Video aus (eine WebVTT-Datei).</a>');
    expect(await mediaIds()).toEqual(before);
  });

  it('refuses a video over 50 MB', async () => {
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const huge = Buffer.concat([testMp4(), Buffer.alloc(maxVideoBytes)]);
    const res = await upload(editor, 'bedienung', {}, { video: mp4(huge), captions: vtt() });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('href="#video">Das Video ist größer als 50 MB. Wählen Sie eine kleinere Datei aus.</a>');
  });

  it('replaces video and captions under new addresses, and drops the old files', async () => {
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const oldPage = await visitor().get('/gebaerdensprache');
    const oldSrc = videoSources(oldPage.body)[0]!.src;

    const withoutCaptions = await upload(editor, 'inhalt', {}, { video: mp4() });
    expect(withoutCaptions.statusCode).toBe(422);
    expect(withoutCaptions.body).toContain('Zu einem neuen Video gehören neue Untertitel.');

    const replaced = await upload(editor, 'inhalt', { title: 'Das Familienrathaus' }, { video: mp4(), captions: vtt(testCaptions('Neue Untertitel')) });
    expect(replaced.statusCode).toBe(303);
    const page = await visitor().get('/gebaerdensprache');
    const newSrc = videoSources(page.body)[0]!.src;
    expect(newSrc).not.toBe(oldSrc);
    expect((await visitor().get(oldSrc)).statusCode).toBe(404);
    expect((await visitor().get(`${newSrc}/untertitel.vtt`)).body).toContain('Neue Untertitel');

    // New captions alone: the same video under a new address, so no browser keeps the old captions.
    const captionsOnly = await upload(editor, 'inhalt', {}, { captions: vtt(testCaptions('Verbesserte Untertitel')) });
    expect(captionsOnly.statusCode).toBe(303);
    const third = videoSources((await visitor().get('/gebaerdensprache')).body)[0]!.src;
    expect(third).not.toBe(newSrc);
    expect((await visitor().get(`${third}/untertitel.vtt`)).body).toContain('Verbesserte Untertitel');
    expect((await visitor().get(third)).rawPayload.equals(testMp4())).toBe(true);

    // Heading and text alone keep the files.
    const textOnly = await upload(editor, 'inhalt', { title: 'Was es im Familienrathaus gibt' }, {});
    expect(textOnly.statusCode).toBe(303);
    const last = await visitor().get('/gebaerdensprache');
    expect(videoSources(last.body)[0]!.src).toBe(third);
    expect(last.body).toContain('lang="de">Was es im Familienrathaus gibt</h2>');
    expect((await auditActions('inhalt')).slice(-3)).toEqual(['content.sign_video_replaced', 'content.sign_video_replaced', 'content.sign_video_updated']);
  });

  it('deletes a video after asking, with its files', async () => {
    const { visitor: editor } = await signedInVisitor(t, 'admin');
    const src = videoSources((await visitor().get('/gebaerdensprache')).body).at(-1)!.src;
    const confirm = await editor.get('/verwaltung/gebaerdensprache/barrierefreiheit/loeschen');
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Video zum Thema „Erklärung zur Barrierefreiheit“ löschen?');
    const res = await editor.post('/verwaltung/gebaerdensprache/barrierefreiheit/loeschen', { _csrf: csrfTokenOf(confirm.body) });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/verwaltung/gebaerdensprache?geloescht=barrierefreiheit');
    expect((await visitor().get(src)).statusCode).toBe(404);
    expect((await visitor().get('/gebaerdensprache')).body).toMatch(
      />Erklärung zur Barrierefreiheit<\/h2>\s*<p class="kern-body">Das Video zu diesem Thema folgt bald\.<\/p>/,
    );
    expect(await auditActions('barrierefreiheit')).toEqual(['content.sign_video_deleted']);
  });

  it('is refused to families with 403, before their upload is read', async () => {
    const { visitor: family } = await signedInVisitor(t, 'family');
    expect((await family.get('/verwaltung/gebaerdensprache')).statusCode).toBe(403);
    expect((await family.get('/verwaltung/gebaerdensprache/inhalt')).statusCode).toBe(403);
    expect((await family.get('/verwaltung/gebaerdensprache/inhalt/loeschen')).statusCode).toBe(403);
    const before = await mediaIds();
    const home = await family.get('/');
    const posted = await family.postMultipart(
      '/verwaltung/gebaerdensprache/inhalt',
      { _csrf: csrfTokenOf(home.body), title: 'Gekapert', transcript: 'x' },
      { video: mp4(), captions: vtt() },
    );
    expect(posted.statusCode).toBe(403);
    const deleted = await family.post('/verwaltung/gebaerdensprache/inhalt/loeschen', { _csrf: csrfTokenOf(home.body) });
    expect(deleted.statusCode).toBe(403);
    expect(await mediaIds()).toEqual(before);
    expect((await visitor().get('/verwaltung/gebaerdensprache')).statusCode).toBe(401);
  });

  it('answers 404 for topics the law does not name', async () => {
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    expect((await editor.get('/verwaltung/gebaerdensprache/werbung')).statusCode).toBe(404);
    expect((await editor.get('/verwaltung/gebaerdensprache/%3Cscript%3E/loeschen')).statusCode).toBe(404);
  });
});
