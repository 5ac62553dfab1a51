import { notFound } from './errors.js';

/** Our ids are UUIDs (HSDS requires them); check a path parameter before it reaches a query. */
export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The id from a path parameter, or "Seite nicht gefunden" (404) for anything that cannot be one of ours. */
export function idOr404(value: string | undefined): string {
  if (!value || !uuidPattern.test(value)) throw notFound();
  return value;
}
