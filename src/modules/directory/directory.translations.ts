import type { Executor } from '../../db/executor.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { defineTranslatable, type TranslatableField } from '../../platform/translations/translatable.js';
import { withTranslations } from '../../platform/translations/translations.service.js';
import type { ServiceDetails } from './public/directory.details.js';
import type { ServiceHit, ServiceResults } from './public/directory.search.js';
import { workflowFieldMessages } from './workflow/workflow.fields.messages.js';

/**
 * The texts of a directory service that can be translated (platform/translations): what the service
 * form asks in prose. Names of organisations and places, documents and opening-hour notes stay German.
 */

type HsdsText = 'name' | 'description' | 'eligibility_description' | 'application_process' | 'fees_description';

const serviceText = (name: string, hsds: HsdsText, label: (l: Locale) => string, maxLength: number, rows?: number): TranslatableField<ServiceDetails> => ({
  name,
  label,
  german: (d) => d.service[hsds],
  show: (d, text) => ({ ...d, service: { ...d.service, [hsds]: text } }),
  maxLength,
  rows,
});

export const serviceTranslatable = defineTranslatable<ServiceDetails>({
  kind: 'service',
  idOf: (d) => d.service.id,
  fields: [
    serviceText('name', 'name', (l) => workflowFieldMessages(l)('service.name'), 200),
    serviceText('description', 'description', (l) => workflowFieldMessages(l)('service.description'), 5000, 8),
    serviceText('eligibility', 'eligibility_description', (l) => workflowFieldMessages(l)('service.eligibility'), 2000, 4),
    serviceText('application', 'application_process', (l) => workflowFieldMessages(l)('service.application'), 2000, 4),
    serviceText('fees', 'fees_description', (l) => workflowFieldMessages(l)('service.fees'), 2000, 3),
  ],
});

/** A search hit shows the service's name and the start of its description. */
const hitTranslatable = defineTranslatable<ServiceHit>({
  kind: 'service',
  idOf: (hit) => hit.id,
  fields: [
    { name: 'name', label: (l) => workflowFieldMessages(l)('service.name'), german: (h) => h.name, show: (h, name) => ({ ...h, name }), maxLength: 200 },
    {
      name: 'description',
      label: (l) => workflowFieldMessages(l)('service.description'),
      german: (h) => h.description,
      show: (h, description) => ({ ...h, description }),
      maxLength: 5000,
    },
  ],
});

export type ShownResults = Omit<ServiceResults, 'items'> & { items: Awaited<ReturnType<typeof withTranslations<ServiceHit>>> };

/** Search results in the visitor's language where translated (the search itself reads German). */
export async function resultsInLanguage(db: Executor, locale: Locale, results: ServiceResults): Promise<ShownResults> {
  return { ...results, items: await withTranslations(db, hitTranslatable, locale, results.items) };
}
