import path from 'node:path';
import { sql } from 'kysely';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { useTestApp } from './support/app.js';

/*
 * The table types in src/db (what Kysely lets the code write) against the migrated schema (what the
 * database holds): every table and column on both sides, and nullable exactly where the database
 * allows NULL. A migration without its types, or types without their migration, fails here.
 */

const t = useTestApp();
const bookkeeping = new Set(['kysely_migration', 'kysely_migration_lock']);

/** `unknown` (a jsonb column read as is) admits null as well as anything else. */
type Columns = Record<string, { nullable: boolean | 'either' }>;

/** Tables and columns as the `DB` interface in src/db/types.ts declares them (read with the TypeScript compiler). */
function declaredTables(): Record<string, Columns> {
  const file = path.resolve(import.meta.dirname, '../src/db/types.ts');
  const program = ts.createProgram([file], {
    strict: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  const db = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'DB');
  if (!db) throw new Error('src/db/types.ts has no interface DB');
  const tables: Record<string, Columns> = {};
  for (const table of checker.getTypeAtLocation(db).getProperties()) {
    const columns: Columns = {};
    for (const column of checker.getTypeOfSymbolAtLocation(table, db).getProperties()) {
      let type = checker.getTypeOfSymbolAtLocation(column, db);
      // ColumnType<Select, Insert, Update> (and Generated<T>) carry what a select returns in __select__.
      const selected = type.getProperty('__select__');
      if (selected) type = checker.getTypeOfSymbolAtLocation(selected, db);
      const nullable =
        (type.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any)) !== 0
          ? 'either'
          : type.isUnion()
            ? type.types.some((member) => (member.flags & ts.TypeFlags.Null) !== 0)
            : (type.flags & ts.TypeFlags.Null) !== 0;
      columns[column.name] = { nullable };
    }
    tables[table.name] = columns;
  }
  return tables;
}

async function migratedTables(): Promise<Record<string, Columns>> {
  const { rows } = await sql<{ table_name: string; column_name: string; is_nullable: string }>`
    SELECT c.table_name, c.column_name, c.is_nullable
    FROM information_schema.columns c JOIN information_schema.tables tb USING (table_schema, table_name)
    WHERE c.table_schema = 'public' AND tb.table_type = 'BASE TABLE'`.execute(t.deps.db);
  const tables: Record<string, Columns> = {};
  for (const row of rows) {
    if (bookkeeping.has(row.table_name)) continue;
    (tables[row.table_name] ??= {})[row.column_name] = { nullable: row.is_nullable === 'YES' };
  }
  return tables;
}

describe('table types', () => {
  it('name every table and column of the migrated schema, nullable exactly where the database allows NULL', async () => {
    const declared = declaredTables();
    const migrated = await migratedTables();
    expect(Object.keys(declared).length).toBeGreaterThan(30);
    const differences: string[] = [];
    for (const table of new Set([...Object.keys(declared), ...Object.keys(migrated)])) {
      const inCode = declared[table];
      const inDb = migrated[table];
      if (!inCode || !inDb) {
        differences.push(`${table}: ${inCode ? 'no such table in the database' : 'no type in src/db'}`);
        continue;
      }
      for (const column of new Set([...Object.keys(inCode), ...Object.keys(inDb)])) {
        const a = inCode[column];
        const b = inDb[column];
        if (!a || !b) differences.push(`${table}.${column}: ${a ? 'no such column in the database' : 'missing in the type'}`);
        else if (a.nullable !== 'either' && a.nullable !== b.nullable)
          differences.push(`${table}.${column}: the type says ${a.nullable ? 'nullable' : 'NOT NULL'}, the database ${b.nullable ? 'nullable' : 'NOT NULL'}`);
      }
    }
    expect(differences).toEqual([]);
  });
});
