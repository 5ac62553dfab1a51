import { Type, type Static } from '@sinclair/typebox';
import type { SchoolForm } from '../../db/tables/appointments.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { isEditor, type Actor } from '../../platform/auth/roles.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import type { FieldWords } from '../../platform/http/forms.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { schoolAdminMessages } from './schools.messages.js';
import * as repo from './youth.repository.js';

export const schoolForms: readonly SchoolForm[] = ['hauptschule', 'realschule', 'sekundarschule', 'gesamtschule', 'gymnasium', 'foerderschule', 'berufskolleg'];

/** The form staff fill in for a school (POST /verwaltung/schulen/neu and …/:id/bearbeiten). */
export const SchoolEditForm = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  school_form: Type.Union(schoolForms.map((f) => Type.Literal(f))),
  district: Type.Optional(Type.String({ maxLength: 100 })),
  contact_name: Type.Optional(Type.String({ maxLength: 100 })),
  contact_email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
  contact_phone: Type.Optional(Type.String({ maxLength: 40, pattern: '^[0-9 +()/-]+$' })),
});
export type SchoolFormValues = Static<typeof SchoolEditForm>;

export function schoolFormLabels(locale: Locale): Record<string, FieldWords> {
  const t = schoolAdminMessages(locale);
  return {
    name: t('form.name'),
    school_form: t('form.schoolForm'),
    district: t('form.district'),
    contact_name: t('form.contactName'),
    contact_email: t('form.contactEmail'),
    contact_phone: t('form.contactPhone'),
  };
}

/** Only editors and admins keep the list of schools (401 for nobody, 403 for everyone else). */
function authorize(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  if (!isEditor(actor)) throw new AppError('forbidden', 'Keine Berechtigung');
}

/** Staff keep the schools and their career-orientation contacts (the public list at /jugend-beruf/schulen). */
export function createSchoolsService({ db, city }: Pick<AppDeps, 'db' | 'city'>) {
  return {
    canEdit: (actor: Actor | null) => isEditor(actor),

    async list(actor: Actor | null) {
      authorize(actor);
      return repo.allSchools(db);
    },

    async find(actor: Actor | null, id: string) {
      authorize(actor);
      const school = await repo.findSchool(db, id);
      if (!school) throw notFound();
      return school;
    },

    /** Creates (id null) or changes a school; a district must be one of the city's. */
    async save(actor: Actor | null, id: string | null, v: SchoolFormValues, locale: Locale): Promise<{ id: string; name: string }> {
      authorize(actor);
      if (v.district && !city.districts.includes(v.district)) {
        const label = schoolAdminMessages(locale)('form.district');
        throw new AppError('validation_failed', label, { fields: { district: label } });
      }
      const values: repo.SchoolValues = {
        name: v.name,
        school_form: v.school_form,
        district: v.district ?? '',
        contact_name: v.contact_name ?? null,
        contact_email: v.contact_email ?? null,
        contact_phone: v.contact_phone ?? null,
      };
      return db.transaction().execute(async (trx) => {
        const saved = id ? await repo.updateSchool(trx, id, values) : await repo.insertSchool(trx, values);
        if (!saved) throw notFound();
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'youth.school_saved',
          subjectType: 'youth_school',
          subjectId: saved.id,
          details: { name: v.name },
        });
        return { id: saved.id, name: v.name };
      });
    },

    async remove(actor: Actor | null, id: string) {
      authorize(actor);
      await db.transaction().execute(async (trx) => {
        const removed = await repo.deleteSchool(trx, id);
        if (!removed) throw notFound();
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'youth.school_deleted',
          subjectType: 'youth_school',
          subjectId: id,
          details: { name: removed.name },
        });
      });
    },
  };
}

export type SchoolsService = ReturnType<typeof createSchoolsService>;
