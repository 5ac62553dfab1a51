import { hsdsValidators } from './hsds-validators.js';

/** Test support for the seed tests: the HSDS part schemas through the shared validators in hsds.ajv.ts. */

export type EntitySchema = 'organization' | 'location' | 'service';

/** Validators by entity; `errorsOf` returns readable messages (empty when valid). */
export function hsdsChecker(options: { closed: boolean }): { errorsOf(entity: EntitySchema, value: unknown): string[] } {
  const validators = hsdsValidators(options);
  return {
    errorsOf(entity, value) {
      const validate = validators.part(entity);
      return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
    },
  };
}
