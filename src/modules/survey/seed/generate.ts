import { categoriesOf, isVisible, type Answers, type SurveyDefinition } from '../survey.definition.js';

/** A small deterministic PRNG (mulberry32), so demo data is the same at every start. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const wishes = [
  'Mehr Spielplätze mit Schatten.',
  'Günstigere Schwimmbäder für Familien.',
  'Sichere Radwege zur Schule.',
  'Mehr Kita-Plätze in meinem Stadtteil.',
  'Treffpunkte für Jugendliche am Abend.',
  'Weniger Bürokratie bei Anträgen.',
];

/** Plausible answers to a survey (skewed, with optional questions sometimes skipped). */
export function generateAnswers(definition: SurveyDefinition, districts: readonly string[], random: () => number): Answers {
  const answers: Answers = {};
  const pick = <T>(list: readonly T[]): T => list[Math.min(list.length - 1, Math.floor(Math.pow(random(), 1.4) * list.length))]!;
  for (const page of definition.pages) {
    for (const q of page.questions) {
      if (!isVisible(q, answers)) continue;
      if (!q.required && random() < 0.12) continue;
      const categories = categoriesOf(q, districts);
      switch (q.type) {
        case 'multiple': {
          const chosen = categories.filter(() => random() < 0.35);
          if (chosen.length > 0) answers[q.id] = chosen;
          break;
        }
        case 'likert':
          for (const s of q.statements ?? []) answers[`${q.id}.${s.value}`] = pick(['4', '3', '5', '2', '1']);
          break;
        case 'text':
          if (random() < 0.3) answers[q.id] = pick(wishes);
          break;
        case 'longtext':
          break;
        case 'number':
          answers[q.id] = String(Math.max(q.min ?? 0, Math.min(q.max ?? 10, 1 + Math.floor(random() * random() * 4))));
          break;
        default:
          answers[q.id] = q.type === 'district' ? categories[Math.floor(random() * categories.length)]! : pick(categories);
      }
    }
  }
  return answers;
}
