import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/types.js';
import { readCaptions } from '../../../platform/media/captions.js';
import { storeVideo } from '../../../platform/media/videos.js';
import { listVideos, saveVideo } from './sign-language.repository.js';
import type { SignLanguageTopic } from './sign-language.schemas.js';

/** The placeholder video, made once with ffmpeg (seed/media/README.md); neither the seed nor CI runs ffmpeg. */
const placeholderVideo = new URL('../seed/media/gebaerdensprache-platzhalter.mp4', import.meta.url);
const placeholderCaptions = new URL('../seed/media/gebaerdensprache-platzhalter.vtt', import.meta.url);

const placeholderNote = '[Platzhalter: Hier zeigt die Stadt ein Video in Deutscher Gebärdensprache.]';

/** Demo titles and text versions, each clearly a placeholder, saying what the city's video will explain. */
const demoVideos: Record<SignLanguageTopic, { title: string; transcript: string }> = {
  inhalt: {
    title: 'Platzhalter: Das Familienrathaus in Gebärdensprache',
    transcript: `${placeholderNote}

Dieses Demo-Video zeigt noch keine Gebärden. Das Video der Stadt erklärt:

- was das Familienrathaus ist und wer es anbietet,
- welche Angebote, Veranstaltungen und Ferienbetreuung es für Familien gibt,
- wie Sie an Befragungen teilnehmen,
- wie Sie das Familienbüro erreichen.`,
  },
  bedienung: {
    title: 'Platzhalter: So bedienen Sie das Familienrathaus',
    transcript: `${placeholderNote}

Dieses Demo-Video zeigt noch keine Gebärden. Das Video der Stadt erklärt:

- wo das Menü und die Suche sind,
- wie Sie die Sprache wechseln und die Schrift vergrößern,
- wie Sie ein Konto anlegen und sich anmelden,
- wo Sie Informationen in Leichter Sprache und in Gebärdensprache finden.`,
  },
  barrierefreiheit: {
    title: 'Platzhalter: Die Erklärung zur Barrierefreiheit in Gebärdensprache',
    transcript: `${placeholderNote}

Dieses Demo-Video zeigt noch keine Gebärden. Das Video der Stadt erklärt:

- wie barrierefrei das Familienrathaus ist und welche Inhalte noch nicht barrierefrei sind,
- wie Sie uns eine Barriere melden,
- an wen Sie sich wenden, wenn Sie mit unserer Antwort nicht zufrieden sind.

Die ganze Erklärung lesen Sie auf der Seite [Erklärung zur Barrierefreiheit](/barrierefreiheit).`,
  },
};

/**
 * Registers the placeholder video for every topic that has none yet (the same file for all three).
 * Idempotent: topics with a video, demo or not, stay as they are. Returns how many were added.
 */
export async function seedSignLanguageVideos(db: Kysely<DB>): Promise<number> {
  const existing = new Set((await listVideos(db)).map((v) => v.topic));
  const missing = (Object.keys(demoVideos) as SignLanguageTopic[]).filter((topic) => !existing.has(topic));
  if (missing.length === 0) return 0;
  const captions = readCaptions(readFileSync(placeholderCaptions));
  if (!captions.ok) throw new Error(`The placeholder captions are not valid WebVTT (${captions.problem}).`);
  const video = { kind: 'upload' as const, filename: 'gebaerdensprache-platzhalter.mp4', bytes: readFileSync(placeholderVideo), tooLarge: false };
  await db.transaction().execute(async (trx) => {
    for (const topic of missing) {
      const stored = await storeVideo(trx, video, captions.text, null);
      await saveVideo(trx, { topic, ...demoVideos[topic], videoId: stored.id, actorId: null });
    }
  });
  return missing.length;
}
