/**
 * What of the database a backup holds, read from the catalog: every table of the app's schema
 * (`public`, without extensions' own), in an order where each comes after the tables its foreign
 * keys refer to, with the columns COPY writes (generated columns are computed again on restore),
 * and the schema's sequences. pg-boss's schema and drizzle's ledger are not in it (decision 0024).
 */
import pg from 'pg';
import { BackupError } from './archive.js';

export const APP_SCHEMA = 'public';

export interface TableInfo {
  name: string;
  columns: string[];
  /** Rows by the statistics (for progress bars only); -1 when the table was never analysed. */
  estimatedRows: number;
}

/** The app's tables in dependency order (ties by name), with their columns. */
export async function listTables(client: pg.ClientBase): Promise<TableInfo[]> {
  const tables = await client.query<{ oid: number; name: string; estimate: number }>(
    `SELECT c.oid, c.relname AS name, c.reltuples::float8 AS estimate
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind = 'r'
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                          AND d.objid = c.oid AND d.deptype = 'e')
      ORDER BY c.relname`,
    [APP_SCHEMA],
  );
  const columns = await client.query<{ table_oid: number; name: string }>(
    `SELECT a.attrelid AS table_oid, a.attname AS name
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
        AND a.attgenerated = ''
      ORDER BY a.attrelid, a.attnum`,
    [APP_SCHEMA],
  );
  const references = await client.query<{ child: number; parent: number }>(
    `SELECT DISTINCT conrelid AS child, confrelid AS parent FROM pg_constraint
      WHERE contype = 'f' AND connamespace = $1::regnamespace AND conrelid <> confrelid`,
    [APP_SCHEMA],
  );
  const byOid = new Map(tables.rows.map((row) => [Number(row.oid), row]));
  for (const row of tables.rows) {
    if (!/^[A-Za-z0-9_-]{1,63}$/.test(row.name))
      throw new BackupError(`The table name ${JSON.stringify(row.name)} cannot be backed up.`);
  }
  const parents = new Map<number, Set<number>>();
  for (const { child, parent } of references.rows) {
    if (!byOid.has(Number(parent))) continue;
    const set = parents.get(Number(child)) ?? new Set<number>();
    set.add(Number(parent));
    parents.set(Number(child), set);
  }
  // Kahn's order, alphabetical among the tables ready at each step (the rows are sorted by name).
  const ordered: TableInfo[] = [];
  const placed = new Set<number>();
  while (placed.size < byOid.size) {
    const ready = tables.rows.find(
      (row) =>
        !placed.has(Number(row.oid)) &&
        [...(parents.get(Number(row.oid)) ?? [])].every((parent) => placed.has(parent)),
    );
    if (!ready) {
      const left = tables.rows.filter((row) => !placed.has(Number(row.oid))).map((r) => r.name);
      throw new BackupError(
        `The tables ${left.join(', ')} refer to each other in a cycle: no loading order exists.`,
      );
    }
    placed.add(Number(ready.oid));
    ordered.push({
      name: ready.name,
      columns: columns.rows
        .filter((column) => Number(column.table_oid) === Number(ready.oid))
        .map((column) => column.name),
      estimatedRows: Math.round(Number(ready.estimate)),
    });
  }
  return ordered;
}

/** The sequences of the app's schema. */
export async function listSequences(client: pg.ClientBase): Promise<string[]> {
  const result = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind = 'S' ORDER BY c.relname`,
    [APP_SCHEMA],
  );
  return result.rows.map((row) => row.name);
}

/** `schema.name`, quoted. */
export const qualified = (name: string): string =>
  `${pg.escapeIdentifier(APP_SCHEMA)}.${pg.escapeIdentifier(name)}`;

/** A list of columns, quoted. */
export const columnList = (columns: readonly string[]): string =>
  columns.map((column) => pg.escapeIdentifier(column)).join(', ');
