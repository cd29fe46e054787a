/** Stable codes of store failures, for callers that map them (CLI exit codes, HTTP problems). */
export type StoreErrorCode =
  /** A connection pragma did not take (WAL, synchronous=FULL, foreign keys, busy timeout). */
  | 'STORE_MISCONFIGURED'
  /** A row with the same unique key exists (version number or hash, workflow id...). */
  | 'STORE_CONFLICT'
  /** The database file could not be opened or migrated. */
  | 'STORE_UNAVAILABLE';

/** A failure of the database layer, with a stable code and the underlying error as `cause`. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** True when `error` is SQLite refusing a duplicate unique or primary key. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
