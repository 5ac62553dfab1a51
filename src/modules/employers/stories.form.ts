import { Type } from '@sinclair/typebox';
import type { EmployerSector } from '../../db/tables/employers.js';
import type { FieldErrors } from '../../platform/http/errors.js';
import type { FieldWords } from '../../platform/http/forms.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { measures, sectors, type Measure } from './employers.catalogue.js';
import { measureField } from './employers.form.js';
import { employersMessages } from './employers.messages.js';
import type { StoryRow } from './stories.repository.js';
import { storiesMessages } from './stories.messages.js';

const oneOf = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
export const slugPattern = '^[a-z0-9]+(-[a-z0-9]+)*$';

/** The editors' form of a good-practice story (POST /verwaltung/gute-beispiele/neu and …/:id). */
export const StoryForm = Type.Object({
  title: Text(200),
  slug: Type.Optional(Type.String({ pattern: slugPattern, maxLength: 80 })),
  organization: Type.Optional(Type.String({ pattern: '^[0-9a-f-]{36}$' })),
  sector: oneOf(sectors),
  ...Object.fromEntries(measures.map((m) => [measureField(m), Type.Optional(Type.Literal('ja'))])),
  problem: Text(4000),
  solution: Text(4000),
  cost: Text(2000),
  effect: Text(4000),
  contact_name: Type.Optional(Type.String({ maxLength: 100 })),
  contact_email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
  contact_phone: Type.Optional(Type.String({ maxLength: 40, pattern: '^[0-9 +()/-]+$' })),
});

export function storyFormLabels(locale: Locale): Record<string, FieldWords> {
  const t = employersMessages(locale);
  const s = storiesMessages(locale);
  const text = (label: string) => ({ label, required: s('form.required', { field: label }) });
  return {
    title: text(s('form.title')),
    slug: { label: s('form.slug'), format: s('form.slugFormat') },
    organization: s('form.employer'),
    sector: t('form.sector'),
    ...Object.fromEntries(measures.map((m) => [measureField(m), t(`measure.${m}`)])),
    problem: text(t('story.problem')),
    solution: text(t('story.solution')),
    cost: text(t('story.cost')),
    effect: text(t('story.effect')),
    contact_name: t('form.contactName'),
    contact_email: t('form.contactEmail'),
    contact_phone: t('form.contactPhone'),
  };
}

/** The story as stored. */
export interface StoryData {
  title: string;
  slug: string;
  organization_id: string | null;
  sector: EmployerSector;
  measures: Measure[];
  problem: string;
  solution: string;
  cost: string;
  effect: string;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
}

/** An address from a title: "Die Vier-Tage-Woche im Malerbetrieb" → "die-vier-tage-woche-im-malerbetrieb". */
export function slugOf(title: string): string {
  const plain = title
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = plain.length <= 80 ? plain : plain.slice(0, 80).replace(/-[^-]*$/, '');
  return cut || 'beispiel';
}

/** The rules beyond the form's shape: at least one measure, an employer from the list; the address from the title when empty. */
export function buildStory(
  v: Record<string, string | undefined>,
  context: { employers: readonly { id: string }[]; locale: Locale },
): { ok: true; value: StoryData } | { ok: false; errors: FieldErrors } {
  const t = employersMessages(context.locale);
  const s = storiesMessages(context.locale);
  const errors: FieldErrors = {};
  const chosen = measures.filter((m) => v[measureField(m)] === 'ja');
  if (chosen.length === 0) errors[measureField(measures[0]!)] = t('form.measuresRequired');
  const organization = v.organization || null;
  if (organization && !context.employers.some((e) => e.id === organization)) errors.organization = s('form.employerUnknown');
  if (Object.keys(errors).length) return { ok: false, errors };
  const title = (v.title ?? '').trim();
  return {
    ok: true,
    value: {
      title,
      slug: v.slug || slugOf(title),
      organization_id: organization,
      sector: v.sector as EmployerSector,
      measures: chosen,
      problem: (v.problem ?? '').trim(),
      solution: (v.solution ?? '').trim(),
      cost: (v.cost ?? '').trim(),
      effect: (v.effect ?? '').trim(),
      contact_name: v.contact_name || null,
      contact_email: v.contact_email || null,
      contact_phone: v.contact_phone || null,
    },
  };
}

/** A stored story as form values (to edit it). */
export function storyFormValues(story: StoryRow): Record<string, string> {
  return {
    title: story.title,
    slug: story.slug,
    organization: story.organization_id ?? '',
    sector: story.sector,
    ...Object.fromEntries(story.measures.map((m) => [measureField(m), 'ja'])),
    problem: story.problem,
    solution: story.solution,
    cost: story.cost,
    effect: story.effect,
    contact_name: story.contact_name ?? '',
    contact_email: story.contact_email ?? '',
    contact_phone: story.contact_phone ?? '',
  };
}
