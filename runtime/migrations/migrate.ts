import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from '../database/database';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export interface MigrationReport {
  schema: string;
  applied: string[];
}

const fileName = /^(\d+)_([a-z0-9_]+)\.sql$/;

/** Reads `NNN_name.sql` files from a folder, ordered by version. */
export function loadMigrations(directory: string): Migration[] {
  const migrations = readdirSync(directory)
    .filter((file) => file.endsWith('.sql'))
    .map((file) => {
      const match = fileName.exec(file);
      if (!match) throw new Error(`migration file ${file} in ${directory} is not named NNN_name.sql`);
      return { version: Number(match[1]), name: match[2]!, sql: readFileSync(path.join(directory, file), 'utf8') };
    })
    .sort((a, b) => a.version - b.version);
  const versions = new Set<number>();
  for (const migration of migrations) {
    if (migration.version < 1) throw new Error(`${directory}: migration versions start at 1`);
    if (versions.has(migration.version))
      throw new Error(`two migrations in ${directory} share version ${migration.version}`);
    versions.add(migration.version);
  }
  return migrations;
}

/** Hashes the statements, not their layout: re-indenting or a CRLF checkout does not count as a change. */
function checksum(sql: string): string {
  return createHash('sha256').update(sql.replace(/\s+/g, ' ').trim()).digest('hex');
}

/**
 * Brings `schema` up to date: creates it, then applies the pending migrations in order, all in one
 * transaction, recording each in `<schema>.schema_migrations`. Safe to re-run (applied versions are
 * skipped; an applied migration whose statements changed, or a new one numbered below an applied
 * one, is refused) and safe with several processes starting at once (an advisory lock per schema
 * serialises them).
 */
export async function migrate(
  db: Database,
  schema: string,
  migrations: readonly Migration[],
  /** The table recording them; the runtime's own migrations keep a table of their own. */
  table = 'schema_migrations',
): Promise<MigrationReport> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`invalid table name ${table}`);
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`loyalty-graph:migrate:${schema}`]);
    await tx.query(`create schema if not exists ${schema}`);
    await tx.query(`create table if not exists ${schema}.${table} (
      version integer primary key,
      name text not null,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`);
    const { rows } = await tx.query<{ version: number; name: string; checksum: string }>(
      `select version, name, checksum from ${schema}.${table}`,
    );
    const recorded = new Map(rows.map((row) => [row.version, row]));
    const newestApplied = Math.max(-1, ...recorded.keys());
    const applied: string[] = [];
    for (const migration of migrations) {
      const sum = checksum(migration.sql);
      const previous = recorded.get(migration.version);
      if (previous) {
        if (previous.checksum !== sum) {
          throw new Error(
            `migration ${schema} ${migration.version}_${migration.name} was changed after it was applied; add a new migration instead`,
          );
        }
        continue;
      }
      if (migration.version < newestApplied) {
        throw new Error(
          `migration ${schema} ${migration.version}_${migration.name} is older than the applied ${newestApplied}; give it a higher number`,
        );
      }
      await tx.exec(migration.sql);
      await tx.query(`insert into ${schema}.${table} (version, name, checksum) values ($1, $2, $3)`, [
        migration.version,
        migration.name,
        sum,
      ]);
      applied.push(`${migration.version}_${migration.name}`);
    }
    return { schema, applied };
  });
}
