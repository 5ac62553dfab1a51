import { createHash } from 'node:crypto';
import type { Actor } from '../auth/roles.js';
import { locales, type Locale } from '../i18n/i18n.js';

/** The languages a record can be translated into: every one the portal speaks but German, the original. */
export type TranslationLocale = Exclude<Locale, 'de'>;
export const translationLocales = locales.filter((l): l is TranslationLocale => l !== 'de');
export const isTranslationLocale = (value: string): value is TranslationLocale => (translationLocales as readonly string[]).includes(value);

/** One text of a record that editors may translate (a title, a description). */
export interface TranslatableField<T> {
  /** Stored name, e.g. 'title'; never renamed once translations exist. */
  name: string;
  label: (locale: Locale) => string;
  hint?: (locale: Locale) => string;
  /** The German text of the record; empty or missing means there is nothing to translate. */
  german: (record: T) => string | null | undefined;
  /** A copy of the record that shows `text` instead of the German. */
  show: (record: T, text: string) => T;
  maxLength: number;
  /** Rows of the text area; a one-line field without. */
  rows?: number;
}

/** A kind of record whose texts can be translated: a module defines one per kind and uses it to show and to edit. */
export interface Translatable<T> {
  /** Stored kind, e.g. 'news_post' (also the audit log's subject type); a trigger in the migrations deletes its translations with the record. */
  kind: string;
  fields: readonly TranslatableField<T>[];
  idOf: (record: T) => string;
}

export function defineTranslatable<T>(translatable: Translatable<T>): Translatable<T> {
  return translatable;
}

/** The field as the form shows it (no record type involved). */
export type TranslationFieldInfo = Pick<TranslatableField<unknown>, 'name' | 'label' | 'hint' | 'maxLength' | 'rows'>;

/** What the translation form needs about one record, as its module decides it. */
export interface TranslationSubject {
  /** The record's German title, for headings and the audit log. */
  title: string;
  /** Field name → German text, for the fields that have one, in the fields' order. */
  german: Record<string, string>;
  /** The module's edit page of the record. */
  backPath: string;
  /** Its public page, when it has one. */
  publicPath?: string;
  /** False: what this person saves waits for an editor's review (a provider the directory does not trust yet). */
  publishes: boolean;
}

/** A module's translations as the platform's editor pages see them (listed as `translations` in its manifest). */
export interface TranslationEditing {
  kind: string;
  /** In the address /uebersetzungen/<slug>/<id>/<language>, e.g. 'neuigkeit'. */
  slug: string;
  fields: readonly TranslationFieldInfo[];
  /** The record for this (signed-in) person: 404 for an unknown id, 403 when the module's policy says no. */
  open: (actor: Actor, id: string) => Promise<TranslationSubject>;
}

export interface OpenedRecord<T> extends Omit<TranslationSubject, 'german'> {
  record: T;
}

/** The editing side of a translatable kind: the module finds the record and applies its own policy. */
export function translationEditing<T>(
  translatable: Translatable<T>,
  slug: string,
  open: (actor: Actor, id: string) => Promise<OpenedRecord<T>>,
): TranslationEditing {
  return {
    kind: translatable.kind,
    slug,
    fields: translatable.fields,
    async open(actor, id) {
      const { record, ...subject } = await open(actor, id);
      return { ...subject, german: germanTexts(translatable, record) };
    },
  };
}

/** The German texts of a record, field by field (only those that have one). */
export function germanTexts<T>(translatable: Translatable<T>, record: T): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const field of translatable.fields) {
    const text = field.german(record)?.trim();
    if (text) texts[field.name] = text;
  }
  return texts;
}

/** A short fingerprint of a German text: a translation keeps the one it was made from, to tell when it is out of date. */
export const digestOf = (german: string): string => createHash('sha256').update(german.trim()).digest('base64url').slice(0, 22);

/** The translation form of one record in one language. */
export const translationPath = (slug: string, id: string, locale: TranslationLocale): string => `/uebersetzungen/${slug}/${id}/${locale}`;
