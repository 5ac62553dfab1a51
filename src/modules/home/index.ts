import type { AppDeps } from '../../platform/deps.js';
import { defineModule, type ModuleManifest } from '../../platform/modules/manifest.js';
import { registerHomePages } from './home.pages.js';

/** The start page and the language switch. */
export function homeModule(deps: AppDeps): ModuleManifest {
  return defineModule({ name: 'home', routes: (app) => registerHomePages(app, deps) });
}
