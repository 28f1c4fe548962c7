/**
 * CHECK constraints in the words of the domain, for db/schema.ts. The SQL they write is exactly
 * what the committed migrations hold, so using them changed no migration.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

/** The column holds one of the domain's values (the lists live in db/domain). */
export const oneOf = (column: SQLiteColumn, values: readonly string[]): SQL => sql`${column} IN (${sql.raw(values.map((v) => `'${v}'`).join(', '))})`;

/** An optional count: empty, or zero and up. */
export const notNegative = (column: SQLiteColumn): SQL => sql`${column} IS NULL OR ${column} >= 0`;

/** Several optional counts, none of them below zero. */
export const noneNegative = (...columns: SQLiteColumn[]): SQL => sql.join(columns.map((column) => sql`coalesce(${column}, 0) >= 0`), sql` AND `);
