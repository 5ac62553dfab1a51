/**
 * What changed between two versions, field by field, in the words of the form. Each kind lists its
 * fields as [label key, value] pairs; lists are compared by their content (order and ids do not count).
 */

export type FieldValue = string | string[] | undefined;

export interface FieldChange<K extends string = string> {
  /** The field's label key (the module's catalogue) or, once resolved for a page, its label. */
  field: K;
  kind: 'added' | 'removed' | 'changed';
  before?: string;
  after?: string;
  /** For lists: items only in the new version / only in the old one. */
  addedItems?: string[];
  removedItems?: string[];
}

export type Fields<K extends string = string> = [K, FieldValue][];

/** Items of `a` that `b` lacks, counting duplicates. */
function minus(a: string[], b: string[]): string[] {
  const rest = [...b];
  return a.filter((item) => {
    const i = rest.indexOf(item);
    if (i < 0) return true;
    rest.splice(i, 1);
    return false;
  });
}

/** Compares two field lists (same keys) and returns what was added, removed or changed. */
export function diffFields<K extends string>(before: Fields<K>, after: Fields<K>): FieldChange<K>[] {
  const old = new Map(before);
  const changes: FieldChange<K>[] = [];
  for (const [field, value] of after) {
    const previous = old.get(field);
    if (previous === undefined && value === undefined) continue;
    if (Array.isArray(previous) || Array.isArray(value)) {
      const a = Array.isArray(previous) ? previous : previous ? [previous] : [];
      const b = Array.isArray(value) ? value : value ? [value] : [];
      const addedItems = minus(b, a);
      const removedItems = minus(a, b);
      if (!addedItems.length && !removedItems.length) continue;
      const kind = a.length === 0 ? 'added' : b.length === 0 ? 'removed' : 'changed';
      changes.push({ field, kind, before: a.length ? a.join('; ') : undefined, after: b.length ? b.join('; ') : undefined, addedItems, removedItems });
      continue;
    }
    if (previous === value) continue;
    changes.push({ field, kind: previous === undefined ? 'added' : value === undefined ? 'removed' : 'changed', before: previous, after: value });
  }
  return changes;
}

/** What changed from `before` (null for a new entry) to `after`, given how a kind describes a version. */
export function diffVersions<K extends string>(describe: (data: unknown) => Fields<K>, before: unknown, after: unknown): FieldChange<K>[] {
  const now = describe(after);
  const empty = now.map(([field]) => [field, undefined] as [K, FieldValue]);
  return diffFields(before ? describe(before) : empty, now);
}
