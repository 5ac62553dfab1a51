import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import formatsModule, { type FormatsPlugin } from 'ajv-formats';

/**
 * Test support (ajv is a devDependency; nothing at run time imports this file): validators for
 * the official HSDS 3.0 JSON schemas vendored in standards/hsds-3.0 (see its README), as consumers would check
 * our data: ajv with strict: false (the schemas carry annotations such as "constraints") and
 * ajv-formats, and once more with additionalProperties: false on every object schema.
 * The schemas declare no $schema, so they are draft-07: the plain Ajv class.
 */

export const hsdsStandardDir = path.resolve(import.meta.dirname, '../../standards/hsds-3.0');

type Node = Record<string, unknown>;
// ajv-formats is CommonJS: under NodeNext its default import may be the module object.
const addFormats = ((formatsModule as unknown as { default?: FormatsPlugin }).default ?? formatsModule) as unknown as FormatsPlugin;

function readSchemas(folder: 'compiled' | 'schema'): Record<string, Node> {
  const dir = path.join(hsdsStandardDir, folder);
  const out: Record<string, Node> = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'openapi.json')) {
    out[file.replace(/\.json$/, '')] = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Node;
  }
  return out;
}

/** A deep copy of the schema with additionalProperties: false on every object schema. */
export function closeObjects<T>(schema: T): T {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (typeof node !== 'object' || node === null) return node;
    const copy: Node = {};
    for (const [key, value] of Object.entries(node)) copy[key] = walk(value);
    const isObjectSchema =
      copy.type === 'object' ||
      (typeof copy.properties === 'object' && copy.properties !== null && !Array.isArray(copy.properties) && typeof copy.type !== 'object');
    if (isObjectSchema) copy.additionalProperties = false;
    return copy;
  };
  return walk(schema) as T;
}

export type CompiledName = 'service' | 'service_list' | 'organization' | 'organization_list' | 'service_at_location' | 'service_at_location_list';
export type PartName = 'taxonomy' | 'taxonomy_term' | 'location' | 'service' | 'organization' | 'attribute';

export interface HsdsValidators {
  compiled(name: CompiledName): ValidateFunction;
  part(name: PartName): ValidateFunction;
}

/** Validators for the compiled schemas (whole objects) and the parts (schema/*.json, with their $refs). */
export function hsdsValidators(options: { closed: boolean }): HsdsValidators {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const prepare = (schema: Node, id: string): Node => ({ ...(options.closed ? closeObjects(schema) : schema), $id: id });
  const base = 'https://hsds.example/schema/';
  const parts = readSchemas('schema');
  for (const [name, schema] of Object.entries(parts)) ajv.addSchema(prepare(schema, `${base}${name}.json`));
  const compiledSchemas = readSchemas('compiled');
  const cache = new Map<string, ValidateFunction>();
  return {
    compiled(name) {
      const key = `compiled:${name}`;
      if (!cache.has(key)) cache.set(key, ajv.compile(prepare(compiledSchemas[name]!, `https://hsds.example/compiled/${name}.json`)));
      return cache.get(key)!;
    },
    part(name) {
      const validate = ajv.getSchema(`${base}${name}.json`);
      if (!validate) throw new Error(`no HSDS schema ${name}`);
      return validate;
    },
  };
}

/** Compiles the named schemas now (a few seconds each), e.g. in beforeAll rather than inside a timed test. */
export function precompile(validators: HsdsValidators, names: CompiledName[]): void {
  for (const name of names) validators.compiled(name);
}

/** The validation errors in a line each, for test failure messages. */
export function errorsOf(validate: ValidateFunction): string {
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`).join('\n');
}
