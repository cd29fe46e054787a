import { type Column, type SQL, sql } from 'drizzle-orm';
import type { HireflowDb } from './openDatabase.ts';

/**
 * Builds a set of prepared statements once per database and returns it on every later call, so
 * repository functions stay plain functions of `db` while the hot path never re-parses SQL.
 */
export function preparedFor<T>(build: (db: HireflowDb) => T): (db: HireflowDb) => T {
  const cache = new WeakMap<HireflowDb, T>();
  return (db) => {
    let statements = cache.get(db);
    if (statements === undefined) {
      statements = build(db);
      cache.set(db, statements);
    }
    return statements;
  };
}

/**
 * A named placeholder encoded like `column` (JSON columns stringify, custom types map), for the places
 * whose types do not accept `sql.placeholder` directly (`update().set()`, conflict updates).
 */
export function placeholderFor(name: string, column: Column): SQL {
  return sql`${sql.param(sql.placeholder(name), column)}`;
}
