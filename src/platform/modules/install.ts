import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.js';
import { requireTypedRoutes } from '../http/routes.js';
import type { ModuleManifest } from './manifest.js';

/** What web and worker processes both need from every module: jobs, personal data, search, translations, navigation, footer. */
export function installModules(deps: AppDeps, modules: readonly ModuleManifest[]): void {
  const names = new Set<string>();
  for (const module of modules) {
    if (names.has(module.name)) throw new Error(`module "${module.name}" is listed twice`);
    names.add(module.name);
    for (const definition of module.jobs ?? []) deps.jobs.register(definition.name, definition.run, { cron: definition.cron });
    deps.privacy.register(...(module.personalData ?? []));
    for (const step of module.erasureSteps ?? []) deps.privacy.onErase(step);
    for (const provider of module.searchProviders ?? []) deps.search.register(provider);
    for (const reviewable of module.reviewables ?? []) deps.review.register(reviewable);
    for (const editing of module.translations ?? []) deps.translations.register(editing);
    for (const slot of module.footer ?? []) deps.layout.addToFooter(slot);
    for (const entry of module.navigation ?? []) deps.layout.addNavigation(entry);
    for (const link of module.footerLinks ?? []) deps.layout.addFooterLink(link);
  }
}

/** The web process: each module's routes in a Fastify scope of their own, in the listed order. */
export async function registerModuleRoutes(app: FastifyInstance, modules: readonly ModuleManifest[]): Promise<void> {
  for (const module of modules) {
    const routes = module.routes;
    if (!routes) continue;
    await app.register(async (scope) => {
      requireTypedRoutes(scope);
      await routes(scope.withTypeProvider<TypeBoxTypeProvider>());
    });
  }
}

/** Demo data, module by module in the listed order (later modules use earlier ones' organisations and accounts). */
export async function seedDemoModules(modules: readonly ModuleManifest[]): Promise<boolean> {
  let seeded = false;
  for (const module of modules) if (module.seedDemo && (await module.seedDemo())) seeded = true;
  return seeded;
}
