import type { RouteApp } from '../http/routes.js';
import type { JobHandler } from '../jobs/jobs.js';
import type { ErasureStep, PersonalDataDeclaration } from '../privacy/privacy.js';
import type { Reviewable } from '../review/review.registry.js';
import type { SearchProvider } from '../search/search.js';
import type { TranslationEditing } from '../translations/translatable.js';
import type { FooterLink, NavigationEntry } from '../views/navigation.js';
import type { FooterSlot } from '../views/slots.js';

/** A job the module runs in the worker: on demand (`jobs.send`) or on a schedule (`cron`, Europe/Berlin is not implied: UTC). */
export interface JobDefinition {
  name: string;
  run: JobHandler<never>;
  cron?: string;
}

/**
 * Everything a module contributes to the portal, in one place (docs/architecture.md, "Ein Modul").
 * The composition root reads it: the web process registers `routes`, the worker only `jobs`;
 * both register personal data, erasure steps, search providers, navigation and footer.
 */
export interface ModuleManifest {
  /** Short technical name, e.g. "holidays"; used in logs and errors. */
  name: string;
  /** Pages and API routes, registered inside the module's own Fastify scope. */
  routes?: (app: RouteApp) => void | Promise<void>;
  jobs?: readonly JobDefinition[];
  /** Every table column holding personal data, with purpose and retention (drives export, erasure, deletion on schedule). */
  personalData?: readonly PersonalDataDeclaration[];
  /** What the module must do when an account is erased, beyond deleting its declared rows. */
  erasureSteps?: readonly ErasureStep[];
  searchProviders?: readonly SearchProvider[];
  /** Kinds of records whose changes go through the review workflow (platform/review): draft → in review → published. */
  reviewables?: readonly Reviewable[];
  /** Kinds of records whose texts editors may translate (the form at /uebersetzungen/<slug>/<id>/<language>). */
  translations?: readonly TranslationEditing[];
  /** Something shown at the foot of every page (the newsletter sign-up). */
  footer?: readonly FooterSlot[];
  /** The module's sections in the main navigation and on the start page (in the order of src/modules.ts). */
  navigation?: readonly NavigationEntry[];
  /** Links at the foot of every page (the legal and help pages). */
  footerLinks?: readonly FooterLink[];
  /** Loads the module's fictional demo data once; returns false when it was there already. */
  seedDemo?: () => Promise<boolean>;
}

export function defineModule(manifest: ModuleManifest): ModuleManifest {
  return manifest;
}

/** A job definition with its payload type checked where it is written. */
export function job<T>(name: string, run: JobHandler<T>, options: { cron?: string } = {}): JobDefinition {
  return { name, run: run, cron: options.cron };
}
