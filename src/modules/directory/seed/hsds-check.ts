import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import formats from 'ajv-formats';

/**
 * Test support for the seed tests (ajv is a devDependency; nothing at run time imports this file):
 * the HSDS 3.0 part schemas (../shared/standards/hsds-3.0/schema, draft-07: no $schema declared),
 * strict: false for their annotations, ajv-formats for uuid/email/uri, and optionally
 * additionalProperties: false on every object schema (our objects carry only HSDS properties).
 */

const schemaDir = path.resolve(import.meta.dirname, '../../../../../shared/standards/hsds-3.0/schema');
type Node = Record<string, unknown>;

function closed(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closed);
  if (typeof node !== 'object' || node === null) return node;
  const copy: Node = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, closed(v)]));
  if (copy.type === 'object' && typeof copy.properties === 'object') copy.additionalProperties = false;
  return copy;
}

export type EntitySchema = 'organization' | 'location' | 'service';

/** Validators by entity; `errorsOf` returns readable messages (empty when valid). */
export function hsdsChecker(options: { closed: boolean }): { errorsOf(entity: EntitySchema, value: unknown): string[] } {
  const ajv = new Ajv({ strict: false, allErrors: true });
  formats.default(ajv);
  for (const file of readdirSync(schemaDir).filter((f) => f.endsWith('.json') && f !== 'openapi.json')) {
    const schema = JSON.parse(readFileSync(path.join(schemaDir, file), 'utf8')) as Node;
    ajv.addSchema((options.closed ? closed(schema) : schema) as Node, file);
  }
  const validators = new Map<EntitySchema, ValidateFunction>();
  return {
    errorsOf(entity, value) {
      let validate = validators.get(entity);
      if (!validate) {
        validate = ajv.getSchema(`${entity}.json`);
        if (!validate) throw new Error(`no HSDS schema ${entity}`);
        validators.set(entity, validate);
      }
      return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
    },
  };
}
