import { Type, type TObject, type TString } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../deps.js';
import { requireActor } from '../auth/guard.js';
import { pageContext } from '../http/context.js';
import { notFound } from '../http/errors.js';
import { formValues, parseForm } from '../http/forms.js';
import { ButtonForm, formBody, Id, pageQuery, params, QueryText, type RouteApp } from '../http/routes.js';
import { translationLocales, translationPath, type TranslationEditing, type TranslationSubject } from './translatable.js';
import { createTranslationEditor } from './translations.service.js';
import { TranslationFormPage } from './views/translation-form.js';

/*
 * The translation form every module's records share (the module names its kind in its manifest):
 *   GET  POST /uebersetzungen/:art/:id/:sprache            one record in one language, beside the German
 *        POST /uebersetzungen/:art/:id/:sprache/loeschen   delete that language (published and proposed)
 *        POST /uebersetzungen/:art/:id/:sprache/verwerfen  editors: turn a provider's proposal down
 * Who may, and whether a save is published or proposed, the module decides (TranslationEditing.open).
 */

const TranslationParams = params({
  art: Type.String({ pattern: '^[a-z][a-z-]{0,39}$' }),
  id: Id(),
  sprache: Type.Union(translationLocales.map((locale) => Type.Literal(locale))),
});
const doneValues = ['saved', 'proposed', 'deleted', 'discarded'] as const;
const DoneQuery = pageQuery({ erledigt: QueryText(20) });
/** One text per field of the record, named as the field; which fields depends on the record (see schemaFor). */
const TranslationForm = Type.Object({}, { additionalProperties: Type.String() });

/** The form's schema for one record: every field that has German text must be translated. */
function schemaFor(editing: TranslationEditing, subject: TranslationSubject): TObject<Record<string, TString>> {
  const fields = editing.fields.filter((f) => subject.german[f.name]);
  return Type.Object(Object.fromEntries(fields.map((f) => [f.name, Type.String({ minLength: 1, maxLength: f.maxLength })])));
}

export function registerTranslationPages(app: RouteApp, deps: Pick<AppDeps, 'db' | 'city' | 'translations'>): void {
  const editor = createTranslationEditor(deps.db);
  const editingOf = (art: string): TranslationEditing => {
    const editing = deps.translations.find(art);
    if (!editing) throw notFound();
    return editing;
  };
  const storedValues = (draft: Awaited<ReturnType<typeof editor.load>>) =>
    Object.fromEntries([...(draft.proposed.size ? draft.proposed : draft.published).values()].map((r) => [r.field, r.text]));
  const page = (req: FastifyRequest, props: Omit<Parameters<typeof TranslationFormPage>[0], 'ctx'>) => (
    <TranslationFormPage ctx={pageContext(req, deps.city)} {...props} />
  );
  const path = '/uebersetzungen/:art/:id/:sprache';

  app.get(path, { schema: { params: TranslationParams, querystring: DoneQuery } }, async (req, reply) => {
    const { art, id, sprache: locale } = req.params;
    const editing = editingOf(art);
    const draft = await editor.load(editing, requireActor(req), id, locale);
    const done = doneValues.find((d) => d === req.query.erledigt);
    return reply.html(page(req, { editing, id, locale, draft, values: storedValues(draft), done }));
  });

  app.post(path, { schema: { params: TranslationParams, body: formBody(TranslationForm) } }, async (req, reply) => {
    const { art, id, sprache: locale } = req.params;
    const editing = editingOf(art);
    const actor = requireActor(req);
    // The record and the right to translate it first, so someone refused learns nothing from the form's messages.
    const draft = await editor.load(editing, actor, id, locale);
    const labels = Object.fromEntries(editing.fields.map((f) => [f.name, f.label(req.locale)]));
    const form = parseForm(schemaFor(editing, draft.subject), req.body, labels, req.locale);
    if (!form.ok) return reply.status(422).html(page(req, { editing, id, locale, draft, values: formValues(req.body), errors: form.errors }));
    const state = await editor.save(editing, actor, id, locale, form.value);
    return reply.redirect(`${translationPath(editing.slug, id, locale)}?erledigt=${state === 'published' ? 'saved' : 'proposed'}`, 303);
  });

  app.post(`${path}/loeschen`, { schema: { params: TranslationParams, body: ButtonForm } }, async (req, reply) => {
    const { art, id, sprache: locale } = req.params;
    const editing = editingOf(art);
    await editor.remove(editing, requireActor(req), id, locale);
    return reply.redirect(`${translationPath(editing.slug, id, locale)}?erledigt=deleted`, 303);
  });

  app.post(`${path}/verwerfen`, { schema: { params: TranslationParams, body: ButtonForm } }, async (req, reply) => {
    const { art, id, sprache: locale } = req.params;
    const editing = editingOf(art);
    await editor.discardProposal(editing, requireActor(req), id, locale);
    return reply.redirect(`${translationPath(editing.slug, id, locale)}?erledigt=discarded`, 303);
  });
}
