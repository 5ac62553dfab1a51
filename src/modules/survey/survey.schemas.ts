import { Type, type TProperties } from '@sinclair/typebox';
import { Id, pageQuery, params, QueryText } from '../../platform/http/routes.js';
import { surveyLanguages } from './survey.definition.js';

/*
 * Route schemas of the survey module. Path parameters are precise (a value that cannot name anything
 * answers 404); forms document their fields here and are read by the handlers as before (formValues),
 * because their checks and German messages are the survey's own.
 */

/** A survey's public address: lowercase words joined by hyphens. */
export const surveySlugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const Slug = () => Type.String({ pattern: surveySlugPattern.source, maxLength: 80 });

export const SlugParams = params({ slug: Slug() });
/** `/seite/:n`: a page number as typed in the address. */
export const PageParams = params({ slug: Slug(), n: Type.String({ pattern: '^[0-9]{1,4}$' }) });
/** `/fragen/:qid`: a question's id (generated `q3f2a1c`, or a word in demo and test data). */
export const QuestionParams = params({ id: Id(), qid: Type.String({ pattern: '^[A-Za-z0-9_-]{1,40}$' }) });
export const QrParams = params({ id: Id(), cid: Id(), format: Type.Union([Type.Literal('svg'), Type.Literal('png')]) });
export const ExportParams = params({ id: Id(), format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]) });

export const StartQuery = pageQuery({ kanal: QueryText(), sprache: QueryText() });
export const LanguageQuery = pageQuery({ sprache: QueryText() });
export const ResumeQuery = pageQuery({ token: QueryText() });
export const SavedQuery = pageQuery({ gespeichert: QueryText() });
export const NewQuestionQuery = pageQuery({ seite: QueryText() });
export const CrossTabQuery = pageQuery({ zeilen: QueryText(), spalten: QueryText(), filter: QueryText(), wert: QueryText() });

const text = () => Type.Optional(Type.String());
/** One field per survey language: `title_de`, `title_en`, … */
const perLanguage = (prefix: string): TProperties => Object.fromEntries(surveyLanguages.map((lang) => [`${prefix}_${lang}`, text()]));

export const StartForm = Type.Object({ kanal: text(), sprache: text(), code: text() });
/** One page of answers: the fields `a_<question>` depend on the survey; `aktion` is weiter, zurueck or spaeter. */
export const AnswerPageForm = Type.Object({ aktion: text() }, { additionalProperties: true });
export const SubmitForm = Type.Object({ schluessel: text() });

export const CreateSurveyForm = Type.Object({ title: text(), slug: text() });
export const SettingsForm = Type.Object({ ...perLanguage('title'), ...perLanguage('intro'), opensOn: text(), closesOn: text(), requiresCode: text() });
export const LifecycleForm = Type.Object({ aktion: text() });
export const AddPageForm = Type.Object({ pageTitle: text() });
export const QuestionForm = Type.Object({
  id: text(),
  page: text(),
  type: text(),
  ...perLanguage('text'),
  ...perLanguage('options'),
  hint_de: text(),
  required: text(),
  other: text(),
  min: text(),
  max: text(),
  showIfQuestion: text(),
  showIfValues: text(),
});
export const MoveForm = Type.Object({ richtung: text() });
export const ChannelForm = Type.Object({ name: text() });
export const CodesForm = Type.Object({ count: text() });
/** Published free texts: each `pick` is "<response id>|<answer key>". */
export const TextPicksForm = Type.Object({ pick: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())])) });
